using System.IO;
using System.Text;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary><c>batch</c> writes the same records from a file as from standard input, and with any chunk size.</summary>
public sealed class BatchInputTests
{
    [Fact]
    public void Batch_FileAndStandardInput_WriteTheSameRecords()
    {
        var lines = new List<string>
        {
            BatchCommandTests.PatientA, string.Empty, BatchCommandTests.NotJson, "   ", BatchCommandTests.PatientB,
            "{\"patientId\":\"x\",\"evaluationDate\":\"2026-01-15\",\"colour\":\"red\"}",
            "{\"patientId\":\"\\u0078\",\"evaluationDate\":\"2026-01-15T08:00:00Z\",\"sex\":\"FEMALE\"}",
            "{\"patientId\":\"nodate\",\"sex\":\"male\"}",
            "[1,2]",
        };
        lines.AddRange(ResearchCliRunner.Run(string.Empty, "scenarios").OutLines.Take(40));
        lines.AddRange(ResearchCliRunner.Run(string.Empty, "cohort", "-n", "200").OutLines);
        var text = string.Join("\r\n", lines) + "\n";
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(true));
            foreach (var date in new[] { null, "2025-06-30" })
            {
                var args = date is null ? new[] { "batch" } : new[] { "batch", "--evaluation-date", date };
                var fromStdin = ResearchCliRunner.Run(text, args.Append("-").ToArray());
                var fromFile = ResearchCliRunner.Run(string.Empty, args.Append(path).ToArray());

                fromFile.ExitCode.Should().Be(fromStdin.ExitCode).And.Be(ExitCodes.InvalidInput);
                fromFile.OutLines.Should().HaveCount(lines.Count(l => l.Trim().Length > 0));
                fromFile.Out.Should().Be(fromStdin.Out);
                FirstWords(fromFile.Error).Should().Be(FirstWords(fromStdin.Error));
            }

            // Small chunks, and records written straight to a UTF-8 stream.
            var bytes = new MemoryStream();
            using (var stdout = new StreamWriter(bytes, new UTF8Encoding(false)))
            {
                var io = new CliIO(new StringReader(string.Empty), stdout, new StringWriter(), null);
                BatchCommand.Run(io, path, null, chunkSize: 3).Should().Be(ExitCodes.InvalidInput);
            }

            Encoding.UTF8.GetString(bytes.ToArray()).Should().Be(ResearchCliRunner.Run(text, "batch").Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The summary up to the timing, which differs from run to run.</summary>
    private static string FirstWords(string summary) => summary.Substring(0, summary.LastIndexOf("; ", summary.IndexOf(" seconds", StringComparison.Ordinal), StringComparison.Ordinal));
}
