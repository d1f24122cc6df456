using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Common;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Hardening;

/// <summary>
/// The patient-facts and FHIR readers against seeded mutations of the sample patients and FHIR payloads, with
/// byte-level damage to most (bytes that are not UTF-8, lone surrogate escapes in names and values, deep nesting,
/// cuts), which a JSON writer never produces (it replaces a lone surrogate with U+FFFD), so the hook fuzzing never sent
/// them: reading never throws, and the facts reader reads bytes and a stream alike. <c>HOOK_FUZZ_N</c> /
/// <c>HOOK_FUZZ_SEED</c> as for the CDS Hooks fuzz tests.
/// </summary>
public class PatientReaderFuzzTests
{
    private static readonly Facts.ClinicalDate Today = new(2026, 11, 22);

    private static JsonObject[] Seeds(string folder) => Directory.GetFiles(RepoPaths.InRepo("samples", folder), "*.json")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => JsonNode.Parse(File.ReadAllText(f)))
        .OfType<JsonObject>()
        .ToArray();

    private static byte[] Input(JsonObject[] seeds, Random rng)
    {
        var doc = seeds[rng.Next(seeds.Length)].DeepClone().AsObject();
        for (var m = rng.Next(0, 3); m > 0; m--)
        {
            JsonFuzz.Mutate(doc, rng);
        }

        var bytes = Encoding.UTF8.GetBytes(doc.ToJsonString());
        for (var k = rng.Next(0, 3); k > 0; k--)
        {
            bytes = JsonFuzz.Corrupt(bytes, rng);
        }

        return bytes;
    }

    [Fact]
    public void PatientFactsJson_DamagedPatients_NeverThrow()
    {
        var rng = new Random(JsonFuzz.Seed(23));
        var seeds = Seeds("patients");
        seeds.Should().NotBeEmpty();
        var failures = new List<string>();
        for (var n = 0; n < JsonFuzz.Iterations; n++)
        {
            var bytes = Input(seeds, rng);
            try
            {
                // Read(Stream) skips a byte-order mark and reads the rest as Read(span) does; Read(span) takes none.
                var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
                _ = PatientFactsJson.Read(bytes.AsSpan());
                var fromBytes = PatientFactsJson.Read(bytes.AsSpan(bom ? 3 : 0));
                var fromStream = PatientFactsJson.Read(new MemoryStream(bytes));
                if (!fromStream.Problems.SequenceEqual(fromBytes.Problems) || fromStream.Succeeded != fromBytes.Succeeded)
                {
                    failures.Add($"the stream read disagrees with the bytes read ({string.Join("; ", fromBytes.Problems)} / {string.Join("; ", fromStream.Problems)}): {JsonFuzz.Show(bytes)}");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}) at {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}: {JsonFuzz.Show(bytes)}");
            }
        }

        failures.Should().BeEmpty();
    }

    [Fact]
    public async Task FhirPatientReader_DamagedPayloads_NeverThrow()
    {
        var rng = new Random(JsonFuzz.Seed(29));
        var seeds = Seeds("fhir");
        seeds.Should().NotBeEmpty();
        var failures = new List<string>();
        for (var n = 0; n < JsonFuzz.Iterations; n++)
        {
            var bytes = Input(seeds, rng);
            try
            {
                var read = FhirPatientReader.Read(new MemoryStream(bytes), Today);
                var readAsync = await FhirPatientReader.ReadAsync(new MemoryStream(bytes), Today);
                if (read.Succeeded != readAsync.Succeeded || read.Error?.Code != readAsync.Error?.Code)
                {
                    failures.Add($"the asynchronous read disagrees: {JsonFuzz.Show(bytes)}");
                }

                if (read.Succeeded && read.Facts is null)
                {
                    failures.Add($"succeeded without facts: {JsonFuzz.Show(bytes)}");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}) at {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}: {JsonFuzz.Show(bytes)}");
            }
        }

        failures.Should().BeEmpty();
    }
}
