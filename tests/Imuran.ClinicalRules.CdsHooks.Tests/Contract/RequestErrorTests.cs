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
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\"}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":[]}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{}}")]
    [InlineData("{\"hook\":\"patient-view\",\"hookInstance\":\"x\",\"context\":{\"patientId\":\"1\"}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"patientId\":\"1\"},\"fhirServer\":\"ftp://x\"}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"patientId\":\"1\"},\"fhirAuthorization\":{\"access_token\":\"t\"}}")]
    [InlineData("{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"patientId\":\"1\"},\"prefetch\":[]}")]
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
        var body = "{\"hook\":\"order-sign\",\"hookInstance\":\"x\",\"context\":{\"patientId\":\"1\",\"draftOrders\":" + deep + "}}";

        var (status, _) = await PostRawAsync(factory.CreateClient(), Spec.Prefix + "order-sign", new StringContent(body, Encoding.UTF8, "application/json"));

        status.Should().Be(HttpStatusCode.BadRequest);
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
