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
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
