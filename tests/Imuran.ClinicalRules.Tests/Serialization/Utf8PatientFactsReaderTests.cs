using System.IO;
using System.Text;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Benchmarks;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Serialization;

/// <summary>
/// The fast UTF-8 reader must read a document exactly as <see cref="PatientFactsJson.Read(string)"/> does whenever it
/// reads it at all, and must give up (so the caller falls back to that reader and its messages) whenever that reader
/// would report a problem.
/// </summary>
public sealed class Utf8PatientFactsReaderTests
{
    [Fact]
    public void TryRead_EverySample_ReadsTheSameFactsOrGivesUp()
    {
        var files = Directory.GetFiles(RepoPaths.InRepo("samples", "patients"), "*.json");
        files.Should().HaveCountGreaterThan(20);
        var fast = 0;
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (Agrees(text, Path.GetFileName(file)))
            {
                fast++;
            }
        }

        // Every sample that reads without problems is plain enough for the fast path.
        var clean = files.Count(f => PatientFactsJson.Read(File.ReadAllText(f)).Succeeded);
        fast.Should().Be(clean);
    }

    [Fact]
    public void TryRead_EveryScenarioLine_ReadsTheSameFacts()
    {
        var lines = ScenarioGenerator.Generate(ClinicalRuleSet.Default, ScenarioGenerator.DefaultEvaluationDate).Select(s => PatientFactsJsonWriter.ToJson(s.Facts)).ToList();
        lines.Should().HaveCountGreaterThan(100);
        foreach (var line in lines)
        {
            Agrees(line, line).Should().BeTrue("every scenario line is well-formed and must take the fast path");
        }
    }

    [Fact]
    public void TryRead_CohortLines_ReadTheSameFacts()
    {
        var generator = new Imuran.ClinicalRules.Research.Cohorts.CohortGenerator(CohortOptions.Default, 7);
        var lines = Enumerable.Range(0, 3000).Select(_ => PatientFactsJsonWriter.ToJson(generator.Next())).ToList();
        lines.Should().HaveCount(3000);
        foreach (var line in lines)
        {
            Agrees(line, line).Should().BeTrue("every cohort line is well-formed and must take the fast path");
        }
    }

    [Fact]
    public void TryRead_DamagedDocuments_GivesUpWheneverTheReaderReportsAProblem()
    {
        int fast = 0, fallback = 0;
        for (var i = 0; i < 4000; i++)
        {
            var document = ReadSnapshotTests.Document(i);
            if (Agrees(document, "document " + i))
            {
                fast++;
            }
            else
            {
                fallback++;
            }
        }

        fast.Should().BeGreaterThan(1000, "undamaged documents take the fast path");
        fallback.Should().BeGreaterThan(1000, "damaged documents fall back");
    }

    [Theory]
    [InlineData("""{"evaluationDate":"2026-01-15","colour":"red"}""")] // unknown member
    [InlineData("""{"evaluationDate":"2026-01-15","sex":3}""")] // wrong type
    [InlineData("""{"evaluationDate":"2026-01-15","sex":"mail"}""")] // unknown enum text
    [InlineData("""{"evaluationDate":"2026-02-30"}""")] // no such day
    [InlineData("""{"evaluationDate":"2026/01/15"}""")] // wrong form
    [InlineData("""{"evaluationDate":"2026-01-15T10:00:00Z"}""")] // a date-time the ordinary reader accepts
    [InlineData("""{"evaluationDate":null}""")] // null
    [InlineData("""{"patientId":"a"}""")] // required member missing
    [InlineData("""{"evaluationDate":"2026-01-15","patientId":"a","patientId":"b"}""")] // duplicate
    [InlineData("""{"evaluationDate":"2026-01-15","patientId":42}""")] // a number as text
    [InlineData("""{"evaluationDate":"2026-01-15","patient\u0049d":"a"}""")] // an escaped member name
    [InlineData("""{"evaluationDate":"2026-01-15"} // note""")] // a comment
    [InlineData("""{"evaluationDate":"2026-01-15",}""")] // trailing comma
    [InlineData("""{"evaluationDate":"2026-01-15"} x""")] // trailing text
    [InlineData("""{"evaluationDate":"2026-01-15" """)] // cut short
    [InlineData("""[{"evaluationDate":"2026-01-15"}]""")] // not an object
    [InlineData("""{"evaluationDate":"2026-01-15","pharmacogenomics":[{"phenotype":"normal"}]}""")] // gene missing
    [InlineData("""{"evaluationDate":"2026-01-15","labResults":[{"kind":"hemoglobin","unit":"g/dL"}]}""")] // value missing
    [InlineData("""{"evaluationDate":"2026-01-15","labResults":[{"kind":"hemoglobin","value":"NaN"}]}""")] // NaN text
    [InlineData("""{"evaluationDate":"2026-01-15","labResults":[{"kind":"hemoglobin","value":1e999}]}""")] // out of range
    [InlineData("""{"evaluationDate":"2026-01-15","medications":[null]}""")] // item not an object
    [InlineData("""{"evaluationDate":"2026-01-15","medications":{}}""")] // not a list
    [InlineData("""{"evaluationDate":"2026-01-15","indications":["other",3]}""")] // enum list item not text
    [InlineData("""{"evaluationDate":"2026-01-15","therapy":{"status":"continuing","extra":1}}""")] // unknown nested member
    public void TryRead_IrregularDocument_GivesUpAndTheOrdinaryReaderDecides(string json)
    {
        Utf8PatientFactsReader.TryRead(Encoding.UTF8.GetBytes(json), out var facts).Should().BeFalse();
        facts.Should().BeNull();
    }

    [Fact]
    public void TryRead_InvalidUtf8_GivesUp()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"evaluationDate":"2026-01-15","patientId":"ab"}""");
        bytes[Array.IndexOf(bytes, (byte)'a', 40)] = 0xFF;

        Utf8PatientFactsReader.TryRead(bytes, out _).Should().BeFalse();
    }

    [Fact]
    public void TryRead_EnumTextInAnotherCase_ReadsAsTheOrdinaryReaderDoes()
    {
        const string json = """{"evaluationDate":"2026-01-15","sex":"FEMALE","setting":"dispensing","$schema":{"any":[1]}}""";

        Agrees(json, json).Should().BeTrue();
        PatientFactsJson.Read(json).Facts!.Sex.Should().Be(Facts.Sex.Female);
    }

    [Fact]
    public void TryRead_EscapedTexts_ReadsThemUnescapedAsTheOrdinaryReaderDoes()
    {
        const string json = """{"evaluationDate":"2026-01-15","patientId":"\u0061\"b","sex":"fem\u0061le","medications":[{"name":"x\/y"}]}""";

        Agrees(json, json).Should().BeTrue();
        PatientFactsJson.Read(json).Facts!.PatientId.Should().Be("a\"b");
    }

    /// <summary>
    /// Checks the fast reader against the ordinary one on <paramref name="json"/>; returns whether it took the fast path.
    /// </summary>
    private static bool Agrees(string json, string because)
    {
        var expected = PatientFactsJson.Read(json);
        if (!Utf8PatientFactsReader.TryRead(Encoding.UTF8.GetBytes(json), out var facts))
        {
            facts.Should().BeNull();
            return false;
        }

        expected.Problems.Should().BeEmpty("the fast path may only read documents without problems: {0}", because);
        expected.Facts.Should().NotBeNull();
        PatientFactsJsonWriter.ToJson(facts!).Should().Be(PatientFactsJsonWriter.ToJson(expected.Facts!), because);
        facts.Should().BeEquivalentTo(expected.Facts, because);
        return true;
    }
}
