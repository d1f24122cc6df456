using System;
using System.IO;
using BenchmarkDotNet.Running;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet benchmarks (any BenchmarkDotNet arguments, e.g. <c>--filter '*'</c>), or one of the harness
/// commands: <c>batch</c> (the CLI batch benchmark), <c>cohort N FILE</c> (write an NDJSON cohort), <c>smoke</c> (a
/// quick Stopwatch check with a per-phase and per-rule breakdown), <c>pipeline FILE N</c> (per-line batch costs),
/// <c>profile [typical|worst] [nrules|compiled]</c> (a ten-second loop for a profiler), <c>allocs [typical|worst] [nrules|compiled|baseline]</c>
/// (allocated bytes by type, sampled, and the bytes the result keeps), <c>network</c> (the NRules network's nodes), <c>floor [typical|worst]</c> (what NRules costs before any of our logic, side by side), <c>warmup FILE</c> (how a batch run warms up).
/// </summary>
/// <remarks>Also <c>coldbuild [N]</c>: the first rule-set build of N fresh processes, by wall clock and CPU time.</remarks>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "smoke":
                    return Smoke.Run();
                case "batch":
                    return Batch.BatchHarness.Run(args);
                case "cohort":
                    Batch.CohortFile.Write(args[2], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
                    return 0;
                case "pipeline":
                    return Smoke.Pipeline(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
                case "warmup":
                    return Batch.WarmupHarness.Run(args);
                case "coldbuild":
                    return ColdBuildHarness.Run(args);
                case "coldbuild-once":
                    return ColdBuildHarness.Once(args.Length > 1 ? args[1] : "nrules");
                case "network":
                    return NetworkShape.Run(args.Length > 1 ? args[1] : null);
                case "floor":
                    return NetworkFloor.Run(args.Length > 1 ? args[1] : "typical");
                case "allocs":
                    return AllocationSampler.Run(args.Length > 1 ? args[1] : "typical", args.Length > 2 ? args[2] : "nrules");
                case "profile":
                    return Smoke.Profile(args.Length > 1 ? args[1] : "typical", args.Length > 2 ? args[2] : "nrules");
            }
        }

        // Tables of earlier runs are not copied again: only this run's.
        var artifacts = Path.Combine(RepositoryPaths.Benchmarks, "BenchmarkDotNet.Artifacts", "results");
        if (Directory.Exists(artifacts))
        {
            Directory.Delete(artifacts, recursive: true);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        CopyReports();
        return 0;
    }

    /// <summary>Copies the markdown tables of this run to benchmarks/results, where they are committed.</summary>
    private static void CopyReports()
    {
        var from = Path.Combine(RepositoryPaths.Benchmarks, "BenchmarkDotNet.Artifacts", "results");
        if (!Directory.Exists(from))
        {
            return;
        }

        var to = Path.Combine(RepositoryPaths.Benchmarks, "results");
        Directory.CreateDirectory(to);
        foreach (var report in Directory.GetFiles(from, "*-report-github.md"))
        {
            var name = Path.GetFileName(report).Replace("Imuran.ClinicalRules.Benchmarks.", string.Empty);
            File.Copy(report, Path.Combine(to, name), overwrite: true);
            Console.WriteLine("results: " + Path.Combine(to, name));
        }
    }
}
