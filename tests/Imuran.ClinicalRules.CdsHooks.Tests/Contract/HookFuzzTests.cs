using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Contract;

public class HookFuzzTests
{
    private static JsonObject[] Seeds() => new[]
    {
        FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(labs: [FhirData.Wbc("wbc", 2.1, "2026-11-20", "L")], pgx: [FhirData.TpmtPoor()], medicationRequests: [FhirData.Allopurinol()], immunizations: [FhirData.Immunization("imm", "completed", "03", "MMR", "2026-11-01")])),
        FhirData.Request("order-select", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft(), FhirData.VaccineRequest("v", "draft", "03", "MMR")), "MedicationRequest/aza-draft"), FhirData.Prefetch(pgx: [FhirData.TpmtPoor()])),
        FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch(medicationRequests: [FhirData.MedicationRequest("aza", "active", "1256", "azathioprine")], labs: [FhirData.Wbc("wbc", 3.5, "2026-10-20")])),
    };

    [Fact]
    public Task MutatedRequests_NeverAnswer500() => RunAsync(seed: 7, mutations: (1, 4), (doc, rng) =>
    {
        var text = doc.ToJsonString();
        if (rng.Next(25) == 0)
        {
            text = text.Substring(0, rng.Next(text.Length));
        }

        return Encoding.UTF8.GetBytes(text);
    });

    /// <summary>
    /// The same requests with byte-level damage (<see cref="JsonFuzz.Corrupt"/>): lone surrogate escapes in names and
    /// values, bytes that are not UTF-8, deep nesting, cuts. A JSON writer never produces these (it writes the lone
    /// surrogate of <see cref="JsonFuzz.RandomValue"/> as U+FFFD), so the mutation above never sent them.
    /// </summary>
    [Fact]
    public Task DamagedRequests_NeverAnswer500() => RunAsync(seed: 31, mutations: (0, 3), (doc, rng) =>
    {
        var bytes = Encoding.UTF8.GetBytes(doc.ToJsonString());
        for (var k = rng.Next(1, 3); k > 0; k--)
        {
            bytes = JsonFuzz.Corrupt(bytes, rng);
        }

        return bytes;
    });

    /// <summary>
    /// Posts <see cref="JsonFuzz.Iterations"/> requests, each a seed request mutated <paramref name="mutations"/> times
    /// (from, to exclusive) and turned into bytes by <paramref name="damage"/>; none may answer 5xx or throw.
    /// </summary>
    private static async Task RunAsync(int seed, (int From, int To) mutations, Func<JsonObject, Random, byte[]> damage)
    {
        var rng = new Random(JsonFuzz.Seed(seed));
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var seeds = Seeds();
        var failures = new List<string>();
        for (var n = 0; n < JsonFuzz.Iterations; n++)
        {
            var doc = seeds[rng.Next(seeds.Length)].DeepClone().AsObject();
            var hook = doc["hook"]!.GetValue<string>();
            for (var m = rng.Next(mutations.From, mutations.To); m > 0; m--)
            {
                JsonFuzz.Mutate(doc, rng);
            }

            var bytes = damage(doc, rng);
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            try
            {
                // In memory (TestServer) an unhandled exception reaches the client instead of a 500: both are failures.
                using var response = await client.PostAsync(Spec.Prefix + hook, content);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode}: {JsonFuzz.Show(bytes)}\n=> {body}");
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
