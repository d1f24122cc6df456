using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

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
    public async Task MutatedRequests_NeverAnswer500()
    {
        var iterations = int.Parse(Environment.GetEnvironmentVariable("HOOK_FUZZ_N") ?? "300");
        var rng = new Random(int.Parse(Environment.GetEnvironmentVariable("HOOK_FUZZ_SEED") ?? "7"));
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var seeds = Seeds();
        var failures = new List<string>();
        for (var n = 0; n < iterations; n++)
        {
            var doc = seeds[rng.Next(seeds.Length)].DeepClone().AsObject();
            var hook = doc["hook"]!.GetValue<string>();
            for (var m = rng.Next(1, 4); m > 0; m--)
            {
                Mutate(doc, rng);
            }

            var text = doc.ToJsonString();
            if (rng.Next(25) == 0)
            {
                text = text.Substring(0, rng.Next(text.Length));
            }

            using var content = new StringContent(text, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(Spec.Prefix + hook, content);
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode}: {text}\n=> {body}");
            }
        }

        failures.Should().BeEmpty();
    }

    private static void Mutate(JsonNode root, Random rng)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var kv in o.ToList())
                {
                    slots.Add((o, kv.Key));
                    Walk(kv.Value);
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    Walk(a[i]);
                }
            }
        }

        Walk(root);
        if (slots.Count == 0)
        {
            return;
        }

        var (parent, key) = slots[rng.Next(slots.Count)];
        var op = rng.Next(5);
        if (parent is JsonObject obj)
        {
            var name = (string)key;
            if (op == 0)
            {
                obj.Remove(name);
            }
            else if (op == 1)
            {
                var other = slots[rng.Next(slots.Count)];
                var copy = (other.Parent is JsonObject oo ? oo[(string)other.Key] : ((JsonArray)other.Parent)[(int)other.Key])?.DeepClone();
                obj[name] = copy;
            }
            else
            {
                obj[name] = RandomValue(rng);
            }
        }
        else if (parent is JsonArray arr)
        {
            var i = (int)key;
            if (op == 0)
            {
                arr.RemoveAt(i);
            }
            else if (op == 1)
            {
                arr.Add(arr[i]?.DeepClone());
            }
            else
            {
                arr[i] = RandomValue(rng);
            }
        }
    }

    private static JsonNode? RandomValue(Random rng) => rng.Next(20) switch
    {
        0 => null,
        1 => JsonValue.Create(rng.Next(2) == 0),
        2 => JsonValue.Create(rng.Next(-5, 5)),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(string.Empty),
        5 => JsonValue.Create("   "),
        6 => JsonValue.Create("\uD800x"),
        7 => JsonValue.Create(new string('a', rng.Next(1, 3000))),
        8 => JsonValue.Create("2026-02-30"),
        9 => JsonValue.Create("2026"),
        10 => new JsonObject(),
        11 => new JsonArray(),
        12 => JsonValue.Create("0001-01-01"),
        13 => JsonValue.Create("Patient/"),
        14 => JsonValue.Create("MedicationRequest/aza-draft"),
        15 => JsonValue.Create(long.MaxValue),
        16 => JsonValue.Create("http://hl7.org/fhir"),
        17 => JsonValue.Create("9999-12-31T23:59:59+14:00"),
        18 => JsonValue.Create("active"),
        _ => JsonValue.Create("draft"),
    };
}
