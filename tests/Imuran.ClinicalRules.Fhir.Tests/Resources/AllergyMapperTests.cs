using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

public class AllergyMapperTests
{
    [Theory]
    [InlineData("1256", "azathioprine")]
    [InlineData("103", "mercaptopurine")]
    public void Read_ThiopurineAllergyByRxNorm_GivesAllergyWithIngredientCode(string rxnorm, string name)
    {
        var result = ReadWithPatient(Allergy($$$"""{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{{rxnorm}}}","display":"{{{name}}}"}]}"""));

        result.Facts!.Allergies.Should().ContainSingle().Which.Should().BeEquivalentTo(new Allergy { Substance = name, RxNormCode = rxnorm });
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Allergy).Which.Description.Should().Contain(name);
    }

    [Theory]
    [InlineData("Imuran", "1256")]
    [InlineData("Azathioprine tablets", "1256")]
    [InlineData("6-mercaptopurine", "103")]
    public void Read_ThiopurineAllergyByName_GivesIngredientCodeMatchedByText(string text, string rxnorm)
    {
        var result = ReadWithPatient(Allergy($$$"""{"text":"{{{text}}}"}"""));

        result.Facts!.Allergies.Should().ContainSingle().Which.Should().BeEquivalentTo(new Allergy { Substance = text, RxNormCode = rxnorm });
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Allergy).Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_OtherAllergy_IsKeptForTheCoreToReport()
    {
        var result = ReadWithPatient(Allergy("""{"coding":[{"system":"http://snomed.info/sct","code":"91936005","display":"Allergy to penicillin"}]}"""));

        result.Facts!.Allergies.Should().ContainSingle().Which.Should().BeEquivalentTo(new Allergy { Substance = "Allergy to penicillin" });
    }

    [Theory]
    [InlineData("refuted")]
    [InlineData("entered-in-error")]
    public void Read_RefutedOrEnteredInError_IsIgnored(string verification)
    {
        var result = ReadWithPatient(Allergy("""{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256"}]}""", verification));

        result.Facts!.Allergies.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "a1").Which.Description.Should().Be("ignored: verificationStatus " + verification);
    }

    [Theory]
    [InlineData("""{"coding":[{"system":"http://example.org/local-status","code":"E"},{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"entered-in-error"}]}""", "entered-in-error")]
    [InlineData("""{"text":"Entered in error"}""", "entered-in-error")]
    [InlineData("""{"text":"Refuted"}""", "refuted")]
    public void Read_ThiopurineAllergyEnteredInErrorNotInTheFirstCoding_IsIgnored(string verificationStatus, string read)
    {
        // QA, 2 Dec: an azathioprine allergy recorded in error behind a local coding was used as real (AZA-HYP-001).
        var allergy = $$$"""{"resourceType":"AllergyIntolerance","id":"a1","verificationStatus":{{{verificationStatus}}},"code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256","display":"azathioprine"}]},"patient":{"reference":"Patient/p1"}}""";

        var result = ReadWithPatient(allergy);

        result.Facts!.Allergies.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "a1").Which.Description.Should().Be("ignored: verificationStatus " + read);
    }

    [Theory]
    [InlineData("NKDA")]
    [InlineData("No known drug allergies")]
    [InlineData("No Known Drug Allergy (situation)")]
    [InlineData("No known allergies")]
    public void Read_NoKnownDrugAllergy_IsUsedWithoutAnAllergy(string text)
    {
        var result = ReadWithPatient(Allergy($$$"""{"text":"{{{text}}}"}"""));

        result.Facts!.Allergies.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "a1").Which.Fact.Should().Be(MappedFact.None);
    }

    [Fact]
    public void Read_AllergyWithoutCode_IsUnrecognised()
    {
        var result = ReadWithPatient("""{"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"Patient/p1"}}""");

        result.Unrecognised.Should().ContainSingle().Which.Reason.Should().Be(UnrecognisedReason.CodeNotRecognised);
    }

    private static string Allergy(string code, string verification = "confirmed") =>
        $$$"""{"resourceType":"AllergyIntolerance","id":"a1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical","code":"active"}]},"verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/allergyintolerance-verification","code":"{{{verification}}}"}]},"code":{{{code}}},"patient":{"reference":"Patient/p1"}}""";
}
