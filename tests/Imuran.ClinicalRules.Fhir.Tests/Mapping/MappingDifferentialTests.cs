using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Imuran.ClinicalRules.Fhir.Tests.Support;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Mapping;

/// <summary>
/// Golden test for everything the FHIR reader reports: the bundled samples, the HL7 examples in this project and
/// hostile inputs (repeated members at every depth, wrong member types, broken text, odd roots and nesting) are each
/// read, the whole result (facts, used, unrecognised, problems with their paths and messages, error) is written as
/// JSON, and its SHA-256 must equal the one pinned in <c>MappingDifferential.sha256.txt</c>. Pinned before the
/// reader's paths were made lazy, so a change there that alters anything visible fails here.
/// </summary>
/// <remarks>
/// To re-pin after a deliberate change of the reader's output: <c>IMURAN_UPDATE_MAPPING_HASHES=1 dotnet test
/// tests/Imuran.ClinicalRules.Fhir.Tests --filter MappingDifferentialTests</c>, and review the diff.
/// </remarks>
public class MappingDifferentialTests
{
    private static readonly string HashFile = Path.Combine(RepoPaths.Root, "tests", "Imuran.ClinicalRules.Fhir.Tests", "Mapping", "MappingDifferential.sha256.txt");

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    [Fact]
    public void Inputs_AreAtLeastEighty()
    {
        Inputs().Should().HaveCountGreaterThanOrEqualTo(80);
    }

    [Fact]
    public void Read_EveryInput_GivesThePinnedResult()
    {
        var actual = Inputs().ToDictionary(i => i.Name, i => Hash(Describe(FhirPatientReader.Read(i.Json, Today))), StringComparer.Ordinal);

        if (Environment.GetEnvironmentVariable("IMURAN_UPDATE_MAPPING_HASHES") == "1")
        {
            File.WriteAllText(HashFile, string.Concat(actual.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}\n")));
        }

        var pinned = File.ReadAllLines(HashFile)
            .Where(l => l.Length > 0)
            .ToDictionary(l => l.Substring(65), l => l.Substring(0, 64), StringComparer.Ordinal);

        var differences = actual.Keys.Union(pinned.Keys).OrderBy(k => k, StringComparer.Ordinal)
            .Where(k => !actual.TryGetValue(k, out var a) || !pinned.TryGetValue(k, out var p) || a != p)
            .ToList();

        differences.Should().BeEmpty("every input's mapped result must stay byte-identical to the pinned one");
    }

    [Fact]
    public void Read_FromAStream_GivesTheSameResultAsFromAString()
    {
        foreach (var (name, json) in Inputs().Where(i => !i.Name.StartsWith("hostile/malformed", StringComparison.Ordinal)))
        {
            var fromString = Describe(FhirPatientReader.Read(json, Today));
            var fromStream = Describe(FhirPatientReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Today));

            fromStream.Should().Be(fromString, name);
        }
    }

    [Fact]
    public void Read_EveryFileInput_GivesTheSameResultWithWindowsLineEndings()
    {
        // The file inputs are read with LF line endings whatever the checkout (see Inputs); this shows the reader's
        // result does not depend on them either, so the normalisation hides nothing the reader would do with CRLF.
        var files = Inputs().Where(i => !i.Name.StartsWith("hostile/", StringComparison.Ordinal)).ToList();
        files.Should().HaveCountGreaterThanOrEqualTo(40).And.Contain(i => i.Json.Contains('\n', StringComparison.Ordinal), "most of the files are written over many lines");

        foreach (var (name, json) in files)
        {
            var crlf = json.Replace("\n", "\r\n", StringComparison.Ordinal);

            Describe(FhirPatientReader.Read(crlf, Today)).Should().Be(Describe(FhirPatientReader.Read(json, Today)), name);
        }
    }

