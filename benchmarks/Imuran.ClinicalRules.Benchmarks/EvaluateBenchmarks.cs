using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Imuran.ClinicalRules.Benchmarks.Baseline;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// One evaluation with the full rule set: the typical patient (fourteen facts, four findings) against the
/// hand-written baseline, and the worst case (a finding in every topic). The ratio column is engine to baseline.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EvaluateBenchmarks
{
    private readonly ClinicalRuleSet _ruleSet = ClinicalRuleSet.Default;
    private readonly TypicalPatientBaseline _baseline = new(ClinicalRuleSet.Default);
    private readonly PatientFacts _typical = BenchmarkPatients.Typical();
    private readonly PatientFacts _worstCase = BenchmarkPatients.WorstCase();

    /// <summary>The floor: the same findings by plain if/else code, with no engine.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalBaseline() => _baseline.Evaluate(_typical);

    [Benchmark]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalEngine() => _ruleSet.Evaluate(_typical);

    /// <summary>For scale: FluentValidation alone, which every evaluation ran before the pre-check.</summary>
    [Benchmark]
    [BenchmarkCategory("Typical")]
    public int TypicalFluentValidationOnly() => PatientFactsValidation.ValidateFully(_typical).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseBaseline() => _baseline.Evaluate(_worstCase);

    [Benchmark]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseEngine() => _ruleSet.Evaluate(_worstCase);
}
