using System;
using System.Diagnostics;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// A quick Stopwatch check (seconds, not minutes) for use while changing the hot path. It is not the measurement:
/// the committed numbers come from BenchmarkDotNet.
/// </summary>
internal static class Smoke
{
    public static int Run()
    {
        var sw = Stopwatch.StartNew();
        var set = ClinicalRuleSet.Create();
        Console.WriteLine($"first build (cold-ish): {sw.Elapsed.TotalMilliseconds:F1} ms");
        for (var i = 0; i < 5; i++)
        {
            ClinicalRuleSet.Create();
        }

        sw.Restart();
        for (var i = 0; i < 20; i++)
        {
            ClinicalRuleSet.Create();
        }

        Console.WriteLine($"warm build: {sw.Elapsed.TotalMilliseconds / 20:F2} ms");

        Measure("typical", set, BenchmarkPatients.Typical(), 200_000);
        Measure("worst case", set, BenchmarkPatients.WorstCase(), 20_000);
        Measure("validation only (typical)", BenchmarkPatients.Typical(), 200_000);

        var cohort = new CohortGenerator().Make(100_000);
        foreach (var p in cohort)
        {
            set.Evaluate(p);
        }

        sw.Restart();
        var findings = 0;
        foreach (var p in cohort)
        {
            findings += set.Evaluate(p).Findings.Count;
        }

        Console.WriteLine($"cohort 100k one thread: {sw.Elapsed.TotalSeconds:F2} s, {cohort.Length / sw.Elapsed.TotalSeconds:F0}/s, {findings / (double)cohort.Length:F2} findings/patient");
        return 0;
    }

    private static void Measure(string name, ClinicalRuleSet set, PatientFacts facts, int n)
    {
        var r = set.Evaluate(facts);
        for (var i = 0; i < n / 10; i++)
        {
            set.Evaluate(facts);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            set.Evaluate(facts);
        }

        sw.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds * 1000 / n:F2} µs, {bytes:F0} B/op, {r.Findings.Count} findings, valid {r.IsValid}, errors {r.RuleErrors.Count}");
    }

    private static void Measure(string name, PatientFacts facts, int n)
    {
        for (var i = 0; i < n / 10; i++)
        {
            Validation.PatientFactsValidation.Validate(facts);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            Validation.PatientFactsValidation.Validate(facts);
        }

        sw.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds * 1000 / n:F2} µs, {bytes:F0} B/op");
    }
}
