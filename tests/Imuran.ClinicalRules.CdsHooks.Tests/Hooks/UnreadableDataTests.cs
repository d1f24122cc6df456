using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>
/// QA, 2 Dec: data the service could not read gave an empty or a complete-looking answer. Unknown is not normal: each
/// case here is a finding of its own (an incomplete-data banner, a card, or a refusal naming the field).
/// </summary>
public class UnreadableDataTests
{
    private const string RxNorm = FhirData.RxNorm;

    private static JsonObject Allopurinol(JsonObject medication)
    {
        var order = FhirData.Allopurinol();
        order.Remove("medicationCodeableConcept");
        foreach (var member in medication)
        {
            order[member.Key] = member.Value?.DeepClone();
        }

        return order;
    }

    public static TheoryData<string, string> UnidentifiableMedicines => new()
    {
        { "unresolved reference", """{"medicationReference":{"reference":"Medication/med-allopurinol"}}""" },
        { "code as a number", "{\"medicationCodeableConcept\":{\"coding\":[{\"system\":\"" + RxNorm + "\",\"code\":519}]}}" },
        { "coding as an object", "{\"medicationCodeableConcept\":{\"coding\":{\"system\":\"" + RxNorm + "\",\"code\":\"519\"}}}" },
        { "concept as a string", """{"medicationCodeableConcept":"Allopurinol 300 mg"}""" },
    };

