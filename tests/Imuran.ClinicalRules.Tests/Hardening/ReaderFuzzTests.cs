using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Feedback;
using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Tests.Common;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Hardening;

/// <summary>
/// The site policy and clinician feedback readers against seeded mutations of valid documents (the sample policy and
/// the shared feedback export), with byte-level damage to some (bytes that are not UTF-8, lone surrogate escapes, deep
/// nesting, cuts): reading never throws, gives either the whole document or problems that each name a field, a code
/// and a message, and reads bytes, text and a stream alike; what is read writes back to JSON that reads again.
/// <c>HOOK_FUZZ_N</c> / <c>HOOK_FUZZ_SEED</c> as for the CDS Hooks fuzz tests.
/// </summary>
public class ReaderFuzzTests
{
    private static JsonObject[] PolicySeeds() => new[]
    {
        JsonNode.Parse(File.ReadAllText(RepoPaths.InRepo("samples", "policies", "st-elsewhere-pharmacy.json")))!.AsObject(),
        new JsonObject
        {
            ["name"] = "trial",
            ["version"] = "1",
            ["disable"] = new JsonArray(
                new JsonObject { ["rule"] = "aza-int-003", ["reason"] = "own alert", ["approvedBy"] = "P&T" },
                new JsonObject { ["topic"] = "HANDLING", ["reason"] = "on the label", ["approvedBy"] = "P&T" }),
            ["thresholds"] = new JsonObject { ["LiverTestWindowDays"] = 30, ["egfrThreshold"] = null },
        },
    };

    private static JsonObject[] FeedbackSeeds() => new[]
    {
        JsonNode.Parse(ClinicianFeedbackJson.ToJson(FeedbackSample.Export()))!.AsObject(),
    };

    /// <summary>A seed, mutated, as bytes: sometimes cut short, sometimes damaged byte by byte.</summary>
    private static byte[] Input(JsonObject[] seeds, Random rng)
    {
        var doc = seeds[rng.Next(seeds.Length)].DeepClone().AsObject();
        for (var m = rng.Next(1, 4); m > 0; m--)
        {
            JsonFuzz.Mutate(doc, rng);
        }

        var bytes = Encoding.UTF8.GetBytes(doc.ToJsonString());
        if (rng.Next(25) == 0)
        {
            return bytes.Take(rng.Next(bytes.Length)).ToArray();
        }

        return rng.Next(3) == 0 ? JsonFuzz.Corrupt(bytes, rng) : bytes;
    }

    private static void CheckProblems(IReadOnlyList<ValidationProblem> problems, List<string> failures, byte[] bytes)
    {
        foreach (var p in problems)
        {
            if (string.IsNullOrWhiteSpace(p.Field) || string.IsNullOrWhiteSpace(p.Code) || string.IsNullOrWhiteSpace(p.Message))
            {
                failures.Add($"a problem without a field, code or message ({p}): {JsonFuzz.Show(bytes)}");
            }
        }
    }

    [Fact]
    public async Task SitePolicyJson_MutatedPolicies_NeverThrow()
    {
        var iterations = JsonFuzz.Iterations;
        var rng = new Random(JsonFuzz.Seed(17));
        var seeds = PolicySeeds();
        var failures = new List<string>();
        var read = 0;
        for (var n = 0; n < iterations; n++)
        {
            var bytes = Input(seeds, rng);
            try
            {
                var result = SitePolicyJson.Read(bytes);
                if (result.Succeeded != (result.Policy is not null && result.Problems.Count == 0) || (result.Policy is null) == (result.Problems.Count == 0))
                {
                    failures.Add($"a policy and problems, or neither: {JsonFuzz.Show(bytes)}");
                }

                CheckProblems(result.Problems, failures, bytes);
                var fromStream = await SitePolicyJson.ReadAsync(new MemoryStream(bytes));
                if (!fromStream.Problems.SequenceEqual(result.Problems) || fromStream.Policy?.ContentHash != result.Policy?.ContentHash)
                {
                    failures.Add($"the stream read disagrees with the bytes read: {JsonFuzz.Show(bytes)}");
                }

                _ = SitePolicyJson.Read(Encoding.UTF8.GetString(bytes));
                if (result.Succeeded)
                {
                    read++;
                    var again = SitePolicyJson.Read(SitePolicyJson.ToJson(result.Policy));
                    if (!again.Succeeded)
                    {
                        failures.Add($"a policy read does not read again once written ({string.Join("; ", again.Problems)}): {JsonFuzz.Show(bytes)}");
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}) at {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}: {JsonFuzz.Show(bytes)}");
            }
        }

        failures.Should().BeEmpty();
        read.Should().BeGreaterThan(0, "some mutations leave a valid policy, so the whole read is reached");
    }

    [Fact]
    public async Task ClinicianFeedbackJson_MutatedExports_NeverThrow()
    {
        var iterations = JsonFuzz.Iterations;
        var rng = new Random(JsonFuzz.Seed(19));
        var seeds = FeedbackSeeds();
        var failures = new List<string>();
        var read = 0;
        for (var n = 0; n < iterations; n++)
        {
            var bytes = Input(seeds, rng);
            try
            {
                var result = ClinicianFeedbackJson.Read(bytes);
                if (result.Succeeded != (result.Export is not null && result.Problems.Count == 0) || (result.Export is null) == (result.Problems.Count == 0))
                {
                    failures.Add($"an export and problems, or neither: {JsonFuzz.Show(bytes)}");
                }

                CheckProblems(result.Problems, failures, bytes);
                var fromStream = await ClinicianFeedbackJson.ReadAsync(new MemoryStream(bytes));
                if (!fromStream.Problems.SequenceEqual(result.Problems) || fromStream.Succeeded != result.Succeeded)
                {
                    failures.Add($"the stream read disagrees with the bytes read: {JsonFuzz.Show(bytes)}");
                }

                _ = ClinicianFeedbackJson.Read(Encoding.UTF8.GetString(bytes));
                if (result.Succeeded)
                {
                    read++;
                    var again = ClinicianFeedbackJson.Read(ClinicianFeedbackJson.ToJson(result.Export));
                    if (!again.Succeeded)
                    {
                        failures.Add($"an export read does not read again once written ({string.Join("; ", again.Problems)}): {JsonFuzz.Show(bytes)}");
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}) at {ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}: {JsonFuzz.Show(bytes)}");
            }
        }

        failures.Should().BeEmpty();
        read.Should().BeGreaterThan(0, "some mutations leave a valid export, so the whole read is reached");
    }
}