    /// <summary>The result as JSON: facts through their own contract writer, the report's records member by member.</summary>
    internal static string Describe(FhirMappingResult result) => JsonSerializer.Serialize(
        new
        {
            result.Succeeded,
            result.Error,
            result.Facts,
            result.Used,
            result.Unrecognised,
            result.Problems,
        },
        JsonOptions);

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        return string.Concat(sha.ComputeHash(Encoding.UTF8.GetBytes(text)).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// Every input, by name. Files are read with their line endings made LF, so a checkout that writes CRLF
    /// (core.autocrlf=true) reads the same bytes and the pinned hashes hold there too.
    /// </summary>
    internal static List<(string Name, string Json)> Inputs()
    {
        var inputs = new List<(string Name, string Json)>();
        foreach (var file in Directory.GetFiles(RepoPaths.FhirSamples, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            inputs.Add(("samples/" + Path.GetFileName(file), ReadWithLfLineEndings(file)));
        }

        foreach (var file in Directory.GetFiles(RepoPaths.Hl7Examples, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            inputs.Add(("hl7/" + Path.GetFileName(Path.GetDirectoryName(file)) + "/" + Path.GetFileName(file), ReadWithLfLineEndings(file)));
        }

        foreach (var (name, json) in Hostile())
        {
            inputs.Add(("hostile/" + name, json));
        }

        return inputs;
    }

    private static string ReadWithLfLineEndings(string file) => File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal);

    private static IEnumerable<(string Name, string Json)> Hostile()
    {
        var lab = Lab("6690-2", 5);
        var med = MedicationRequest("1256", "azathioprine");
        var condition = Condition("http://snomed.info/sct", "69896004", "Rheumatoid arthritis");

        // Repeated members, at every depth and in every kind of container.
        yield return ("duplicate/root-birthDate", """{"resourceType":"Patient","id":"p1","birthDate":"1990-01-01","birthDate":"2020-01-01"}""");
        yield return ("duplicate/root-id", """{"resourceType":"Patient","id":"p1","id":"p2","gender":"male"}""");
        yield return ("duplicate/root-resourceType", """{"resourceType":"Patient","resourceType":"Patient","id":"p1"}""");
        yield return ("duplicate/entry-gender", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1","gender":"male","gender":"female"}}]}""");
        yield return ("duplicate/entry-resource", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1"},"resource":{"resourceType":"Patient","id":"p2"}}]}""");
        yield return ("duplicate/bundle-entry", $$"""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{{Patient}}}],"entry":[]}""");
        yield return ("duplicate/lab-value", Bundle(lab.Replace("\"valueQuantity\":{", "\"valueQuantity\":{\"value\":9,", StringComparison.Ordinal)));
        yield return ("duplicate/lab-code-system", Bundle(lab.Replace("\"system\":\"http://loinc.org\"", "\"system\":\"http://loinc.org\",\"system\":\"http://snomed.info/sct\"", StringComparison.Ordinal)));
        yield return ("duplicate/lab-status", Bundle(lab.Replace("\"status\":\"final\"", "\"status\":\"final\",\"status\":\"preliminary\"", StringComparison.Ordinal)));
        yield return ("duplicate/lab-effective", Bundle(lab.Replace("\"effectiveDateTime\":", "\"effectiveDateTime\":\"2025-01-01\",\"effectiveDateTime\":", StringComparison.Ordinal)));
        yield return ("duplicate/med-code", Bundle(med.Replace("\"code\":\"1256\"", "\"code\":\"1256\",\"code\":\"519\"", StringComparison.Ordinal)));
        yield return ("duplicate/med-status", Bundle(med.Replace("\"status\":\"active\"", "\"status\":\"active\",\"status\":\"stopped\"", StringComparison.Ordinal)));
        yield return ("duplicate/med-concept", Bundle(med.Replace("\"medicationCodeableConcept\":", "\"medicationCodeableConcept\":{\"text\":\"aspirin\"},\"medicationCodeableConcept\":", StringComparison.Ordinal)));
        yield return ("duplicate/condition-clinicalStatus", Bundle(condition.Replace("\"clinicalStatus\":", "\"clinicalStatus\":{\"text\":\"resolved\"},\"clinicalStatus\":", StringComparison.Ordinal)));
        yield return ("duplicate/condition-subject", Bundle(condition.Replace("\"subject\":{\"reference\":\"Patient/p1\"}", "\"subject\":{\"reference\":\"Patient/p1\",\"reference\":\"Patient/p2\"}", StringComparison.Ordinal)));
        yield return ("duplicate/same-name-twice-in-two-resources", Bundle(lab.Replace("\"status\":\"final\"", "\"status\":\"final\",\"status\":\"final\"", StringComparison.Ordinal), Lab("718-7", 120, "g/L", id: "lab2").Replace("\"status\":\"final\"", "\"status\":\"final\",\"status\":\"final\"", StringComparison.Ordinal)));
        yield return ("duplicate/three-times", """{"resourceType":"Patient","id":"p1","gender":"male","gender":"female","gender":"other"}""");
        yield return ("duplicate/no-id", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","gender":"male","gender":"female"}}]}""");
        yield return ("duplicate/contained", Bundle("""{"resourceType":"MedicationRequest","id":"mr2","status":"active","intent":"order","contained":[{"resourceType":"Medication","id":"med1","code":{"text":"azathioprine"},"code":{"text":"aspirin"}}],"medicationReference":{"reference":"#med1"},"subject":{"reference":"Patient/p1"},"authoredOn":"2025-01-10"}"""));
        yield return ("duplicate/in-array-item", Bundle(lab.Replace("\"coding\":[{", "\"coding\":[{\"code\":\"1\",", StringComparison.Ordinal)));
        yield return ("duplicate/root-array-object", """[{"a":1,"a":2}]""");
        yield return ("duplicate/escaped-name", """{"resourceType":"Patient","id":"p1","gender":"male","gend\u0065r":"female"}""");
        yield return ("duplicate/unknown-member", """{"resourceType":"Patient","id":"p1","gender":"male","x":1,"x":2}""");

        // Wrong member types.
        yield return ("type/gender-number", """{"resourceType":"Patient","id":"p1","gender":5,"birthDate":"1990-01-01"}""");
        yield return ("type/birthDate-object", """{"resourceType":"Patient","id":"p1","gender":"male","birthDate":{"value":"1990-01-01"}}""");
        yield return ("type/coding-not-array", Bundle(lab.Replace("\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"6690-2\"}]", "\"coding\":{\"system\":\"http://loinc.org\",\"code\":\"6690-2\"}", StringComparison.Ordinal)));
        yield return ("type/coding-items-not-objects", Bundle(lab.Replace("\"coding\":[{", "\"coding\":[1,\"x\",null,true,[],{", StringComparison.Ordinal)));
        yield return ("type/value-string", Bundle(lab.Replace("\"value\":5", "\"value\":\"5\"", StringComparison.Ordinal)));
        yield return ("type/value-huge", Bundle(lab.Replace("\"value\":5", "\"value\":1e400", StringComparison.Ordinal)));
        yield return ("type/valueQuantity-array", Bundle(lab.Replace("\"valueQuantity\":{\"value\":5,\"unit\":\"10*9/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"10*9/L\"}", "\"valueQuantity\":[5]", StringComparison.Ordinal)));
        yield return ("type/subject-string", Bundle(condition.Replace("\"subject\":{\"reference\":\"Patient/p1\"}", "\"subject\":\"Patient/p1\"", StringComparison.Ordinal)));
        yield return ("type/entry-not-array", """{"resourceType":"Bundle","type":"collection","entry":{"resource":{"resourceType":"Patient","id":"p1"}}}""");
        yield return ("type/entry-items", $$"""{"resourceType":"Bundle","type":"collection","entry":[1,"two",[3],{"resource":{{Patient}}}]}""");
        yield return ("type/link-not-array", $$"""{"resourceType":"Bundle","type":"searchset","link":{"relation":"next"},"entry":[{"resource":{{Patient}}}]}""");
        yield return ("type/status-number", Bundle(med.Replace("\"status\":\"active\"", "\"status\":1", StringComparison.Ordinal)));
        yield return ("type/null-members", """{"resourceType":"Patient","id":"p1","gender":null,"birthDate":null,"name":[null]}""");

        // Dates.
        yield return ("date/partial-birthDate", """{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1990-05"}""");
        yield return ("date/birthDate-with-time", """{"resourceType":"Patient","id":"p1","gender":"male","birthDate":"1990-01-01T00:00:00Z"}""");
        yield return ("date/invalid-effective", Bundle(lab.Replace("2025-05-20T08:00:00Z", "2025-13-40", StringComparison.Ordinal)));
        yield return ("date/partial-effective", Bundle(lab.Replace("2025-05-20T08:00:00Z", "2025", StringComparison.Ordinal)));
        yield return ("date/period", Bundle(lab.Replace("\"effectiveDateTime\":\"2025-05-20T08:00:00Z\"", "\"effectivePeriod\":{\"start\":\"2025-05\",\"end\":\"x\"}", StringComparison.Ordinal)));

        // Broken text.
        yield return ("text/surrogate-value", """{"resourceType":"Patient","id":"p1","gender":"fe\ud800male"}""");
        yield return ("text/surrogate-id", """{"resourceType":"Patient","id":"p\udc001"}""");
        yield return ("text/surrogate-type", """{"resourceType":"Pat\ud800ient","id":"p1"}""");
        yield return ("text/surrogate-entry", Bundle(lab.Replace("\"final\"", "\"fin\\ud800al\"", StringComparison.Ordinal)));
        yield return ("text/surrogate-name", """{"resourceType":"Patient","id":"p1","gen\ud800der":"male"}""");
        yield return ("text/surrogate-deep", Bundle(lab.Replace("\"code\":\"6690-2\"", "\"code\":\"6690-2\",\"extension\":[{\"url\":\"x\",\"valueString\":\"a\\udfffb\"}]", StringComparison.Ordinal)));
        yield return ("text/surrogate-root-array", """[{"a":"\ud800"}]""");
        yield return ("text/valid-pair", """{"resourceType":"Patient","id":"p1","gender":"male","name":[{"text":"\ud83d\ude00"}]}""");
        yield return ("text/non-ascii", """{"resourceType":"Patient","id":"p-é","gender":"female","birthDate":"1990-01-01","name":[{"text":"Zoë Ünal 山田"}]}""");

        // Roots, nesting, patients, versions.
        yield return ("root/array", "[1,2,3]");
        yield return ("root/string", "\"Patient\"");
        yield return ("root/number", "42");
        yield return ("root/no-resourceType", """{"id":"p1","gender":"male"}""");
        yield return ("root/resourceType-number", """{"resourceType":5}""");
        yield return ("root/unknown-type", """{"resourceType":"Basic","id":"b1"}""");
        yield return ("root/empty-object", "{}");
        yield return ("root/deep-unknown", """{"resourceType":"Patient","id":"p1","gender":"male","extension":[{"url":"a","extension":[{"url":"b","extension":[{"url":"c","valueString":"d"}]}]}]}""");
        yield return ("bundle/nested", $$$"""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Bundle","type":"collection","entry":[{"resource":{{{Patient}}}},{"resource":{{{lab}}}}]}}]}""");
        yield return ("bundle/too-deep", $$$"""{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Bundle","entry":[{"resource":{{{Patient}}}}]}}]}}]}}]}}]}}]}""");
        yield return ("bundle/null-entries", $$$"""{"resourceType":"Bundle","type":"transaction","entry":[null,{"request":{"method":"DELETE","url":"Observation/1"}},{"resource":null},{"resource":{{{Patient}}}}]}""");
        yield return ("bundle/two-patients", BundleOf("collection", Patient, Patient.Replace("\"p1\"", "\"p2\"", StringComparison.Ordinal)));
        yield return ("bundle/same-patient-twice", BundleOf("collection", Patient, Patient));
        yield return ("bundle/no-patient", BundleOf("collection", lab));
        yield return ("bundle/other-patient", Bundle(lab.Replace("Patient/p1", "Patient/p9", StringComparison.Ordinal)));
        yield return ("bundle/outcome", Bundle("""{"resourceType":"OperationOutcome","issue":[{"severity":"warning","code":"incomplete","diagnostics":"partial"},5]}"""));
        yield return ("bundle/not-r4", """{"resourceType":"Patient","id":"p1","meta":{"profile":["http://hl7.org/fhir/3.0/StructureDefinition/Patient"]},"fhirVersion":"3.0.1"}""");
        yield return ("bundle/unknown-resources", Bundle("""{"resourceType":"Basic","id":"b1"}""", """{"resourceType":"Device"}"""));
        yield return ("bundle/everything", Bundle(lab, med, condition, Lab("718-7", 120, "g/L", id: "lab2", interpretation: "H"), Lab("1742-6", 80, "U/L", id: "lab3", status: "amended")));

        // Malformed JSON (not through the paths, but in the result's report).
        yield return ("malformed/truncated", """{"resourceType":"Patient","id":"p1" """);
        yield return ("malformed/empty", string.Empty);
        yield return ("malformed/trailing-comma", """{"resourceType":"Patient","id":"p1",}""");
    }
}
