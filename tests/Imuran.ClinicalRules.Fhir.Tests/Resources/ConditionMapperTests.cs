using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

public class ConditionMapperTests
{
    private const string Snomed = "http://snomed.info/sct";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    [Theory]
    [InlineData("active", ConditionStatus.Active)]
    [InlineData("recurrence", ConditionStatus.Active)]
    [InlineData("relapse", ConditionStatus.Active)]
    [InlineData("inactive", ConditionStatus.History)]
    [InlineData("remission", ConditionStatus.History)]
    [InlineData("resolved", ConditionStatus.History)]
    public void Read_ClinicalStatus_SetsConditionStatus(string clinicalStatus, ConditionStatus expected)
    {
        var result = ReadWithPatient(Condition(Icd10Cm, "N18.9", "Chronic kidney disease, unspecified", clinicalStatus));

        result.Facts!.Conditions.Should().ContainSingle().Which.Status.Should().Be(expected);
    }

    [Theory]
    [InlineData("refuted")]
    [InlineData("entered-in-error")]
    public void Read_RefutedOrEnteredInError_IsIgnoredButListed(string verification)
    {
        var result = ReadWithPatient(Condition(Snomed, "66071002", "Viral hepatitis type B", verificationStatus: verification));

        result.Facts!.Conditions.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "c1").Which.Description.Should().Be("ignored: verificationStatus " + verification);
    }

    [Theory]
    [InlineData("""{"coding":[{"system":"http://example.org/local-status","code":"EIE","display":"Entered in error"},{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"entered-in-error"}]}""", "entered-in-error")]
    [InlineData("""{"coding":[{"system":"http://example.org/local-status","code":"R"},{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"refuted"}]}""", "refuted")]
    [InlineData("""{"text":"Entered in error"}""", "entered-in-error")]
    [InlineData("""{"text":" Entered-in-Error "}""", "entered-in-error")]
    public void Read_MalignancyEnteredInErrorOrRefutedNotInTheFirstCoding_IsIgnored(string verificationStatus, string read)
    {
        // QA, 2 Dec: only the first coding (or the exact text) was read, so a malignancy recorded in error behind a
        // local coding, or with the status as text, was used as real and raised AZA-MAL-001.
        var condition = $$$"""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"active"}]},"verificationStatus":{{{verificationStatus}}},"code":{"coding":[{"system":"{{{Snomed}}}","code":"363346000","display":"Malignant neoplastic disease"}]},"subject":{"reference":"Patient/p1"}}""";

        var result = ReadWithPatient(condition);

        result.Facts!.Conditions.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "c1").Which.Description.Should().Be("ignored: verificationStatus " + read);
    }

    [Fact]
    public void Read_ClinicalStatusInASecondCoding_IsRead()
    {
        var condition = $$$"""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"system":"http://example.org/local-status","code":"R"},{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"resolved"}]},"code":{"coding":[{"system":"{{{Snomed}}}","code":"363346000","display":"Malignant neoplastic disease"}]},"subject":{"reference":"Patient/p1"}}""";

        var result = ReadWithPatient(condition);

        result.Facts!.Conditions.Should().ContainSingle().Which.Status.Should().Be(ConditionStatus.History);
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_UnconfirmedCondition_IsKept()
    {
        var result = ReadWithPatient(Condition(Snomed, "56717001", "Tuberculosis", verificationStatus: "provisional"));

        result.Facts!.Conditions.Should().ContainSingle(c => c.Code == "56717001");
    }

    [Fact]
    public void Read_CkdByIcd10Cm_PassesCodeAndSystemForTheCoreToClassify()
    {
        var result = ReadWithPatient(Condition(Icd10Cm, "N18.9", "Chronic kidney disease, unspecified", extra: ""","onsetDateTime":"2021-07-14T10:00:00Z" """));

        result.Facts!.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new Condition
        {
            Name = "Chronic kidney disease, unspecified",
            Code = "N18.9",
            CodeSystem = Icd10Cm,
            Kind = null,
            Status = ConditionStatus.Active,
            Onset = new ClinicalDate(2021, 7, 14),
        });
    }

    [Fact]
    public void Read_SnomedAndIcd10Codings_PrefersSnomed()
    {
        var condition = """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"code":"active"}]},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"K50.90","display":"Crohn's disease, unspecified"},{"system":"http://snomed.info/sct","code":"34000006","display":"Crohn's disease"}]}}""";

        var result = ReadWithPatient(condition);

        result.Facts!.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "34000006", CodeSystem = Snomed, Name = "Crohn's disease" });
    }

    [Fact]
    public void Read_TextOnlyCondition_KeepsNameMatchedByText()
    {
        var condition = """{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"code":"active"}]},"code":{"text":"Autoimmune hepatitis"}}""";

        var result = ReadWithPatient(condition);

        result.Facts!.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "Autoimmune hepatitis", Code = (string?)null });
        result.Used.Should().ContainSingle(u => u.Id == "c1").Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_ConditionWithoutClinicalStatus_IsActiveWithAProblem()
    {
        var result = ReadWithPatient("""{"resourceType":"Condition","id":"c1","code":{"coding":[{"system":"http://snomed.info/sct","code":"19943007","display":"Cirrhosis of liver"}]}}""");

        result.Facts!.Conditions.Should().ContainSingle(c => c.Status == ConditionStatus.Active);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.StatusUnknown);
    }

    [Theory]
    [InlineData("active", @"""abatementDateTime"":""2024-03-01""", "abatementDateTime")]
    [InlineData("active", @"""abatementDateTime"":""2025-06-01T09:00:00Z""", "abatementDateTime")] // on the evaluation date
    [InlineData("active", @"""abatementPeriod"":{""start"":""2024-01-01"",""end"":""2024-03-01""}", "abatementPeriod.end")]
    [InlineData("recurrence", @"""abatementDateTime"":""2024-03-01""", "abatementDateTime")] // FHIR con-4: abated means inactive, resolved or remission
    public void Read_ActiveConditionThatAbated_IsReadAsActiveWithAContradiction(string clinicalStatus, string abatement, string member)
    {
        // QA, stop 25: "active" with a past abatement date was read as active without a word.
        var result = ReadWithPatient(Condition(Icd10Cm, "N18.9", "Chronic kidney disease, unspecified", clinicalStatus, extra: "," + abatement));

        result.Facts!.Conditions.Should().ContainSingle().Which.Status.Should().Be(ConditionStatus.Active, "the more cautious reading");
        var problem = result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_STATUS_CONTRADICTS_ABATEMENT").Subject;
        problem.MeansIncompleteData.Should().BeTrue();
        problem.Message.Should().Contain("Condition/c1").And.Contain("clinicalStatus '" + clinicalStatus + "'").And.Contain(member);
        problem.Path.Should().Be("Bundle.entry[1].resource." + member);
    }

    [Theory]
    [InlineData("active", @"""abatementString"":""after surgery""", "abatementString")]
    [InlineData("relapse", @"""abatementString"":""after surgery""", "abatementString")]
    [InlineData("active", @"""abatementAge"":{""value"":30,""unit"":""a"",""system"":""http://unitsofmeasure.org"",""code"":""a""}", "abatementAge")]
    [InlineData("active", @"""abatementRange"":{""low"":{""value"":30,""unit"":""a""},""high"":{""value"":32,""unit"":""a""}}", "abatementRange")]
    [InlineData("active", @"""abatementPeriod"":{""start"":""2024-01-01""}", "abatementPeriod.start")] // abated from then on, no end
    [InlineData("active", @"""abatementPeriod"":{}", "abatementPeriod")] // an abatement with no readable date
    [InlineData("active", @"""abatementDateTime"":""2024""", "abatementDateTime")] // a date without a day: when is not known
    public void Read_ActiveConditionWithAnAbatementThatIsNotADate_IsReadAsActiveWithAContradiction(string clinicalStatus, string abatement, string member)
    {
        // Brief e, item 1: FHIR con-4 says any abatement[x] means inactive, resolved or remission; only the two dated
        // forms were looked at, so an abatementString, Age, Range or a Period with only a start was read as current
        // without a word.
        var result = ReadWithPatient(Condition(Icd10Cm, "N18.9", "Chronic kidney disease, unspecified", clinicalStatus, extra: "," + abatement));

        result.Facts!.Conditions.Should().ContainSingle().Which.Status.Should().Be(ConditionStatus.Active, "the more cautious reading");
        var problem = result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_STATUS_CONTRADICTS_ABATEMENT").Subject;
        problem.MeansIncompleteData.Should().BeTrue();
        problem.Message.Should().Contain("Condition/c1").And.Contain("clinicalStatus '" + clinicalStatus + "'").And.Contain(member);
        problem.Message.Should().NotContain("after surgery", "the string's value is not echoed");
        problem.Path.Should().Be("Bundle.entry[1].resource." + member);
    }

    [Fact]
    public void Read_ActiveConditionWithAnAbatementStringCarryingDosingText_DoesNotEchoIt()
    {
        var result = ReadWithPatient(Condition(Icd10Cm, "N18.9", "Chronic kidney disease, unspecified", extra: @",""abatementString"":""after halving the dose to 50 mg"""));

        var problem = result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_STATUS_CONTRADICTS_ABATEMENT").Subject;
        problem.Message.Should().NotContain("50 mg").And.NotContain("dose");
    }

    [Fact]
    public void Read_ActivePregnancyWithAnAbatementString_IsPregnantWithAContradiction()
    {
        var result = ReadWithPatient(Condition(Snomed, "77386006", "Pregnancy", "active", extra: ""","abatementString":"delivered" """));

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant, "the more cautious reading");
        result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_STATUS_CONTRADICTS_ABATEMENT" && p.MeansIncompleteData)
            .Which.Message.Should().Contain("abatementString");
    }

    [Theory]
    [InlineData(@"""abatementDateTime"":""2025-09-01""")] // a planned end, after the evaluation date
    [InlineData(@"""abatementPeriod"":{""start"":""2024-01-01"",""end"":""2025-09-01""}")] // abating until after the evaluation date
    [InlineData(@"""abatementPeriod"":{""start"":""2025-09-01""}")] // abating only from after the evaluation date
    public void Read_ActiveConditionNotAbatedByTheEvaluationDate_HasNoContradiction(string abatement)
    {
        var result = ReadWithPatient(Condition(Icd10Cm, "N18.9", "Chronic kidney disease, unspecified", extra: "," + abatement));

        result.Facts!.Conditions.Should().ContainSingle().Which.Status.Should().Be(ConditionStatus.Active);
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_ActivePregnancyThatAbated_IsPregnantWithAContradiction()
    {
        var result = ReadWithPatient(Condition(Snomed, "77386006", "Pregnancy", "active", extra: ""","abatementDateTime":"2025-02-10" """));

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant, "the more cautious reading");
        result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_STATUS_CONTRADICTS_ABATEMENT" && p.MeansIncompleteData)
            .Which.Message.Should().Contain("abatementDateTime");
    }

    [Fact]
    public void Read_ConditionWithoutCode_IsUnrecognised()
    {
        var result = ReadWithPatient("""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"code":"active"}]}}""");

        result.Unrecognised.Should().ContainSingle().Which.Reason.Should().Be(UnrecognisedReason.CodeNotRecognised);
    }

    [Theory]
    [InlineData(Snomed, "77386006")]
    [InlineData(Icd10Cm, "Z33.1")]
    public void Read_ActivePregnancyCondition_SetsPregnant(string system, string code)
    {
        var result = ReadWithPatient(Condition(system, code, "Pregnant"));

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant);
        result.Facts.Conditions.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.PregnancyStatus);
    }

    [Fact]
    public void Read_PregnancyByTextOnly_SetsPregnantMatchedByText()
    {
        var result = ReadWithPatient("""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"code":"active"}]},"code":{"text":"Pregnancy"}}""");

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant);
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.PregnancyStatus).Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_ResolvedPregnancyWithEndDate_SetsNotPregnant()
    {
        var result = ReadWithPatient(Condition(Snomed, "77386006", "Pregnancy", "resolved", extra: ""","abatementDateTime":"2025-02-10" """));

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.NotPregnant);
    }

    [Theory]
    [InlineData(@"""abatementString"":""delivered""", "abatementString")]
    [InlineData(@"""abatementAge"":{""value"":30,""unit"":""a""}", "abatementAge")]
    [InlineData(@"""abatementRange"":{""low"":{""value"":30,""unit"":""a""}}", "abatementRange")]
    [InlineData(@"""abatementPeriod"":{""start"":""2025-02-10""}", "abatementPeriod")]
    public void Read_ResolvedPregnancyEndedWithoutAnEndDate_SaysSoAndGivesNoStatus(string abatement, string member)
    {
        // Brief e, item 1: a resolved pregnancy whose abatement gives no end date is not dropped in silence; the used
        // list says it gave no status and names the member, not its value.
        var result = ReadWithPatient(Condition(Snomed, "77386006", "Pregnancy", "resolved", extra: "," + abatement));

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.Unknown);
        var used = result.Used.Should().ContainSingle(u => u.Id == "c1").Subject;
        used.Ignored.Should().BeTrue();
        used.Description.Should().Contain("no end date").And.Contain(member).And.Contain("no current pregnancy status").And.NotContain("delivered");
        result.Problems.Should().BeEmpty("resolved and abated agree");
    }

    [Fact]
    public void Read_ResolvedPregnancyWithoutEndDate_GivesNoStatus()
    {
        var result = ReadWithPatient(Condition(Snomed, "77386006", "Pregnancy", "resolved"));

        result.Facts!.PregnancyStatus.Should().Be(PregnancyStatus.Unknown);
        result.Used.Should().ContainSingle(u => u.Id == "c1").Which.Ignored.Should().BeTrue();
    }

    [Theory]
    [InlineData(Snomed, "413712001")]
    [InlineData(Snomed, "866041003")]
    [InlineData(Snomed, "69840006")]
    [InlineData(Icd10Cm, "Z39.1")]
    public void Read_ActiveBreastfeedingCondition_SetsBreastfeeding(string system, string code)
    {
        var result = ReadWithPatient(Condition(system, code, "Breastfeeding"));

        result.Facts!.Breastfeeding.Should().BeTrue();
        result.Facts.Conditions.Should().BeEmpty();
    }

    [Fact]
    public void Read_ResolvedBreastfeedingCondition_SetsNotBreastfeeding()
    {
        var result = ReadWithPatient(Condition(Snomed, "413712001", "Breastfeeding", "resolved"));

        result.Facts!.Breastfeeding.Should().BeFalse();
    }

    [Fact]
    public void Read_NoBreastfeedingRecord_LeavesItUnrecorded()
    {
        ReadWithPatient().Facts!.Breastfeeding.Should().BeNull();
    }

    [Fact]
    public void Read_CholestasisOfPregnancyByText_SetsSuspectedCholestasis()
    {
        var result = ReadWithPatient("""{"resourceType":"Condition","id":"c1","clinicalStatus":{"coding":[{"code":"active"}]},"code":{"text":"Intrahepatic cholestasis of pregnancy"}}""");

        result.Facts!.SuspectedCholestasisOfPregnancy.Should().BeTrue();
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.CholestasisOfPregnancy).Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_KidneyTransplantProcedure_BecomesACondition()
    {
        var procedure = """{"resourceType":"Procedure","id":"pr1","status":"completed","code":{"coding":[{"system":"http://snomed.info/sct","code":"70536003","display":"Transplant of kidney"}]},"subject":{"reference":"Patient/p1"},"performedDateTime":"2018-09-12"}""";

        var result = ReadWithPatient(procedure);

        result.Facts!.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new Condition
        {
            Name = "Transplant of kidney",
            Code = "70536003",
            CodeSystem = Snomed,
            Status = ConditionStatus.Active,
            Onset = new ClinicalDate(2018, 9, 12),
        });
    }

    [Theory]
    [InlineData("preparation")]
    [InlineData("not-done")]
    [InlineData("entered-in-error")]
    public void Read_ProcedureNotDone_IsIgnored(string status)
    {
        var procedure = $$$"""{"resourceType":"Procedure","id":"pr1","status":"{{{status}}}","code":{"coding":[{"system":"http://snomed.info/sct","code":"70536003"}]}}""";

        var result = ReadWithPatient(procedure);

        result.Facts!.Conditions.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "pr1" && u.Ignored);
    }
}
