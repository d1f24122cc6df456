using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

public class BatchCommandTests
{
    internal const string PatientA =
        "{\"patientId\":\"a\",\"evaluationDate\":\"2026-01-15\",\"birthDate\":\"1980-05-01\",\"sex\":\"male\",\"therapy\":{\"status\":\"continuing\",\"startDate\":\"2020-01-01\"},"
        + "\"pharmacogenomics\":[{\"gene\":\"TPMT\",\"diplotype\":\"*3A/*3A\"},{\"gene\":\"NUDT15\",\"diplotype\":\"*1/*1\"}],"
        + "\"labResults\":[{\"loincCode\":\"6690-2\",\"value\":5.1,\"unit\":\"10*9/L\",\"date\":\"2026-01-10\",\"flag\":\"normal\"}]}";

    internal const string PatientB =
        "{\"patientId\":\"b\",\"evaluationDate\":\"2026-01-15\",\"sex\":\"female\",\"therapy\":{\"status\":\"considering\"},\"setting\":\"dispensing\"}";

    internal const string NotJson = "not json";

    private const string MalformedRecord =
        "{\"line\":2,\"error\":{\"code\":\"MALFORMED_INPUT\",\"message\":\"The input is not valid JSON at line 1, position 2: 'not json' is an invalid JSON literal. Expected the literal 'null'.\","
        + "\"problems\":[{\"field\":\"$\",\"code\":\"MALFORMED_INPUT\",\"message\":\"The input is not valid JSON at line 1, position 2: 'not json' is an invalid JSON literal. Expected the literal 'null'.\"}]}}";

    [Fact]
    public void Batch_ThreeLinesOneMalformed_WritesEveryLineInOrderAndExits2()
    {
        var run = ResearchCliRunner.Run(PatientA + "\n" + NotJson + "\n" + PatientB + "\n", "batch");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.OutLines.Should().Equal(
            "{\"line\":1,\"patientId\":\"a\",\"result\":" + ResultJson(PatientA) + "}",
            MalformedRecord,
            "{\"line\":3,\"patientId\":\"b\",\"result\":" + ResultJson(PatientB) + "}");
    }

    [Fact]
    public void Batch_ThreeLinesOneMalformed_SummaryCountsPatientsInvalidLinesAndFindings()
    {
        var run = ResearchCliRunner.Run(PatientA + "\n" + NotJson + "\n" + PatientB + "\n", "batch");

        var lines = run.Error.TrimEnd('\n').Split('\n');
        lines.Should().HaveCount(2, "stderr holds the two summary lines and no progress output when it is not a terminal");
        lines[0].Should().StartWith("batch: 3 lines read; 2 patients evaluated (0 incomplete); 1 invalid lines; 0 internal errors; ").And.Contain(" seconds (");
        var findings = new[] { PatientA, PatientB }.SelectMany(p => Evaluate(p).Findings).ToList();
        lines[1].Should().Be($"findings: {findings.Count(f => f.Severity == Severity.Critical)} critical, {findings.Count(f => f.Severity == Severity.Warning)} warning, {findings.Count(f => f.Severity == Severity.Info)} info");
        findings.Should().Contain(f => f.Severity == Severity.Critical, "the summary is checked against a non-zero count");
    }

    [Fact]
    public void Batch_FhirLineWithAnActiveOrderWhoseMedicineCannotBeIdentified_IsIncompleteAndSaysWhy()
    {
        // A FHIR line whose active allopurinol order could not be identified was written "isComplete":true and the run
        // exited 0, with the mapping problem nowhere in the output: a missing interaction check looked like a complete review.
        const string line =
            "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
            + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"pt-1\",\"gender\":\"male\",\"birthDate\":\"1961-03-14\"}},"
            + "{\"resource\":{\"resourceType\":\"MedicationRequest\",\"id\":\"allo\",\"status\":\"active\",\"intent\":\"order\",\"medicationReference\":{\"reference\":\"Medication/med-allopurinol\"},\"subject\":{\"reference\":\"Patient/pt-1\"},\"authoredOn\":\"2024-05-01\"}}]}";

        var run = ResearchCliRunner.Run(line + "\n" + PatientB + "\n", "batch", "--evaluation-date", "2026-01-15");

        run.ExitCode.Should().Be(ExitCodes.InternalError, "an incomplete evaluation exits 1");
        var result = JsonDocument.Parse(run.OutLines[0]).RootElement.GetProperty("result");
        result.GetProperty("isComplete").GetBoolean().Should().BeFalse();
        var gap = result.GetProperty("dataNotRead").EnumerateArray().Should().ContainSingle().Subject;
        gap.GetProperty("code").GetString().Should().Be("FHIR_MEDICINE_NOT_IDENTIFIED");
        gap.GetProperty("message").GetString().Should().Contain("MedicationRequest/allo");
        JsonDocument.Parse(run.OutLines[1]).RootElement.GetProperty("result").GetProperty("isComplete").GetBoolean().Should().BeTrue("the other line is unaffected");
        run.Error.Should().Contain("(1 incomplete)");
    }

