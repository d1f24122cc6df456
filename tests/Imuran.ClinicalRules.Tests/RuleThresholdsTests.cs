using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Rules;
using Microsoft.Extensions.Configuration;

namespace Imuran.ClinicalRules.Tests;

/// <summary>
/// Thresholds are a snapshot: configuration binding cannot change the shared defaults, a built rule set keeps the
/// thresholds it was built with, every result says which it used, and nonsense is refused when the set is built.
/// </summary>
public class RuleThresholdsTests
{
    /// <summary>On azathioprine, liver tests 40 days ago: inside the default 90-day window, outside a 7-day one.</summary>
    private static readonly PatientFacts LiverTestsFortyDaysAgo = Patients.Quiet().WithoutLiverTests().WithLabs(Patients.Lab(LabKind.Alt, 22, 40));

    [Fact]
    public void Bind_RuleSetOptionsFromConfiguration_LeavesTheDefaultsAndTheDefaultRuleSetAlone()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Imuran:Thresholds:LiverTestWindowDays"] = "7" })
            .Build();
        var bound = new RuleSetOptions();

        configuration.GetSection("Imuran").Bind(bound);

        bound.Thresholds.LiverTestWindowDays.Should().Be(7);
        RuleThresholds.Default.LiverTestWindowDays.Should().Be(90, "binding fills the host's options, never the shared defaults");
        new RuleSetOptions().Thresholds.LiverTestWindowDays.Should().Be(90);
        ClinicalRuleSet.Default.Evaluate(LiverTestsFortyDaysAgo).Findings.Should().NotContain(f => f.RuleId == "AZA-LFT-001");
        ClinicalRuleSet.Create(bound).Evaluate(LiverTestsFortyDaysAgo).Findings.Should().Contain(f => f.RuleId == "AZA-LFT-001");
    }

    [Fact]
    public void Create_ThenTheOptionsInstanceIsChanged_RuleSetKeepsTheThresholdsItWasBuiltWith()
    {
        var thresholds = new RuleThresholds { LiverTestWindowDays = 60 };
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = thresholds });

        // What configuration binding does to an instance it is handed.
        typeof(RuleThresholds).GetProperty(nameof(RuleThresholds.LiverTestWindowDays))!.SetValue(thresholds, 7);

        ruleSet.Evaluate(LiverTestsFortyDaysAgo).Findings.Should().NotContain(f => f.RuleId == "AZA-LFT-001");
    }

    [Fact]
    public void DescribeChanges_Defaults_IsNull() =>
        RuleThresholds.Default.DescribeChanges().Should().BeNull();

    [Fact]
    public void DescribeChanges_ValueSetToItsDefault_IsNotAChange() =>
        (RuleThresholds.Default with { LiverTestWindowDays = 90 }).DescribeChanges().Should().BeNull();

    [Fact]
    public void DescribeChanges_ChangedAndTurnedOff_NamesEachWithItsDefault() =>
        (RuleThresholds.Default with { LiverTestWindowDays = 60, EgfrThreshold = null, MarkedFallFraction = 0.25 }).DescribeChanges()
            .Should().Be("egfrThreshold off (default 60), markedFallFraction 0.25 (default 0.3), liverTestWindowDays 60 (default 90)");

    [Fact]
    public void ToJson_RuleSetWithChangedThresholds_ListsThem()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiverTestWindowDays = 60, EgfrThreshold = null, MarkedFallFraction = 0.25 } });

        using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ruleSet.Evaluate(LiverTestsFortyDaysAgo)));

        doc.RootElement.GetProperty("thresholds").GetRawText().Should().Be("""
            {
                "egfrThreshold": null,
                "markedFallFraction": 0.25,
                "liverTestWindowDays": 60
              }
            """.Replace("\n", Environment.NewLine));
    }

    [Fact]
    public void ToJson_DefaultRuleSet_SaysNoThresholdWasChanged()
    {
        using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(LiverTestsFortyDaysAgo)));

        doc.RootElement.GetProperty("thresholds").EnumerateObject().Should().BeEmpty();
    }

    [Fact]
    public void ToJson_InvalidInput_StillSaysWhichThresholdsApplied()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiveVaccineLookbackDays = 42 } });

        using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ruleSet.Evaluate(LiverTestsFortyDaysAgo with { EvaluationDate = default })));

        doc.RootElement.GetProperty("isValid").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("thresholds").GetProperty("liveVaccineLookbackDays").GetInt32().Should().Be(42);
    }

    public static TheoryData<string, RuleThresholds> Nonsense() => new()
    {
        { "LiverTestWindowDays", new RuleThresholds { LiverTestWindowDays = -1 } },
        { "LiveVaccineLookbackDays", new RuleThresholds { LiveVaccineLookbackDays = -28 } },
        { "TransfusionWindowDays", new RuleThresholds { TransfusionWindowDays = -90 } },
        { "IntensifiedMonitoringDays", new RuleThresholds { IntensifiedMonitoringDays = -1 } },
        { "ReproductiveAgeFrom", new RuleThresholds { ReproductiveAgeFrom = -1 } },
        { "ReproductiveAgeTo", new RuleThresholds { ReproductiveAgeFrom = 55, ReproductiveAgeTo = 12 } },
        { "MaxFirings", new RuleThresholds { MaxFirings = 0 } },
        { "EgfrThreshold", new RuleThresholds { EgfrThreshold = -60 } },
        { "EgfrThreshold", new RuleThresholds { EgfrThreshold = double.NaN } },
        { "MarkedFallFraction", new RuleThresholds { MarkedFallFraction = 0 } },
        { "MarkedFallFraction", new RuleThresholds { MarkedFallFraction = 1.5 } },
        { "MarkedFallWindowDays", new RuleThresholds { MarkedFallWindowDays = -1 } },
        { "WhiteCellLowThreshold", new RuleThresholds { WhiteCellLowThreshold = 0 } },
        { "NeutrophilLowThreshold", new RuleThresholds { NeutrophilLowThreshold = -1.6 } },
        { "PlateletLowThreshold", new RuleThresholds { PlateletLowThreshold = double.NaN } },
        { "LiverEnzymeHighMultiple", new RuleThresholds { LiverEnzymeHighMultiple = 0 } },
        { "LiverEnzymeCriticalMultiple", new RuleThresholds { LiverEnzymeCriticalMultiple = double.PositiveInfinity } },
        { "BilirubinCriticalMultiple", new RuleThresholds { BilirubinCriticalMultiple = -3 } },
        { "PregnancyStatusMaxAgeDays", new RuleThresholds { PregnancyStatusMaxAgeDays = -1 } },
        { "PregnantStatusMaxAgeDays", new RuleThresholds { PregnantStatusMaxAgeDays = -1 } },
        { "BreastfeedingStatusMaxAgeDays", new RuleThresholds { BreastfeedingStatusMaxAgeDays = -1 } },
        { "NewCoMedicationDays", new RuleThresholds { NewCoMedicationDays = -1 } },
        { "ConsideringContradictionDays", new RuleThresholds { ConsideringContradictionDays = -1 } },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void Create_NonsenseThreshold_ThrowsNamingTheOption(string option, RuleThresholds thresholds)
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = thresholds });

        act.Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.Thresholds.{option}*");
    }

    [Theory]
    [InlineData(6.0, 5.0)]
    [InlineData(5.0, 5.0)]
    [InlineData(2.0, 1.5)]
    public void Create_LiverHighMultipleAtOrAboveTheCriticalOne_ThrowsNamingBoth(double high, double critical)
    {
        // Stop 25: accepted, so "high" (AZA-HEP-002) could never fire before "critical" (AZA-HEP-003).
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiverEnzymeHighMultiple = high, LiverEnzymeCriticalMultiple = critical } });

        act.Should().Throw<ArgumentException>().WithMessage("*RuleSetOptions.Thresholds.LiverEnzymeHighMultiple*LiverEnzymeCriticalMultiple*");
    }

    [Theory]
    [InlineData(4.9, 5.0)]
    [InlineData(null, 1.5)]
    [InlineData(6.0, null)]
    public void Create_LiverHighMultipleBelowTheCriticalOneOrEitherOff_IsAccepted(double? high, double? critical)
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiverEnzymeHighMultiple = high, LiverEnzymeCriticalMultiple = critical } });

        act.Should().NotThrow();
    }

    [Fact]
    public void Read_PolicyWithTheLiverHighMultipleAboveTheCriticalOne_IsRefusedNamingBoth()
    {
        var read = Imuran.ClinicalRules.Policy.SitePolicyJson.Read("""{ "name": "x", "version": "1", "thresholds": { "liverEnzymeHighMultiple": 6 } }""");

        read.Policy.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Field == "thresholds.liverEnzymeHighMultiple" && p.Code == Imuran.ClinicalRules.Validation.ErrorCodes.OutOfRange
            && p.Message.Contains("6") && p.Message.Contains("LiverEnzymeCriticalMultiple", StringComparison.OrdinalIgnoreCase) && p.Message.Contains("5"));
    }

    [Fact]
    public void Create_SeveralNonsenseThresholds_NamesEachOne()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiverTestWindowDays = -7, MaxFirings = 0 } });

        act.Should().Throw<ArgumentException>().WithMessage("*LiverTestWindowDays*").WithMessage("*MaxFirings*");
    }

    [Fact]
    public void Create_BoundaryThresholds_AreAccepted()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions
        {
            Thresholds = new RuleThresholds
            {
                LiverTestWindowDays = 0, LiveVaccineLookbackDays = 0, TransfusionWindowDays = 0, IntensifiedMonitoringDays = 0,
                ReproductiveAgeFrom = 30, ReproductiveAgeTo = 30, MaxFirings = 1, MarkedFallFraction = 1, EgfrThreshold = null,
            },
        });

        act.Should().NotThrow();
    }

    [Fact]
    public void Evaluate_AnyResult_CarriesTheThresholdsItsRuleSetWasBuiltWith()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiverTestWindowDays = 60 } });

        ruleSet.Thresholds.Should().Be(new RuleThresholds { LiverTestWindowDays = 60 });
        ruleSet.Evaluate(LiverTestsFortyDaysAgo).Thresholds.Should().Be(new RuleThresholds { LiverTestWindowDays = 60 });
        ruleSet.Evaluate(LiverTestsFortyDaysAgo with { EvaluationDate = default }).Thresholds.Should().Be(new RuleThresholds { LiverTestWindowDays = 60 });
        ClinicalRuleSet.Default.Evaluate(LiverTestsFortyDaysAgo).Thresholds.Should().Be(new RuleThresholds());
    }

    [Fact]
    public void Evaluate_AResultsThresholdsChanged_RuleSetIsUnaffected()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { LiverTestWindowDays = 60 } });
        var first = ruleSet.Evaluate(LiverTestsFortyDaysAgo);

        typeof(RuleThresholds).GetProperty(nameof(RuleThresholds.LiverTestWindowDays))!.SetValue(first.Thresholds, 7);

        ruleSet.Evaluate(LiverTestsFortyDaysAgo).Findings.Should().NotContain(f => f.RuleId == "AZA-LFT-001");
    }

    [Fact]
    public void Default_EveryCall_IsANewInstanceWithTheDefaults()
    {
        RuleThresholds.Default.Should().NotBeSameAs(RuleThresholds.Default);
        RuleThresholds.Default.Should().Be(new RuleThresholds());
        new RuleSetOptions().Thresholds.Should().NotBeSameAs(new RuleSetOptions().Thresholds);
    }

    [Fact]
    public void ToJson_EveryThreshold_IsListedWhenChanged()
    {
        // Guards the list of thresholds a result names against a new option that is not in it.
        foreach (var property in typeof(RuleThresholds).GetProperties().Where(p => p.CanWrite))
        {
            var thresholds = new RuleThresholds();
            var changed = property.PropertyType == typeof(int) ? (object)((int)property.GetValue(thresholds)! + 1) : null;
            property.SetValue(thresholds, changed);
            var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = thresholds });

            using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ruleSet.Evaluate(LiverTestsFortyDaysAgo)));

            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            doc.RootElement.GetProperty("thresholds").EnumerateObject().Select(p => p.Name).Should().Equal(new[] { name }, property.Name);
        }
    }
}
