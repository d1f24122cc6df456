using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Imuran.ClinicalRules.Benchmarks.Baseline;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// One evaluation with the full rule set on each executor of the same NRules definitions (NRules, the default; the
/// compiled executor) against the hand-written baseline: the typical patient (fourteen facts, four findings) and the
/// worst case (a finding in every topic). The ratio column is executor to baseline.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EvaluateBenchmarks
{
    private readonly ClinicalRuleSet _ruleSet = ClinicalRuleSet.Default;
    private readonly ClinicalRuleSet _compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
    private readonly TypicalPatientBaseline _baseline = new(ClinicalRuleSet.Default);
    private readonly PatientFacts _typical = BenchmarkPatients.Typical();
    private readonly PatientFacts _worstCase = BenchmarkPatients.WorstCase();

    /// <summary>The floor: the same findings by plain if/else code, with no engine.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalBaseline() => _baseline.Evaluate(_typical);

    [Benchmark]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalNRules() => _ruleSet.Evaluate(_typical);

    [Benchmark]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalCompiled() => _compiled.Evaluate(_typical);

    /// <summary>For scale: FluentValidation alone, which every evaluation ran before the pre-check.</summary>
    [Benchmark]
    [BenchmarkCategory("Typical")]
    public int TypicalFluentValidationOnly() => PatientFactsValidation.ValidateFully(_typical).Count;

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseBaseline() => _baseline.Evaluate(_worstCase);

    [Benchmark]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseNRules() => _ruleSet.Evaluate(_worstCase);

    [Benchmark]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseCompiled() => _compiled.Evaluate(_worstCase);
}
