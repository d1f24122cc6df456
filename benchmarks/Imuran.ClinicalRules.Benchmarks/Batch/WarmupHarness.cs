using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Imuran.ClinicalRules.Benchmarks.Batch;

/// <summary>
/// How a batch run warms up: runs a batch command over a cohort file and times every <c>--mark</c> lines of its output,
/// by the wall clock and by the process's CPU time (user + system, every thread, JIT included). On a shared machine the
/// CPU-time rates are the steadier measure; both are printed for the first and second half of the run and per segment.
/// </summary>
/// <remarks>
/// <code>
/// warmup FILE [--mark 25000] [--command "dotnet path/to/imuran-rules.dll batch {input} --engine compiled"]
/// </code>
/// The default command is the Release build (net10.0) of <c>imuran-rules batch {input}</c> in this repository.
/// The issue's target reads as: the whole run's average rate is at least 80 % of the second half's.
/// </remarks>
internal static class WarmupHarness
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: warmup FILE [--mark 25000] [--command \"... {input}\"]");
            return 2;
        }

        var file = args[1];
        var mark = 25_000;
        var command = $"{Path.Combine(RepositoryPaths.Root, "src", "Imuran.ClinicalRules.Cli", "bin", "Release", "net10.0", "imuran-rules.dll")} batch {{input}}";
        for (var i = 2; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--mark":
                    mark = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--command":
                    command = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 2;
            }
        }

        var parts = command.Replace("{input}", file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "x.dll …" runs under dotnet; anything else ("dotnet x.dll …", as the usage shows, or a published tool) as given.
        var dll = parts[0].EndsWith(".dll", StringComparison.Ordinal);
        var start = new ProcessStartInfo(dll ? "dotnet" : parts[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (dll)
        {
            start.ArgumentList.Add(parts[0]);
        }

        for (var i = 1; i < parts.Length; i++)
        {
            start.ArgumentList.Add(parts[i]);
        }

        var marks = new List<(int Lines, double Wall, double Cpu)>();
        var wall = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var lines = 0;
        while (process.StandardOutput.ReadLine() is not null)
        {
            lines++;
            if (lines % mark == 0)
            {
                process.Refresh();
                marks.Add((lines, wall.Elapsed.TotalSeconds, process.TotalProcessorTime.TotalSeconds));
            }
        }

        process.WaitForExit();
        var totalWall = wall.Elapsed.TotalSeconds;
        if (marks.Count < 2)
        {
            Console.Error.WriteLine($"only {lines} lines: give a file of at least two marks");
            return 1;
        }

        var last = marks[^1];
        var half = marks[(marks.Count / 2) - 1];
        var wallSteady = (last.Lines - half.Lines) / (last.Wall - half.Wall);
        var cpuSteady = (last.Lines - half.Lines) / (last.Cpu - half.Cpu);
        Console.WriteLine($"{lines} lines, exit {process.ExitCode}; load average {LoadAverage()}");
        Console.WriteLine($"  wall: {totalWall:F2} s, average {lines / totalWall:F0}/s; first {half.Lines} lines {half.Lines / half.Wall:F0}/s; the rest {wallSteady:F0}/s; average / rest {100 * lines / totalWall / wallSteady:F0} %");
        Console.WriteLine($"  CPU:  {last.Cpu:F2} s to the last mark, average {last.Lines / last.Cpu:F0} lines/CPU-s; first {half.Lines} lines {half.Lines / half.Cpu:F0}; the rest {cpuSteady:F0}; average / rest {100 * last.Lines / last.Cpu / cpuSteady:F0} %");
        var previous = (Lines: 0, Wall: 0.0, Cpu: 0.0);
        var segments = new List<string>();
        foreach (var m in marks)
        {
            segments.Add($"{m.Lines / 1000}k {(m.Lines - previous.Lines) / (m.Cpu - previous.Cpu):F0}");
            previous = m;
        }

        Console.WriteLine("  lines/CPU-s by segment: " + string.Join(", ", segments));
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
}
