using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Tests.Scenarios;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>FHIR R4 bundles through <c>imuran-rules check</c>: expected findings, and the same findings as equivalent facts.</summary>
public class FhirInputTests
{
    private const string EvaluationDate = "2025-06-01";

    public static TheoryData<string> Bundles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.InRepo("samples", "fhir"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(f));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void Check_FhirSample_MatchesExpectedFindings(string name)
    {
        var (exit, output, error) = CliRunner.Run("check", RepoPaths.InRepo("samples", "fhir", name + ".json"), "--format", "json", "--evaluation-date", EvaluationDate);

        exit.Should().BeOneOf(0, 3);
        error.Should().StartWith("FHIR R4 input:");
        var actual = GoldenFromJson(output);
        var golden = RepoPaths.InRepo("samples", "fhir", "expected", name + ".expected.json");
        if (ScenarioSamples.UpdateRequested)
        {
            File.WriteAllText(golden, actual.ToJson());
        }

        File.Exists(golden).Should().BeTrue($"every FHIR sample has expected findings ({golden})");
        actual.Should().BeEquivalentTo(Golden.Parse(File.ReadAllText(golden)), o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("10-kidney-transplant-cotrimoxazole")]
    [InlineData("01-allopurinol-clinical-drug")]
    public void Check_FhirBundle_SameFindingsAsTheEquivalentFactsFile(string bundle)
    {
        var fromFhir = CliRunner.Run("check", RepoPaths.InRepo("samples", "fhir", bundle + ".json"), "--format", "json", "--evaluation-date", EvaluationDate);
        var fromFacts = CliRunner.Run("check", RepoPaths.InRepo("samples", "fhir", "equivalent", bundle + ".facts.json"), "--format", "json");

        fromFhir.Exit.Should().Be(fromFacts.Exit);
        Findings(fromFhir.Out).Should().Equal(Findings(fromFacts.Out));
        Findings(fromFhir.Out).Should().NotBeEmpty();
    }

    [Fact]
    public void Check_FhirBundleLargerThanTheReadersDefaultLimit_IsReadUpToTheDocumentLimit()
    {
        // 17 MiB: over FhirReadOptions.DefaultMaxBytes (16 MiB), under check's own document limit (64 MiB), which
        // governs FHIR and patient-facts documents alike.
        var sample = File.ReadAllText(RepoPaths.InRepo("samples", "fhir", "01-allopurinol-clinical-drug.json"));
        var path = Path.Combine(Path.GetTempPath(), "imuran-large-fhir-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, sample.TrimEnd() + new string(' ', 17 * 1024 * 1024) + "\n");
        try
        {
            var large = CliRunner.Run("check", path, "--format", "json", "--evaluation-date", EvaluationDate);
            var plain = CliRunner.Run("check", RepoPaths.InRepo("samples", "fhir", "01-allopurinol-clinical-drug.json"), "--format", "json", "--evaluation-date", EvaluationDate);

            large.Exit.Should().Be(plain.Exit, large.Err);
            Findings(large.Out).Should().Equal(Findings(plain.Out)).And.NotBeEmpty();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Check_FhirWithoutEvaluationDate_UsesTodayAndSaysSo()
    {
        var (_, output, error) = CliRunner.Run("check", RepoPaths.InRepo("samples", "fhir", "12-low-wbc.json"), "--format", "json");

        var today = CheckCommand.Today().ToString();
        JsonDocument.Parse(output).RootElement.GetProperty("evaluationDate").GetString().Should().Be(today);
        error.Should().Contain($"Evaluation date: {today} (today; pass --evaluation-date to set it).");
    }

    [Fact]
    public void Check_BundleWithoutPatient_Exits2WithAClearError()
    {
        var (exit, output, _) = CliRunner.RunWithInput("""{"resourceType":"Bundle","type":"collection","entry":[]}""", "check", "-", "--evaluation-date", EvaluationDate);

        exit.Should().Be(2);
        output.Should().Contain("The input is invalid and was not evaluated");
        output.Should().Contain("FHIR_MISSING_PATIENT");
    }

    [Fact]
    public void Check_ProblemWithAResourceWithoutId_ReportSaysSoInsteadOfAnEmptyReference()
    {
        // Stop 28: the report wrote "MedicationRequest/:" for a resource without an id.
        const string bundle = """
            {"resourceType":"Bundle","type":"collection","entry":[
              {"resource":{"resourceType":"Patient","id":"p","birthDate":"1970-01-01"}},
              {"resource":{"resourceType":"MedicationRequest","status":"active","intent":"order","subject":{"reference":"Patient/p"},
                           "medicationCodeableConcept":{"text":"azathioprine"},"authoredOn":"2026-13-45"}}]}
            """;

        var (_, _, error) = CliRunner.RunWithInput(bundle, "check", "-", "--evaluation-date", EvaluationDate);

        error.Should().Contain("problem: Bundle.entry[1].resource.authoredOn MedicationRequest (no id): ").And.NotContain("MedicationRequest/:");
    }

    [Fact]
    public void Check_TruncatedBundle_Exits2WithLineAndPosition()
    {
        var (exit, output, _) = CliRunner.RunWithInput("{\"resourceType\":\"Bundle\",\"entry\":[", "check", "-");

        exit.Should().Be(2);
        output.Should().Contain("The input is not valid JSON at line 1");
    }

    private static List<(string, string, string, string)> Findings(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("topic").GetString()!, f.GetProperty("summary").GetString()!))
            .ToList();

    private static Golden GoldenFromJson(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new Golden(
            root.GetProperty("isComplete").GetBoolean(),
            root.GetProperty("unrecognised").EnumerateArray().Select(u => u.GetProperty("field").GetString()!).ToList(),
            root.GetProperty("findings").EnumerateArray().Select(f => new GoldenFinding(f.GetProperty("ruleId").GetString()!, f.GetProperty("severity").GetString()!, f.GetProperty("topic").GetString()!)).ToList());
    }
}
