using System.Linq;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

public class MedicationMapperTests
{
    private const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    [Fact]
    public void Read_ActiveRxNormOrder_AddsActiveMedication()
    {
        var result = ReadWithPatient(MedicationRequest("10831", "sulfamethoxazole / trimethoprim", authoredOn: "2025-02-03"));

        result.Facts!.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication
        {
            Name = "sulfamethoxazole / trimethoprim",
            RxNormCode = "10831",
            StartDate = new ClinicalDate(2025, 2, 3),
            Active = true,
        });
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Medication && u.Id == "mr1" && !u.MatchedByText);
    }

    [Theory]
    [InlineData("active", true)]
    [InlineData("on-hold", true)]
    [InlineData("draft", true)]
    [InlineData("completed", false)]
    [InlineData("stopped", false)]
    public void Read_RequestStatus_SetsActive(string status, bool active)
    {
        var result = ReadWithPatient(MedicationRequest("519", "allopurinol", status: status));

        result.Facts!.Medications.Should().ContainSingle().Which.Active.Should().Be(active);
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    public void Read_RequestEnteredInErrorOrCancelled_IsIgnoredButListed(string status)
    {
        var result = ReadWithPatient(MedicationRequest("519", "allopurinol", status: status));

        result.Facts!.Medications.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "mr1").Which.Should().BeEquivalentTo(new
        {
            Fact = MappedFact.None,
            Description = "ignored: " + status,
            Ignored = true,
        });
    }

    [Fact]
    public void Read_StoppedStatement_KeepsHistoryWithDates()
    {
        var statement = $$$"""{"resourceType":"MedicationStatement","id":"ms1","status":"stopped","medicationCodeableConcept":{"coding":[{"system":"{{{RxNorm}}}","code":"3002","display":"cyclophosphamide"}]},"subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2019-03-01","end":"2019-09-30T12:00:00+02:00"}}""";

        var result = ReadWithPatient(statement);

        result.Facts!.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication
        {
            Name = "cyclophosphamide",
            RxNormCode = "3002",
            StartDate = new ClinicalDate(2019, 3, 1),
            EndDate = new ClinicalDate(2019, 9, 30),
            Active = false,
        });
    }

    [Fact]
    public void Read_ActiveStatementWhosePeriodEnded_IsReadAsCurrent_WithAProblem()
    {
        // QA, 2 Dec: "active" with a period ended in 2024 was passed on as both, a contradiction the rules refuse, so the
        // whole input was invalid and no rule ran (a TPMT-poor patient lost the critical card).
        var statement = $$$"""{"resourceType":"MedicationStatement","id":"ms1","status":"active","medicationCodeableConcept":{"coding":[{"system":"{{{RxNorm}}}","code":"519","display":"allopurinol"}]},"subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2024-01-01","end":"2024-06-01"}}""";

        var result = ReadWithPatient(statement);

        var medication = result.Facts!.Medications.Should().ContainSingle().Subject;
        medication.Active.Should().BeTrue();
        medication.EndDate.Should().BeNull();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.StatusContradictsPeriod)
            .Which.ErrorCode.Should().Be("FHIR_STATUS_CONTRADICTS_PERIOD");
        // Stop 30: whether it is still taken cannot be told, so the data are incomplete (CDS banner; check "Complete: NO").
        result.Problems.Single(p => p.Code == MappingProblemCode.StatusContradictsPeriod).MeansIncompleteData.Should().BeTrue();
        ClinicalRuleSet.Default.Evaluate(result.Facts with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Read_ActiveStatementWhosePeriodEndsLater_Boundary_KeepsItsEndDate()
    {
        var statement = $$$"""{"resourceType":"MedicationStatement","id":"ms1","status":"active","medicationCodeableConcept":{"coding":[{"system":"{{{RxNorm}}}","code":"519","display":"allopurinol"}]},"subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2024-01-01","end":"2099-06-01"}}""";

        var result = ReadWithPatient(statement);

        result.Facts!.Medications.Should().ContainSingle().Which.EndDate.Should().Be(new ClinicalDate(2099, 6, 1));
        result.Problems.Should().BeEmpty();
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("not-taken")]
    public void Read_StatementEnteredInErrorOrNotTaken_IsIgnored(string status)
    {
        var statement = $$$"""{"resourceType":"MedicationStatement","id":"ms1","status":"{{{status}}}","medicationCodeableConcept":{"coding":[{"system":"{{{RxNorm}}}","code":"11289","display":"warfarin"}]}}""";

        var result = ReadWithPatient(statement);

        result.Facts!.Medications.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "ms1" && u.Ignored);
    }

    [Fact]
    public void Read_StatusUnknown_IsReadAsActiveWithAProblem()
    {
        var result = ReadWithPatient(MedicationRequest("9344", "ribavirin", status: "unknown"));

        result.Facts!.Medications.Should().ContainSingle(m => m.Active);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.StatusUnknown && p.Path == "Bundle.entry[1].resource.status");
    }

    [Fact]
    public void Read_ClinicalDrugWithoutCode_KeepsTheDisplayAsName()
    {
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","display":"Allopurinol 100 MG Oral Tablet"}],"text":"Allopurinol 100 MG Oral Tablet"},"authoredOn":"2025-03-01"}""";

        var result = ReadWithPatient(request);

        result.Facts!.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication
        {
            Name = "Allopurinol 100 MG Oral Tablet",
            StartDate = new ClinicalDate(2025, 3, 1),
            Active = true,
        });
        result.Used.Should().ContainSingle(u => u.Id == "mr1").Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_ContainedMedication_IsResolved()
    {
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","contained":[{"resourceType":"Medication","id":"m1","code":{"coding":[{"system":"{{{RxNorm}}}","code":"9524","display":"sulfasalazine"}]}}],"medicationReference":{"reference":"#m1"}}""";

        var result = ReadWithPatient(request);

        result.Facts!.Medications.Should().ContainSingle(m => m.RxNormCode == "9524" && m.Name == "sulfasalazine");
        result.Used.Should().ContainSingle(u => u.Id == "mr1").Which.MatchedByText.Should().BeFalse();
    }

    [Theory]
    [InlineData("Medication/m1", null)]
    [InlineData("https://ehr.example.org/fhir/Medication/m1", null)]
    [InlineData("urn:uuid:0b8a", "urn:uuid:0b8a")]
    public void Read_MedicationInTheBundle_IsResolvedAndListedAsSupporting(string reference, string? fullUrl)
    {
        var medication = $$$"""{"resourceType":"Medication","id":"m1","code":{"coding":[{"system":"{{{RxNorm}}}","code":"52582","display":"mesalamine"}]}}""";
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationReference":{"reference":"{{{reference}}}"}}""";
        var entryUrl = fullUrl is null ? string.Empty : $$$""","fullUrl":"{{{fullUrl}}}" """;
        var json = $$$"""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{{{Patient}}}},{"resource":{{{request}}}},{"resource":{{{medication}}}{{{entryUrl}}}}]}""";

        var result = Read(json);

        result.Facts!.Medications.Should().ContainSingle(m => m.RxNormCode == "52582");
        result.Used.Should().ContainSingle(u => u.ResourceType == "Medication").Which.Fact.Should().Be(MappedFact.Supporting);
    }

    [Fact]
    public void Read_UnresolvedReferenceWithDisplay_IsMatchedByText()
    {
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationReference":{"reference":"Medication/elsewhere","display":"Allopurinol 300 MG Oral Tablet"}}""";

        var result = ReadWithPatient(request);

        result.Facts!.Medications.Should().ContainSingle(m => m.Name == "Allopurinol 300 MG Oral Tablet" && m.RxNormCode == null);
        result.Used.Should().ContainSingle(u => u.Id == "mr1").Which.MatchedByText.Should().BeTrue();
    }

    [Fact]
    public void Read_UnresolvedReferenceWithoutDisplay_IsUnrecognised()
    {
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationReference":{"reference":"Medication/elsewhere"}}""";

        var result = ReadWithPatient(request);

        result.Facts!.Medications.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("Medication/elsewhere");
    }

    [Fact]
    public void Read_UnreferencedMedication_IsUnrecognised()
    {
        var result = ReadWithPatient($$$"""{"resourceType":"Medication","id":"m9","code":{"coding":[{"system":"{{{RxNorm}}}","code":"519"}]}}""");

        result.Unrecognised.Should().ContainSingle().Which.Reason.Should().Be(UnrecognisedReason.NotReferenced);
    }

    [Fact]
    public void Read_RequestWithoutMedication_IsUnrecognised()
    {
        var result = ReadWithPatient("""{"resourceType":"MedicationRequest","id":"mr1","status":"draft","intent":"order"}""");

        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("names no medicine");
    }

    [Theory]
    [InlineData("2025-05-04", TherapyStatus.NewlyStarted)]
    [InlineData("2025-05-03", TherapyStatus.Continuing)]
    [InlineData("2024-01-15", TherapyStatus.Continuing)]
    [InlineData("2025-06-01", TherapyStatus.NewlyStarted)]
    public void Read_ActiveAzathioprineOrder_SetsTherapyFromItsStart(string authoredOn, TherapyStatus expected)
    {
        var result = ReadWithPatient(MedicationRequest("1256", "azathioprine", authoredOn: authoredOn));

        result.Facts!.Medications.Should().BeEmpty("azathioprine itself is the therapy, not a co-medication");
        result.Facts.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = expected, StartDate = ClinicalDate.Parse(authoredOn) });
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Therapy);
    }

    [Theory]
    [InlineData("Imuran 50 MG Oral Tablet")]
    [InlineData("AZASAN 75 MG Oral Tablet")]
    [InlineData("azathioprine sodium 100 MG Injection")]
    public void Read_AzathioprineByNameOnly_SetsTherapyMatchedByText(string name)
    {
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"text":"{{{name}}}"},"authoredOn":"2024-11-01"}""";

        var result = ReadWithPatient(request);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Continuing);
        result.Facts.Medications.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Therapy).Which.MatchedByText.Should().BeTrue();
    }

    [Theory]
    [InlineData("Allopurinol 300 mg - reduce azathioprine to one quarter", "allopurinol")]
    [InlineData("Zyloprim (on azathioprine)", "allopurinol")]
    [InlineData("Febuxostat 80 mg, patient also on Imuran", "febuxostat")]
    public void Read_NameOfAnotherMedicineThatAlsoMentionsAzathioprine_IsThatMedicineWithAProblem(string name, string ingredient)
    {
        // QA, 2 Dec: the reader took any text mentioning azathioprine for azathioprine, so an allopurinol order
        // written this way became the therapy, the allopurinol was lost and the critical interaction card was missing.
        // The rules read a name as the first medicine it names; the reader now does the same and reports the text.
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"text":"{{{name}}}"},"authoredOn":"2024-11-01"}""";

        var result = ReadWithPatient(request, MedicationRequest("1256", "azathioprine", id: "aza"));

        result.Facts!.Medications.Should().ContainSingle().Which.Name.Should().Be(name);
        result.Facts.Therapy.Status.Should().Be(TherapyStatus.Continuing);
        result.Used.Should().ContainSingle(u => u.Id == "mr1").Which.Fact.Should().Be(MappedFact.Medication);
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.SeveralMedicinesNamed)
            .Which.Message.Should().Contain(ingredient).And.Contain("azathioprine");
    }

    [Fact]
    public void Read_AzathioprineNamedFirstWithAnotherMedicine_IsTheTherapyWithAProblem()
    {
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"text":"Azathioprine 50 mg (not with allopurinol)"},"authoredOn":"2024-11-01"}""";

        var result = ReadWithPatient(request);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Continuing);
        result.Facts.Medications.Should().BeEmpty();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.SeveralMedicinesNamed)
            .Which.Message.Should().Contain("read as azathioprine").And.Contain("allopurinol");
    }

    [Fact]
    public void Read_NameOfTwoMedicines_TheRulesCheckBoth()
    {
        // Stop 30: the reader reads the order as the first medicine it names, and passes its name on; the rules read
        // every medicine a name names (before, warfarin's caution was lost, and the problem said so).
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"text":"Allopurinol and warfarin"},"authoredOn":"2024-11-01"}""";

        var result = ReadWithPatient(request, MedicationRequest("1256", "azathioprine", id: "aza"));

        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.SeveralMedicinesNamed)
            .Which.Message.Should().Contain("read as allopurinol").And.Contain("the rules check each medicine");
        var ids = ClinicalRuleSet.Default.Evaluate(result.Facts!).Findings.Select(f => f.RuleId).ToList();
        ids.Should().Contain(new[] { "AZA-INT-001", "AZA-INT-006", "AZA-DQ-001" });
    }

    [Fact]
    public void Read_NameOfOneMedicine_HasNoSeveralMedicinesProblem()
    {
        var result = ReadWithPatient("""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"text":"Imuran 50 mg tablet (azathioprine)"},"authoredOn":"2024-11-01"}""");

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Continuing);
        result.Problems.Should().NotContain(p => p.Code == MappingProblemCode.SeveralMedicinesNamed);
    }

    [Fact]
    public void Read_NameContainingAzathioprineAsPartOfAWord_IsNotAzathioprine()
    {
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"text":"Preazathioprinexyz"}}""";

        var result = ReadWithPatient(request);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Unknown);
        result.Facts.Medications.Should().ContainSingle();
    }

    [Fact]
    public void Read_AzathioprineInContainedMedicationIngredient_SetsTherapy()
    {
        var request = $$$"""{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","contained":[{"resourceType":"Medication","id":"m1","code":{"text":"Compounded suspension"},"ingredient":[{"itemCodeableConcept":{"coding":[{"system":"{{{RxNorm}}}","code":"1256","display":"azathioprine"}]}}]}],"medicationReference":{"reference":"#m1"},"authoredOn":"2025-05-30"}""";

        var result = ReadWithPatient(request);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.NewlyStarted);
    }

    [Theory]
    [InlineData("draft", "order")]
    [InlineData("active", "proposal")]
    [InlineData("active", "plan")]
    public void Read_DraftOrProposedAzathioprine_IsConsidering(string status, string intent)
    {
        var result = ReadWithPatient(MedicationRequest("1256", "azathioprine", status: status, intent: intent));

        result.Facts!.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = TherapyStatus.Considering });
    }

    [Fact]
    public void Read_ActiveAndDraftAzathioprine_ActiveWinsWithEarliestStart()
    {
        var result = ReadWithPatient(
            MedicationRequest("1256", "azathioprine", status: "draft", id: "draft"),
            MedicationRequest("1256", "azathioprine", authoredOn: "2025-05-20", id: "renewal"),
            """{"resourceType":"MedicationStatement","id":"ms","status":"active","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256"}]},"effectivePeriod":{"start":"2023-02-01"}}""");

        result.Facts!.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2023, 2, 1) });
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    public void Read_StoppedAzathioprine_GivesStoppedTherapy(string status)
    {
        // Before issue 11: no therapy status (unknown), and a cancelled order was ignored.
        var result = ReadWithPatient(MedicationRequest("1256", "azathioprine", status: status));

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Stopped);
        result.Facts.Medications.Should().BeEmpty();
        result.Used.Should().ContainSingle(u => u.Id == "mr1").Which.Description.Should().Contain("therapy stopped");
    }

    [Fact]
    public void Read_CancelledOtherMedicine_IsStillIgnored() =>
        ReadWithPatient(MedicationRequest("519", "allopurinol", status: "cancelled")).Facts!.Medications.Should().BeEmpty();

    [Fact]
    public void Read_ActiveAzathioprineWithoutDate_IsContinuingWithAProblem()
    {
        var request = """{"resourceType":"MedicationStatement","id":"ms","status":"active","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256","display":"azathioprine"}]}}""";

        var result = ReadWithPatient(request);

        result.Facts!.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = TherapyStatus.Continuing });
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.TherapyStartUnknown);
    }

    [Fact]
    public void Read_AzathioprineStartFromValidityPeriod_WhenNoAuthoredOn()
    {
        var request = """{"resourceType":"MedicationRequest","id":"mr1","status":"active","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256"}]},"dispenseRequest":{"validityPeriod":{"start":"2025-05-25","end":"2026-05-25"}}}""";

        var result = ReadWithPatient(request);

        result.Facts!.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, StartDate = new ClinicalDate(2025, 5, 25) });
    }

    [Fact]
    public void Read_Mercaptopurine_IsAMedicationNotTheTherapy()
    {
        var result = ReadWithPatient(MedicationRequest("103", "mercaptopurine"));

        result.Facts!.Medications.Should().ContainSingle(m => m.RxNormCode == "103");
        result.Facts.Therapy.Status.Should().Be(TherapyStatus.Unknown);
    }

    [Fact]
    public void Read_MultipleMedications_AllKept()
    {
        var result = ReadWithPatient(
            MedicationRequest("191831", "infliximab", id: "a"),
            MedicationRequest("11289", "warfarin", id: "b"),
            MedicationRequest("29046", "lisinopril", status: "completed", id: "c"));

        result.Facts!.Medications.Select(m => m.RxNormCode).Should().Equal("191831", "11289", "29046");
    }

    [Theory]
    [InlineData("unresolved reference", """{"resourceType":"MedicationRequest","id":"allo","status":"active","intent":"order","medicationReference":{"reference":"Medication/x"},"authoredOn":"2024-05-01"}""", "medicationReference")]
    [InlineData("code as a number", """{"resourceType":"MedicationRequest","id":"allo","status":"active","intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":519}]},"authoredOn":"2024-05-01"}""", "medicationCodeableConcept")]
    [InlineData("coding as an object", """{"resourceType":"MedicationRequest","id":"allo","status":"active","intent":"order","medicationCodeableConcept":{"coding":{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"519"}},"authoredOn":"2024-05-01"}""", "medicationCodeableConcept")]
    [InlineData("concept as a string", """{"resourceType":"MedicationRequest","id":"allo","status":"draft","intent":"order","medicationCodeableConcept":"allopurinol 300 mg","authoredOn":"2024-05-01"}""", "medicationCodeableConcept")]
    [InlineData("no medicine", """{"resourceType":"MedicationStatement","id":"allo","status":"active","authoredOn":"2024-05-01"}""", "medication[x]")]
    public void Read_CurrentOrderWhoseMedicineCannotBeIdentified_IsAMedicineNotIdentifiedProblem(string why, string resource, string member)
    {
        // QA, 2 Dec: an active allopurinol order given by an unresolved reference, or with wrong datatypes in its
        // medication, was only listed as unrecognised; nothing said a current medicine was not checked, and the
        // critical interaction card was missing with no incomplete-data warning. Unknown is not normal.
        var result = ReadWithPatient(resource);

        result.Facts!.Medications.Should().BeEmpty(why);
        var problem = result.Problems.Should().ContainSingle(p => p.ErrorCode == "FHIR_MEDICINE_NOT_IDENTIFIED", why).Subject;
        problem.Id.Should().Be("allo");
        problem.Path.Should().EndWith("." + member);
        problem.Message.Should().Contain("not checked").And.NotContain("300");
    }

    [Theory]
    [InlineData("stopped")]
    [InlineData("completed")]
    [InlineData("cancelled")]
    [InlineData("entered-in-error")]
    public void Read_PastOrderWhoseMedicineCannotBeIdentified_HasNoMedicineNotIdentifiedProblem(string status)
    {
        var result = ReadWithPatient("""{"resourceType":"MedicationRequest","id":"old","status":"STATUS","intent":"order","medicationReference":{"reference":"Medication/x"}}""".Replace("STATUS", status, System.StringComparison.Ordinal));

        result.Problems.Should().NotContain(p => p.ErrorCode == "FHIR_MEDICINE_NOT_IDENTIFIED");
    }

    [Theory]
    [InlineData("MedicationRequest", "active", "order", false)]
    [InlineData("MedicationRequest", "on-hold", "order", false)]
    [InlineData("MedicationRequest", null, "order", false)] // no status: read as active
    [InlineData("MedicationStatement", "active", null, false)]
    [InlineData("MedicationRequest", "draft", "order", true)]
    [InlineData("MedicationRequest", "active", "proposal", true)]
    [InlineData("MedicationRequest", "active", "plan", true)]
    [InlineData("MedicationStatement", "intended", null, true)]
    public void Read_MedicineNotIdentified_SaysWhetherTheOrderIsNotYetTaken(string resourceType, string? status, string? intent, bool notYetTaken)
    {
        // Stop 30: patient-view refuses (412) only for an unidentified medicine that could show the patient taking it;
        // a draft or planned one, "considered" were it azathioprine, cannot. The reader says which, as it reads status.
        var resource = new System.Text.Json.Nodes.JsonObject
        {
            ["resourceType"] = resourceType,
            ["id"] = "unknown",
            ["medicationReference"] = new System.Text.Json.Nodes.JsonObject { ["reference"] = "Medication/x" },
        };
        if (status is not null)
        {
            resource["status"] = status;
        }

        if (intent is not null)
        {
            resource["intent"] = intent;
        }

        var result = ReadWithPatient(resource.ToJsonString());

        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.MedicineNotIdentified).Which.NotYetTaken.Should().Be(notYetTaken);
    }
}
