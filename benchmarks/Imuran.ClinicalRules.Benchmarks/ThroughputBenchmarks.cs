using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// Cohort throughput: 100,000 pre-built typical patients (the Research library's synthetic cohort, see <see cref="BenchmarkCohort"/>) evaluated on
/// every core, and on one thread for comparison. Each operation is one evaluation, so Op/s is evaluations per second.
/// Cohort runs use the compiled executor (as <c>imuran-rules batch --engine compiled</c> and <c>coverage</c> do); the
/// NRules executor's cost per patient is in <see cref="EvaluateBenchmarks"/>.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 1)]
public class ThroughputBenchmarks
{
    private const int Patients = 100_000;

    private readonly ClinicalRuleSet _ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
    private PatientFacts[] _cohort = Array.Empty<PatientFacts>();

    [GlobalSetup]
    public void Setup() => _cohort = BenchmarkCohort.Make(Patients);

    [Benchmark(OperationsPerInvoke = Patients)]
    public int AllCores()
    {
        var findings = 0;
        Parallel.ForEach(
            Partitioner.Create(0, _cohort.Length, 2_000),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => 0,
            (range, _, local) =>
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    local += _ruleSet.Evaluate(_cohort[i]).Findings.Count;
                }

                return local;
            },
            local => System.Threading.Interlocked.Add(ref findings, local));
        return findings;
    }

    [Benchmark(OperationsPerInvoke = Patients)]
    public int OneThread()
    {
        var findings = 0;
        foreach (var facts in _cohort)
        {
            findings += _ruleSet.Evaluate(facts).Findings.Count;
        }

        return findings;
    }
}
