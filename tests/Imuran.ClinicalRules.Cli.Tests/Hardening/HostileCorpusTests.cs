using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Cli.Tests;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests.Hardening;

/// <summary>
/// The hostile-input corpus (the core tests' Hardening/Corpus, written by its generate.py): each hostile change made to
/// a patient-facts document and to a FHIR Bundle of the same patient. <c>check</c> and <c>batch</c> must meet it
/// without an internal error, with the exit code and the field-naming message cases.tsv records for each (the readers
/// themselves are tested on it in the core tests' HostileCorpusReaderTests).
/// </summary>
public class HostileCorpusTests
{
    private static readonly string Folder = RepoPaths.InRepo("tests", "Imuran.ClinicalRules.Tests", "Hardening", "Corpus");

    public static TheoryData<string, string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, string, int, string>();
        foreach (var row in File.ReadAllLines(Path.Combine(Folder, "cases.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var c = row.Split('\t');
            data.Add(c[0], c[1], c[2], int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), c[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_HostileDocument_GivesTheRecordedExitAndNamesTheFault(string name, string reader, string file, int exit, string contains)
    {
        var run = CliRunner.Run("check", Path.Combine(Folder, file), "--evaluation-date", "2026-11-22", "--format", "json");

        run.Exit.Should().Be(exit, $"{name} ({reader}): {run.Err}");
        (run.Out + run.Err).Should().Contain(contains, $"{name} ({reader}) must name the fault");
        (run.Out + run.Err).Should().NotContain("internal error").And.NotContain("INTERNAL_ERROR");
    }

    [Fact]
    public void Batch_HostileCorpus_OneErrorRecordPerLineInOrderAndNoInternalError()
    {
        var input = Path.Combine(Folder, "corpus.ndjson");
        var expected = File.ReadAllLines(input).Count(l => l.Length > 0);

        var run = CliRunner.Run("batch", input, "--evaluation-date", "2026-11-22");

        run.Exit.Should().Be(2, run.Err);
        var records = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Should().HaveCount(expected);
        records.Select(r => r.GetProperty("line").GetInt32()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        run.Out.Should().NotContain("INTERNAL_ERROR");
        run.Err.Should().Contain("0 internal errors");
    }
}
