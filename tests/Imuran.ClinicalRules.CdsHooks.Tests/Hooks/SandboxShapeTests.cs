using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>The request shapes the HL7 CDS Hooks Sandbox sends, replayed.</summary>
public class SandboxShapeTests
{
    /// <summary>The sandbox's draft for a product picked in its medication form: an RxNorm clinical drug with dose, frequency and supply.</summary>
    private static JsonObject SandboxDraft(string? display)
    {
        var coding = new JsonObject { ["system"] = FhirData.RxNorm, ["code"] = "197388" };
        if (display is not null)
        {
            coding["display"] = display;
        }

        var concept = new JsonObject { ["coding"] = new JsonArray(coding) };
        if (display is not null)
        {
            concept["text"] = display;
        }

        return new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "request-123",
            ["status"] = "draft",
            ["intent"] = "order",
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + FhirData.PatientId },
            ["medicationCodeableConcept"] = concept,
            ["dosageInstruction"] = new JsonArray(new JsonObject
            {
                ["doseAndRate"] = new JsonArray(new JsonObject { ["doseQuantity"] = new JsonObject { ["value"] = 75, ["unit"] = "mg" } }),
                ["timing"] = new JsonObject { ["repeat"] = new JsonObject { ["frequency"] = 3, ["period"] = 1, ["periodUnit"] = "d" } },
            }),
            ["dispenseRequest"] = new JsonObject
            {
                ["validityPeriod"] = new JsonObject { ["start"] = "2026-11-22", ["end"] = "2026-12-22" },
                ["expectedSupplyDuration"] = new JsonObject { ["value"] = 28, ["unit"] = "days" },
                ["quantity"] = new JsonObject { ["value"] = 84, ["unit"] = "tablet" },
            },
        };
    }

    [Fact]
    public async Task PatientView_OnLoad_ForPatientNotOnAzathioprine_AnswersNoCards()
    {
        using var factory = new CdsHooksFactory();

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch()));

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
        Spec.AssertCardsResponse(body);
    }

    [Fact]
    public async Task PatientView_ForPatientTakingAzathioprine_AnswersCards()
    {
        using var factory = new CdsHooksFactory();
        var aza = FhirData.MedicationRequest("aza", "active", "1256", "azathioprine", authoredOn: "2025-01-10");

        var (status, body, _) = await Spec.PostAsync(
            factory.CreateClient(),
            Spec.Prefix + "patient-view",
            FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch(medicationRequests: [aza, FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()])));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain(new[] { "AZA-INT-001", "AZA-PGX-001" });
    }

    [Fact]
    public async Task OrderSelect_WithAnEmptyDraft_AnswersNoCardsWithoutFetching()
    {
        using var factory = new CdsHooksFactory();
        var context = FhirData.OrderContext(FhirData.Drafts());
        var request = FhirData.Request("order-select", context, prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", request);

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
        Spec.AssertCardsResponse(body);
        factory.Fhir.Calls.Should().Be(0, "a draft without a medication needs no data");
    }

    [Fact]
    public async Task OrderSelect_WithADraftWithoutAnyMedicine_AnswersNoCards()
    {
        using var factory = new CdsHooksFactory();
        var draft = new JsonObject { ["resourceType"] = "MedicationRequest", ["status"] = "draft", ["intent"] = "order", ["subject"] = new JsonObject { ["reference"] = "Patient/" + FhirData.PatientId } };

        var (status, _, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", FhirData.Request("order-select", FhirData.OrderContext(FhirData.Drafts(draft), "MedicationRequest/request-123"), FhirData.Prefetch()));

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
    }

    [Fact]
    public async Task OrderSelect_Rxnorm197388DraftWithDoseFrequencyAndSupply_RecognisesAzathioprineAndEchoesNoDose()
    {
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request(
            "order-select",
            FhirData.OrderContext(FhirData.Drafts(SandboxDraft("Azathioprine 50 MG Oral Tablet")), "MedicationRequest/request-123"),
            FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain(new[] { "AZA-INT-001", "AZA-PGX-001" });
        text.Should().NotContain("50 MG").And.NotContain("50 mg").And.NotContain("75").And.NotContain("84").And.NotContain("28 days")
            .And.NotContainEquivalentOf("tablet", "neither the product's strength nor its form is echoed, let alone a dose");
    }

    [Fact]
    public async Task OrderSign_AfterTheSandboxForm_RaisesTheSameCards()
    {
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(SandboxDraft("Azathioprine 50 MG Oral Tablet"))),
            FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Where(c => c.GetProperty("indicator").GetString() == "critical").Select(Spec.RuleId)
            .Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
    }

    [Fact]
    public async Task OrderSelect_Rxnorm197388WithoutDisplay_RecognisesAzathioprineThroughTheProductTable()
    {
        // The FHIR reader decides "this order is azathioprine therapy" through the core's public RxNorm lookup
        // (RxNormIngredients: ingredient and product codes), so a clinical-drug code with no display is azathioprine.
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request(
            "order-select",
            FhirData.OrderContext(FhirData.Drafts(SandboxDraft(display: null)), "MedicationRequest/request-123"),
            FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain(new[] { "AZA-INT-001", "AZA-PGX-001" });
        text.Should().NotContain("50 MG").And.NotContain("50 mg").And.NotContain("75").And.NotContain("84").And.NotContain("28 days");
    }

    [Fact]
    public async Task OrderSelect_TheSandboxsExactDraft_CategoryAsAnObjectAndPillDose_IsReadAndEchoesNoDose()
    {
        // As the sandbox's Rx View sent it in the browser run (tests/browser): "category" as one object, not an array,
        // the dose as "{pill}" in doseAndRate, the product's name as text and display.
        using var factory = new CdsHooksFactory();
        var draft = new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "request-123",
            ["status"] = "draft",
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + FhirData.PatientId },
            ["authoredOn"] = "2026-11-22",
            ["dosageInstruction"] = new JsonArray(new JsonObject
            {
                ["timing"] = new JsonObject { ["repeat"] = new JsonObject { ["frequency"] = 1, ["period"] = 1, ["periodUnit"] = "d" } },
                ["doseAndRate"] = new JsonArray(new JsonObject
                {
                    ["doseQuantity"] = new JsonObject { ["value"] = 3, ["system"] = "http://unitsofmeasure.org", ["code"] = "{pill}" },
                }),
            }),
            ["dispenseRequest"] = new JsonObject
            {
                ["expectedSupplyDuration"] = new JsonObject { ["value"] = 30, ["unit"] = "days", ["system"] = "http://unitsofmeasure.org", ["code"] = "d" },
            },
            ["intent"] = "order",
            ["category"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/medicationrequest-category", ["code"] = "community" }),
            },
            ["medicationCodeableConcept"] = new JsonObject
            {
                ["text"] = "Azathioprine 50 MG Oral Tablet",
                ["coding"] = new JsonArray(new JsonObject { ["display"] = "Azathioprine 50 MG Oral Tablet", ["system"] = FhirData.RxNorm, ["code"] = "197388" }),
            },
        };
        var request = FhirData.Request(
            "order-select",
            FhirData.OrderContext(FhirData.Drafts(draft), "MedicationRequest/request-123"),
            FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Where(c => c.GetProperty("indicator").GetString() == "critical").Select(Spec.RuleId)
            .Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
        text.Should().NotContain("50 MG").And.NotContain("50 mg").And.NotContain("{pill}").And.NotContain("30 days");
    }

    [Fact]
    public async Task OrderSelect_FromPamaImaging_AServiceRequestDraftWithAnEmptyCoding_AnswersNoCards()
    {
        // The sandbox's PAMA Imaging screen fires order-select with a ServiceRequest draft whose study is not chosen
        // yet: "code": {"coding": [{}]}. Not a medicine, so no cards, even for a patient who takes azathioprine.
        using var factory = new CdsHooksFactory();
        var draft = new JsonObject
        {
            ["resourceType"] = "ServiceRequest",
            ["id"] = "example-request-id",
            ["status"] = "draft",
            ["intent"] = "plan",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject()) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + FhirData.PatientId },
            ["reasonCode"] = new JsonArray(),
        };
        var aza = FhirData.MedicationRequest("aza", "active", "1256", "azathioprine", authoredOn: "2025-01-10");
        var request = FhirData.Request(
            "order-select",
            FhirData.OrderContext(FhirData.Drafts(draft), "ServiceRequest/example-request-id"),
            FhirData.Prefetch(medicationRequests: [aza, FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, _, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", request);

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
    }
}
