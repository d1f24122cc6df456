using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

/// <summary>
/// A MedicationRequest or MedicationStatement coded with CVX is a vaccine, read as a vaccination, not as a medicine
/// (QA, 2 Dec: an MMR order coded CVX 03 was listed as a medicine not recognised, and AZA-VAC-001 never saw it).
/// </summary>
public class VaccineOrderMapperTests
{
    private static string CvxRequest(string status, string code, string display, string authoredOn = "2025-05-28", string id = "vx1") =>
        $$"""{"resourceType":"MedicationRequest","id":"{{id}}","status":"{{status}}","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"{{code}}","display":"{{display}}"}]},"subject":{"reference":"Patient/p1"},"authoredOn":"{{authoredOn}}"}""";

    [Theory]
    [InlineData("draft")]
    [InlineData("active")]
    [InlineData("on-hold")]
    public void Read_CurrentCvxMedicationRequest_IsAPlannedVaccinationWithItsDate(string status)
    {
        var result = ReadWithPatient(CvxRequest(status, "03", "MMR"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new Vaccination
        {
            CvxCode = "03",
            Name = "MMR",
            Date = new ClinicalDate(2025, 5, 28),
            Status = VaccinationStatus.Planned,
        });
        result.Facts.Medications.Should().BeEmpty("a vaccine is not a medicine for the rules");
        result.Unrecognised.Should().BeEmpty();
        result.Problems.Should().NotContain(p => p.Code == MappingProblemCode.MedicineNotIdentified);
        result.Used.Should().ContainSingle(u => u.Id == "vx1").Which.Fact.Should().Be(MappedFact.Vaccination);
    }

    private static string CvxStatement(string status, string code, string display, string id = "vs1") =>
        $$"""{"resourceType":"MedicationStatement","id":"{{id}}","status":"{{status}}","medicationCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/cvx","code":"{{code}}","display":"{{display}}"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2025-05-20"}""";

    [Fact]
    public void Read_CompletedCvxMedicationRequest_IsAGivenVaccination()
    {
        var result = ReadWithPatient(CvxRequest("completed", "03", "MMR"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Status.Should().Be(VaccinationStatus.Given);
        result.Problems.Should().BeEmpty("a completed order was carried out");
    }

    [Fact]
    public void Read_StoppedCvxMedicationRequest_IsGivenOnItsOrderDate_WithAProblemThatWhetherItWasGivenIsNotKnown()
    {
        // Brief e, item 3: a stopped order was read as a vaccination given on authoredOn without a word, though a stopped
        // order does not say the vaccine was given. It is still counted (the live-vaccine caution is the cautious side),
        // and the record is incomplete.
        var result = ReadWithPatient(CvxRequest("stopped", "03", "MMR"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new Vaccination
        {
            CvxCode = "03",
            Name = "MMR",
            Date = new ClinicalDate(2025, 5, 28),
            Status = VaccinationStatus.Given,
        });
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(MappingProblemCode.VaccineOrderStopped);
        problem.ErrorCode.Should().Be("FHIR_VACCINE_ORDER_STOPPED");
        problem.MeansIncompleteData.Should().BeTrue();
        problem.Message.Should().Contain("MedicationRequest/vx1").And.Contain("stopped").And.Contain("whether it was given").And.Contain("2025-05-28");
        problem.Path.Should().Be("Bundle.entry[1].resource.status");
    }

    [Fact]
    public void Read_StoppedLiveVaccineOrder_StillRaisesTheLiveVaccineCaution()
    {
        var result = ReadWithPatient(CvxRequest("stopped", "03", "MMR"));

        ClinicalRuleSet.Default.Evaluate(result.Facts!).Findings.Should().Contain(f => f.RuleId == "AZA-VAC-001");
    }

    [Theory]
    [InlineData("stopped")] // taken, then stopped: it was given
    [InlineData("completed")]
    public void Read_StoppedOrCompletedCvxMedicationStatement_IsGivenWithoutAProblem(string status)
    {
        var result = ReadWithPatient(CvxStatement(status, "03", "MMR"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Status = VaccinationStatus.Given, Date = new ClinicalDate(2025, 5, 20) });
        result.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("cancelled")]
    [InlineData("entered-in-error")]
    public void Read_CancelledCvxMedicationRequest_GivesNoVaccination(string status)
    {
        var result = ReadWithPatient(CvxRequest(status, "03", "MMR"));

        result.Facts!.Vaccinations.Should().BeEmpty();
        result.Facts.Medications.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "vx1").Which.Ignored.Should().BeTrue();
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("stopped")]
    public void Read_CompletedOrStoppedCvxMedicationRequestDatedAfterTheEvaluationDate_IsPlanned_AndTheRulesRun(string status)
    {
        // Stop 28: a completed or stopped vaccine order dated after the evaluation date became a
        // vaccination "given" in the future, which the core refuses (DATE_IN_FUTURE), so the whole input was invalid and
        // no rule ran. An Immunization completed on a later date is planned; so is this.
        var result = ReadWithPatient(CvxRequest(status, "03", "MMR", authoredOn: "2025-07-01"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Status = VaccinationStatus.Planned, Date = new ClinicalDate(2025, 7, 1) });
        var evaluation = ClinicalRuleSet.Default.Evaluate(result.Facts);
        evaluation.IsValid.Should().BeTrue();
        evaluation.Findings.Should().Contain(f => f.RuleId == "AZA-VAC-001");
    }

    [Fact]
    public void Read_CompletedCvxMedicationStatementDatedAfterTheEvaluationDate_IsPlanned()
    {
        var result = ReadWithPatient(CvxStatement("completed", "03", "MMR").Replace("2025-05-20", "2025-07-01"));

        result.Facts!.Vaccinations.Should().ContainSingle().Which.Status.Should().Be(VaccinationStatus.Planned);
        ClinicalRuleSet.Default.Evaluate(result.Facts).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Read_StoppedCvxMedicationRequestDatedAfterTheEvaluationDate_SaysItWasReadAsPlanned()
    {
        var result = ReadWithPatient(CvxRequest("stopped", "03", "MMR", authoredOn: "2025-07-01"));

        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.VaccineOrderStopped)
            .Which.Message.Should().Contain("planned").And.NotContain("read as given");
    }

    [Fact]
    public void Read_RxNormMedicationRequest_IsStillAMedicine()
    {
        var result = ReadWithPatient(MedicationRequest("519", "allopurinol"));

        result.Facts!.Medications.Should().ContainSingle();
        result.Facts.Vaccinations.Should().BeEmpty();
    }
}