    [Fact]
    public void Batch_InvalidFacts_ErrorRecordListsTheProblemsWithTheirFields()
    {
        const string line = "{\"patientId\":\"bad-lab\",\"evaluationDate\":\"2026-01-15\",\"labResults\":[{\"name\":\"WBC\",\"value\":3.1,\"date\":\"2026-01-10\"}]}";

        var run = ResearchCliRunner.Run(line + "\n", "batch");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.OutLines.Should().Equal(
            "{\"line\":1,\"patientId\":\"bad-lab\",\"error\":{\"code\":\"INVALID_PATIENT_FACTS\","
            + "\"message\":\"The patient facts are invalid (1 problem): labResults[0].unit: The lab result has no unit; its value cannot be read without one.\","
            + "\"problems\":[{\"field\":\"labResults[0].unit\",\"code\":\"LAB_UNIT_MISSING\",\"message\":\"The lab result has no unit; its value cannot be read without one.\"}]}}");
    }

    [Fact]
    public void Batch_PatientIdReadingAsDosingText_ErrorRecordDoesNotEchoIt()
    {
        // QA, 2 Dec: the id was echoed in the batch record and summary lines.
        var line = PatientB.Replace("\"patientId\":\"b\"", "\"patientId\":\"Reduce dose to 25 mg daily\"");

        var run = ResearchCliRunner.Run(line + "\n", "batch");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().NotContain("25 mg").And.Contain("PATIENT_ID_CARRIES_DOSING_TEXT");
        run.Error.Should().NotContain("25 mg");
        JsonDocument.Parse(run.OutLines.Single()).RootElement.TryGetProperty("patientId", out _).Should().BeFalse();
    }

    [Fact]
    public void Batch_UnknownField_ErrorRecordNamesTheField()
    {
        var run = ResearchCliRunner.Run("{\"patientId\":\"x\",\"evaluationDate\":\"2026-01-15\",\"colour\":\"red\"}\n", "batch");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        var error = JsonDocument.Parse(run.OutLines.Single()).RootElement.GetProperty("error");
        error.GetProperty("code").GetString().Should().Be("INVALID_PATIENT_FACTS");
        error.GetProperty("problems")[0].GetProperty("field").GetString().Should().Be("colour");
        error.GetProperty("problems")[0].GetProperty("code").GetString().Should().Be("UNKNOWN_FIELD");
    }

    [Fact]
    public void Batch_JsonThatIsNotAnObject_IsMalformed()
    {
        var run = ResearchCliRunner.Run("[1,2]\n", "batch");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        JsonDocument.Parse(run.OutLines.Single()).RootElement.GetProperty("error").GetProperty("code").GetString().Should().Be("MALFORMED_INPUT");
    }

