using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Contract;

/// <summary>Any bytes a caller can send get a clear 4xx, never a 500.</summary>
public class RequestErrorTests
{
    /// <summary>A valid hookInstance (a UUID, as the CDS Hooks specification requires), so each case fails for its own reason.</summary>
    private const string Instance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea";

    private static async Task<(HttpStatusCode Status, string Body)> PostRawAsync(HttpClient client, string path, HttpContent content)
    {
        using var response = await client.PostAsync(path, content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("\"order-sign\"")]
    [InlineData("{\"hook\":\"order-sign\"}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\"}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":[]}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{}}")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\"}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\"},\"fhirServer\":\"ftp://x\"}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\"},\"fhirAuthorization\":{\"access_token\":\"t\"}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\"},\"prefetch\":[]}")]
    public async Task Post_MalformedOrInvalidRequest_Answers400WithAnOperationOutcome(string body)
    {
        using var factory = new CdsHooksFactory();

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        Spec.AssertOperationOutcome(System.Text.Json.JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task Post_NestedDeeperThanTheLimit_Answers400()
    {
        using var factory = new CdsHooksFactory();
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var body = "{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\",\"draftOrders\":" + deep + "}}";

        var (status, _) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_NestedDeeperThanTheLimit_SaysItIsTooDeeplyNested()
    {
        // QA, 2 Dec: well-formed JSON nested 65 levels deep was called "not well-formed JSON".
        using var factory = new CdsHooksFactory();
        var deep = new string('[', 70) + new string(']', 70);
        var body = "{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\",\"draftOrders\":" + deep + "}}";

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        var diagnostics = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("issue")[0].GetProperty("diagnostics").GetString();
        diagnostics.Should().Contain("nested").And.Contain("64").And.NotContain("well-formed");
    }

    [Theory]
    [InlineData("[[[")]
    [InlineData("{\"hook\":\"order-sign\",}")]
    public async Task Post_MalformedJsonNotDeep_IsStillCalledNotWellFormed(string body)
    {
        using var factory = new CdsHooksFactory();

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        text.Should().Contain("not well-formed JSON").And.NotContain("nested");
    }

    [Fact]
    public async Task Post_MalformedJsonBeyondTheDepthLimit_SaysItIsTooDeeplyNested()
    {
        // The depth limit is met first, as the parser meets it: the answer names that, not the later syntax error.
        using var factory = new CdsHooksFactory();
        var body = "{\"x\":" + new string('[', 80) + "}";

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        text.Should().Contain("nested");
    }

    [Theory]
    [InlineData("patient-view", "\"gender\":", "\"\\udfffgender\":", "prefetch.patient")]
    [InlineData("patient-view", "\"status\":\"active\"", "\"status\":\"act\\ud800ive\"", "prefetch.medicationRequests.entry[0].resource.status")]
    [InlineData("order-sign", "\"status\":\"draft\"", "\"status\":\"dr\\udc00aft\"", "context.draftOrders.entry[0].resource.status")]
    [InlineData("order-sign", "\"intent\":", "\"\\ud800intent\":", "context.draftOrders.entry[0].resource")]
    public async Task Post_TextWithALoneSurrogateEscape_Answers400NamingWhereItIs(string hook, string valid, string broken, string field)
    {
        // Fuzzing with byte-level damage, stop 30 (the hook fuzz's lone surrogate never reached the wire: a JSON writer
        // replaces it): one in a prefetch resource or a draft order threw from a member look-up or from copying the
        // resource for the FHIR reader, a 500.
        using var factory = new CdsHooksFactory();
        var request = hook == "order-sign"
            ? FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch())
            : FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch(medicationRequests: [FhirData.MedicationRequest("aza", "active", "1256", "azathioprine")]));
        var json = request.ToJsonString();
        var at = json.IndexOf(valid, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0);
        json = json.Substring(0, at) + broken + json.Substring(at + valid.Length);

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + hook, new StringContent(json, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest, text);
        var issue = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be(field);
        issue.GetProperty("diagnostics").GetString().Should().Contain("not valid Unicode");
    }

    [Theory]
    [InlineData("hook", "{\"hook\":\"order-sign\",\"hook\":\"patient-view\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\"}}")]
    [InlineData("hook", "{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"hook\":\"order-sign\",\"context\":{\"patientId\":\"1\"}}")]
    [InlineData("hookInstance", "{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"hookInstance\":\"2f3c1b9e-7c1a-4e6f-9a51-0c6a4f0d3e21\",\"context\":{\"patientId\":\"1\"}}")]
    [InlineData("context.patientId", "{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\",\"patientId\":\"2\"}}")]
    [InlineData("prefetch.patient", "{\"hook\":\"order-sign\",\"hookInstance\":\"" + Instance + "\",\"context\":{\"patientId\":\"1\"},\"prefetch\":{\"patient\":null,\"patient\":null}}")]
    public async Task Post_MemberGivenTwice_Answers400SayingSoNamingTheField(string field, string body)
    {
        // QA, 2 Dec: a duplicate "hook" was answered as a hook mismatch (the last one was read); which one is meant
        // cannot be told, so the request is refused as ambiguous, naming the member.
        using var factory = new CdsHooksFactory();

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
        var issue = System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be(field);
        issue.GetProperty("diagnostics").GetString().Should().Contain("more than once").And.NotContain("answers the");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("12345")]
    [InlineData("d1577c69dfbe44adba6d3e05e953b2ea-")]
    [InlineData("{d1577c69-dfbe-44ad-ba6d-3e05e953b2ea}")]
    [InlineData("d1577c69-dfbe-44ad-ba6d-3e05e953b2eg")]
    public async Task Post_HookInstanceNotAUuid_Answers400NamingTheField(string hookInstance)
    {
        // The CDS Hooks specification: hookInstance is "a universally unique identifier (UUID) for this particular hook call".
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(), hookInstance);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(400);
        Spec.AssertOperationOutcome(body);
        var issue = body.GetProperty("issue")[0];
        issue.GetProperty("expression")[0].GetString().Should().Be("hookInstance");
        issue.GetProperty("diagnostics").GetString().Should().Contain("UUID");
    }

    [Theory]
    [InlineData("d1577c69-dfbe-44ad-ba6d-3e05e953b2ea")]
    [InlineData("D1577C69-DFBE-44AD-BA6D-3E05E953B2EA")]
    public async Task Post_HookInstanceAUuid_IsAccepted(string hookInstance)
    {
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(), hookInstance);

        var (status, _, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
    }

    [Fact]
    public async Task Post_BodyLargerThanTheLimit_Answers413()
    {
        using var factory = new CdsHooksFactory(o => o.MaxRequestBodyBytes = 64 * 1024);
        var body = "{\"hook\":\"order-sign\",\"pad\":\"" + new string('x', 200 * 1024) + "\"}";

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        text.Should().Contain("OperationOutcome");
    }

    [Fact]
    public async Task Post_ChunkedBodyLargerThanTheLimit_Answers413()
    {
        using var factory = new CdsHooksFactory(o => o.MaxRequestBodyBytes = 64 * 1024);
        var bytes = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 200 * 1024) + "\"}");
        var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var (status, _) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", content);

        status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Post_InvalidUtf8InsideAString_Answers400()
    {
        // Found by the damaged-request test: JsonDocument parses it and only fails when the string is read (was a 500).
        using var factory = new CdsHooksFactory();
        var body = Encoding.UTF8.GetBytes("{\"hook\":\"order-sign\",\"hookInstance\":\"X\",\"context\":{\"patientId\":\"1\"}}");
        body[Array.IndexOf(body, (byte)'X')] = 0xFE;

        var (status, text) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new ByteArrayContent(body));

        status.Should().Be(HttpStatusCode.BadRequest);
        text.Should().Contain("UTF-8");
    }

    [Fact]
    public async Task Post_UnknownService_Answers404()
    {
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), "/cds-services/no-such-service", new JsonObject());

        status.Should().Be(404);
        Spec.AssertOperationOutcome(body);
    }

    [Fact]
    public async Task Post_DamagedVersionsOfAValidRequest_NeverAnswer500()
    {
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var valid = Encoding.UTF8.GetBytes(FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())),
            FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()])).ToJsonString());
        var random = new Random(14);
        var interesting = Encoding.UTF8.GetBytes("{}[]\":,0-eE.\\nul \u00e9");

        for (var i = 0; i < 300; i++)
        {
            var damaged = (byte[])valid.Clone();
            var edits = random.Next(1, 6);
            for (var e = 0; e < edits; e++)
            {
                var at = random.Next(damaged.Length);
                damaged[at] = random.Next(3) == 0 ? (byte)random.Next(256) : interesting[random.Next(interesting.Length)];
            }

            if (random.Next(4) == 0)
            {
                Array.Resize(ref damaged, random.Next(damaged.Length));
            }

            using var response = await client.PostAsync(Spec.Prefix + "order-sign", new ByteArrayContent(damaged));
            ((int)response.StatusCode).Should().BeOneOf(new[] { 200, 400, 412 }, $"damaged request {i} must get an answer, not a crash");
        }
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public NonSeekableStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override bool CanSeek => false;
    }
}
