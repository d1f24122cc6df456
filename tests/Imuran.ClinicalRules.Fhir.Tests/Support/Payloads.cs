using System.Linq;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Fhir.Tests.Support;

/// <summary>Small FHIR JSON payloads for tests.</summary>
internal static class Payloads
{
    /// <summary>The evaluation date every test uses unless it says otherwise.</summary>
    public static readonly ClinicalDate Today = new(2025, 6, 1);

    public const string Patient = """{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"1990-05-01"}""";

    /// <summary>A collection Bundle with the test Patient followed by <paramref name="resources"/>.</summary>
    public static string Bundle(params string[] resources) => BundleOf("collection", new[] { Patient }.Concat(resources).ToArray());

    /// <summary>A Bundle of the given type holding exactly <paramref name="resources"/>.</summary>
    public static string BundleOf(string type, params string[] resources) =>
        $$"""{"resourceType":"Bundle","type":"{{type}}","entry":[{{string.Join(",", resources.Select(r => $$"""{"resource":{{r}}}"""))}}]}""";

    /// <summary>Reads <paramref name="json"/> on <see cref="Today"/>.</summary>
    public static FhirMappingResult Read(string json, FhirReadOptions? options = null) => FhirPatientReader.Read(json, Today, options);

    /// <summary>Reads a Bundle of the test Patient and <paramref name="resources"/>, and expects success.</summary>
    public static FhirMappingResult ReadWithPatient(params string[] resources)
    {
        var result = Read(Bundle(resources));
        result.Error.Should().BeNull();
        return result;
    }

    /// <summary>A LOINC-coded lab Observation.</summary>
    public static string Lab(string loinc, double value, string? unit = "10*9/L", string date = "2025-05-20", string? interpretation = null, string status = "final", string id = "lab1")
    {
        var quantity = unit is null ? $$"""{"value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""" : $$"""{"value":{{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"unit":"{{unit}}","system":"http://unitsofmeasure.org","code":"{{unit}}"}""";
        var flag = interpretation is null ? string.Empty : $$""","interpretation":[{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation","code":"{{interpretation}}"}]}]""";
        return $$"""{"resourceType":"Observation","id":"{{id}}","status":"{{status}}","code":{"coding":[{"system":"http://loinc.org","code":"{{loinc}}"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"{{date}}T08:00:00Z","valueQuantity":{{quantity}}{{flag}}}""";
    }

    /// <summary>A MedicationRequest coded with one RxNorm coding.</summary>
    public static string MedicationRequest(string rxnorm, string display, string status = "active", string authoredOn = "2025-01-10", string id = "mr1", string intent = "order") =>
        $$"""{"resourceType":"MedicationRequest","id":"{{id}}","status":"{{status}}","intent":"{{intent}}","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"{{rxnorm}}","display":"{{display}}"}]},"subject":{"reference":"Patient/p1"},"authoredOn":"{{authoredOn}}"}""";

    /// <summary>A Condition with one coding.</summary>
    public static string Condition(string system, string code, string display, string clinicalStatus = "active", string? verificationStatus = "confirmed", string id = "c1", string extra = "") =>
        $$"""{"resourceType":"Condition","id":"{{id}}","clinicalStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-clinical","code":"{{clinicalStatus}}"}]}{{(verificationStatus is null ? string.Empty : $$""","verificationStatus":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/condition-ver-status","code":"{{verificationStatus}}"}]}""")}},"code":{"coding":[{"system":"{{system}}","code":"{{code}}","display":"{{display}}"}]},"subject":{"reference":"Patient/p1"}{{extra}}}""";
}
