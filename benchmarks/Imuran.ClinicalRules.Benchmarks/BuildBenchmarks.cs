using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// Building the rule set in a process that has built it before: validating the definitions (built once per process)
/// and compiling them, by NRules' <c>RuleCompiler</c> (FastExpressionCompiler on net8.0+) or by the compiled executor.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class BuildBenchmarks
{
    [Benchmark(Baseline = true)]
    public ClinicalRuleSet BuildWarmNRules() => ClinicalRuleSet.Create();

    [Benchmark]
    public ClinicalRuleSet BuildWarmCompiled() => ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
}

/// <summary>
/// Building the rule set as the first thing a fresh process does: each launch is a new process and measures one
/// build, so the time includes loading the library, JIT compilation and static data (the CPIC tables, the no-dose
/// policy's expressions).
/// </summary>
[Config(typeof(BenchmarkConfig))]
[SimpleJob(RunStrategy.ColdStart, launchCount: 15, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ColdBuildBenchmarks
{
    [Benchmark]
    public ClinicalRuleSet BuildCold() => ClinicalRuleSet.Create();
}
