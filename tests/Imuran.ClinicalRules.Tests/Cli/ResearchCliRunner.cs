using System.IO;
using System.Runtime.CompilerServices;
using Imuran.ClinicalRules.Cli;

namespace Imuran.ClinicalRules.Tests.Cli;

/// <summary>The outcome of one in-process run of the tool.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Standard output split into lines (the trailing newline gives no empty line).</summary>
    public string[] OutLines => Out.Length == 0 ? Array.Empty<string>() : Out.TrimEnd('\n').Split('\n');
}

/// <summary>Runs imuran-rules in process through <see cref="CliApp.Run"/>, with captured streams.</summary>
internal static class ResearchCliRunner
{
    public static CliRun Run(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new StringReader(stdin), output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>The Golden folder beside this file (found from the source path, so no copy to the output is needed).</summary>
    public static string GoldenDirectory([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Golden");

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
