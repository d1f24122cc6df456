using System.IO;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// <c>batch</c>, <c>coverage</c> and <c>check</c> on input with no patient (no lines, or only blank lines) exit 2 naming
/// the input and the problem: a pharmacy job whose upstream extract produced nothing must not look like a success, and
/// "does not contain any JSON tokens" named neither.
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

    public static TheoryData<string, string, string> CheckCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var format in new[] { "text", "json" })
        {
            data.Add(format, string.Empty, "it is empty.");
            data.Add(format, " ", "its 1 line is blank.");
            data.Add(format, "\n   \r\n\t\n\n", "its 4 lines are blank.");
            data.Add(format, "\r\r \t", "its 3 lines are blank.");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CheckCases))]
    public void Check_EmptyOrBlankFile_ExitsTwoNamingTheFile(string format, string text, string problem)
    {
        var path = ResearchCliRunner.TempFile(text, ".json");
        try
        {
            var run = ResearchCliRunner.Run(string.Empty, "check", path, "--format", format);

            run.ExitCode.Should().Be(ExitCodes.InvalidInput, run.Out + run.Error);
            run.Error.Should().Be($"error: no patient in '{path}': {problem}" + Environment.NewLine);
            run.Out.Should().BeEmpty("no document was read, so there is no result to write, as for a file that cannot be read");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_ByteOrderMarkOnly_IsEmpty()
    {
        var path = ResearchCliRunner.TempFile(string.Empty, ".json");
        try
        {
            File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF });

            var run = ResearchCliRunner.Run(string.Empty, "check", path);

            run.ExitCode.Should().Be(ExitCodes.InvalidInput);
            run.Error.Should().Be($"error: no patient in '{path}': it is empty." + Environment.NewLine);
            run.Out.Should().BeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(CheckCases))]
    public void Check_EmptyOrBlankStandardInput_ExitsTwoNamingIt(string format, string text, string problem)
    {
        var run = ResearchCliRunner.Run(text, "check", "-", "--format", format);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput, run.Out + run.Error);
        run.Error.Should().Be($"error: no patient in standard input: {problem}" + Environment.NewLine);
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public void Check_MalformedJson_StillExitsTwoWithTheResult()
    {
        // The exit code an empty file now shares: a document that is there but not JSON is still reported in the result.
        var path = ResearchCliRunner.TempFile("{\"patientId\":", ".json");
        try
        {
            var run = ResearchCliRunner.Run(string.Empty, "check", path, "--format", "json");

            run.ExitCode.Should().Be(ExitCodes.InvalidInput);
            run.Out.Should().Contain("MALFORMED_INPUT");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
