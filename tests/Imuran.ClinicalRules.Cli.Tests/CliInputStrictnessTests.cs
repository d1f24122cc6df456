using System.IO;
using System.Text;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>What the tool refuses to guess (issue 10, items 7 and 9): each refusal exits 2 with a message naming the problem.</summary>
public class CliInputStrictnessTests
{
    private static string TempFile(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "imuran-strict-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Check_InvalidUtf8_Exits2InsteadOfEvaluatingReplacedText()
    {
        var bytes = Encoding.UTF8.GetBytes(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json")).Replace("Atorvastatin", "Atorva\u00e9tatin", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xFF;
        var path = TempFile(bytes);
        try
        {
            var (exit, _, error) = CliRunner.Run("check", path);

            exit.Should().Be(2);
            error.Should().Contain("not valid UTF-8");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Batch_InvalidUtf8Line_IsAnErrorRecordNotAnEvaluation()
    {
        var good = BatchCommandTests.PatientB;
        var bad = Encoding.UTF8.GetBytes(good.Replace("\"b\"", "\"bX\"", StringComparison.Ordinal));
        bad[Array.IndexOf(bad, (byte)'X')] = 0xFF;
        var path = TempFile(bad.Concat(new[] { (byte)'\n' }).ToArray());
        try
        {
            var (exit, output, _) = CliRunner.Run("batch", path);

            exit.Should().Be(2);
            output.Should().Contain("MALFORMED_INPUT").And.NotContain("\"result\"");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_PatientFactsWithAStrayResourceType_AreReadAsFactsAndTheMemberRejected()
    {
        var json = "{\"resourceType\":\"Patient\"," + File.ReadAllText(RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json")).TrimStart()[1..];
        var (exit, output, error) = CliRunner.RunWithInput(json, "check", "-");

        exit.Should().Be(2);
        (output + error).Should().Contain("resourceType").And.Contain("UNKNOWN_FIELD");
    }

    [Fact]
    public void Check_DirectoryAsInput_SaysItIsADirectory()
    {
        var (exit, _, error) = CliRunner.Run("check", Path.GetTempPath());

        exit.Should().Be(2);
        error.Should().Contain("is a directory").And.NotContain("denied");
    }

    [Fact]
    public void Batch_DirectoryAsInput_SaysItIsADirectory()
    {
        var (exit, _, error) = CliRunner.Run("batch", Path.GetTempPath());

        exit.Should().Be(2);
        error.Should().Contain("is a directory");
    }

    [Fact]
    public void Cohort_CountOutOfRange_NamesNoDotNetType()
    {
        var (exit, _, error) = CliRunner.Run("cohort", "-n", "99999999999999");

        exit.Should().Be(2);
        error.Should().NotContain("System.").And.Contain("99999999999999").And.Contain("whole number");
    }
}
