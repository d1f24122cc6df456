using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// The rule set's cold build, by CPU time as well as by the wall clock: launches N fresh processes, each of which builds
/// the rule set as the first thing it does and reports the build's wall time, the process's CPU time over the build
/// (every thread: the JIT's background thread included), and how many methods the JIT compiled for it. On a shared
/// machine the CPU time is the steadier measure; BenchmarkDotNet's <see cref="ColdBuildBenchmarks"/> reports the wall
/// clock only.
/// </summary>
/// <remarks>
/// <code>
/// coldbuild [N] [--engine nrules|compiled] [--command "dotnet path/to/Imuran.ClinicalRules.Benchmarks.dll"]
/// </code>
/// Each process runs <c>coldbuild-once ENGINE</c> of the command (by default this program), so another build's
/// benchmarks (or this one with another build's <c>Imuran.ClinicalRules.dll</c> copied beside it) can be measured
/// side by side, runs alternated by the caller.
/// </remarks>
internal static class ColdBuildHarness
{
    public static int Run(string[] args)
    {
        var n = 10;
        var engine = "nrules";
        var command = "dotnet " + typeof(ColdBuildHarness).Assembly.Location;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--engine":
                    engine = args[++i];
                    break;
                case "--command":
                    command = args[++i];
                    break;
                default:
                    if (!int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1)
                    {
                        Console.Error.WriteLine("usage: coldbuild [N] [--engine nrules|compiled] [--command \"dotnet path/to/Imuran.ClinicalRules.Benchmarks.dll\"]");
                        return 2;
                    }

                    break;
            }
        }

        var parts = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var walls = new List<double>();
        var cpus = new List<double>();
        for (var run = 0; run < n; run++)
        {
            var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in parts.Skip(1).Concat(new[] { "coldbuild-once", engine }))
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var line = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Console.WriteLine(line);
            var fields = line.Split(' ');
            if (process.ExitCode != 0 || fields.Length < 4)
            {
                Console.Error.WriteLine($"run {run + 1} failed (exit {process.ExitCode})");
                return 1;
            }

            walls.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
            cpus.Add(double.Parse(fields[3], CultureInfo.InvariantCulture));
        }

        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0} cold builds ({1}), load average {2}: wall median {3:F0} ms ({4:F0}-{5:F0}); CPU median {6:F0} ms ({7:F0}-{8:F0})",
            n,
            engine,
            File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown",
            Median(walls),
            walls.Min(),
            walls.Max(),
            Median(cpus),
            cpus.Min(),
            cpus.Max()));
        return 0;
    }

    /// <summary>In a fresh process: builds the rule set once and prints <c>wall MS cpu MS jitted N</c>.</summary>
    public static int Once(string engine)
    {
        var process = Process.GetCurrentProcess();
        var options = new RuleSetOptions { Engine = engine == "compiled" ? RuleEngine.Compiled : RuleEngine.NRules };
        var cpu = process.TotalProcessorTime;
        var jitted = JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        var rules = ClinicalRuleSet.Create(options);
        var wall = clock.Elapsed.TotalMilliseconds;
        process.Refresh();
        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "wall {0:F1} cpu {1:F1} jitted {2} rules {3}",
            wall,
            (process.TotalProcessorTime - cpu).TotalMilliseconds,
            JitInfo.GetCompiledMethodCount() - jitted,
            rules.Rules.Count));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
