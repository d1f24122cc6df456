using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Imuran.ClinicalRules.Benchmarks.Baseline;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// NRules 1.0.4's own cost for a network of this rule set's size, beside a real evaluation (see
/// <see cref="NetworkFloor"/>): the stripped networks keep one rule per definition, the fact types of their first
/// patterns, the patient's facts and the firings of the real evaluation (each doing nothing but insert the facts it
/// derived), and drop every condition's logic, every join, negation and aggregate, and every finding. The ratio column is
/// to the real NRules evaluation; the hand-written baseline (no engine) shows the work any executor does besides.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class NRulesFloorBenchmarks
{
    private readonly ClinicalRuleSet _ruleSet = ClinicalRuleSet.Default;
    private readonly TypicalPatientBaseline _baseline = new(ClinicalRuleSet.Default);
    private readonly PatientFacts _typical = BenchmarkPatients.Typical();
    private readonly PatientFacts _worstCase = BenchmarkPatients.WorstCase();
    private readonly NetworkFloor _typicalFloor = new(BenchmarkPatients.Typical());
    private readonly NetworkFloor _worstCaseFloor = new(BenchmarkPatients.WorstCase());

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalNRules() => _ruleSet.Evaluate(_typical);

    /// <summary>No engine: loading, findings and result, as every executor does them.</summary>
    [Benchmark]
    [BenchmarkCategory("Typical")]
    public EvaluationResult TypicalHandWritten() => _baseline.Evaluate(_typical);

    [Benchmark]
    [BenchmarkCategory("Typical")]
    public int TypicalFloorWithItsFirings() => _typicalFloor.FloorWithFirings();

    [Benchmark]
    [BenchmarkCategory("Typical")]
    public int TypicalFloorNothingFires() => _typicalFloor.FloorNoFirings();

    [Benchmark]
    [BenchmarkCategory("Typical")]
    public int TypicalFloorOneRichFact() => _typicalFloor.FloorOneRichFact();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseNRules() => _ruleSet.Evaluate(_worstCase);

    [Benchmark]
    [BenchmarkCategory("WorstCase")]
    public EvaluationResult WorstCaseHandWritten() => _baseline.Evaluate(_worstCase);

    [Benchmark]
    [BenchmarkCategory("WorstCase")]
    public int WorstCaseFloorWithItsFirings() => _worstCaseFloor.FloorWithFirings();

    [Benchmark]
    [BenchmarkCategory("WorstCase")]
    public int WorstCaseFloorNothingFires() => _worstCaseFloor.FloorNoFirings();
}
