using System.Linq;
using Imuran.ClinicalRules.Fhir.Tests.Support;

namespace Imuran.ClinicalRules.Fhir.Tests.Mapping;

/// <summary>
/// The reader's own texts (problems, the not-recognised and used lists) reach the CLI's report, CDS cards and a result's
/// dataNotRead: values from the payload quoted in them must not carry dosing text (QA, 2 Dec: a status, a date, a
/// reference, a gender, a clinical status were quoted as written).
/// </summary>
public class MappingTextNoDoseTests
{
    private static readonly string[] DoseText = { "300mg", "300 mg", "300", "80", "50 mg", "take", "half", "halve", "2 tabs", "reduce", "give", "twice daily" };

    [Fact]
    public void Read_ValuesCarryingDosingText_AreNotQuotedInAnyMappingText()
    {
        var json = Payloads.BundleOf("collection",
            """{"resourceType":"Patient","id":"p1","gender":"give 50 mg","birthDate":"1961-03-14 take 2 tabs"}""",
            """{"resourceType":"MedicationRequest","id":"x","status":"active","intent":"order","medicationReference":{"reference":"Medication/allopurinol-300mg-take-half"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-05-01"}""",
            """{"resourceType":"MedicationStatement","id":"y","status":"reduce dose by half","medicationCodeableConcept":{"text":"allopurinol"},"subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"MedicationStatement","id":"z","status":"active","medicationCodeableConcept":{"text":"febuxostat 80"},"subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Condition","id":"c","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"give 50 mg"}]},"code":{"text":"gout, take 300 mg twice daily"},"subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Observation","id":"o","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"6690-2"}]},"valueQuantity":{"value":3.1,"unit":"10*9/L"},"effectiveDateTime":"2026-11-3 halve dose","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"Immunization","id":"i","status":"take 2 tabs","vaccineCode":{"text":"zoster vaccine 50 mg twice daily"},"patient":{"reference":"Patient/p1"},"occurrenceDateTime":"2025-01-01"}""",
            """{"resourceType":"OperationOutcome","id":"oo","issue":[{"severity":"warning","code":"informational","diagnostics":"take 2 tabs of allopurinol 300 mg"}]}""",
            """{"resourceType":"Observation","id":"o2","status":"final","code":{"coding":[{"system":"http://example.org/local","code":"take-half","display":"take 2 tabs"}]},"valueQuantity":{"value":3.1,"unit":"10*9/L"},"effectiveDateTime":"2025-05-01","subject":{"reference":"Patient/p1"}}""",
            """{"resourceType":"AllergyIntolerance","id":"a","code":{"text":"allopurinol 300"},"patient":{"reference":"Patient/p1"}}""");

        var result = Payloads.Read(json);

        result.Error.Should().BeNull();
        var texts = result.Problems.Select(p => p.Message)
            .Concat(result.Unrecognised.Select(u => u.Message))
            .Concat(result.Used.Select(u => u.Description))
            .ToList();
        texts.Should().NotBeEmpty();
        foreach (var text in texts)
        {
            foreach (var dose in DoseText)
            {
                System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{System.Text.RegularExpressions.Regex.Escape(dose)}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
                    .Should().BeFalse("a mapping text must not quote dosing text ('{0}' in: {1})", dose, text);
            }
        }

        result.Problems.Select(p => p.Message).Should().Contain(m => m.Contains("(withheld: it carries amounts or instructions)"), "the problem is still reported, with the value withheld");
        result.Problems.Should().Contain(p => p.Code == MappingProblemCode.ServerReportedIssue, "the server's issue is still reported");
        result.Unrecognised.Should().Contain(u => u.Id == "o2", "the locally coded test is still listed");
    }

    [Fact]
    public void Read_ValuesWithoutDosingText_AreStillQuotedAsWritten()
    {
        var json = Payloads.BundleOf("collection",
            """{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1961-03"}""",
            """{"resourceType":"MedicationRequest","id":"x","status":"active","intent":"order","medicationReference":{"reference":"Medication/med-allopurinol"},"subject":{"reference":"Patient/p1"},"authoredOn":"2024-05-01"}""",
            """{"resourceType":"MedicationStatement","id":"y","status":"on-hold-ish","medicationCodeableConcept":{"text":"allopurinol"},"subject":{"reference":"Patient/p1"}}""");

        var problems = Payloads.Read(json).Problems.Select(p => p.Message).ToList();

        problems.Should().Contain(m => m.Contains("'Medication/med-allopurinol'"));
        problems.Should().Contain(m => m.Contains("'on-hold-ish'"));
        problems.Should().Contain(m => m.Contains("'1961-03'"));
    }
}