    [Fact]
    public void Batch_BlankLines_AreSkippedButKeepTheLineNumbers()
    {
        var run = ResearchCliRunner.Run("\n   \n" + PatientB + "\n\n" + PatientA, "batch");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt32()).Should().Equal(3, 5);
        run.Error.Should().StartWith("batch: 5 lines read; 2 patients evaluated");
    }

    [Fact]
    public void Batch_AllLinesValid_Exits0()
    {
        var run = ResearchCliRunner.Run(PatientA + "\n" + PatientB + "\n", "batch");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.OutLines.Should().HaveCount(2);
    }

    [Fact]
    public void Batch_EmptyInput_WritesNothingAndExits2()
    {
        // An extract that produced nothing is not a run that checked every patient (EmptyInputTests).
        var run = ResearchCliRunner.Run(string.Empty, "batch");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith("batch: 0 lines read; 0 patients evaluated").And.Contain("error: no patients in standard input: it is empty.");
    }

    [Fact]
    public void Batch_EvaluationDateOption_OverridesEveryLine()
    {
        var noDate = PatientB.Replace("\"evaluationDate\":\"2026-01-15\",", string.Empty);

        var run = ResearchCliRunner.Run(noDate + "\n", "batch", "--evaluation-date", "2025-06-30");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        JsonDocument.Parse(run.OutLines.Single()).RootElement.GetProperty("result").GetProperty("evaluationDate").GetString().Should().Be("2025-06-30");
    }

    [Fact]
    public void Batch_BadEvaluationDate_Exits2()
    {
        var run = ResearchCliRunner.Run(PatientA + "\n", "batch", "--evaluation-date", "15/01/2026");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("--evaluation-date");
    }

    [Fact]
    public void Batch_FileArgument_ReadsTheFile()
    {
        var path = ResearchCliRunner.TempFile(PatientA + "\n" + NotJson + "\n" + PatientB + "\n");
        try
        {
            var fromFile = ResearchCliRunner.Run(string.Empty, "batch", path);
            var fromStdin = ResearchCliRunner.Run(PatientA + "\n" + NotJson + "\n" + PatientB + "\n", "batch", "-");

            fromFile.ExitCode.Should().Be(ExitCodes.InvalidInput);
            fromFile.Out.Should().Be(fromStdin.Out).And.NotBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Batch_MissingFile_Exits2AndSaysWhy()
    {
        var run = ResearchCliRunner.Run(string.Empty, "batch", "/nonexistent/patients.ndjson");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("cannot read '/nonexistent/patients.ndjson'");
    }

    [Fact]
    public void Batch_FhirBundleLines_GiveTheSameResultsAsCheck()
    {
        var bundles = Directory.GetFiles(RepoPaths.InRepo("samples", "fhir"), "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var lines = bundles.Select(f => JsonNode.Parse(File.ReadAllText(f))!.ToJsonString()).ToList();

        var run = ResearchCliRunner.Run(string.Join("\n", lines) + "\n", "batch", "--evaluation-date", "2025-06-01");

        bundles.Should().NotBeEmpty();
        run.OutLines.Should().HaveCount(bundles.Count);
        for (var i = 0; i < bundles.Count; i++)
        {
            var check = ResearchCliRunner.Run(string.Empty, "check", bundles[i], "--format", "json", "--evaluation-date", "2025-06-01");
            var record = JsonNode.Parse(run.OutLines[i])!;
            record["line"]!.GetValue<int>().Should().Be(i + 1);
            if (check.ExitCode is ExitCodes.Ok or ExitCodes.ThresholdReached)
            {
                JsonNode.DeepEquals(record["result"], JsonNode.Parse(check.Out)).Should().BeTrue(Path.GetFileName(bundles[i]));
            }
            else
            {
                record["error"].Should().NotBeNull(Path.GetFileName(bundles[i]) + " is rejected by check too");
            }
        }
    }

    [Fact]
    public void Batch_ManyLinesInSmallChunks_OutputFollowsInputOrder()
    {
        var lines = Enumerable.Range(1, 300).Select(i => i % 17 == 0 ? NotJson : PatientB.Replace("\"b\"", "\"p" + i + "\"")).ToList();
        var output = new StringWriter { NewLine = "\n" };
        var io = new CliIO(new StringReader(string.Join("\n", lines)), output, new StringWriter(), null);

        var code = BatchCommand.Run(io, "-", null, chunkSize: 16);

        code.Should().Be(ExitCodes.InvalidInput);
        var records = output.ToString().TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("line").GetInt32()).Should().Equal(Enumerable.Range(1, 300));
        records.Where(r => r.TryGetProperty("result", out _)).Should().OnlyContain(r => r.GetProperty("patientId").GetString() == "p" + r.GetProperty("line").GetInt32());
        records.Count(r => r.TryGetProperty("error", out _)).Should().Be(300 / 17);
    }

    [Fact]
    public void Batch_ReaderWithoutAStream_ReadsABoundedWayAheadOfTheOutput()
    {
        // A reader a host hands over (no stream behind it) goes through the byte pipeline too: it is read a few chunks
        // and one read buffer ahead of the output (Research.Tests' NdjsonPipelineTests bound the bytes), never whole.
        const int chunk = 8;
        const int count = 3000;
        var lines = Enumerable.Range(1, count).Select(i => PatientB.Replace("\"b\"", "\"p" + i + "\"")).ToList();
        var reader = new CountingReader(string.Join("\n", lines) + "\n");
        var writer = new CheckingWriter(reader);
        var io = new CliIO(reader, writer, new StringWriter(), null);

        var code = BatchCommand.Run(io, "-", null, chunkSize: chunk);

        code.Should().Be(ExitCodes.Ok);
        writer.Records.Should().Be(count);
        writer.MostAhead.Should().BeLessThan(count / 3, "lines are read in bounded chunks, so memory does not grow with the input");
        writer.MostAhead.Should().BeGreaterThan(1, "the chunk is read before it is evaluated in parallel");
    }

    private static string ResultJson(string line) => EvaluationResultJson.ToJson(Evaluate(line), indented: false);

    private static EvaluationResult Evaluate(string line) => ClinicalRuleSet.Default.Evaluate(PatientFactsJson.Read(line).Facts!);

    /// <summary>Hands out the text in reads of any size and counts the lines taken.</summary>
    private sealed class CountingReader : TextReader
    {
        private readonly string _text;
        private int _position;

        public CountingReader(string text) => _text = text;

        /// <summary>Lines handed out whole (their line break taken).</summary>
        public int Taken { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(count, _text.Length - _position);
            _text.CopyTo(_position, buffer, index, n);
            for (var i = _position; i < _position + n; i++)
            {
                Taken += _text[i] == '\n' ? 1 : 0;
            }

            _position += n;
            return n;
        }
    }

    /// <summary>At each write of records, notes how many lines had been read but not yet written.</summary>
    private sealed class CheckingWriter : StringWriter
    {
        private readonly CountingReader _reader;

        public CheckingWriter(CountingReader reader)
        {
            _reader = reader;
            NewLine = "\n";
        }

        public int Records { get; private set; }

        public int MostAhead { get; private set; }

        public override void Write(string? value)
        {
            MostAhead = Math.Max(MostAhead, _reader.Taken - Records);
            Records += value?.Count(c => c == '\n') ?? 0;
        }
    }
}
