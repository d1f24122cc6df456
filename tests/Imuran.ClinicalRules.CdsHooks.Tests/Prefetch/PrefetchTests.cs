using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Prefetch;

public class PrefetchTests
{
    private static void AllowEhr(CdsHooksOptions o) => o.AllowedFhirServers.Add("https://ehr.example.org/fhir");

    private static JsonObject AzaSignWithout(JsonObject? prefetch) =>
        FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), prefetch);

    /// <summary>A FHIR server holding the TPMT-poor patient on allopurinol.</summary>
    private static HttpResponseMessage Serve(HttpRequestMessage request)
    {
        var path = request.RequestUri!.PathAndQuery;
        JsonNode body = path switch
        {
            _ when path.StartsWith("/fhir/Patient/", StringComparison.Ordinal) => FhirData.Patient(),
            _ when path.StartsWith("/fhir/MedicationRequest?", StringComparison.Ordinal) => FhirData.Bundle(FhirData.Allopurinol()),
            _ when path.StartsWith("/fhir/Observation?", StringComparison.Ordinal) && path.Contains("363779003", StringComparison.Ordinal) => FhirData.Bundle(FhirData.TpmtPoor()),
            _ => FhirData.Bundle(),
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/fhir+json") };
    }

    [Fact]
    public async Task FetchedAnswersTogetherLargerThanTheReadersDefault_AreStillRead()
    {
        // Stop 30 (helper review): each answer was within MaxFhirResponseBytes (4 MiB), but the call's payload, read as
        // one Bundle, passed the FHIR reader's default 16 MiB, so a patient with a long record got a 412 "could not be
        // read". Every part of it was already bounded by the service's own limits.
        var padding = new string('x', 3_500_000);
        var fhir = new FakeFhirServer
        {
            Respond = r =>
            {
                var answer = Serve(r);
                var text = answer.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                var node = JsonNode.Parse(text)!.AsObject();
                node["meta"] = new JsonObject { ["tag"] = new JsonArray(new JsonObject { ["display"] = padding }) };
                return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/fhir+json") };
            },
        };
        using var factory = new CdsHooksFactory(AllowEhr, fhir);
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        fhir.Calls.Should().BeGreaterThan(5, "more than 16 MiB was fetched in all");
        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().Contain(c => c.GetProperty("indicator").GetString() == "critical");
    }

    [Fact]
    public async Task MissingPrefetch_WithoutFhirServer_Answers412WithAnOperationOutcome()
    {
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithout(prefetch: null));

        status.Should().Be(412);
        Spec.AssertOperationOutcome(body);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().Contain("Patient/" + FhirData.PatientId);
    }

    [Theory]
    [InlineData("123", "a number")]
    [InlineData("\"Patient/p1\"", "a string")]
    [InlineData("[]", "an array")]
    public async Task PatientPrefetchThatIsNotAResource_Answers412SayingSo(string value, string kind)
    {
        // Stop 28: the diagnostics said "not in prefetch" of a value that was there, but not a resource.
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch();
        prefetch["patient"] = JsonNode.Parse(value);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithout(prefetch));

        status.Should().Be(412);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should()
            .Contain($"patient: the prefetch value is {kind}, not a FHIR resource, and no fhirServer to fetch it from").And.NotContain("not in prefetch");
    }

    [Fact]
    public async Task PatientReadFoundNothing_Answers412()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch();
        prefetch["patient"] = null;

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithout(prefetch));

        status.Should().Be(412);
        Spec.AssertOperationOutcome(body);
    }

    [Fact]
    public async Task MissingPrefetch_WithFhirServer_IsFetchedWithTheAccessToken()
    {
        using var factory = new CdsHooksFactory(AllowEhr, new FakeFhirServer { Respond = Serve });
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";
        request["fhirAuthorization"] = new JsonObject { ["access_token"] = "opaque-token", ["token_type"] = "Bearer", ["expires_in"] = 300, ["scope"] = "user/*.read", ["subject"] = "imuran" };

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        factory.Fhir.Calls.Should().Be(8, "every prefetch key was missing");
        factory.Fhir.LastAuthorization.Should().Be("Bearer opaque-token");
        Spec.AssertCardsResponse(body).Where(c => c.GetProperty("indicator").GetString() == "critical").Select(Spec.RuleId)
            .Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
        text.Should().NotContain("Computed from incomplete data");
        text.Should().NotContain("opaque-token");
    }

    [Fact]
    public async Task PrefetchKeyMissing_AndNoFhirServer_CardsSaySoAndNameTheData()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]);
        prefetch.Remove("labs");

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithout(prefetch));

        status.Should().Be(200);
        var cards = Spec.AssertCardsResponse(body);
        cards.Should().NotBeEmpty();
        cards.Should().OnlyContain(c => c.GetProperty("detail").GetString()!.StartsWith("**Computed from incomplete data.**", StringComparison.Ordinal)
            && c.GetProperty("detail").GetString()!.Contains("labs: not in prefetch"));
    }

    [Fact]
    public async Task FhirServerFailsForOneSearch_CardsSaySo()
    {
        var fhir = new FakeFhirServer
        {
            Respond = r => r.RequestUri!.PathAndQuery.Contains("category=laboratory", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
                : Serve(r),
        };
        using var factory = new CdsHooksFactory(AllowEhr, fhir);
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("labs: the FHIR server answered HTTP 500"));
    }

    // No clock in the assertions and no wall-clock wait: the server never answers, and the service's clock is a fake
    // one, so only the service's own fetch timeout, reached by advancing that clock, can end the call. The server then
    // saw its request cancelled, and the cards name the missing data with the configured time. (Without the timeout the
    // held request is answered after FakeFhirServer's hold limit, and AnsweredAfterHolding fails the test.)
    [Fact]
    public async Task FhirServerThatNeverAnswers_IsCutOffByTheFetchTimeoutAndTheCardsSaySo()
    {
        var time = new FakeTimeProvider(CdsHooksFactory.Now);
        var fhir = new FakeFhirServer { Respond = Serve, NeverAnswers = true };
        using var factory = new CdsHooksFactory(o => { AllowEhr(o); o.FhirFetchTimeout = TimeSpan.FromMilliseconds(300); }, fhir, time);
        var prefetch = FhirData.Prefetch();
        prefetch.Remove("pgx");
        var request = AzaSignWithout(prefetch);
        request["fhirServer"] = "https://ehr.example.org/fhir";
        var client = factory.CreateClient();

        var call = Spec.PostAsync(client, Spec.Prefix + "order-sign", request);
        await fhir.Holding.WaitAsync(TimeSpan.FromSeconds(30)); // a bound on a hang only: the request reached the server
        time.Advance(TimeSpan.FromMilliseconds(300));
        var (status, body, _) = await call;

        status.Should().Be(200);
        fhir.Calls.Should().Be(1, "only pgx was missing from the prefetch");
        fhir.Cancelled.Should().Be(1, "the service gave up on the request it sent");
        fhir.AnsweredAfterHolding.Should().Be(0, "no request waited for the server");
        Spec.AssertCardsResponse(body).Should().NotBeEmpty()
            .And.OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("pgx: the FHIR server did not answer within 300 ms"));
    }

    // Brief e, item 4: the fetch timeout ran on the wall clock (CancelAfter), while the service takes time from its
    // TimeProvider. With a fake one, only advancing it can end the call: a 10-second timeout (the longest accepted) fires at
    // once, and not before.
    [Fact]
    public async Task FhirServerThatNeverAnswers_IsCutOffWhenTheServicesTimeProviderReachesTheFetchTimeout()
    {
        var time = new FakeTimeProvider(CdsHooksFactory.Now);
        var fhir = new FakeFhirServer { Respond = Serve, NeverAnswers = true };
        using var factory = new CdsHooksFactory(o => { AllowEhr(o); o.FhirFetchTimeout = TimeSpan.FromSeconds(10); }, fhir, time);
        var prefetch = FhirData.Prefetch();
        prefetch.Remove("pgx");
        var request = AzaSignWithout(prefetch);
        request["fhirServer"] = "https://ehr.example.org/fhir";
        var client = factory.CreateClient();

        var call = Spec.PostAsync(client, Spec.Prefix + "order-sign", request);
        await fhir.Holding.WaitAsync(TimeSpan.FromSeconds(30)); // a bound on a hang only: the request reached the server
        time.Advance(TimeSpan.FromSeconds(9));
        call.IsCompleted.Should().BeFalse("the fake clock has not reached the fetch timeout");
        fhir.Cancelled.Should().Be(0);
        time.Advance(TimeSpan.FromSeconds(1));
        var (status, body, _) = await call;

        status.Should().Be(200);
        fhir.Cancelled.Should().Be(1, "the service gave up on the request when its clock reached the timeout");
        fhir.AnsweredAfterHolding.Should().Be(0, "no request waited for the server (the wall clock did not end it)");
        Spec.AssertCardsResponse(body).Should().NotBeEmpty()
            .And.OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("pgx: the FHIR server did not answer within 10000 ms"));
    }

    [Fact]
    public async Task FhirServerNotOnTheAllowList_IsNotCalled()
    {
        using var factory = new CdsHooksFactory(o => o.AllowedFhirServers.Add("https://ehr.example.org/"), new FakeFhirServer { Respond = Serve });
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "http://169.254.169.254/latest";

        var (status, _, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(412);
        factory.Fhir.Calls.Should().Be(0);
    }

    [Fact]
    public async Task FhirServer_ByDefault_IsNeverCalledAndAMissingPatientIs412NamingTheAllowList()
    {
        using var factory = new CdsHooksFactory(fhir: new FakeFhirServer { Respond = Serve });
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(412);
        Spec.AssertOperationOutcome(body);
        text.Should().Contain("AllowedFhirServers").And.Contain("\"forbidden\"");
        factory.Fhir.Calls.Should().Be(0, "an empty AllowedFhirServers allows no server (no request forgery by default)");
    }

    [Fact]
    public async Task FhirServer_NotAllowed_OtherDataMissing_CardsNameTheGapWithoutFetching()
    {
        using var factory = new CdsHooksFactory(fhir: new FakeFhirServer { Respond = Serve });
        var prefetch = FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]);
        prefetch.Remove("labs");
        var request = AzaSignWithout(prefetch);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        factory.Fhir.Calls.Should().Be(0);
        Spec.AssertCardsResponse(body).Should().OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("labs: not in prefetch, and the fhirServer given is not one this service may read"));
    }

    // Failed before: the allow-list was a plain string prefix, so "https://ehr.example.org" let a look-alike host through.
    [Fact]
    public async Task FhirServer_LookAlikeHostOfAnAllowedOne_IsNotCalled()
    {
        using var factory = new CdsHooksFactory(o => o.AllowedFhirServers.Add("https://ehr.example.org"), new FakeFhirServer { Respond = Serve });
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "https://ehr.example.org.attacker.test/fhir";

        var (status, _, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(412);
        factory.Fhir.Calls.Should().Be(0);
    }

    [Theory]
    [InlineData("https://ehr.example.org/fhir", "https://ehr.example.org/fhir", true)]
    [InlineData("https://ehr.example.org/fhir/", "https://ehr.example.org/fhir", true)]
    [InlineData("https://ehr.example.org/fhir", "https://EHR.example.org/fhir/r4", true)]
    [InlineData("https://ehr.example.org/fhir", "https://ehr.example.org/fhir-other", false)]
    [InlineData("https://ehr.example.org/fhir", "https://ehr.example.org/", false)]
    [InlineData("https://ehr.example.org", "https://ehr.example.org.attacker.test/", false)]
    [InlineData("https://ehr.example.org", "http://ehr.example.org/", false)]
    [InlineData("https://ehr.example.org", "https://ehr.example.org:8443/", false)]
    [InlineData("https://ehr.example.org", "https://user@attacker.test/", false)]
    [InlineData("*", "http://169.254.169.254/latest", true)]
    [InlineData("not a url", "https://ehr.example.org/", false)]
    public void IsAllowed_Entry_MatchesByOriginAndPathSegments(string entry, string server, bool allowed) =>
        Imuran.ClinicalRules.CdsHooks.Prefetch.PrefetchResolver.IsAllowed(new Uri(server), new[] { entry }).Should().Be(allowed);

    [Fact]
    public void IsAllowed_EmptyList_AllowsNothing() =>
        Imuran.ClinicalRules.CdsHooks.Prefetch.PrefetchResolver.IsAllowed(new Uri("https://ehr.example.org/fhir"), Array.Empty<string>()).Should().BeFalse();

    [Fact]
    public async Task PagedSearchResult_CardsSayOnlyThePageWasRead()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch(pgx: [FhirData.TpmtPoor()]);
        ((JsonObject)prefetch["labs"]!)["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = "https://ehr.example.org/fhir/Observation?page=2" });

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithout(prefetch));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("only this page was read"));
    }

    [Fact]
    public async Task PrefetchOfAnotherPatient_Answers412()
    {
        using var factory = new CdsHooksFactory();
        var prefetch = FhirData.Prefetch();
        prefetch["pgx"] = FhirData.Bundle(FhirData.Patient("someone-else"));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", AzaSignWithout(prefetch));

        status.Should().Be(412, "the facts of two people must never be mixed");
        Spec.AssertOperationOutcome(body);
    }

    [Theory]
    [InlineData(70, true)]
    [InlineData(64, false)]
    public async Task FhirServerAnswerNestedTooDeep_CardsSaySoNotMalformed(int depth, bool tooDeep)
    {
        // QA, stop 25: a well-formed answer nested more than 64 levels deep was reported as "not well-formed JSON" (the
        // request body path already says it is nested too deeply).
        var nested = "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"extension\":" + new string('[', depth - 1) + new string(']', depth - 1) + "}";

        var (status, body, text) = await SignWithLabsAnsweredAsync(nested);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().NotBeEmpty();
        if (tooDeep)
        {
            Spec.AssertCardsResponse(body).Should().OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("labs: the FHIR server's answer is nested more than 64 levels deep"));
            text.Should().NotContain("well-formed");
        }
        else
        {
            text.Should().NotContain("nested").And.NotContain("well-formed");
        }
    }

    [Theory]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o\\ud800\",\"status\":\"final\"}}]}")]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[{\"resource\":{\"\\udfff\":1,\"resourceType\":\"Observation\",\"id\":\"o\",\"status\":\"final\"}}]}")]
    public async Task FhirServerAnswerWithALoneSurrogateEscape_CardsSaySo_Not500(string answer)
    {
        // Fuzzing, stop 30: a lone surrogate escape in a hook request threw (a 500); the FHIR server's answer is read
        // by the same code, so one there is refused as that fetch's gap, as an answer that is not UTF-8 already was.
        var (status, body, _) = await SignWithLabsAnsweredAsync(answer);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Should().NotBeEmpty()
            .And.OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("labs: the FHIR server's answer holds text that is not valid Unicode"));
    }

    /// <summary>An azathioprine order-sign with no prefetch, fetched from a FHIR server that answers the labs search with <paramref name="labsAnswer"/>.</summary>
    private static async Task<(int Status, System.Text.Json.JsonElement Body, string Text)> SignWithLabsAnsweredAsync(string labsAnswer)
    {
        var fhir = new FakeFhirServer
        {
            Respond = r => r.RequestUri!.PathAndQuery.Contains("category=laboratory", StringComparison.Ordinal)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(labsAnswer, Encoding.UTF8, "application/fhir+json") }
                : Serve(r),
        };
        using var factory = new CdsHooksFactory(AllowEhr, fhir);
        var request = AzaSignWithout(prefetch: null);
        request["fhirServer"] = "https://ehr.example.org/fhir";

        return await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);
    }
}
