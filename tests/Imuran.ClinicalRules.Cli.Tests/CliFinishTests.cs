using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>The tool's finishing touches: formats in any case, suggestions for typos, directories, dates, pretty-printed batch input.</summary>
public class CliFinishTests
{
    private static readonly string Sample = RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json");

    [Theory]
    [InlineData("check", "JSON")]
    [InlineData("check", "Json")]
    [InlineData("catalog", "CSV")]
    public void Format_InAnyCase_IsAccepted(string command, string format)
    {
        var (exit, output, error) = command == "check" ? CliRunner.Run("check", Sample, "--format", format) : CliRunner.Run("catalog", "--format", format);

        exit.Should().Be(ExitCodes.Ok, error);
        output.Should().StartWith(format.Equals("csv", StringComparison.OrdinalIgnoreCase) ? "id," : "{");
    }

    [Fact]
    public void Format_Unknown_ListsTheValidOnesAndSuggestsTheNearest()
    {
        var (exit, _, error) = CliRunner.Run("check", Sample, "--format", "jsno");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("use one of: text, json").And.Contain("Did you mean 'json'?");
    }

    [Theory]
    [InlineData("chek", "Did you mean 'check'?")]
    [InlineData("coverge", "Did you mean 'coverage'?")]
    public void MistypedCommand_SuggestsTheNearest(string typed, string hint)
    {
        var (exit, _, error) = CliRunner.Run(typed, Sample);

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain(hint);
    }

    [Fact]
    public void MistypedOption_SuggestsTheNearestOfTheCommand()
    {
        var (exit, _, error) = CliRunner.Run("check", Sample, "--fial-on", "critical");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("'--fial-on'. Did you mean '--fail-on'?");
    }

    [Theory]
    [InlineData("check")]
    [InlineData("batch")]
    [InlineData("coverage")]
    public void DirectoryGivenAsAFile_SaysItIsADirectory(string command)
    {
        var folder = RepoPaths.InRepo("samples", "patients");

        var (exit, _, error) = CliRunner.Run(command, folder);

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain($"'{folder}': it is a directory, not a file.");
    }

    [Fact]
    public void PolicyThatIsADirectory_SaysItIsADirectory()
    {
        var (exit, _, error) = CliRunner.Run("check", Sample, "--policy", RepoPaths.InRepo("samples", "policies"));

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("cannot read the policy").And.Contain("it is a directory, not a file.");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    public void MalformedInput_NeverPrintsAPlaceholderDate(string format)
    {
        var (exit, output, error) = CliRunner.RunWithInput("{\"patientId\": \"x\",", "check", "-", "--format", format);

        exit.Should().Be(ExitCodes.InvalidInput);
        (output + error).Should().NotContain("0001-01-01");
        if (format == "json")
        {
            JsonDocument.Parse(output).RootElement.GetProperty("evaluationDate").ValueKind.Should().Be(JsonValueKind.Null);
        }
        else
        {
            output.Should().Contain("Evaluation date: (not read)");
        }
    }

    [Fact]
    public void Batch_PrettyPrintedFile_SaysBatchWantsOneDocumentPerLine()
    {
        var (exit, output, error) = CliRunner.Run("batch", Sample);

        exit.Should().Be(ExitCodes.InvalidInput);
        output.Should().BeEmpty("no record is written for the fragments of a document");
        error.Should().Contain("batch wants one document per line (NDJSON)");
    }

    [Fact]
    public void Batch_PrettyPrintedStandardInput_SaysBatchWantsOneDocumentPerLine()
    {
        var (exit, output, error) = CliRunner.RunWithInput(File.ReadAllText(Sample), "batch");

        exit.Should().Be(ExitCodes.InvalidInput);
        output.Should().BeEmpty();
        error.Should().Contain("standard input looks like one JSON document spread over several lines");
    }

    [Fact]
    public void Batch_StandardInputLongerThanThePeek_IsReadWhole()
    {
        var lines = Enumerable.Repeat(BatchCommandTests.PatientA, 40).ToList();

        var (exit, output, _) = CliRunner.RunWithInput(string.Join("\n", lines) + "\n", "batch");

        exit.Should().Be(ExitCodes.Ok);
        output.TrimEnd('\n').Split('\n').Should().HaveCount(40).And.OnlyContain(l => l.Contains("\"result\""));
    }

    [Fact]
    public void Batch_OneDocumentPerLineStartingWithABrace_IsNotMistakenForPrettyPrinted()
    {
        var path = ResearchCliRunner.TempFile(BatchCommandTests.PatientA + "\n" + BatchCommandTests.PatientB + "\n");

        CliRunner.Run("batch", path).Exit.Should().Be(ExitCodes.Ok);
    }
}
