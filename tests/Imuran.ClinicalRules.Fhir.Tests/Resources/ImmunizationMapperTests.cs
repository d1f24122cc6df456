using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

public class ImmunizationMapperTests
{
    [Fact]
    public void Read_CompletedImmunization_IsGiven()
    {
        var result = ReadWithPatient(Immunization("completed", "2025-05-20", "03", "MMR"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new Vaccination
        {
            CvxCode = "03",
            Name = "MMR",
            Date = new ClinicalDate(2025, 5, 20),
            Status = VaccinationStatus.Given,
        });
    }

    [Fact]
    public void Read_ImmunizationDatedAfterEvaluation_IsPlanned()
    {
        var result = ReadWithPatient(Immunization("completed", "2025-06-15", "21", "varicella"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Status.Should().Be(VaccinationStatus.Planned);
    }

    [Fact]
    public void Read_NotDoneWithFutureDate_IsPlanned()
    {
        var result = ReadWithPatient(Immunization("not-done", "2025-07-01", "03", "MMR"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Status.Should().Be(VaccinationStatus.Planned);
    }

    [Fact]
    public void Read_NotDoneWithoutPlan_IsIgnored()
    {
        var result = ReadWithPatient(Immunization("not-done", "2025-04-01", "03", "MMR"));

        result.Facts!.Vaccinations.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "im1" && u.Ignored);
    }

    [Fact]
    public void Read_EnteredInError_IsIgnored()
    {
        ReadWithPatient(Immunization("entered-in-error", "2025-04-01", "03", "MMR")).Facts!.Vaccinations.Should().BeEmpty();
    }

    [Fact]
    public void Read_VaccineWithoutCvx_KeepsTheNameMatchedByText()
    {
        var immunization = """{"resourceType":"Immunization","id":"im1","status":"completed","vaccineCode":{"text":"Yellow fever vaccine"},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2025-05-01"}""";

        var result = ReadWithPatient(immunization);

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { CvxCode = (string?)null, Name = "Yellow fever vaccine" });
        result.Used.Should().ContainSingle(u => u.Id == "im1").Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_ImmunizationRecommendationDue_IsPlannedOnTheEarliestDate()
    {
        var recommendation = """{"resourceType":"ImmunizationRecommendation","id":"ir1","patient":{"reference":"Patient/p1"},"date":"2025-05-01","recommendation":[{"vaccineCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"121","display":"zoster live"}]}],"forecastStatus":{"coding":[{"code":"due"}]},"dateCriterion":[{"code":{"text":"due"},"value":"2025-08-01"},{"code":{"text":"earliest"},"value":"2025-07-01"}]},{"vaccineCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"03"}]}],"forecastStatus":{"coding":[{"code":"complete"}]}}]}""";

        var result = ReadWithPatient(recommendation);

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new Vaccination
        {
            CvxCode = "121",
            Name = "zoster live",
            Date = new ClinicalDate(2025, 7, 1),
            Status = VaccinationStatus.Planned,
        });
    }

    [Fact]
    public void Read_ImmunizationRecommendationAllComplete_IsIgnored()
    {
        var recommendation = """{"resourceType":"ImmunizationRecommendation","id":"ir1","recommendation":[{"vaccineCode":[{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"03"}]}],"forecastStatus":{"coding":[{"code":"immune"}]}}]}""";

        var result = ReadWithPatient(recommendation);

        result.Facts!.Vaccinations.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "ir1" && u.Ignored);
    }

    private static string Immunization(string status, string date, string cvx, string display) =>
        $$$"""{"resourceType":"Immunization","id":"im1","status":"{{{status}}}","vaccineCode":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"{{{cvx}}}","display":"{{{display}}}"}]},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"{{{date}}}"}""";
}
