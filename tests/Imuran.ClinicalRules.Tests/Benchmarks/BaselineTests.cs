using Imuran.ClinicalRules.Benchmarks.Baseline;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Benchmarks;

/// <summary>
/// The hand-written baseline the benchmarks compare the engine with gives exactly the engine's result (findings with
/// their texts, basis and sources, unrecognised items, validation problems), so the comparison is honest.
/// </summary>
public sealed class BaselineTests
{
    private static readonly TypicalPatientBaseline Baseline = new(ClinicalRuleSet.Default);

    [Fact]
    public void Evaluate_TypicalPatient_GivesTheEnginesResult()
    {
        var facts = BenchmarkPatients.Typical();

        var baseline = Baseline.Evaluate(facts);

        baseline.Findings.Should().HaveCount(4);
        Json(baseline).Should().Be(Json(ClinicalRuleSet.Default.Evaluate(facts)));
    }

    [Fact]
    public void Evaluate_WorstCase_GivesTheEnginesResult()
    {
        var facts = BenchmarkPatients.WorstCase();

        Json(Baseline.Evaluate(facts)).Should().Be(Json(ClinicalRuleSet.Default.Evaluate(facts)));
    }

    [Fact]
    public void Evaluate_CohortPatients_GiveTheEnginesResults()
    {
        foreach (var facts in BenchmarkCohort.Make(2000))
        {
            Json(Baseline.Evaluate(facts)).Should().Be(Json(ClinicalRuleSet.Default.Evaluate(facts)), "cohort patient {0}", facts.PatientId);
        }
    }

    [Fact]
    public void Evaluate_VariedPatients_GiveTheEnginesResults()
    {
        var fuzzer = new PatientFuzzer(17);
        for (var i = 0; i < 3000; i++)
        {
            var facts = fuzzer.Next(i);
            Json(Baseline.Evaluate(facts)).Should().Be(Json(ClinicalRuleSet.Default.Evaluate(facts)), "varied patient {0}", i);
        }
    }

    [Fact]
    public void Evaluate_AfterARuleChange_NoLongerMatches()
    {
        // The equality above is not vacuous: a rule set without one rule the typical patient triggers differs.
        var withoutRenal = ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { "AZA-REN-002" } });
        var facts = BenchmarkPatients.Typical();

        Json(Baseline.Evaluate(facts)).Should().NotBe(Json(withoutRenal.Evaluate(facts) with { DisabledRules = Array.Empty<string>() }));
    }

    private static string Json(EvaluationResult result) => EvaluationResultJson.ToJson(result, indented: true);
}
