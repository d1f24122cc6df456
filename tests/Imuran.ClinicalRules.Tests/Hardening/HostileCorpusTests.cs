using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Cli;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Hardening;

/// <summary>
/// The hostile-input corpus (Hardening/Corpus, written by its generate.py): each hostile change made to a patient-facts
/// document and to a FHIR Bundle of the same patient. Both readers, <c>check</c> and <c>batch</c> must meet it without
/// an internal error, with the exit code and the field-naming message cases.tsv records for each.
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

    [Theory]
    [MemberData(nameof(Cases))]
    public void Readers_HostileDocument_NeverThrow(string name, string reader, string file, int exit, string contains)
    {
        _ = (name, reader, exit, contains);
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        var facts = PatientFactsJson.Read(bytes.AsSpan());
        var factsFromStream = PatientFactsJson.Read(new MemoryStream(bytes));
        var fhir = FhirPatientReader.Read(new MemoryStream(bytes), new Facts.ClinicalDate(2026, 11, 22));

        // The facts reader agrees with itself; what is not a problem for a reader (a huge number read as infinity)
        // is one for validation, which check runs too.
        factsFromStream.Problems.Should().BeEquivalentTo(facts.Problems);
        if (reader == "facts" && exit == 2)
        {
            (facts.Succeeded && ClinicalRuleSet.Default.Evaluate(facts.Facts!).IsValid).Should().BeFalse(name);
        }

        if (fhir.Succeeded)
        {
            fhir.Facts.Should().NotBeNull();
        }
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
