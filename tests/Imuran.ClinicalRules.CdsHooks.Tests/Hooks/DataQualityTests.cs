using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

public class DataQualityTests
{
    private static JsonObject AzaSign(JsonObject prefetch) =>
        FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), prefetch);

    [Fact]
    public async Task LabWithoutUnit_GivesOneCardSayingNoRuleRan()
    {
        using var factory = new CdsHooksFactory();
        var wbc = FhirData.Wbc("wbc", 2.1, "2026-11-20", "L");
        wbc["valueQuantity"]!.AsObject().Remove("unit");
        wbc["valueQuantity"]!.AsObject().Remove("code");

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSign(FhirData.Prefetch(labs: [wbc], pgx: [FhirData.TpmtPoor()])));

        status.Should().Be(200);
        var card = Spec.AssertCardsResponse(body).Should().ContainSingle().Subject;
        card.GetProperty("indicator").GetString().Should().Be("warning");
        card.GetProperty("summary").GetString().Should().Contain("not run");
        Spec.RuleId(card).Should().Be("INPUT-INVALID");
        card.GetProperty("detail").GetString().Should().Contain("no azathioprine rule was evaluated");
    }

    [Fact]
    public async Task ServerReportedErrorInASearch_CardsSaySo()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(pgx: [FhirData.TpmtPoor()]);
        var outcome = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "timeout", ["diagnostics"] = "The laboratory system did not answer" }),
        };
        prefetch["labs"]!["entry"]!.AsArray().Add(new JsonObject { ["resource"] = outcome, ["search"] = new JsonObject { ["mode"] = "outcome" } });

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSign(prefetch));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().NotBeEmpty().And.OnlyContain(c =>
            c.GetProperty("detail").GetString()!.StartsWith("**Computed from incomplete data.**", System.StringComparison.Ordinal)
            && c.GetProperty("detail").GetString()!.Contains("laboratory system did not answer"));
    }

    [Fact]
    public async Task CompletePrefetch_CardsDoNotClaimIncompleteData()
    {
        using var factory = new CdsHooksFactory();

        var (_, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSign(FhirData.Prefetch(pgx: [FhirData.TpmtPoor()])));

        Spec.AssertCardsResponse(body).Should().NotBeEmpty().And.OnlyContain(c => !c.GetProperty("detail").GetString()!.Contains("incomplete data"));
    }

    [Fact]
    public async Task UnrecognisedMedicine_IsListedAsNotChecked()
    {
        using var factory = new CdsHooksFactory();
        var unknown = FhirData.MedicationRequest("x", "active", null, "Zzyzxamab 10 MG Injection");

        var (_, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSign(FhirData.Prefetch(medicationRequests: [unknown], pgx: [FhirData.TpmtPoor()])));

        var details = Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).ToList();
        details.Should().OnlyContain(d => d.Contains("**Not recognised, so not checked:**") && d.Contains("Zzyzxamab"));
        details.Should().OnlyContain(d => !d.Contains("10 MG"));
    }
}
