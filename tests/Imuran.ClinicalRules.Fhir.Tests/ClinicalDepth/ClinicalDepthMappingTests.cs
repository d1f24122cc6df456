using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.ClinicalDepth;

/// <summary>Issue 11 in the FHIR mapping: stopped therapy, the laboratory's upper reference limit, product-code orders.</summary>
public class ClinicalDepthMappingTests
{
    [Fact]
    public void StoppedAndActiveAzathioprine_ActiveWins()
    {
        var result = ReadWithPatient(
            MedicationRequest("1256", "azathioprine", status: "stopped", id: "old"),
            MedicationRequest("1256", "azathioprine", status: "active", authoredOn: "2025-01-10", id: "new"));

        result.Facts!.Therapy.Status.Should().BeOneOf(TherapyStatus.Continuing, TherapyStatus.NewlyStarted);
    }

    [Fact]
    public void StoppedAzathioprineAndADraftOrder_IsConsidering()
    {
        var result = ReadWithPatient(
            MedicationRequest("1256", "azathioprine", status: "stopped", id: "old"),
            MedicationRequest("1256", "azathioprine", status: "draft", id: "plan"));

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Considering);
    }

    [Fact]
    public void StoppedAzathioprineWithAllopurinol_NoCriticalInteraction()
    {
        var result = ReadWithPatient(MedicationRequest("1256", "azathioprine", status: "stopped", id: "old"), MedicationRequest("519", "allopurinol", id: "allo"));

        ClinicalRuleSet.Default.Evaluate(result.Facts!).Findings.Should().NotContain(f => f.RuleId == "AZA-INT-001");
    }

    [Fact]
    public void ProductCodeOnlyAzathioprineOrderStopped_TheCoreSeesStoppedTherapy()
    {
        // 197388 (azathioprine 50 MG oral tablet) with no text: the mapper keeps it as a past medication; the core's
        // product table recognises it and, with no active order and no stated status, takes therapy as stopped.
        var result = ReadWithPatient("""{"resourceType":"MedicationRequest","id":"mr1","status":"completed","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"197388"}]},"subject":{"reference":"Patient/p1"},"authoredOn":"2025-01-10"}""");

        var evaluation = ClinicalRuleSet.Default.Evaluate(result.Facts!);

        evaluation.Unrecognised.Should().BeEmpty();
        evaluation.Findings.Should().NotContain(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("therapy status"));
    }

    [Theory]
    [InlineData("U/L", 45.0)]
    [InlineData("mmol/L", null)] // another unit: not used
    public void ReferenceRangeHigh_InTheValuesUnit_IsTheUpperReferenceLimit(string highUnit, double? expected)
    {
        var lab = Lab("1742-6", 150, unit: "U/L").Replace("\"valueQuantity\"", "\"referenceRange\":[{\"high\":{\"value\":45,\"unit\":\"" + highUnit + "\"}}],\"valueQuantity\"");

        var result = ReadWithPatient(lab);

        result.Facts!.LabResults.Should().ContainSingle().Which.UpperReferenceLimit.Should().Be(expected);
    }

    [Fact]
    public void AltTwiceTheReferenceHigh_WithoutAFlag_RaisesTheLiverCaution()
    {
        var lab = Lab("1742-6", 150, unit: "U/L", date: "2026-01-10").Replace("\"valueQuantity\"", "\"referenceRange\":[{\"high\":{\"value\":45,\"unit\":\"U/L\"}}],\"valueQuantity\"");

        var facts = ReadWithPatient(lab).Facts! with { EvaluationDate = new ClinicalDate(2026, 1, 15) };

        ClinicalRuleSet.Default.Evaluate(facts).Findings.Should().Contain(f => f.RuleId == "AZA-HEP-002");
    }

    [Fact]
    public void PregnancyStatusObservation_CarriesItsDate_SoAStaleOneCountsAsUnknown()
    {
        var observation = """{"resourceType":"Observation","id":"ps","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"82810-3"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2025-05-01","valueCodeableConcept":{"coding":[{"system":"http://snomed.info/sct","code":"60001007"}]}}""";

        var facts = ReadWithPatient(observation).Facts!;

        facts.PregnancyStatus.Should().Be(PregnancyStatus.NotPregnant);
        facts.PregnancyStatusDate.Should().Be(new ClinicalDate(2025, 5, 1));
    }

    [Fact]
    public void BreastfeedingObservation_CarriesItsDate_SoAStaleOneCountsAsUnknown()
    {
        var observation = """{"resourceType":"Observation","id":"bf","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"63895-7"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2025-01-10","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA29252-6"}]}}""";

        var facts = ReadWithPatient(observation).Facts! with { EvaluationDate = new ClinicalDate(2026, 1, 15) };

        facts.Breastfeeding.Should().BeTrue();
        facts.BreastfeedingDate.Should().Be(new ClinicalDate(2025, 1, 10));
        var result = ClinicalRuleSet.Default.Evaluate(facts);
        result.Findings.Should().NotContain(f => f.RuleId == "AZA-LAC-001");
        result.Findings.Should().Contain(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("recorded as breastfeeding 370 days ago"));
    }
}