    [Theory]
    [MemberData(nameof(UnidentifiableMedicines))]
    public async Task ActiveOrderWhoseMedicineCannotBeIdentified_CardsSayComputedFromIncompleteData(string why, string medication)
    {
        using var factory = new CdsHooksFactory();
        var allopurinol = Allopurinol(JsonNode.Parse(medication)!.AsObject());
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [allopurinol], pgx: [FhirData.TpmtPoor()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200, why);
        var details = Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).ToList();
        details.Should().NotBeEmpty(why).And.OnlyContain(d =>
            d.StartsWith("**Computed from incomplete data.**", System.StringComparison.Ordinal)
            && d.Contains("MedicationRequest/allo") && d.Contains("medication"), why);
        details.Should().OnlyContain(d => !d.Contains("300"), why);
    }

    [Theory]
    [MemberData(nameof(UnidentifiableMedicines))]
    public async Task DraftOrderWhoseMedicineCannotBeIdentified_GetsACardSayingItWasNotChecked(string why, string medication)
    {
        using var factory = new CdsHooksFactory();
        var draft = FhirData.AzathioprineDraft();
        draft.Remove("medicationCodeableConcept");
        foreach (var member in JsonNode.Parse(medication)!.AsObject())
        {
            draft[member.Key] = member.Value?.DeepClone();
        }

        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(draft)), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200, why);
        var card = Spec.AssertCardsResponse(body).Should().ContainSingle(c => Spec.RuleId(c) == "DRAFT-NOT-CHECKED", why).Subject;
        card.GetProperty("indicator").GetString().Should().Be("warning");
        card.GetProperty("summary").GetString().Should().Contain("could not be checked");
        var detail = card.GetProperty("detail").GetString()!;
        detail.Should().Contain("MedicationRequest/aza-draft").And.Contain("medication").And.NotContain("300");
    }

    [Theory]
    [InlineData("a string", "\"draft\"", "context.draftOrders")]
    [InlineData("null", "null", "context.draftOrders")]
    [InlineData("missing", null, "context.draftOrders")]
    [InlineData("a number", "5", "context.draftOrders")]
    [InlineData("an entry without the resource wrapper", """{"resourceType":"Bundle","type":"collection","entry":[{"resourceType":"MedicationRequest","id":"a","status":"draft","intent":"order","medicationCodeableConcept":{"text":"azathioprine"}}]}""", "context.draftOrders.entry[0].resource")]
    [InlineData("a resource without resourceType", """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"id":"a","status":"draft","intent":"order","medicationCodeableConcept":{"text":"azathioprine"}}}]}""", "context.draftOrders.entry[0].resource.resourceType")]
    [InlineData("entry not an array", """{"resourceType":"Bundle","type":"collection","entry":{"resource":{"resourceType":"MedicationRequest"}}}""", "context.draftOrders.entry")]
    public async Task OrderSign_MalformedDraftOrders_Answers400NamingTheField(string why, string? draftOrders, string field)
    {
        using var factory = new CdsHooksFactory();
        var context = FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft()));
        context.Remove("draftOrders");
        if (draftOrders is not null)
        {
            context["draftOrders"] = JsonNode.Parse(draftOrders);
        }

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", FhirData.Request("order-sign", context, FhirData.Prefetch()));

        status.Should().Be(400, why);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Be(field, why);
    }

    [Theory]
    [InlineData("missing", null)]
    [InlineData("null", "null")]
    [InlineData("a string", "\"draft\"")]
    public async Task OrderSelect_WithoutReadableDraftOrders_Answers400NamingTheField(string why, string? draftOrders)
    {
        // CDS Hooks order-select: context.draftOrders is required (1..1, a Bundle), as on order-sign. QA, 2 Dec: without
        // it the call answered an empty list of cards, as if the orders had been checked.
        using var factory = new CdsHooksFactory();
        var context = FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft()), "MedicationRequest/aza-draft");
        context.Remove("draftOrders");
        if (draftOrders is not null)
        {
            context["draftOrders"] = JsonNode.Parse(draftOrders);
        }

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-select", FhirData.Request("order-select", context, FhirData.Prefetch()));

        status.Should().Be(400, why);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Be("context.draftOrders", why);
    }

    [Theory]
    [InlineData("""{"search":{"mode":"match"}}""", "has no resource")]
    [InlineData("""{"resource":"MedicationRequest/allo"}""", "should be a resource object")]
    public async Task PrefetchBundleEntryWithoutResource_CardsSayComputedFromIncompleteData(string entry, string named)
    {
        // A prefetch search whose entry gives no resource: what it held (an interacting medicine, perhaps) was not read.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(pgx: [FhirData.TpmtPoor()]);
        var orders = FhirData.Bundle(FhirData.Allopurinol());
        orders["entry"]!.AsArray().Add(JsonNode.Parse(entry));
        prefetch["medicationRequests"] = orders;
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), prefetch);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        var details = Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).ToList();
        details.Should().NotBeEmpty().And.OnlyContain(d =>
            d.StartsWith("**Computed from incomplete data.**", System.StringComparison.Ordinal) && d.Contains("entry\\[1\\]") && d.Contains(named));
    }

    [Theory]
    [InlineData("""{"resource":"Observation/tpmt"}""")]
    [InlineData("""{"resource":null}""")]
    public async Task PrefetchValueWrappingNoResource_CardsSayComputedFromIncompleteData(string value)
    {
        // An entry-like prefetch value ({"resource": ...}) whose resource is not a resource object was dropped before
        // the FHIR reader saw it: the cards did not say that the prefetch (here the TPMT results) was not read.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()]);
        prefetch["pgx"] = JsonNode.Parse(value);
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), prefetch);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        var details = Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).ToList();
        details.Should().NotBeEmpty().And.OnlyContain(d => d.StartsWith("**Computed from incomplete data.**", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("order-sign")]
    [InlineData("patient-view")]
    public async Task PrefetchedPatientOfAnotherId_Answers412NamingTheMismatch(string hook)
    {
        using var factory = new CdsHooksFactory();
        var context = hook == "patient-view" ? FhirData.PatientContext() : FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft()));
        var aza = FhirData.MedicationRequest("aza", "active", "1256", "azathioprine");
        var prefetch = FhirData.Prefetch(patient: FhirData.Patient(id: "someone-else"), medicationRequests: [aza, FhirData.Allopurinol()]);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + (hook == "patient-view" ? "patient-view" : "order-sign"), FhirData.Request(hook, context, prefetch));

        status.Should().Be(412);
        Spec.AssertOperationOutcome(body);
        var issue = body.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be("prefetch.patient");
        issue.GetProperty("diagnostics").GetString().Should().Contain("Patient/someone-else").And.Contain(FhirData.PatientId);
    }

    [Theory]
    [InlineData("medication-prescribe", "medications", "5", "context.medications[1]")]
    [InlineData("medication-prescribe", "medications", "\"MedicationRequest/allo\"", "context.medications[1]")]
    [InlineData("medication-prescribe", "medications", "null", "context.medications[1]")]
    [InlineData("medication-prescribe", "medications", "[]", "context.medications[1]")]
    [InlineData("medication-prescribe", "draftOrders", "true", "context.draftOrders[1]")]
    [InlineData("medication-verify", "order", "5", "context.order[1]")]
    [InlineData("medication-verify", "medication", "\"x\"", "context.medication[1]")]
    public async Task OlderHook_DraftArrayWithAnItemNotAnObject_Answers400NamingTheItem(string hook, string member, string item, string field)
    {
        // QA, stop 25: the older hooks' draft arrays dropped items that are not objects in silence (the order they stood
        // for was never checked); order-sign and order-select refuse a draftOrders entry that is not an object.
        using var factory = new CdsHooksFactory();
        var context = FhirData.PatientContext();
        context[member] = new JsonArray(FhirData.AzathioprineDraft(), JsonNode.Parse(item));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, FhirData.Request(hook, context, FhirData.Prefetch(pgx: [FhirData.TpmtPoor()])));

        status.Should().Be(400);
        Spec.AssertOperationOutcome(body);
        var issue = body.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be(field);
        issue.GetProperty("diagnostics").GetString().Should().Contain(field).And.Contain("object");
    }

    [Theory]
    [InlineData("medication-prescribe", "medications", "5")]
    [InlineData("medication-prescribe", "medications", "\"MedicationRequest/aza\"")]
    [InlineData("medication-verify", "order", "true")]
    public async Task OlderHook_DraftMemberNeitherAResourceNorAnArray_Answers400NamingTheField(string hook, string member, string value)
    {
        // Was skipped in silence: the call was answered as if no order had been written.
        using var factory = new CdsHooksFactory();
        var context = FhirData.PatientContext();
        context[member] = JsonNode.Parse(value);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + hook, FhirData.Request(hook, context, FhirData.Prefetch(pgx: [FhirData.TpmtPoor()])));

        status.Should().Be(400);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("expression")[0].GetString().Should().Be("context." + member);
    }

    [Theory]
    [InlineData("preliminary")]
    [InlineData("unknown")]
    [InlineData(null)]
    public async Task PoorMetaboliserResultNotFinal_CardsSayComputedFromIncompleteDataAndNameIt(string? status)
    {
        // QA, stop 25: a TPMT result not yet final was "ignored": AZA-PGX-009 ("no result") was answered as if no test
        // existed, and nothing said a result was on file.
        using var factory = new CdsHooksFactory();
        var tpmt = FhirData.TpmtPoor();
        tpmt.Remove("status");
        if (status is not null)
        {
            tpmt["status"] = status;
        }

        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(pgx: [tpmt]));

        var (code, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        code.Should().Be(200);
        var details = Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).ToList();
        details.Should().NotBeEmpty().And.OnlyContain(d =>
            d.StartsWith("**Computed from incomplete data.**", System.StringComparison.Ordinal) && d.Contains("Observation/tpmt") && d.Contains("final"));
    }
}
