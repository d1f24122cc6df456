using System.IO;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output split into lines (the trailing newline gives no empty line).</summary>
    public string[] OutLines => Out.Length == 0 ? Array.Empty<string>() : Out.TrimEnd('\n').Split('\n');
}

/// <summary>Runs imuran-rules in process (through <see cref="CliRunner"/>) and compares outputs with golden files.</summary>
internal static class ResearchCliRunner
{
    public static CliRun Run(string stdin, params string[] args)
    {
        var (exit, output, error) = CliRunner.RunWithInput(stdin, args);
        return new CliRun(exit, output, error);
    }

    /// <summary>The folder of the golden outputs of the research commands.</summary>
    public static string GoldenDirectory() => RepoPaths.InRepo("tests", "Imuran.ClinicalRules.Cli.Tests", "Golden");

    /// <summary>
    /// Compares <paramref name="actual"/> with the golden file; with IMURAN_UPDATE_GOLDEN=1 in the environment it
    /// rewrites the file instead (then review the diff before committing).
    /// </summary>
    public static void MatchesGolden(string actual, string fileName)
    {
        var path = Path.Combine(GoldenDirectory(), fileName);
        if (Environment.GetEnvironmentVariable("IMURAN_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"the golden file {fileName} exists (create it with IMURAN_UPDATE_GOLDEN=1)");
        actual.Should().Be(File.ReadAllText(path), $"the output matches the golden file {fileName}");
    }

    /// <summary>Writes <paramref name="text"/> to a fresh temporary file and returns its path.</summary>
    public static string TempFile(string text, string extension = ".ndjson")
    {
        var path = Path.Combine(Path.GetTempPath(), "imuran-tests-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, text);
        return path;
    }
}
