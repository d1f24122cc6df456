using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>Building (validating and compiling) the rule set in a process that has built it before.</summary>
[Config(typeof(BenchmarkConfig))]
public class BuildBenchmarks
{
    [Benchmark]
    public ClinicalRuleSet BuildWarm() => ClinicalRuleSet.Create();
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
