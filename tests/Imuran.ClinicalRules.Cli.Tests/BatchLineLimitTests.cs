using System.IO;
using System.Text;
using System.Text.Json;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// A line over the pipeline's line limit (4 MiB by default) is one error record, <c>INPUT_TOO_LARGE</c>, and the run
/// goes on with the next line: the line is never buffered whole, whatever its length.
/// </summary>
public sealed class BatchLineLimitTests
{
    private const int OverTheDefaultLimit = (4 * 1024 * 1024) + 100;

    public static TheoryData<bool> Sources() => new() { false, true };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Batch_LineOverTheLimit_GivesOneInputTooLargeRecordAndGoesOn(bool fromStandardInput)
    {
        var huge = "{\"patientId\":\"huge\",\"evaluationDate\":\"2026-01-15\",\"medications\":[{\"name\":\"" + new string('a', OverTheDefaultLimit) + "\"}]}";
        var text = BatchCommandTests.PatientA + "\n" + huge + "\n" + BatchCommandTests.PatientB + "\n";
        var path = ResearchCliRunner.TempFile(text);
        try
        {
            var run = fromStandardInput ? ResearchCliRunner.Run(text, "batch", "-") : ResearchCliRunner.Run(string.Empty, "batch", path);

            run.ExitCode.Should().Be(ExitCodes.InvalidInput, run.Error);
            run.OutLines.Should().HaveCount(3);
            using var second = JsonDocument.Parse(run.OutLines[1]);
            second.RootElement.GetProperty("line").GetInt32().Should().Be(2);
            var error = second.RootElement.GetProperty("error");
            error.GetProperty("code").GetString().Should().Be("INPUT_TOO_LARGE");
            error.GetProperty("message").GetString().Should().Contain("4,194,304 bytes");
            JsonDocument.Parse(run.OutLines[0]).RootElement.TryGetProperty("result", out _).Should().BeTrue();
            JsonDocument.Parse(run.OutLines[2]).RootElement.GetProperty("line").GetInt32().Should().Be(3);
            run.Error.Should().Contain("0 internal errors");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
