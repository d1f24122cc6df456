using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>patient-view speaks only for a patient who takes azathioprine: the medication orders and statements decide it.</summary>
public class PatientViewMedicationDataTests
{
    private static JsonObject ActiveAzathioprine() => FhirData.MedicationRequest("aza", "active", "1256", "azathioprine", authoredOn: "2025-01-10");

    [Theory]
    [InlineData("medicationRequests")]
    [InlineData("medicationStatements")]
    public async Task PatientView_MedicationsNotPrefetchedAndNoFhirServer_Is412NamingThem(string key)
    {
        // Stop 28: patient-view answers only for a patient who takes azathioprine, which only the medication orders and
        // statements tell. Without them (no prefetch, no fhirServer) it answered 200 with no cards: "not on azathioprine"
        // and "could not tell" looked the same. CDS Hooks: a service that cannot obtain required data answers 412.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch();
        prefetch.Remove(key);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(412);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain(key + ": not in prefetch").And.Contain("takes azathioprine");
    }

    [Fact]
    public async Task PatientView_MedicationSearchAnsweredWithAnOperationOutcome_Is412NamingIt()
    {
        // Stop 28: the EHR's search failed (an OperationOutcome stood in for the orders): still 200 with no cards.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch();
        prefetch["medicationRequests"] = new JsonObject
        {
            ["resourceType"] = "OperationOutcome",
            ["issue"] = new JsonArray(new JsonObject { ["severity"] = "error", ["code"] = "forbidden", ["diagnostics"] = "MedicationRequest search not permitted" }),
        };

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(412);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("medicationRequests: answered with an OperationOutcome");
    }

    private static JsonObject AzathioprineByReference()
    {
        var order = ActiveAzathioprine();
        order.Remove("medicationCodeableConcept");
        order["medicationReference"] = new JsonObject { ["reference"] = "Medication/aza-med" };
        return order;
    }

    [Fact]
    public async Task PatientView_ActiveOrderWhoseMedicineCannotBeIdentified_Is412NamingIt()
    {
        // Stop 28: an azathioprine order by medicationReference, its Medication not sent: the medicine could not be
        // identified, the therapy read as not recorded, and patient-view answered 200 with no cards.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [AzathioprineByReference()]);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(412);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("MedicationRequest/aza").And.Contain("could not be identified");
    }

    /// <summary>
    /// An order or statement for a medicine that cannot be identified: a medicationReference to a Medication not sent,
    /// with no display. <paramref name="status"/> <see langword="null"/> leaves the status out.
    /// </summary>
    private static JsonObject Unidentified(string resourceType, string id, string? status, string? intent)
    {
        var resource = new JsonObject
        {
            ["resourceType"] = resourceType,
            ["id"] = id,
            ["medicationReference"] = new JsonObject { ["reference"] = "Medication/not-sent" },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + FhirData.PatientId },
        };
        if (status is not null)
        {
            resource["status"] = status;
        }

        if (intent is not null)
        {
            resource["intent"] = intent;
        }

        resource[resourceType == "MedicationRequest" ? "authoredOn" : "effectiveDateTime"] = "2026-11-20";
        return resource;
    }

    private static JsonObject PrefetchWith(JsonObject resource)
    {
        var prefetch = FhirData.Prefetch();
        prefetch[resource["resourceType"]!.GetValue<string>() == "MedicationRequest" ? "medicationRequests" : "medicationStatements"] = FhirData.Bundle(resource);
        return prefetch;
    }

    [Theory]
    [InlineData("MedicationRequest", "draft", "order")]
    [InlineData("MedicationRequest", "active", "proposal")]
    [InlineData("MedicationRequest", "active", "plan")]
    [InlineData("MedicationRequest", "on-hold", "plan")]
    [InlineData("MedicationStatement", "intended", null)]
    public async Task PatientView_NotYetTakenOrderWhoseMedicineCannotBeIdentified_Is200WithNoCards(string resourceType, string orderStatus, string? intent)
    {
        // patient-view speaks only for a patient who takes azathioprine (newly started or continuing). A draft, planned
        // or proposed order, or an intended statement, is read as "considered" even when it is azathioprine, so an
        // unidentified one cannot make the patient take it: it answered 412 ("whether the patient takes azathioprine
        // cannot be told") for a patient whose medication data were all had. Nothing else shows azathioprine being
        // taken, so patient-view has nothing to say: 200, no cards, as for a patient not on azathioprine.
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), PrefetchWith(Unidentified(resourceType, "unknown", orderStatus, intent))));

        status.Should().Be(200, body.ToString());
        Spec.AssertCardsResponse(body).Should().BeEmpty();
    }

    [Theory]
    [InlineData("MedicationRequest", "active", "order")]
    [InlineData("MedicationRequest", "on-hold", "order")]
    [InlineData("MedicationRequest", null, "order")] // no status: read as active, the safe side
    [InlineData("MedicationStatement", "active", null)]
    public async Task PatientView_CurrentOrderOrStatementWhoseMedicineCannotBeIdentified_Is412NamingIt(string resourceType, string? orderStatus, string? intent)
    {
        // Boundary: an order or statement the reader would read as taken (newly started or continuing, were it
        // azathioprine) whose medicine cannot be identified still leaves "takes azathioprine" untold: 412.
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), PrefetchWith(Unidentified(resourceType, "unknown", orderStatus, intent))));

        status.Should().Be(412, body.ToString());
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain(resourceType + "/unknown").And.Contain("could not be identified");
    }

    [Fact]
    public async Task PatientView_TakesAzathioprineWithAnUnidentifiedDraft_CardsNameTheDraftAsIncompleteData()
    {
        // Boundary: the unidentified draft is still reported where cards are given: it may be a medicine that interacts
        // with azathioprine (MeansIncompleteData), so every card says it was computed without it.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [ActiveAzathioprine(), Unidentified("MedicationRequest", "unknown-draft", "draft", "order")]);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(200, body.ToString());
        Spec.AssertCardsResponse(body).Should().NotBeEmpty().And.OnlyContain(c =>
            c.GetProperty("detail").GetString()!.Contains("MedicationRequest/unknown-draft") && c.GetProperty("detail").GetString()!.Contains("could not be identified"));
    }

    [Fact]
    public async Task PatientView_OrderByReferenceWithItsMedicationIncluded_IsReadAndAnswered()
    {
        // Boundary: with the Medication in the search result (what the prefetch's _include asks for), the order is read.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [AzathioprineByReference()]);
        var medication = new JsonObject
        {
            ["resourceType"] = "Medication",
            ["id"] = "aza-med",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://www.nlm.nih.gov/research/umls/rxnorm", ["code"] = "1256", ["display"] = "azathioprine" }) },
        };
        prefetch["medicationRequests"]!["entry"]!.AsArray().Add(new JsonObject { ["resource"] = medication, ["search"] = new JsonObject { ["mode"] = "include" } });

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().NotBeEmpty();
    }

    [Fact]
    public async Task PatientView_MedicationsPrefetchedWithoutAzathioprine_IsStill200WithNoCards()
    {
        // Boundary: with both medication searches given, no azathioprine is an answer, not a gap.
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch()));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().BeEmpty();
    }

    [Fact]
    public async Task PatientView_StatementsMissingButAnActiveAzathioprineOrder_CardsSayTheGap()
    {
        // Boundary: the orders already say the patient takes it; the missing statements are a gap the cards name.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [ActiveAzathioprine()]);
        prefetch.Remove("medicationStatements");

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), prefetch));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().NotBeEmpty().And.OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("medicationStatements: not in prefetch"));
    }
}
