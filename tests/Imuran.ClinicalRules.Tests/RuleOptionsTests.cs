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
public class RuleOptionsTests
{
    /// <summary>On azathioprine, liver tests 40 days ago: inside the default 90-day window, outside a 7-day one.</summary>
    private static readonly PatientFacts LiverTestsFortyDaysAgo = Patients.Quiet().WithoutLiverTests().WithLabs(Patients.Lab(LabKind.Alt, 22, 40));

    [Fact]
    public void Bind_RuleSetOptionsFromConfiguration_LeavesTheDefaultsAndTheDefaultRuleSetAlone()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Imuran:Rules:LiverTestWindowDays"] = "7" })
            .Build();
        var bound = new RuleSetOptions();

        configuration.GetSection("Imuran").Bind(bound);

        bound.Rules.LiverTestWindowDays.Should().Be(7);
        RuleOptions.Default.LiverTestWindowDays.Should().Be(90, "binding fills the host's options, never the shared defaults");
        new RuleSetOptions().Rules.LiverTestWindowDays.Should().Be(90);
        ClinicalRuleSet.Default.Evaluate(LiverTestsFortyDaysAgo).Findings.Should().NotContain(f => f.RuleId == "AZA-LFT-001");
        ClinicalRuleSet.Create(bound).Evaluate(LiverTestsFortyDaysAgo).Findings.Should().Contain(f => f.RuleId == "AZA-LFT-001");
    }

    [Fact]
    public void Create_ThenTheOptionsInstanceIsChanged_RuleSetKeepsTheThresholdsItWasBuiltWith()
    {
        var thresholds = new RuleOptions { LiverTestWindowDays = 60 };
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Rules = thresholds });

        // What configuration binding does to an instance it is handed.
        typeof(RuleOptions).GetProperty(nameof(RuleOptions.LiverTestWindowDays))!.SetValue(thresholds, 7);

        ruleSet.Evaluate(LiverTestsFortyDaysAgo).Findings.Should().NotContain(f => f.RuleId == "AZA-LFT-001");
    }

    [Fact]
    public void ToJson_RuleSetWithChangedThresholds_ListsThem()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Rules = new RuleOptions { LiverTestWindowDays = 60, EgfrThreshold = null, MarkedFallFraction = 0.25 } });

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
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Rules = new RuleOptions { LiveVaccineLookbackDays = 42 } });

        using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ruleSet.Evaluate(LiverTestsFortyDaysAgo with { EvaluationDate = default })));

        doc.RootElement.GetProperty("isValid").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("thresholds").GetProperty("liveVaccineLookbackDays").GetInt32().Should().Be(42);
    }

    public static TheoryData<string, RuleOptions> Nonsense() => new()
    {
        { "LiverTestWindowDays", new RuleOptions { LiverTestWindowDays = -1 } },
        { "LiveVaccineLookbackDays", new RuleOptions { LiveVaccineLookbackDays = -28 } },
        { "TransfusionWindowDays", new RuleOptions { TransfusionWindowDays = -90 } },
        { "IntensifiedMonitoringDays", new RuleOptions { IntensifiedMonitoringDays = -1 } },
        { "ReproductiveAgeFrom", new RuleOptions { ReproductiveAgeFrom = -1 } },
        { "ReproductiveAgeTo", new RuleOptions { ReproductiveAgeFrom = 55, ReproductiveAgeTo = 12 } },
        { "MaxFirings", new RuleOptions { MaxFirings = 0 } },
        { "EgfrThreshold", new RuleOptions { EgfrThreshold = -60 } },
        { "EgfrThreshold", new RuleOptions { EgfrThreshold = double.NaN } },
        { "MarkedFallFraction", new RuleOptions { MarkedFallFraction = 0 } },
        { "MarkedFallFraction", new RuleOptions { MarkedFallFraction = 1.5 } },
        { "MarkedFallWindowDays", new RuleOptions { MarkedFallWindowDays = -1 } },
        { "WhiteCellLowThreshold", new RuleOptions { WhiteCellLowThreshold = 0 } },
        { "NeutrophilLowThreshold", new RuleOptions { NeutrophilLowThreshold = -1.6 } },
        { "PlateletLowThreshold", new RuleOptions { PlateletLowThreshold = double.NaN } },
        { "LiverEnzymeHighMultiple", new RuleOptions { LiverEnzymeHighMultiple = 0 } },
        { "LiverEnzymeCriticalMultiple", new RuleOptions { LiverEnzymeCriticalMultiple = double.PositiveInfinity } },
        { "BilirubinCriticalMultiple", new RuleOptions { BilirubinCriticalMultiple = -3 } },
        { "PregnancyStatusMaxAgeDays", new RuleOptions { PregnancyStatusMaxAgeDays = -1 } },
        { "PregnantStatusMaxAgeDays", new RuleOptions { PregnantStatusMaxAgeDays = -1 } },
        { "BreastfeedingStatusMaxAgeDays", new RuleOptions { BreastfeedingStatusMaxAgeDays = -1 } },
        { "NewCoMedicationDays", new RuleOptions { NewCoMedicationDays = -1 } },
        { "ConsideringContradictionDays", new RuleOptions { ConsideringContradictionDays = -1 } },
    };

    [Theory]
    [MemberData(nameof(Nonsense))]
    public void Create_NonsenseThreshold_ThrowsNamingTheOption(string option, RuleOptions thresholds)
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { Rules = thresholds });

        act.Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.Rules.{option}*");
    }

    [Fact]
    public void Create_SeveralNonsenseThresholds_NamesEachOne()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { Rules = new RuleOptions { LiverTestWindowDays = -7, MaxFirings = 0 } });

        act.Should().Throw<ArgumentException>().WithMessage("*LiverTestWindowDays*").WithMessage("*MaxFirings*");
    }

    [Fact]
    public void Create_BoundaryThresholds_AreAccepted()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions
        {
            Rules = new RuleOptions
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
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Rules = new RuleOptions { LiverTestWindowDays = 60 } });

        ruleSet.Thresholds.Should().Be(new RuleOptions { LiverTestWindowDays = 60 });
        ruleSet.Evaluate(LiverTestsFortyDaysAgo).Thresholds.Should().Be(new RuleOptions { LiverTestWindowDays = 60 });
        ruleSet.Evaluate(LiverTestsFortyDaysAgo with { EvaluationDate = default }).Thresholds.Should().Be(new RuleOptions { LiverTestWindowDays = 60 });
        ClinicalRuleSet.Default.Evaluate(LiverTestsFortyDaysAgo).Thresholds.Should().Be(new RuleOptions());
    }

    [Fact]
    public void Evaluate_AResultsThresholdsChanged_RuleSetIsUnaffected()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Rules = new RuleOptions { LiverTestWindowDays = 60 } });
        var first = ruleSet.Evaluate(LiverTestsFortyDaysAgo);

        typeof(RuleOptions).GetProperty(nameof(RuleOptions.LiverTestWindowDays))!.SetValue(first.Thresholds, 7);

        ruleSet.Evaluate(LiverTestsFortyDaysAgo).Findings.Should().NotContain(f => f.RuleId == "AZA-LFT-001");
    }

    [Fact]
    public void Default_EveryCall_IsANewInstanceWithTheDefaults()
    {
        RuleOptions.Default.Should().NotBeSameAs(RuleOptions.Default);
        RuleOptions.Default.Should().Be(new RuleOptions());
        new RuleSetOptions().Rules.Should().NotBeSameAs(new RuleSetOptions().Rules);
    }

    [Fact]
    public void ToJson_EveryThreshold_IsListedWhenChanged()
    {
        // Guards the list of thresholds a result names against a new option that is not in it.
        foreach (var property in typeof(RuleOptions).GetProperties().Where(p => p.CanWrite))
        {
            var thresholds = new RuleOptions();
            var changed = property.PropertyType == typeof(int) ? (object)((int)property.GetValue(thresholds)! + 1) : null;
            property.SetValue(thresholds, changed);
            var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Rules = thresholds });

            using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ruleSet.Evaluate(LiverTestsFortyDaysAgo)));

            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            doc.RootElement.GetProperty("thresholds").EnumerateObject().Select(p => p.Name).Should().Equal(new[] { name }, property.Name);
        }
    }
}
