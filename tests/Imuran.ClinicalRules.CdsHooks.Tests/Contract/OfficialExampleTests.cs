using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Contract;

/// <summary>The official example requests (Examples/, with provenance), as sent and adapted to carry azathioprine.</summary>
public class OfficialExampleTests
{
    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file)))!.AsObject();

    /// <summary>The hook pages give only the context: wrap it as a call.</summary>
    private static JsonObject Wrap(string hook, JsonObject fragment) => new()
    {
        ["hookInstance"] = "2f3c1b9e-7c1a-4e6f-9a51-0c6a4f0d3e21",
        ["hook"] = hook,
        ["context"] = fragment["context"]!.DeepClone(),
    };

    private static JsonObject PatientFor(string id) => FhirData.Patient(id, "female", "1970-01-01");

    [Theory]
    [InlineData("order-select__00__example-r4.json", "order-select")]
    [InlineData("order-sign__00__example-r4.json", "order-sign")]
    [InlineData("medication-verify__00__example-r4.json", "medication-verify")]
    public async Task HookPageExample_AsSent_AnswersAConformantResponse(string file, string hook)
    {
        using var factory = new CdsHooksFactory();
        var request = Wrap(hook, Load(file));
        request["prefetch"] = new JsonObject { ["patient"] = PatientFor("1288992") };

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, request);

        status.Should().Be(200, text);
        Spec.AssertCardsResponse(body).Should().BeEmpty("no azathioprine anywhere (amoxicillin/clavulanate, a diet order)");
    }

    [Theory]
    [InlineData("order-select__00__example-r4.json", "order-select")]
    [InlineData("order-sign__00__example-r4.json", "order-sign")]
    [InlineData("medication-verify__00__example-r4.json", "medication-verify")]
    public async Task HookPageExample_AdaptedToOrderAzathioprine_AnswersCards(string file, string hook)
    {
        using var factory = new CdsHooksFactory();
        var request = Wrap(hook, Load(file));
        var text = request.ToJsonString()
            .Replace("\"617993\"", "\"1256\"", StringComparison.Ordinal)
            .Replace("Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension", "azathioprine", StringComparison.Ordinal);
        request = JsonNode.Parse(text)!.AsObject();
        request["prefetch"] = FhirData.Prefetch(FhirData.Patient("1288992"));
        text.Should().Contain("\"1256\"", "the example's order was switched to azathioprine");

        var (status, body, answer) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, request);

        status.Should().Be(200, answer);
        var cards = Spec.AssertCardsResponse(body);
        cards.Should().NotBeEmpty("TPMT and NUDT15 status unknown before starting azathioprine is a finding of its own");
        answer.Should().NotContain("MG/ML").And.NotContain("5 mL");
    }

    [Fact]
    public async Task PatientViewExample_FromTheFhirToolsIg_AnswersNoCardsForAPatientNotOnAzathioprine()
    {
        using var factory = new CdsHooksFactory(
            o => o.AllowedFhirServers.Add("http://hooks.smarthealthit.org:9080"),
            new FakeFhirServer { Respond = _ => new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new System.Net.Http.StringContent("{\"resourceType\":\"Bundle\",\"type\":\"searchset\"}") } });
        var request = Load("Binary-CDSHooksRequestPV.json");

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", request);

        status.Should().Be(200, text);
        Spec.AssertCardsResponse(body).Should().BeEmpty();
        factory.Fhir.Calls.Should().Be(8, "its prefetch holds only 'patientToGreet', so the service fetched the rest from its fhirServer");
        factory.Fhir.LastAuthorization.Should().Be("Bearer some-opaque-fhir-access-token");
    }

    [Fact]
    public async Task SpecExample_PatientView_WithoutAFhirServer_Is412_SinceTheMedicationsAreNeeded()
    {
        // Stop 28: this answered 200 with no cards, as if the patient did not take azathioprine; with only the Patient
        // and no fhirServer the service cannot tell (CDS Hooks: 412 when required data cannot be obtained).
        using var factory = new CdsHooksFactory();
        var request = Load("spec-2.0.1__01__example.json");
        request.Remove("fhirServer");
        request.Remove("fhirAuthorization");

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", request);

        status.Should().Be(412);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("medicationRequests: not in prefetch").And.Contain("medicationStatements: not in prefetch");
        factory.Fhir.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("warfarin-nsaids-order-select-no-coordination.json", "order-select")]
    [InlineData("warfarin-nsaids-order-sign-no-coordination.json", "order-sign")]
    public async Task PddiExample_WithLegacyMembersAndDstu3Data_GetsAClearAnswer(string file, string hook)
    {
        using var factory = new CdsHooksFactory();
        var request = Load(file);
        request["prefetch"]!.AsObject()["patient"] = PatientFor("f101");

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, request);

        // Unknown members (user, patient, extension) are ignored; the prefetch is DSTU3, which the R4 reader refuses by name.
        status.Should().Be(412, text);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("R4");
    }

    [Fact]
    public void OfficialResponseExample_PassesTheInvariantChecks()
    {
        // The checks are the ones every answer of this service goes through; the official example must pass them too
        // (its one card without a uuid aside: uuid is optional in the spec, required here for feedback).
        var example = Load("Binary-CDSHooksResponse.json");
        foreach (var card in example["cards"]!.AsArray())
        {
            card!.AsObject()["uuid"] ??= "a6f1b6c5-0b9b-4a47-8a2b-0a2a4c8f1e11";
        }

        var cards = Spec.AssertCardsResponse(JsonDocument.Parse(example.ToJsonString()).RootElement);

        cards.Should().HaveCount(2);
    }

    [Fact]
    public void OverrideReasons_AreTheTopLevelCodesOfTheHl7CodeSystem()
    {
        var codeSystem = Load("CodeSystem-non-adherence-reason-codes.json");
        var published = codeSystem["concept"]!.AsArray().ToDictionary(c => c!["code"]!.GetValue<string>(), c => c!["display"]!.GetValue<string>());

        Cards.OverrideReasons.All.Should().OnlyContain(r => r.System == codeSystem["url"]!.GetValue<string>());
        Cards.OverrideReasons.All.ToDictionary(r => r.Code, r => r.Display!).Should().Equal(published);
    }
}
