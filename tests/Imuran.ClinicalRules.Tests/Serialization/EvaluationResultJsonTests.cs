using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Serialization;

public class EvaluationResultJsonTests
{
    private static readonly PatientFacts Patient = new()
    {
        PatientId = "p1",
        EvaluationDate = new ClinicalDate(2026, 6, 15),
        BirthDate = new ClinicalDate(1970, 1, 1),
        Sex = Sex.Male,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering },
        Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Poor }, new PharmacogenomicResult { Gene = Gene.Nudt15, Phenotype = MetabolizerPhenotype.Normal } },
        Medications = new[] { new Medication { Name = "Mystery pill" } },
    };

    [Fact]
    public void ToJson_Result_HasTheStableContract()
    {
        using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(Patient)));
        var root = doc.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "ruleSet", "patientId", "evaluationDate", "isComplete", "isValid", "findings", "validation", "unrecognised", "ruleErrors", "disabledRules", "thresholds");
        root.GetProperty("ruleSet").GetProperty("id").GetString().Should().Be("imuran-azathioprine");
        root.GetProperty("evaluationDate").GetString().Should().Be("2026-06-15");
        root.GetProperty("isComplete").GetBoolean().Should().BeTrue();
        var finding = root.GetProperty("findings")[0];
        finding.EnumerateObject().Select(p => p.Name).Should().Equal("ruleId", "kind", "severity", "topic", "summary", "detail", "review", "basis", "sources");
        finding.GetProperty("ruleId").GetString().Should().Be("AZA-PGX-001");
        finding.GetProperty("severity").GetString().Should().Be("critical");
        finding.GetProperty("kind").GetString().Should().Be("caution");
        finding.GetProperty("basis").GetProperty("facts")[0].GetProperty("path").GetString().Should().Be("pharmacogenomics[0]");
        finding.GetProperty("sources")[0].GetProperty("confidence").GetString().Should().Be("V");
        root.GetProperty("unrecognised")[0].GetProperty("field").GetString().Should().Be("medications[0]");
        root.GetProperty("thresholds").ValueKind.Should().Be(JsonValueKind.Object, "the default rule set lists no changed threshold");
    }

    [Fact]
    public void ToJson_SameInputTwice_IdenticalOutput() =>
        EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(Patient)).Should().Be(EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(Patient)));

    [Fact]
    public void ToJson_ResultWithDataNotRead_IsIncompleteAndListsEachGapAfterTheRuleErrors()
    {
        // A host that read the record (the FHIR reader in check and batch) attaches what it could not read: the JSON
        // must say the review is not complete, and which part of the record no rule saw.
        var complete = ClinicalRuleSet.Default.Evaluate(Patient);
        var result = complete with { DataNotRead = new[] { new ValidationProblem("Bundle.entry[2].resource", "FHIR_MEDICINE_NOT_IDENTIFIED", "MedicationRequest/x: not identified.") } };

        result.IsComplete.Should().BeFalse();
        result.Findings.Should().Equal(complete.Findings);
        using var doc = JsonDocument.Parse(EvaluationResultJson.ToJson(result));
        var root = doc.RootElement;
        root.GetProperty("isComplete").GetBoolean().Should().BeFalse();
        root.EnumerateObject().Select(p => p.Name).Should().Equal(
            "ruleSet", "patientId", "evaluationDate", "isComplete", "isValid", "findings", "validation", "unrecognised", "ruleErrors", "dataNotRead", "disabledRules", "thresholds");
        var gap = root.GetProperty("dataNotRead").EnumerateArray().Should().ContainSingle().Subject;
        gap.GetProperty("field").GetString().Should().Be("Bundle.entry[2].resource");
        gap.GetProperty("code").GetString().Should().Be("FHIR_MEDICINE_NOT_IDENTIFIED");
        gap.GetProperty("message").GetString().Should().Be("MedicationRequest/x: not identified.");
        JsonSerializer.Serialize(result, ImuranJson.Options).Should().Be(EvaluationResultJson.ToJson(result, indented: false), "the serializer writes the same contract");
    }
}
