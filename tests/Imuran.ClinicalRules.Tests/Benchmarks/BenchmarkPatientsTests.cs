using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Benchmarks;

/// <summary>The benchmark patients are what the benchmark README says they are.</summary>
public sealed class BenchmarkPatientsTests
{
    [Fact]
    public void Typical_CountsTenToFifteenFacts()
    {
        var p = BenchmarkPatients.Typical();

        var facts = p.Pharmacogenomics.Count + p.Medications.Count + p.Conditions.Count + p.LabResults.Count
            + p.Allergies.Count + p.Vaccinations.Count;

        facts.Should().BeInRange(10, 15);
    }

    [Fact]
    public void Typical_Evaluate_RaisesTheFourDocumentedFindings()
    {
        var result = ClinicalRuleSet.Default.Evaluate(BenchmarkPatients.Typical());

        result.IsComplete.Should().BeTrue();
        // Issue 11: the long-standing ACE inhibitor on stable counts is information (AZA-INT-011), no longer a warning.
        result.Findings.Select(f => f.RuleId).Should().BeEquivalentTo("AZA-INT-011", "AZA-REN-002", "AZA-HND-001", "AZA-CBC-002");
        result.Unrecognised.Should().HaveCount(3);
    }

    [Fact]
    public void WorstCase_Evaluate_RaisesAFindingInEveryTopic()
    {
        var result = ClinicalRuleSet.Default.Evaluate(BenchmarkPatients.WorstCase());

        result.IsComplete.Should().BeTrue();
        result.Findings.Select(f => f.Topic).Distinct().Should().BeEquivalentTo(Topics.All);
    }

    [Fact]
    public void CohortPatients_AreValidAndEvaluateCompletely()
    {
        var cohort = BenchmarkCohort.Make(2000);

        foreach (var p in cohort)
        {
            var result = ClinicalRuleSet.Default.Evaluate(p);
            result.IsValid.Should().BeTrue("cohort patient {0} must be valid", p.PatientId);
            result.IsComplete.Should().BeTrue("cohort patient {0} must evaluate completely", p.PatientId);
        }

        cohort.Average(p => p.Pharmacogenomics.Count + p.Medications.Count + p.Conditions.Count + p.LabResults.Count).Should().BeGreaterThan(5, "the cohort exercises many rules, not one cached path");
    }

    [Fact]
    public void BenchmarkCohort_SameSeed_GivesTheSamePatients()
    {
        var a = BenchmarkCohort.Make(50, 7);
        var b = BenchmarkCohort.Make(50, 7);

        for (var i = 0; i < a.Length; i++)
        {
            EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(a[i]))
                .Should().Be(EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(b[i])));
        }
    }
}
