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
    public async Task MutatedRequests_NeverAnswer500()
    {
        var iterations = JsonFuzz.Iterations;
        var rng = new Random(JsonFuzz.Seed(7));
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
                JsonFuzz.Mutate(doc, rng);
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
}
