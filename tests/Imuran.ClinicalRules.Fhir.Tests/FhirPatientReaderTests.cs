using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Tests.Support;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests;

public class FhirPatientReaderTests
{
    [Fact]
    public void Read_BundleWithPatient_SetsEvaluationDateAndPatientId()
    {
        var result = Read(Bundle());

        result.Succeeded.Should().BeTrue();
        result.Facts!.EvaluationDate.Should().Be(Today);
        result.Facts.PatientId.Should().Be("p1");
        result.Facts.BirthDate.Should().Be(new ClinicalDate(1990, 5, 1));
        result.Facts.Sex.Should().Be(Sex.Female);
    }

    [Fact]
    public void Read_MalformedJson_FailsWithLineAndPosition()
    {
        var result = Read("{\n  \"resourceType\": \"Patient\",\n  \"id\": }");

        result.Succeeded.Should().BeFalse();
        result.Facts.Should().BeNull();
        result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
        result.Error.LineNumber.Should().Be(3);
        result.Error.BytePositionInLine.Should().BeGreaterThan(0);
        result.Error.Message.Should().Contain("line 3").And.NotContain("LineNumber:");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"resourceType\": \"Bundle\", \"entry\": [")]
    [InlineData("not json at all")]
    public void Read_NotWellFormed_FailsWithMalformedJson(string json)
    {
        var result = Read(json);

        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
    }

    [Fact]
    public void Read_TruncatedAtEveryPosition_FailsCleanlyNeverThrows()
    {
        var json = Bundle(Lab("6690-2", 3.1, interpretation: "L"), MedicationRequest("1256", "azathioprine"));
        for (var length = 0; length < json.Length - 1; length++)
        {
            var truncated = json.Substring(0, length);
            var result = Read(truncated);

            result.Succeeded.Should().BeFalse($"the payload cut at {length} is not complete");
            result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"Patient\"")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"resourceType\": 5}")]
    [InlineData("{\"name\": \"hl7.fhir.r4.examples\", \"version\": \"4.0.1\"}")]
    public void Read_JsonThatIsNotAResource_FailsAsNotFhir(string json)
    {
        var result = Read(json);

        result.Error!.Code.Should().Be(FhirReadErrorCode.NotFhirResource);
        result.Error.Message.Should().Contain("not a FHIR resource");
    }

    [Fact]
    public void Read_BundleWithoutPatient_FailsWithMissingPatient()
    {
        var result = Read(BundleOf("collection", Lab("6690-2", 5)));

        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(FhirReadErrorCode.MissingPatient);
        result.Error.Message.Should().Contain("no Patient").And.Contain("RequirePatient");
    }

    [Fact]
    public void Read_BundleWithoutPatientWhenNotRequired_Succeeds()
    {
        var result = Read(BundleOf("collection", Lab("6690-2", 5)), new FhirReadOptions { RequirePatient = false });

        result.Succeeded.Should().BeTrue();
        result.Facts!.PatientId.Should().BeNull();
        result.Facts.LabResults.Should().ContainSingle();
    }

    [Fact]
    public void Read_SingleResourceWithoutPatient_FailsUnlessNotRequired()
    {
        Read(Lab("6690-2", 5)).Error!.Code.Should().Be(FhirReadErrorCode.MissingPatient);
        Read(Lab("6690-2", 5), new FhirReadOptions { RequirePatient = false }).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Read_SinglePatientResource_Succeeds()
    {
        var result = Read(Patient);

        result.Succeeded.Should().BeTrue();
        result.Facts!.PatientId.Should().Be("p1");
        result.Used.Should().ContainSingle(u => u.Fact == MappedFact.Patient && u.Path == "Patient");
    }

    [Fact]
    public void Read_TwoDifferentPatients_FailsWithMultiplePatients()
    {
        var other = """{"resourceType":"Patient","id":"p2","gender":"male"}""";

        var result = Read(Bundle(other));

        result.Error!.Code.Should().Be(FhirReadErrorCode.MultiplePatients);
        result.Error.Message.Should().Contain("Patient/p1").And.Contain("Patient/p2");
    }

    [Fact]
    public void Read_SamePatientTwice_UsesFirstAndReportsDuplicate()
    {
        var result = Read(Bundle(Patient));

        result.Succeeded.Should().BeTrue();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.DuplicatePatient);
        result.Used.Should().Contain(u => u.Ignored && u.Path == "Bundle.entry[1].resource");
    }

    [Theory]
    [InlineData("""{"resourceType":"MedicationOrder","id":"m"}""", "DSTU2")]
    [InlineData("""{"resourceType":"ProcedureRequest","id":"m"}""", "STU3")]
    [InlineData("""{"resourceType":"Condition","id":"c","clinicalStatus":"active","code":{"text":"x"}}""", "plain code")]
    [InlineData("""{"resourceType":"AllergyIntolerance","id":"a","verificationStatus":"confirmed"}""", "plain code")]
    [InlineData("""{"resourceType":"MedicationStatement","id":"s","status":"active","taken":"y"}""", "taken")]
    [InlineData("""{"resourceType":"MedicationRequest","id":"r","status":"active","medication":{"concept":{"text":"x"}}}""", "R5")]
    [InlineData("""{"resourceType":"CapabilityStatement","id":"cs","fhirVersion":"3.0.2"}""", "3.0.2")]
    [InlineData("""{"resourceType":"SubscriptionTopic","id":"t"}""", "R4B")]
    public void Read_NonR4Payload_FailsWithUnsupportedVersion(string resource, string mentioned)
    {
        var result = Read(Bundle(resource));

        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be(FhirReadErrorCode.UnsupportedFhirVersion);
        result.Error.Message.Should().Contain(mentioned).And.Contain("not FHIR R4");
        result.Error.Path.Should().Be("Bundle.entry[1].resource");
    }

    [Fact]
    public void Read_CapabilityStatementForR4_IsNotAnError()
    {
        var result = Read(Bundle("""{"resourceType":"CapabilityStatement","id":"cs","fhirVersion":"4.0.1"}"""));

        result.Succeeded.Should().BeTrue();
        result.Unrecognised.Should().ContainSingle(u => u.ResourceType == "CapabilityStatement" && u.Reason == UnrecognisedReason.ResourceTypeNotRead);
    }

    [Fact]
    public void Read_NullJson_ThrowsArgumentNull()
    {
        var act = () => FhirPatientReader.Read((string)null!, Today);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Read_Stream_GivesTheSameResultAsText()
    {
        var json = Bundle(Lab("6690-2", 3.1, interpretation: "L"));
        using var stream = new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray());

        var fromStream = FhirPatientReader.Read(stream, Today);
        var fromText = Read(json);

        fromStream.Succeeded.Should().BeTrue();
        fromStream.Facts.Should().BeEquivalentTo(fromText.Facts);
        fromStream.Used.Should().BeEquivalentTo(fromText.Used);
    }

    [Fact]
    public void Read_StreamWithMalformedJson_FailsWithMalformedJson()
    {
        using var stream = new MemoryStream(new byte[] { 0x7B, 0xFF, 0xFE });

        var result = FhirPatientReader.Read(stream, Today);

        result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
    }

    [Fact]
    public void Read_200LevelNestingInUnknownMember_GivesCompleteResult()
    {
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        var resource = $$$"""{"resourceType":"Observation","id":"deep","status":"final","extension2":{{{nested}}},"code":{"coding":[{"system":"http://loinc.org","code":"6690-2"}]},"effectiveDateTime":"2025-05-20","valueQuantity":{"value":4.2,"code":"10*9/L"}}""";

        var result = Read(Bundle(resource));

        result.Succeeded.Should().BeTrue();
        result.Facts!.LabResults.Should().ContainSingle(l => l.Value == 4.2);
    }

    [Fact]
    public void Read_NestingDeeperThanMaxDepth_FailsWithClearError()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 1000)) + new string(']', 1000);

        var result = Read($$"""{"resourceType":"Patient","id":"p1","x":{{nested}}}""");

        result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
        result.Error.Message.Should().Contain("depth");
    }

    [Fact]
    public void Read_TenMegabyteBundle_GivesCompleteResultAndAllocatesInProportionToItsSize()
    {
        // Timing is never asserted (the machine is shared): a reader that blows up on a big payload (a path or list
        // rebuilt for every entry) shows in the bytes it allocates, which are counted exactly and on this thread only
        // (the reader is synchronous). About 12-16 bytes per character were measured at 0.5-10 MB; a quarter-size
        // payload is read first, so one-off costs (first rents from the array pool) land on the smaller one.
        var (quarter, _) = LabBundle(10 * 1024 * 1024 / 4);
        var (json, labCount) = LabBundle(10 * 1024 * 1024);

        var quarterBytes = AllocatedWhileReading(quarter, out var quarterResult);
        var bytes = AllocatedWhileReading(json, out var result);

        json.Length.Should().BeGreaterThan(10 * 1024 * 1024);
        result.Succeeded.Should().BeTrue();
        result.Facts!.LabResults.Should().HaveCount(labCount);
        result.Used.Should().HaveCount(labCount + 1);
        quarterResult.Succeeded.Should().BeTrue();
        bytes.Should().BeLessThan(32L * json.Length, "reading allocates a small constant number of bytes per character of input");
        var sizeRatio = (double)json.Length / quarter.Length;
        ((double)bytes / quarterBytes).Should().BeLessThan(1.5 * sizeRatio, "four times the payload allocates about four times the bytes, not sixteen");
    }

    /// <summary>A Bundle of the test Patient and distinct lab Observations, of at least <paramref name="minLength"/> characters.</summary>
    private static (string Json, int LabCount) LabBundle(int minLength)
    {
        var labs = new List<string>();
        var builder = new StringBuilder();
        for (var i = 0; builder.Length < minLength; i++)
        {
            var lab = Lab("6690-2", 4 + (i % 50) / 10.0, date: $"2025-{1 + (i % 12):00}-{1 + (i % 28):00}", interpretation: "N", id: "lab" + i);
            labs.Add(lab);
            builder.Append(lab).Append(',');
        }

        return (Bundle(labs.ToArray()), labs.Count);
    }

    private static long AllocatedWhileReading(string json, out FhirMappingResult result)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        result = Read(json);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void Read_WrongTypesForKnownMembers_ReportsProblemsAndContinues()
    {
        var badStatus = """{"resourceType":"MedicationRequest","id":"bad1","status":5,"intent":"order","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"519","display":"allopurinol"}]}}""";
        var badCode = """{"resourceType":"Condition","id":"bad2","clinicalStatus":{"coding":"active"},"code":"N18.9"}""";
        var badValue = """{"resourceType":"Observation","id":"bad3","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"6690-2"}]},"effectiveDateTime":20250520,"valueQuantity":{"value":"4.2","code":"10*9/L"}}""";
        var badCodings = """{"resourceType":"AllergyIntolerance","id":"bad4","code":{"coding":[17, null, {"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256","display":"azathioprine"}]}}""";
        var badPatient = """{"resourceType":"Patient","id":"p1","gender":["female"],"birthDate":19900501}""";

        var result = Read(BundleOf("collection", badPatient, badStatus, badCode, badValue, badCodings, Lab("6690-2", 3.3, id: "good")));

        result.Succeeded.Should().BeTrue();
        result.Problems.Where(p => p.Code == MappingProblemCode.InvalidMemberType).Select(p => p.Path).Should().Contain(new[]
        {
            "Bundle.entry[0].resource.gender",
            "Bundle.entry[0].resource.birthDate",
            "Bundle.entry[1].resource.status",
            "Bundle.entry[2].resource.clinicalStatus.coding",
            "Bundle.entry[2].resource.code",
            "Bundle.entry[3].resource.effectiveDateTime",
            "Bundle.entry[3].resource.valueQuantity.value",
            "Bundle.entry[4].resource.code.coding[0]",
        });
        result.Problems.Should().OnlyContain(p => p.Message.Length > 0 && p.ResourceType.Length > 0);
        result.Facts!.Medications.Should().ContainSingle(m => m.RxNormCode == "519");
        result.Facts.Allergies.Should().ContainSingle(a => a.RxNormCode == "1256");
        result.Facts.LabResults.Should().ContainSingle(l => l.Value == 3.3);
        result.Unrecognised.Should().Contain(u => u.Id == "bad2").And.Contain(u => u.Id == "bad3");
    }

    [Fact]
    public void Read_EveryResource_IsListedAsUsedOrUnrecognised()
    {
        var json = Bundle(
            Lab("6690-2", 3.1, interpretation: "L", id: "a"),
            Lab("6690-2", 3.1, status: "preliminary", id: "b"),
            MedicationRequest("1256", "azathioprine", id: "c"),
            """{"resourceType":"Encounter","id":"d"}""",
            """{"resourceType":"Observation","id":"e","status":"final","code":{"text":"mood"}}""");

        var result = Read(json);

        var paths = result.Used.Select(u => u.Path).Concat(result.Unrecognised.Select(u => u.Path)).Distinct();
        paths.Should().BeEquivalentTo(Enumerable.Range(0, 6).Select(i => $"Bundle.entry[{i}].resource"));
    }

    [Fact]
    public void Read_Result_ListsAreReadOnly()
    {
        var result = Read(Bundle(Lab("6690-2", 3.1)));

        ((ICollection<MappedResource>)result.Used).IsReadOnly.Should().BeTrue();
        ((ICollection<LabResult>)result.Facts!.LabResults).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void GetFactsOrThrow_FailedRead_ThrowsWithTheErrorMessage()
    {
        var result = Read("[]");

        var act = () => result.GetFactsOrThrow();

        act.Should().Throw<InvalidDataException>().WithMessage("*not a FHIR resource*");
        Read(Bundle()).GetFactsOrThrow().PatientId.Should().Be("p1");
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient"}""", true)]
    [InlineData("""{"resourceType":""}""", false)]
    [InlineData("""{"resourceType":1}""", false)]
    [InlineData("""{"hook":"patient-view"}""", false)]
    [InlineData("""[{"resourceType":"Patient"}]""", false)]
    public void LooksLikeFhir_Root_TellsFhirFromOtherJson(string json, bool expected)
    {
        using var document = JsonDocument.Parse(json);

        FhirPatientReader.LooksLikeFhir(document.RootElement).Should().Be(expected);
    }
}
