using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Contract;

/// <summary>
/// The feedback endpoint (<c>POST {service}/feedback</c>) against seeded mutations of valid feedback (the spec's two
/// examples and one report on cards the service issued), with byte-level damage to some: never a 5xx, and the
/// feedback export stays answerable whatever was accepted. <c>HOOK_FUZZ_N</c> / <c>HOOK_FUZZ_SEED</c> as for the hooks.
/// </summary>
public class FeedbackFuzzTests
{
    private const string Export = "/cds-services/feedback/export";

    private static JsonObject Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!.AsObject();

    [Fact]
    public async Task MutatedFeedback_NeverAnswers500()
    {
        var iterations = JsonFuzz.Iterations;
        var rng = new Random(JsonFuzz.Seed(11));
        using var factory = new CdsHooksFactory(o => o.EnableFeedbackExport = true);
        var client = factory.CreateClient();

        // Cards this service issued, so feedback is matched to rules as well as recorded as unknown.
        var sign = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));
        var (_, answer, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", sign);
        var issued = answer.GetProperty("cards").EnumerateArray().Select(c => c.GetProperty("uuid").GetString()!).ToList();
        issued.Should().NotBeEmpty();
        var seeds = new[]
        {
            Example("spec-2.0.1__18__example-suggestion-accepted.json"),
            Example("spec-2.0.1__20__example-overridden-guidance-with-overridereason.json"),
            new JsonObject
            {
                ["feedback"] = new JsonArray(
                    new JsonObject { ["card"] = issued[0], ["outcome"] = "accepted", ["acceptedSuggestions"] = new JsonArray(), ["outcomeTimestamp"] = "2026-11-22T10:05:00Z" },
                    new JsonObject
                    {
                        ["card"] = issued[^1],
                        ["outcome"] = "overridden",
                        ["overrideReason"] = new JsonObject
                        {
                            ["reason"] = new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes", ["code"] = "recipient-concerns-outcomes" },
                            ["userComment"] = "Specialist advice",
                        },
                        ["outcomeTimestamp"] = "2026-11-22T10:06:00+01:00",
                    }),
            },
        };

        var failures = new List<string>();
        var services = new[] { "order-sign", "order-select", "patient-view" };
        for (var n = 0; n < iterations; n++)
        {
            var doc = seeds[rng.Next(seeds.Length)].DeepClone().AsObject();
            for (var m = rng.Next(1, 4); m > 0; m--)
            {
                JsonFuzz.Mutate(doc, rng);
            }

            var bytes = Encoding.UTF8.GetBytes(doc.ToJsonString());
            if (rng.Next(25) == 0)
            {
                bytes = bytes.Take(rng.Next(bytes.Length)).ToArray();
            }
            else if (rng.Next(5) == 0)
            {
                bytes = JsonFuzz.Corrupt(bytes, rng);
            }

            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            try
            {
                // In memory (TestServer) an unhandled exception reaches the client instead of a 500: both are failures.
                using var response = await client.PostAsync(Spec.Prefix + services[rng.Next(services.Length)] + "/feedback", content);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode}: {JsonFuzz.Show(bytes)}\n=> {body}");
                }

                if (n % 50 == 49 || n == iterations - 1)
                {
                    using var export = await client.GetAsync(Export);
                    if ((int)export.StatusCode >= 500)
                    {
                        failures.Add($"export {(int)export.StatusCode} after input {n}: {JsonFuzz.Show(bytes)}");
                    }
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}): {JsonFuzz.Show(bytes)}");
            }
        }

        failures.Should().BeEmpty();
    }
}
