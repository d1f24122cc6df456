using System;
using BenchmarkDotNet.Running;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>Runs the BenchmarkDotNet benchmarks, or one of the harness commands (smoke, cohort, batch).</summary>
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
                case "profile":
                    return Smoke.Profile(args.Length > 1 ? args[1] : "typical");
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
