using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Discovery;

public class DiscoveryTests
{
    [Fact]
    public async Task Discovery_ListsEveryHookWithPrefetchAndUsageRequirements()
    {
        using var factory = new CdsHooksFactory();

        using var response = await factory.CreateClient().GetAsync("/cds-services");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Spec.AssertNoEmptyMembers(document.RootElement, "$");
        var services = document.RootElement.GetProperty("services").EnumerateArray().ToList();
        services.Select(s => s.GetProperty("hook").GetString()).Should()
            .BeEquivalentTo("patient-view", "order-select", "order-sign", "medication-prescribe", "medication-verify");
        foreach (var service in services)
        {
            service.GetProperty("id").GetString().Should().StartWith("imuran-azathioprine-");
            service.GetProperty("description").GetString().Should().NotBeNullOrEmpty();
            service.GetProperty("usageRequirements").GetString().Should().NotBeNullOrEmpty();
            var prefetch = service.GetProperty("prefetch");
            prefetch.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(
                "patient", "medicationRequests", "medicationStatements", "conditions", "allergies", "labs", "pgx", "immunizations");
            prefetch.GetProperty("patient").GetString().Should().Be("Patient/{{context.patientId}}");
            prefetch.GetProperty("immunizations").GetString().Should().Be("Immunization?patient={{context.patientId}}");

            // Stop 28: an order by medicationReference needs the Medication it names, or its medicine is unknown.
            prefetch.GetProperty("medicationRequests").GetString().Should().EndWith("&_include=MedicationRequest:medication");
            prefetch.GetProperty("medicationStatements").GetString().Should().EndWith("&_include=MedicationStatement:medication");
            prefetch.EnumerateObject().Should().OnlyContain(p => p.Value.GetString()!.Contains("{{context.patientId}}"));
            service.GetProperty("usageRequirements").GetString().Should().Contain("immunizations");
        }

        (await response.Content.ReadAsStringAsync()).Should().NotContain("\\u0026", "the templates are written as they are read");
    }

    [Fact]
    public async Task Discovery_FromAnAllowedOrigin_CarriesCorsHeaders()
    {
        using var factory = new CdsHooksFactory(o => o.AllowedOrigins.Add("https://sandbox.cds-hooks.org"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");

        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://sandbox.cds-hooks.org");
    }

    [Theory]
    [InlineData("/cds-services")]
    [InlineData("/cds-services/imuran-azathioprine-order-sign")]
    [InlineData("/cds-services/imuran-azathioprine-order-sign/feedback")]
    public async Task Preflight_FromAnAllowedOrigin_AllowsAuthorizationAndContentType(string path)
    {
        using var factory = new CdsHooksFactory(o =>
        {
            o.AllowedOrigins.Add("https://sandbox.cds-hooks.org");
            o.Jwt.Enabled = true; // a preflight never carries the token, and must still succeed
        });
        using var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await factory.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal("https://sandbox.cds-hooks.org");
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")).Should().Contain("Authorization").And.Contain("Content-Type");
        string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")).Should().Contain("POST");
    }

    [Fact]
    public async Task Preflight_FromAnOriginNotAllowed_GetsNoCorsHeaders()
    {
        using var factory = new CdsHooksFactory(o => o.AllowedOrigins.Add("https://sandbox.cds-hooks.org"));
        using var request = new HttpRequestMessage(HttpMethod.Options, "/cds-services");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await factory.CreateClient().SendAsync(request);

        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }
}
