using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>
/// AZA-VAC-001 through the hooks (QA, 2 Dec): the prefetch asked for no immunizations, so a recent live vaccine was never
/// seen and nothing said vaccines were not checked; and a live vaccine in the draft orders (an Immunization, or a
/// MedicationRequest coded with CVX) for a patient on azathioprine gave no card.
/// </summary>
public class LiveVaccineTests
{
    private static JsonObject ActiveAzathioprine() => FhirData.MedicationRequest("aza", "active", "1256", "azathioprine", authoredOn: "2025-01-10");

    private static JsonObject Mmr(string date = "2026-11-15") => FhirData.Immunization("mmr", "completed", "03", "MMR", date);

    [Fact]
    public async Task PatientView_ImmunizationsFetchedFromFhirServer_RecentLiveVaccineRaisesAzaVac001()
    {
        var fhir = new FakeFhirServer
        {
            Respond = r =>
            {
                var path = r.RequestUri!.PathAndQuery;
                JsonNode body = path switch
                {
                    _ when path.StartsWith("/fhir/Patient/", StringComparison.Ordinal) => FhirData.Patient(),
                    _ when path.StartsWith("/fhir/MedicationRequest?", StringComparison.Ordinal) => FhirData.Bundle(ActiveAzathioprine()),
                    _ when path.StartsWith("/fhir/Immunization?patient=" + FhirData.PatientId, StringComparison.Ordinal) => FhirData.Bundle(Mmr()),
                    _ => FhirData.Bundle(),
                };
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/fhir+json") };
            },
        };
        using var factory = new CdsHooksFactory(o => o.AllowedFhirServers.Add("https://ehr.example.org/fhir"), fhir);
        var request = FhirData.Request("patient-view", FhirData.PatientContext(), prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-VAC-001");
        text.Should().NotContain("Computed from incomplete data");
    }

    [Fact]
    public async Task PatientView_ImmunizationsPrefetched_RecentLiveVaccineRaisesAzaVac001()
    {
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()], immunizations: [Mmr()]));

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-VAC-001");
        text.Should().NotContain("Computed from incomplete data");
    }

    [Fact]
    public async Task PatientView_ImmunizationsNotPrefetchedAndNoFhirServer_CardsSayVaccinesWereNotChecked()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()], pgx: [FhirData.TpmtPoor()]);
        prefetch.Remove("immunizations");

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(200);
        var cards = Spec.AssertCardsResponse(body);
        cards.Should().NotBeEmpty();
        cards.Should().OnlyContain(c => c.GetProperty("detail").GetString()!.StartsWith("**Computed from incomplete data.**", StringComparison.Ordinal)
            && c.GetProperty("detail").GetString()!.Contains("immunizations: not in prefetch"));
    }

    [Fact]
    public async Task PatientView_ImmunizationsPrefetchIsAnOperationOutcome_CardsSaySo()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()], pgx: [FhirData.TpmtPoor()]);
        prefetch["immunizations"] = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "forbidden", ["diagnostics"] = "Immunization search not permitted" }),
        };

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().NotBeEmpty()
            .And.OnlyContain(c => c.GetProperty("detail").GetString()!.StartsWith("**Computed from incomplete data.**", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("order-sign")]
    [InlineData("order-select")]
    public async Task OrderHook_DraftLiveVaccineImmunization_ForPatientOnAzathioprine_RaisesAzaVac001AsPlanned(string hook)
    {
        using var factory = new CdsHooksFactory();
        var draft = FhirData.Immunization("mmr-draft", "not-done", "03", "MMR", date: null);
        var request = FhirData.Request(hook, FhirData.OrderContext(FhirData.Drafts(draft)), FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, request);

        status.Should().Be(200);
        var card = Spec.AssertCardsResponse(body).Should().ContainSingle(c => Spec.RuleId(c) == "AZA-VAC-001").Subject;
        card.GetProperty("detail").GetString().Should().Contain("MMR (CVX 03), planned", "a draft Immunization is being ordered, whatever its status (here not-done, undated)");
    }

    [Theory]
    [InlineData("order-sign", "draft")]
    [InlineData("order-select", "draft")]
    [InlineData("order-sign", "active")]
    public async Task OrderHook_DraftLiveVaccineCodedCvxInAMedicationRequest_ForPatientOnAzathioprine_RaisesAzaVac001(string hook, string status)
    {
        using var factory = new CdsHooksFactory();
        var draft = FhirData.VaccineRequest("mmr-order", status, "03", "MMR");
        var request = FhirData.Request(hook, FhirData.OrderContext(FhirData.Drafts(draft)), FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()]));

        var (code, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, request);

        code.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-VAC-001");
        text.Should().NotContain("not recognised").And.NotContain("not checked");
    }

    [Fact]
    public async Task OrderSign_DraftLiveVaccine_ForPatientNotOnAzathioprine_GivesNoCards()
    {
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.VaccineRequest("mmr-order", "draft", "03", "MMR"))), FhirData.Prefetch());

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().BeEmpty();
    }

    [Fact]
    public async Task OrderSign_DraftInactivatedInfluenzaVaccine_ForPatientOnAzathioprine_GivesNoAzaVac001()
    {
        using var factory = new CdsHooksFactory();
        var drafts = FhirData.Drafts(
            FhirData.Immunization("flu-draft", "completed", "141", "Influenza, seasonal, injectable", date: null),
            FhirData.VaccineRequest("flu-order", "draft", "141", "Influenza, seasonal, injectable"));
        var request = FhirData.Request("order-sign", FhirData.OrderContext(drafts), FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().NotContain("AZA-VAC-001");
    }
}
