using System.Linq;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Mapping;

/// <summary>Bundles and what surrounds the resources: types, null entries, outcomes, paging, nesting, other patients.</summary>
public class PayloadReaderTests
{
    [Theory]
    [InlineData("collection")]
    [InlineData("searchset")]
    [InlineData("transaction")]
    [InlineData("batch")]
    [InlineData("document")]
    public void Read_BundleOfAnyType_GivesTheSameFacts(string type)
    {
        var result = Read(BundleOf(type, Patient, Lab("6690-2", 3.1, interpretation: "L")));

        result.Succeeded.Should().BeTrue();
        result.Facts!.LabResults.Should().ContainSingle(l => l.Flag == LabFlag.Low);
    }

    [Fact]
    public void Read_BundleWithoutType_IsRead()
    {
        var json = $$"""{"resourceType":"Bundle","entry":[{"resource":{{Patient}}},{"resource":{{MedicationRequest("1256", "azathioprine", status: "draft")}}}]}""";

        var result = Read(json);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Considering);
    }

    [Fact]
    public void Read_EntryWithoutResourceButWithARequest_IsFine()
    {
        // FHIR bdl-5: an entry without a resource must have a request or a response (a transaction's DELETE, say).
        var json = $$$"""{"resourceType":"Bundle","type":"transaction","entry":[{"request":{"method":"DELETE","url":"Observation/1"}},{"resource":{{{Patient}}}}]}""";

        var result = Read(json);

        result.Succeeded.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.Unrecognised.Should().BeEmpty();
    }

    [Theory]
    [InlineData("""{"fullUrl":"urn:uuid:1","search":{"mode":"match"}}""", "Bundle.entry[1]")]
    [InlineData("""{"resource":null}""", "Bundle.entry[1]")]
    [InlineData("""{}""", "Bundle.entry[1]")]
    [InlineData("""null""", "Bundle.entry[1]")]
    [InlineData("""42""", "Bundle.entry[1]")]
    [InlineData("""{"resource":"MedicationRequest/1"}""", "Bundle.entry[1].resource")]
    [InlineData("""{"resource":[]}""", "Bundle.entry[1].resource")]
    public void Read_EntryGivingNoResource_IsAProblemNamingTheEntryThatMeansIncompleteData(string entry, string path)
    {
        // QA, 2 Dec: such entries were skipped in silence (principle 2): what the entry held was never read, so the
        // data are not complete, whatever else the Bundle gives.
        var json = $$$"""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{{{Patient}}}},{{{entry}}}]}""";

        var result = Read(json);

        result.Succeeded.Should().BeTrue();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.Code.Should().Be(MappingProblemCode.EntryWithoutResource);
        problem.Path.Should().Be(path);
        problem.Message.Should().Contain(path);
        problem.MeansIncompleteData.Should().BeTrue();
    }

    [Fact]
    public void Read_EntryWithoutResourceInANestedBundle_NamesTheNestedEntry()
    {
        var inner = """{"resourceType":"Bundle","type":"searchset","entry":[{"search":{"mode":"match"}}]}""";

        var result = Read(Bundle(inner));

        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.EntryWithoutResource)
            .Which.Path.Should().Be("Bundle.entry[1].resource.entry[0]");
    }

    [Theory]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","total":0}""")]
    [InlineData("""{"resourceType":"Bundle","type":"searchset","entry":[]}""")]
    public void Read_EmptyBundleWhenPatientNotRequired_GivesEmptyFacts(string json)
    {
        var result = Read(json, new FhirReadOptions { RequirePatient = false });

        result.Succeeded.Should().BeTrue();
        result.Used.Should().BeEmpty();
        result.Facts!.Medications.Should().BeEmpty();
    }

    [Fact]
    public void Read_EntryWithoutResourceType_IsListedAsUnreadable()
    {
        var result = Read(Bundle("""{"id":"x","status":"final"}"""));

        result.Unrecognised.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Reason = UnrecognisedReason.Unreadable,
            Path = "Bundle.entry[1].resource",
            Id = "x",
        });
    }

    [Fact]
    public void Read_SearchsetOutcomeEntry_GivesServerReportedProblem()
    {
        var outcome = """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"too-costly","diagnostics":"Too many results"}]}""";
        var json = $$$"""{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{{{Patient}}},"search":{"mode":"match"}},{"resource":{{{outcome}}},"search":{"mode":"outcome"}}]}""";

        var result = Read(json);

        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = MappingProblemCode.ServerReportedIssue,
            ResourceType = "OperationOutcome",
            Path = "Bundle.entry[1].resource.issue[0]",
        });
        result.Problems[0].Message.Should().Contain("error").And.Contain("Too many results");
    }

    [Fact]
    public void Read_SearchsetWithNextLink_ReportsIncompleteResults()
    {
        var json = $$"""{"resourceType":"Bundle","id":"s1","type":"searchset","link":[{"relation":"self","url":"http://x/Observation"},{"relation":"next","url":"http://x/Observation?page=2"}],"entry":[{"resource":{{Patient}}}]}""";

        var result = Read(json);

        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = MappingProblemCode.IncompleteSearchResults,
            ResourceType = "Bundle",
            Id = "s1",
            Path = "Bundle.link",
        });
    }

    [Fact]
    public void Read_UnknownResourceType_IsListedNotDropped()
    {
        var result = Read(Bundle("""{"resourceType":"Encounter","id":"e1","status":"finished"}""", """{"resourceType":"FutureThing","id":"f1"}"""));

        result.Unrecognised.Should().HaveCount(2).And.OnlyContain(u => u.Reason == UnrecognisedReason.ResourceTypeNotRead);
        result.Unrecognised.Select(u => u.ResourceType).Should().BeEquivalentTo("Encounter", "FutureThing");
        result.Unrecognised[0].Path.Should().Be("Bundle.entry[1].resource");
    }

    [Fact]
    public void Read_UnknownMembers_AreIgnored()
    {
        var lab = """{"resourceType":"Observation","id":"o","status":"final","futureMember":{"a":[1,2,{"b":null}]},"code":{"coding":[{"system":"http://loinc.org","code":"718-7","userSelected":true,"extra":5}],"extra":"x"},"effectiveDateTime":"2025-05-01","valueQuantity":{"value":12.1,"code":"g/dL","extra":true},"_status":{"extension":[]}}""";

        var result = Read(Bundle(lab));

        result.Problems.Should().BeEmpty();
        result.Facts!.LabResults.Should().ContainSingle(l => l.Value == 12.1);
    }

    [Fact]
    public void Read_ResourceAboutAnotherPatient_IsLeftOutAndReported()
    {
        var other = """{"resourceType":"Observation","id":"o2","status":"final","subject":{"reference":"Patient/p2"},"code":{"coding":[{"system":"http://loinc.org","code":"6690-2"}]},"effectiveDateTime":"2025-05-01","valueQuantity":{"value":1.1,"code":"10*9/L"}}""";
        var ours = """{"resourceType":"AllergyIntolerance","id":"a1","patient":{"reference":"http://example.org/fhir/Patient/p1"},"code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256","display":"azathioprine"}]}}""";

        var result = Read(Bundle(other, ours));

        result.Facts!.LabResults.Should().BeEmpty();
        result.Facts.Allergies.Should().ContainSingle();
        result.Unrecognised.Should().ContainSingle().Which.Reason.Should().Be(UnrecognisedReason.OtherPatient);
        result.Problems.Should().ContainSingle().Which.Code.Should().Be(MappingProblemCode.OtherPatient);
    }

    [Fact]
    public void Read_SubjectAsUrnOfThePatientEntry_IsOurPatient()
    {
        var json = """{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:6f1c","resource":{"resourceType":"Patient","gender":"male"}},{"resource":{"resourceType":"Condition","clinicalStatus":{"coding":[{"code":"active"}]},"code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"N18.9","display":"CKD"}]},"subject":{"reference":"urn:uuid:6f1c"}}}]}""";

        var result = Read(json);

        result.Facts!.Conditions.Should().ContainSingle(c => c.Code == "N18.9");
        result.Facts.PatientId.Should().BeNull();
    }

    [Fact]
    public void Read_NestedBundle_ReadsItsEntries()
    {
        var inner = BundleOf("searchset", Lab("6690-2", 2.9, interpretation: "L"));

        var result = Read(Bundle(inner));

        result.Facts!.LabResults.Should().ContainSingle();
        result.Used.Should().Contain(u => u.ResourceType == "Observation" && u.Path == "Bundle.entry[1].resource.entry[0].resource");
        result.Used.Should().Contain(u => u.ResourceType == "Bundle" && u.Fact == MappedFact.Supporting);
    }

    [Fact]
    public void Read_BundlesNestedTooDeep_ReportsAndDoesNotRead()
    {
        var inner = Lab("6690-2", 2.9);
        for (var i = 0; i < 6; i++)
        {
            inner = BundleOf("collection", inner);
        }

        var result = Read(Bundle(inner));

        result.Succeeded.Should().BeTrue();
        result.Facts!.LabResults.Should().BeEmpty();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.BundleNestingTooDeep);
    }
}
