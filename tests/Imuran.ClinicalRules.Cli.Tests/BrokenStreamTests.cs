using System.IO;
using System.Text;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// Standard streams that fail (issue 10): a full or closed standard output, a reader that stops early, a closed
/// standard input. The tool must say so in one line and exit non-zero, never crash, hang or report success.
/// </summary>
public class BrokenStreamTests
{
    private static readonly string Sample = RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json");

    private static string BigBatch(int lines)
    {
        var path = Path.Combine(Path.GetTempPath(), "imuran-batch-" + Guid.NewGuid().ToString("N") + ".ndjson");
        var sb = new StringBuilder();
        var line = File.ReadAllText(Sample).Replace("\n", string.Empty, StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
        for (var i = 0; i < lines; i++)
        {
            sb.Append(line).Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public void Check_StandardOutputFull_Exits1WithOneLineOnStandardError()
    {
        if (!ToolProcess.Available)
        {
            return;
        }

        var run = ToolProcess.Bash($"\"$TOOL\" check '{Sample}' > /dev/full");

        run.Exit.Should().Be(1, run.Err);
        run.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("error:");
    }

    [Fact]
    public void Check_StandardOutputClosed_Exits1WithOneLineOnStandardError()
    {
        if (!ToolProcess.Available)
        {
            return;
        }

        var run = ToolProcess.Bash($"\"$TOOL\" check '{Sample}' >&-");

        run.Exit.Should().Be(1, run.Err);
        run.Err.Trim().Split('\n').Should().ContainSingle().Which.Should().StartWith("error:");
    }

    [Fact]
    public void Batch_ReaderStopsEarly_ExitsNonZeroAndSaysHowManyRecordsWereWritten()
    {
        if (!ToolProcess.Available)
        {
            return;
        }

        var path = BigBatch(20_000);
        try
        {
            var run = ToolProcess.Bash($"set -o pipefail; \"$TOOL\" batch '{path}' | head -n 1 > /dev/null", timeoutSeconds: 120);

            run.TimedOut.Should().BeFalse();
            run.Exit.Should().Be(1, run.Err);
            run.Err.Should().Contain("records written").And.NotContain("20000 patients evaluated");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Cohort_ReaderStopsEarly_ExitsNonZero()
    {
        if (!ToolProcess.Available)
        {
            return;
        }

        var run = ToolProcess.Bash("set -o pipefail; \"$TOOL\" cohort -n 200000 | head -n 1 > /dev/null", timeoutSeconds: 120);

        run.TimedOut.Should().BeFalse();
        run.Exit.Should().Be(1, run.Err);
        run.Err.Should().Contain("records written");
    }

    [Theory]
    [InlineData("check -")]
    [InlineData("batch -")]
    [InlineData("batch")]
    public void StandardInputClosed_Exits2InsteadOfWaiting(string command)
    {
        if (!ToolProcess.Available)
        {
            return;
        }

        var run = ToolProcess.Bash($"\"$TOOL\" {command} <&-", timeoutSeconds: 30);

        run.TimedOut.Should().BeFalse("a closed standard input must not make the tool wait forever");
        run.Exit.Should().Be(2, run.Err);
        run.Err.Should().Contain("standard input is closed");
    }
}
