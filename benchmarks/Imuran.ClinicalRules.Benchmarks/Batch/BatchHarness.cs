using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace Imuran.ClinicalRules.Benchmarks.Batch;

/// <summary>
/// The CLI batch benchmark: runs a batch command end to end (read NDJSON, evaluate, write NDJSON) over cohort files of
/// several sizes, under <c>/usr/bin/time -v</c>, and reports wall-clock seconds, patients per second and peak
/// resident memory, so "memory flat with input size" can be read off the rows.
/// </summary>
/// <remarks>
/// <code>
/// batch [--lines 100000,1000000] [--command "dotnet path/to/imuran-rules.dll batch {input}"] [--dir DIR] [--runs 1] [--out FILE]
/// </code>
/// <c>{input}</c> in the command is replaced by the cohort file; without it the file is given on standard input.
/// Standard output goes to /dev/null (it is written, then discarded); standard error is kept for the tool's summary.
/// The default command is the Release build of <c>imuran-rules batch</c> in this repository.
/// </remarks>
internal static class BatchHarness
{
    public static int Run(string[] args)
    {
        var sizes = new List<int> { 100_000, 1_000_000 };
        string? command = null;
        var dir = Path.Combine(RepositoryPaths.Benchmarks, "BenchmarkDotNet.Artifacts", "batch");
        var runs = 1;
        string? output = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--lines":
                    sizes = new List<int>();
                    foreach (var part in args[++i].Split(','))
                    {
                        sizes.Add(int.Parse(part.Replace("_", string.Empty), CultureInfo.InvariantCulture));
                    }

                    break;
                case "--command":
                    command = args[++i];
                    break;
                case "--dir":
                    dir = args[++i];
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--out":
                    output = args[++i];
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}; usage: batch [--lines 100000,1000000] [--command \"... {{input}}\"] [--dir DIR] [--runs N] [--out FILE]");
                    return 2;
            }
        }

        command ??= DefaultCommand();
        if (command is null)
        {
            Console.Error.WriteLine("No --command given and src/Imuran.ClinicalRules.Cli/bin/Release/net10.0/imuran-rules.dll is not built; run: dotnet build -c Release src/Imuran.ClinicalRules.Cli");
            return 2;
        }

        if (!File.Exists("/usr/bin/time"))
        {
            Console.Error.WriteLine("/usr/bin/time is needed (GNU time; apt-get install time).");
            return 2;
        }

        var table = new StringBuilder();
        table.AppendLine($"Command: `{command.Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, string.Empty)}` (standard output to /dev/null)").AppendLine();
        table.AppendLine("Input: the benchmark cohort (`BenchmarkCohort`: the Research library's synthetic cohort, seed 20261122), one patient-facts object per line.").AppendLine();
        table.AppendLine("| Patients (lines) | Input size | Wall clock | Patients/s | Peak RSS | Exit | Tool's summary |");
        table.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var lines in sizes)
        {
            var input = CohortFile.Ensure(dir, lines);
            for (var run = 0; run < runs; run++)
            {
                var m = Measure(command, input);
                var row = string.Format(
                    CultureInfo.InvariantCulture,
                    "| {0:N0} | {1:N0} MB | {2:F1} s | {3:N0} | {4:N0} MB | {5} | {6} |",
                    lines,
                    new FileInfo(input).Length / 1e6,
                    m.Seconds,
                    lines / m.Seconds,
                    m.PeakRssKb / 1024.0,
                    m.ExitCode,
                    m.Summary.Replace("|", "/"));
                Console.WriteLine(row);
                table.AppendLine(row);
            }
        }

        Console.WriteLine();
        Console.WriteLine(table);
        if (output is not null)
        {
            File.WriteAllText(output, table.ToString());
        }

        return 0;
    }

    private static string? DefaultCommand()
    {
        var dll = Path.Combine(RepositoryPaths.Root, "src", "Imuran.ClinicalRules.Cli", "bin", "Release", "net10.0", "imuran-rules.dll");
        return File.Exists(dll) ? $"dotnet {dll} batch {{input}}" : null;
    }

    private static Measurement Measure(string command, string input)
    {
        var timeFile = Path.GetTempFileName();
        var shellCommand = command.Contains("{input}", StringComparison.Ordinal)
            ? command.Replace("{input}", Quote(input)) + " > /dev/null"
            : command + " < " + Quote(input) + " > /dev/null";
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-v", "-o", timeFile, "sh", "-c", "exec " + shellCommand })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        double seconds = 0;
        long rss = 0;
        foreach (var line in File.ReadAllLines(timeFile))
        {
            var t = line.Trim();
            if (t.StartsWith("Elapsed (wall clock) time", StringComparison.Ordinal))
            {
                seconds = ParseClock(t.Substring(t.LastIndexOf(": ", StringComparison.Ordinal) + 2));
            }
            else if (t.StartsWith("Maximum resident set size (kbytes):", StringComparison.Ordinal))
            {
                rss = long.Parse(t.Substring(t.LastIndexOf(':') + 1).Trim(), CultureInfo.InvariantCulture);
            }
        }

        File.Delete(timeFile);
        var summary = string.Empty;
        foreach (var line in stderr.Split('\n'))
        {
            if (line.Contains("patients/s", StringComparison.Ordinal) || line.StartsWith("batch:", StringComparison.Ordinal))
            {
                summary = line.Trim();
            }
        }

        if (process.ExitCode != 0 && summary.Length == 0)
        {
            summary = stderr.Length > 200 ? stderr.Substring(0, 200) : stderr.Trim();
        }

        return new Measurement(seconds, rss, process.ExitCode, summary);
    }

    /// <summary>Reads GNU time's <c>h:mm:ss</c> or <c>m:ss.ss</c>.</summary>
    private static double ParseClock(string text)
    {
        var seconds = 0.0;
        foreach (var part in text.Split(':'))
        {
            seconds = (seconds * 60) + double.Parse(part, CultureInfo.InvariantCulture);
        }

        return seconds;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";

    private readonly record struct Measurement(double Seconds, long PeakRssKb, int ExitCode, string Summary);
}
