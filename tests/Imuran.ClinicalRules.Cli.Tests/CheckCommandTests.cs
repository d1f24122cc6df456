using System.Text.Json;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

public class CheckCommandTests
{
    private static readonly string Sample = RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json");

    private const string Quiet = """
        {"patientId":"q","evaluationDate":"2026-06-15","birthDate":"1970-01-01","sex":"male","therapy":{"status":"considering"},
         "pharmacogenomics":[{"gene":"TPMT","phenotype":"normal"},{"gene":"NUDT15","phenotype":"normal"}]}
        """;

    [Fact]
    public void Check_FlagshipSample_TextReportListsCriticalFindingsFirst()
    {
        var (exit, output, _) = CliRunner.Run("check", Sample);

        exit.Should().Be(0);
        output.Should().Contain("Patient: tpmt-poor-allopurinol");
        output.Should().Contain("Complete: yes");
        var lines = output.Split('\n');
        var table = lines.SkipWhile(l => !l.StartsWith("SEVERITY", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Length > 0).ToList();
        table.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3]).Should().Equal("AZA-INT-001", "AZA-PGX-001", "AZA-CNS-001", "AZA-CNS-002", "AZA-MAL-006");
        table[0].Should().StartWith("CRITICAL");
        output.Should().Contain("Not recognised (kept, not evaluated by any rule):");
        output.Should().NotContain("300 MG", "echoed names have their strengths removed");
    }

    [Fact]
    public void Check_JsonFormat_WritesTheContract()
    {
        var (exit, output, _) = CliRunner.Run("check", Sample, "--format", "json");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().Equal("AZA-INT-001", "AZA-PGX-001", "AZA-CNS-001", "AZA-CNS-002", "AZA-MAL-006");
        doc.RootElement.GetProperty("isComplete").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Check_Stdin_IsRead()
    {
        var (exit, output, _) = CliRunner.RunWithInput(Quiet, "check", "-", "--format", "json");

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("patientId").GetString().Should().Be("q");
    }

    [Fact]
    public void Check_FreeTextNamesCarryingDosingText_AreNotEchoedInTextOrJson()
    {
        // QA, 2 Dec: fractions, instructions and frequencies in names, and vaccine volumes, were echoed in the basis.
        const string Hostile = """
            {"patientId":"qa-7","evaluationDate":"2026-11-22","birthDate":"1961-03-14","sex":"male","therapy":{"status":"considering"},
             "pharmacogenomics":[{"gene":"TPMT","diplotype":"*3A/*3A","date":"2026-10-30"},{"gene":"NUDT15","diplotype":"*1/*1","date":"2026-10-30"}],
             "medications":[{"name":"Allopurinol 300 mg - halve the azathioprine, one-third of usual, 1/2 tab twice daily","rxNormCode":"519","startDate":"2024-05-01","active":true},
                            {"name":"warfarin take 2 twice daily","startDate":"2024-01-01","active":true}],
             "conditions":[{"name":"Hepatitis B carrier - reduce the azathioprine if ALT rises","kind":"hepatitisB","status":"active"}],
             "allergies":[{"substance":"mercaptopurine 50 mg (halve the dose)"}],
             "vaccinations":[{"name":"MMR 0.5 mL (2nd dose)","date":"2026-11-01","status":"planned"}]}
            """;

        foreach (var format in new[] { "text", "json" })
        {
            var (exit, output, error) = CliRunner.RunWithInput(Hostile, "check", "-", "--format", format);

            exit.Should().Be(0, error);
            output.Should().Contain("AZA-INT-001").And.Contain("name withheld: it carries amounts or instructions");
            foreach (var fragment in new[] { "halve", "one-third", "1/2", "twice", "take 2", "0.5 mL", "dose)", "reduce the azathioprine", "300 mg", "50 mg" })
            {
                output.Should().NotContain(fragment, $"the {format} output must not echo dosing text");
            }
        }
    }

    [Fact]
    public void Check_PatientIdReadingAsDosingText_IsRefusedWithoutEchoingIt()
    {
        var input = Quiet.Replace("\"patientId\":\"q\"", "\"patientId\":\"Reduce dose to 25 mg daily\"");

        var (exit, output, error) = CliRunner.RunWithInput(input, "check", "-");
        var (jsonExit, json, _) = CliRunner.RunWithInput(input, "check", "-", "--format", "json");

        exit.Should().Be(2);
        jsonExit.Should().Be(2);
        (output + error).Should().Contain("PATIENT_ID_CARRIES_DOSING_TEXT").And.Contain("Patient: (no id)").And.NotContain("25 mg");
        json.Should().NotContain("25 mg");
        JsonDocument.Parse(json).RootElement.TryGetProperty("patientId", out _).Should().BeFalse();
    }

    [Fact]
    public void Check_EvaluationDateGivenTwice_IsShownAsNotRead()
    {
        // QA, 2 Dec: DUPLICATE_FIELD was raised, but the header and the JSON showed the last date given.
        var input = Quiet.Replace("\"evaluationDate\":\"2026-06-15\"", "\"evaluationDate\":\"2026-06-15\",\"evaluationDate\":\"2026-07-01\"");

        var (exit, output, _) = CliRunner.RunWithInput(input, "check", "-");
        var (_, json, _) = CliRunner.RunWithInput(input, "check", "-", "--format", "json");

        exit.Should().Be(2);
        output.Should().Contain("DUPLICATE_FIELD").And.Contain("Evaluation date: (not read)").And.NotContain("2026-07-01");
        json.Should().NotContain("2026-07-01");
    }

    [Theory]
    [InlineData("critical", 3)]
    [InlineData("warning", 3)]
    public void Check_FailOnWithCriticalFinding_Exits3(string threshold, int expected) =>
        CliRunner.Run("check", Sample, "--fail-on", threshold).Exit.Should().Be(expected);

    [Fact]
    public void Check_FailOnCriticalWithOnlyInfoFindings_Exits0() =>
        CliRunner.RunWithInput(Quiet, "check", "-", "--fail-on", "critical").Exit.Should().Be(0);

    [Fact]
    public void Check_InvalidFacts_Exits2AndPrintsProblems()
    {
        const string bad = """{"evaluationDate":"2026-06-15","labResults":[{"loincCode":"6690-2","value":-3,"date":"2026-06-01"}]}""";

        var (exit, output, _) = CliRunner.RunWithInput(bad, "check", "-");

        exit.Should().Be(2);
        output.Should().Contain("The input is invalid and was not evaluated (2 problems):");
        output.Should().Contain("labResults[0].value: The lab value -3 is negative; a count or concentration cannot be below zero. [LAB_VALUE_NEGATIVE]");
        output.Should().Contain("labResults[0].unit: The lab result has no unit; its value cannot be read without one. [LAB_UNIT_MISSING]");
    }

    [Fact]
    public void Check_MalformedJson_Exits2WithLineAndPosition()
    {
        var (exit, output, _) = CliRunner.RunWithInput("{\n\"evaluationDate\": \"2026-06-15\",\n", "check", "-");

        exit.Should().Be(2);
        output.Should().Contain("$: The input is not valid JSON at line 3");
    }

    [Fact]
    public void Check_InvalidFactsAsJson_ValidationArrayAndExit2()
    {
        var (exit, output, error) = CliRunner.RunWithInput("""{"evaluationDate":"2026-06-15","sex":"f"}""", "check", "-", "--format", "json");

        exit.Should().Be(2);
        var v = JsonDocument.Parse(output).RootElement.GetProperty("validation")[0];
        v.GetProperty("field").GetString().Should().Be("sex");
        v.GetProperty("code").GetString().Should().Be("UNKNOWN_VALUE");
        error.Should().Contain("sex:");
    }

    [Fact]
    public void Check_MissingFile_Exits2()
    {
        var (exit, _, error) = CliRunner.Run("check", "/nonexistent/patient.json");

        exit.Should().Be(2);
        error.Should().StartWith("error: cannot read '/nonexistent/patient.json'");
    }

    [Fact]
    public void Check_UnknownFormat_Exits2() => CliRunner.Run("check", Sample, "--format", "xml").Exit.Should().Be(2);

    [Fact]
    public void Check_EvaluationDateOption_OverridesTheFile()
    {
        var (exit, output, _) = CliRunner.RunWithInput(Quiet, "check", "-", "--format", "json", "--evaluation-date", "2026-07-01");

        exit.Should().Be(0);
        JsonDocument.Parse(output).RootElement.GetProperty("evaluationDate").GetString().Should().Be("2026-07-01");
    }

    [Fact]
    public void Check_BadEvaluationDateOption_Exits2() =>
        CliRunner.RunWithInput(Quiet, "check", "-", "--evaluation-date", "01/07/2026").Exit.Should().Be(2);

    [Fact]
    public void Check_EvaluationDateOption00010101_Exit2NamingTheOptionNotMissing()
    {
        // Stop 25: the date given was reported as "The evaluation date is missing" (0001-01-01 is the unset value).
        var (exit, output, error) = CliRunner.RunWithInput(Quiet, "check", "-", "--evaluation-date", "0001-01-01");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("--evaluation-date '0001-01-01'");
        (output + error).Should().NotContain("is missing");
    }

    [Fact]
    public void NoCommand_PrintsUsageAndExitsNonZero() => CliRunner.Run("frobnicate").Exit.Should().Be(2);

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Check_FhirBundleWithAnActiveOrderWhoseMedicineCannotBeIdentified_IsNotPresentedAsComplete(string format)
    {
        // QA, 2 Dec: an active allopurinol order given by an unresolved medicationReference was listed as not
        // recognised, yet the report said "Complete: yes" and the exit code was 0, so a missing interaction check
        // looked like a complete review.
        var bundle = """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"resource":{"resourceType":"Patient","id":"pt-1","gender":"male","birthDate":"1961-03-14"}},
             {"resource":{"resourceType":"MedicationRequest","id":"allo","status":"active","intent":"order","medicationReference":{"reference":"Medication/med-allopurinol"},"subject":{"reference":"Patient/pt-1"},"authoredOn":"2024-05-01"}},
             {"resource":{"resourceType":"MedicationRequest","id":"aza-draft","status":"draft","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256"}],"text":"azathioprine"},"subject":{"reference":"Patient/pt-1"},"authoredOn":"2026-11-22"}}]}
            """;

        var (exit, output, error) = CliRunner.RunWithInput(bundle, "check", "-", "--format", format, "--evaluation-date", "2026-12-02");

        exit.Should().Be(1, "an evaluation that could not be completed exits 1");
        error.Should().Contain("FHIR_MEDICINE_NOT_IDENTIFIED").And.Contain("MedicationRequest/allo");
        error.Should().Contain("error: the evaluation is incomplete");
        if (format == "text")
        {
            output.Should().Contain("Complete: NO").And.NotContain("Complete: yes");
            output.Should().Contain("MedicationRequest/allo");
        }
        else
        {
            // The JSON a pharmacy program reads says so too (before: "isComplete":true, with the gap only on stderr).
            var json = System.Text.Json.JsonDocument.Parse(output).RootElement;
            json.GetProperty("isComplete").GetBoolean().Should().BeFalse();
            var gap = json.GetProperty("dataNotRead").EnumerateArray().Should().ContainSingle().Subject;
            gap.GetProperty("code").GetString().Should().Be("FHIR_MEDICINE_NOT_IDENTIFIED");
            gap.GetProperty("field").GetString().Should().Contain("entry[1]");
            gap.GetProperty("message").GetString().Should().Contain("MedicationRequest/allo");
        }
    }

    [Fact]
    public void Check_FhirBundleWithAMedicineTextNamingTwoMedicines_IsNotPresentedAsComplete()
    {
        // The CLI now reads incomplete data as the CDS Hooks service does (MappingProblem.MeansIncompleteData): before,
        // only an unidentified medicine made the report incomplete, and an ambiguous text ("Complete: yes", exit 0) did not.
        var bundle = """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"resource":{"resourceType":"Patient","id":"pt-1","gender":"male","birthDate":"1961-03-14"}},
             {"resource":{"resourceType":"MedicationRequest","id":"two","status":"active","intent":"order","medicationCodeableConcept":{"text":"Allopurinol with febuxostat"},"subject":{"reference":"Patient/pt-1"},"authoredOn":"2024-05-01"}},
             {"resource":{"resourceType":"MedicationRequest","id":"aza","status":"active","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256"}],"text":"azathioprine"},"subject":{"reference":"Patient/pt-1"},"authoredOn":"2025-01-01"}}]}
            """;

        var (exit, output, error) = CliRunner.RunWithInput(bundle, "check", "-", "--evaluation-date", "2026-12-02");

        exit.Should().Be(1, error);
        error.Should().Contain("FHIR_SEVERAL_MEDICINES_NAMED").And.Contain("error: the evaluation is incomplete");
        output.Should().Contain("Complete: NO");
    }
}
