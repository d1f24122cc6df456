using System.Diagnostics;
using System.IO;
using System.Text;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Tests.Common.LongListPatient;

namespace Imuran.ClinicalRules.Tests.Hardening;

/// <summary>
/// Long lists (issue 10): refills give one finding per medicine, and a long refill history evaluates completely. No
/// time bound here (time is the benchmarks' job): that cost grows about linearly with list length is asserted by
/// counting the engine's work and bytes in <see cref="Engine.ExecutorScaleTests"/>.
/// </summary>
public class ListSizeTests
{
    [Fact]
    public void Evaluate_ThreeIdenticalAllopurinolRefills_OneFindingWhoseBasisListsEveryEntry()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Patient(new[] { Allopurinol(300), Allopurinol(200), Allopurinol(100) }));

        var finding = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INT-001").Subject;
        finding.Basis.Facts.Where(b => b.Name == "medication").Select(b => b.Path)
            .Should().Equal("medications[0]", "medications[1]", "medications[2]");
    }

    [Fact]
    public void Evaluate_PastAndActiveAllopurinol_OneFindingListingBoth()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Patient(new[] { Allopurinol(900, active: false), Allopurinol(30) }));

        var finding = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INT-001").Subject;
        finding.Basis.Facts.Select(b => b.Path).Should().Contain(new[] { "medications[0]", "medications[1]" });
    }

    [Fact]
    public void Evaluate_ALongRefillHistoryOfEveryInteractingMedicine_IsCompleteWithOneFindingPerMedicine()
    {
        var names = new[] { "allopurinol", "febuxostat", "mesalamine", "sulfasalazine", "Bactrim", "lisinopril", "ramipril", "warfarin", "ribavirin", "mercaptopurine", "methotrexate", "tacrolimus", "cyclophosphamide" };
        var medications = Enumerable.Range(0, 2000).Select(i => new Medication { Name = names[i % names.Length], StartDate = Today.AddDays(-(i % 700)), Active = true }).ToList();

        var result = ClinicalRuleSet.Default.Evaluate(Patient(medications));

        result.IsComplete.Should().BeTrue(string.Join("; ", result.RuleErrors));
        result.Findings.GroupBy(f => (f.RuleId, f.Summary)).Should().OnlyContain(g => g.Count() == 1);
    }
}

/// <summary>The host's input limits (issue 10): an oversized list or text is a validation problem naming it, not unbounded work.</summary>
public class InputLimitTests
{
    private static readonly ClinicalDate Today = new(2026, 11, 22);

    private static PatientFacts Patient(int labs = 0, string? medicationName = null) => new()
    {
        EvaluationDate = Today,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering },
        Medications = medicationName is null ? Array.Empty<Medication>() : new[] { new Medication { Name = medicationName } },
        LabResults = Enumerable.Range(0, labs).Select(i => new LabResult { LoincCode = "6690-2", Value = 5, Unit = "10*9/L", Date = Today.AddDays(-(i % 900)) }).ToList(),
    };

    [Fact]
    public void Evaluate_MoreLabsThanTheDefaultLimit_IsInputTooLargeNamingTheList()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Patient(labs: 100_001));

        result.IsValid.Should().BeFalse();
        result.Validation.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p => p.Field == "labResults" && p.Code == "INPUT_TOO_LARGE");
    }

    [Fact]
    public void Evaluate_ExactlyTheDefaultLimit_IsEvaluated() =>
        ClinicalRuleSet.Default.Evaluate(Patient(labs: 100_000)).IsValid.Should().BeTrue();

    [Fact]
    public void Evaluate_HostLimits_AreApplied()
    {
        var rules = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { MaxListLength = 3, MaxTextLength = 20 } });

        rules.Evaluate(Patient(labs: 4)).Validation.Should().Contain(p => p.Field == "labResults" && p.Code == "INPUT_TOO_LARGE");
        rules.Evaluate(Patient(medicationName: new string('a', 21))).Validation.Should().Contain(p => p.Field == "medications[0].name" && p.Code == "INPUT_TOO_LARGE");
        rules.Evaluate(Patient(labs: 3, medicationName: new string('a', 20))).IsValid.Should().BeTrue();
    }
}

/// <summary>A long but realistic record of every kind (issue 10, item 6): no evaluation reaches the firing limit.</summary>
public class LongHistoryTests
{
    private static readonly ClinicalDate Today = new(2026, 11, 22);

    [Fact]
    public void Evaluate_YearsOfRepeatedConditionsVaccinesAllergiesAndLabs_IsCompleteWithoutRepeatedFindings()
    {
        var conditions = new[] { "chronic kidney disease", "cirrhosis", "chronic hepatitis B", "melanoma", "lymphoma", "rheumatoid arthritis", "Crohn's disease", "kidney transplant" };
        var facts = new PatientFacts
        {
            EvaluationDate = Today,
            BirthDate = new ClinicalDate(1980, 1, 1),
            Sex = Sex.Female,
            PregnancyStatus = PregnancyStatus.Pregnant,
            Breastfeeding = true,
            Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2020, 1, 1) },
            Conditions = Enumerable.Range(0, 1500).Select(i => new Condition { Name = conditions[i % conditions.Length], Status = ConditionStatus.Active, Onset = Today.AddDays(-(i % 900)) }).ToList(),
            Vaccinations = Enumerable.Range(0, 1500).Select(i => new Vaccination { CvxCode = i % 2 == 0 ? "03" : "21", Date = Today.AddDays(-(i % 3)), Status = VaccinationStatus.Given }).ToList(),
            Allergies = Enumerable.Range(0, 1500).Select(_ => new Allergy { Substance = "azathioprine" }).ToList(),
            LabResults = Enumerable.Range(0, 1500).Select(i => new LabResult { LoincCode = "6690-2", Value = 1, Unit = "10*9/L", Date = Today.AddDays(-i), Flag = LabFlag.CriticallyLow }).ToList(),
        };

        var result = ClinicalRuleSet.Default.Evaluate(facts);

        result.IsValid.Should().BeTrue(string.Join("; ", result.Validation.Select(p => p.Field + " " + p.Code)));
        result.IsComplete.Should().BeTrue(string.Join("; ", result.RuleErrors));
        result.Findings.GroupBy(f => f.RuleId).Should().OnlyContain(g => g.Count() <= 6, "a repeated entry must not repeat its finding");
    }
}
