using System.Linq;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

/// <summary>
/// A medicine coded only with an RxNorm product code (clinical or branded drug), with no text: the reader recognises it
/// through the core's product table (issue 11 item 0), not only by the ingredient code or the name.
/// </summary>
public class MedicationProductCodeTests
{
    /// <summary>An order coded only with an RxNorm code: no display, no text.</summary>
    private static string CodeOnlyRequest(string rxnorm, string id = "mr1", string status = "active", string intent = "order", string authoredOn = "2025-01-10") =>
        $$"""{"resourceType":"MedicationRequest","id":"{{id}}","status":"{{status}}","intent":"{{intent}}","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{rxnorm}}"}]},"subject":{"reference":"Patient/p1"},"authoredOn":"{{authoredOn}}"}""";

    [Fact]
    public void Read_ActiveOrderCodedOnlyWithAzathioprineProduct197388_IsAzathioprineTherapy()
    {
        var result = ReadWithPatient(CodeOnlyRequest("197388"));

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Continuing);
        result.Facts.Medications.Should().BeEmpty();
        var used = result.Used.Should().ContainSingle(u => u.Id == "mr1").Subject;
        used.Fact.Should().Be(MappedFact.Therapy);
        used.MatchedByText.Should().BeFalse();
        used.Description.Should().Contain("RxNorm 197388").And.Contain("ingredient azathioprine");
    }

    [Fact]
    public void Read_DraftOrderCodedOnlyWithAzathioprineProduct197388_IsTherapyConsidered()
    {
        var result = ReadWithPatient(CodeOnlyRequest("197388", status: "draft"));

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Considering);
    }

    [Fact]
    public void Read_MedicationResourceCodedOnlyWithAzathioprineProduct_IsAzathioprineTherapy()
    {
        const string medication = """{"resourceType":"Medication","id":"med1","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"197388"}]}}""";
        const string request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationReference":{"reference":"Medication/med1"},"subject":{"reference":"Patient/p1"},"authoredOn":"2025-01-10"}""";

        var result = ReadWithPatient(medication, request);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Continuing);
    }

    [Fact]
    public void Evaluate_AzathioprineAndAllopurinolCodedOnlyWithProducts_RaisesTheAllopurinolInteraction()
    {
        var result = ReadWithPatient(CodeOnlyRequest("197388"), CodeOnlyRequest("197319", id: "mr2"));

        result.Facts!.Medications.Should().ContainSingle().Which.RxNormCode.Should().Be("197319");
        result.Used.Single(u => u.Id == "mr2").Description.Should().Contain("RxNorm 197319").And.Contain("ingredient allopurinol");
        ClinicalRuleSet.Default.Evaluate(result.Facts).Findings.Should().Contain(f => f.RuleId == "AZA-INT-001");
    }

    [Fact]
    public void Read_UnknownProductCodeWithoutText_IsNotAzathioprineAndIsPassedOnUnrecognised()
    {
        var result = ReadWithPatient(CodeOnlyRequest("99999999"));

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Unknown);
        result.Facts.Medications.Should().ContainSingle().Which.RxNormCode.Should().Be("99999999");
        var evaluation = ClinicalRuleSet.Default.Evaluate(result.Facts);
        evaluation.Unrecognised.Should().Contain(u => u.Text.Contains("99999999"));
        result.Used.Single(u => u.Id == "mr1").Description.Should().NotContain("ingredient");
    }
}

/// <summary>The same product lookup for allergies and for a product coded with several RxNorm codings.</summary>
public class ProductCodeAcrossCodingsTests
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    private static string Allergy(string code) =>
        $$$"""{"resourceType":"AllergyIntolerance","id":"a1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},"code":{{{code}}},"patient":{"reference":"Patient/p1"}}""";

    [Fact]
    public void Read_AllergyToAzathioprineProductAfterAnUnknownRxNormCoding_IsAThiopurineAllergy()
    {
        var result = ReadWithPatient(Allergy($$$"""{"coding":[{"system":"{{{RxNorm}}}","code":"99999999"},{"system":"{{{RxNorm}}}","code":"197388"}]}"""));

        result.Facts!.Allergies.Should().ContainSingle().Which.RxNormCode.Should().Be("197388");
        result.Used.Single(u => u.Fact == MappedFact.Allergy).Description.Should().Contain("RxNorm 197388, mapped to ingredient azathioprine");
        ClinicalRuleSet.Default.Evaluate(result.Facts).Unrecognised.Should().NotContain(u => u.Category == "allergy");
    }

    [Fact]
    public void Read_AllopurinolProductAfterAnUnknownRxNormCoding_PassesTheKnownProductCodeOn()
    {
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"coding":[{"system":"{{{RxNorm}}}","code":"99999999"},{"system":"{{{RxNorm}}}","code":"197319"}]},"subject":{"reference":"Patient/p1"},"authoredOn":"2025-01-10"}""";

        var result = ReadWithPatient(request, MedicationRequest("1256", "azathioprine", id: "mr2"));

        result.Facts!.Medications.Should().ContainSingle().Which.RxNormCode.Should().Be("197319");
        ClinicalRuleSet.Default.Evaluate(result.Facts).Findings.Should().Contain(f => f.RuleId == "AZA-INT-001");
    }
}
