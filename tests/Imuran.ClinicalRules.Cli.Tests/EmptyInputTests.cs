using System.IO;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// <c>batch</c> and <c>coverage</c> on input with no patient (no lines, or only blank lines) exit 2 naming the input, as
/// <c>check</c> refuses an empty document: a pharmacy job whose upstream extract produced nothing must not look like a
/// success.
/// </summary>
public sealed class EmptyInputTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var command in new[] { "batch", "coverage" })
        {
            data.Add(command, "no lines");
            data.Add(command, "blank lines");
        }

        return data;
    }

    private static string Text(string kind) => kind == "no lines" ? string.Empty : "\n   \r\n\t\n\n";

    [Theory]
    [MemberData(nameof(Cases))]
    public void EmptyFile_ExitsTwoNamingTheFile(string command, string kind)
    {
        var path = ResearchCliRunner.TempFile(Text(kind));
        try
        {
            var run = ResearchCliRunner.Run(string.Empty, command, path);

            run.ExitCode.Should().Be(ExitCodes.InvalidInput);
            run.Error.Should().Contain($"error: no patients in '{path}'");
            run.Out.Should().BeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EmptyStandardInput_ExitsTwoNamingIt(string command, string kind)
    {
        var run = ResearchCliRunner.Run(Text(kind), command, "-");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("error: no patients in standard input");
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public void Coverage_EmptyInputWithAGate_ExitsTwoNotThree()
    {
        var run = ResearchCliRunner.Run(string.Empty, "coverage", "--min-rule-coverage", "100");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("error: no patients in standard input");
    }

    [Fact]
    public void Check_EmptyFile_ExitsTwo_AsBatchAndCoverageDo()
    {
        var path = ResearchCliRunner.TempFile(string.Empty, ".json");
        try
        {
            var run = ResearchCliRunner.Run(string.Empty, "check", path);

            run.ExitCode.Should().Be(ExitCodes.InvalidInput, run.Out + run.Error);
            run.Out.Should().Contain("MALFORMED_INPUT");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
