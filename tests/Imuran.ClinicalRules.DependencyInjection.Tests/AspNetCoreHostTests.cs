using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
#if NET10_0_OR_GREATER
using Microsoft.AspNetCore.TestHost;
#endif
using Microsoft.Extensions.DependencyInjection;

namespace Imuran.ClinicalRules.DependencyInjection.Tests;

/// <summary>
/// The done-criterion: an ASP.NET Core host registers the library with one line, reads FHIR (and patient
/// facts) from the request body asynchronously on a server that disallows synchronous I/O, answers with the
/// contract JSON through <c>Results.Ok</c>, and a site policy file's effects show in its results.
/// </summary>
public sealed class AspNetCoreHostTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private volatile Exception? _serverError;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
#if NET10_0_OR_GREATER
        builder.WebHost.UseTestServer(); // AllowSynchronousIO is false, as on Kestrel
#else
        // net8.0 rolls forward onto ASP.NET Core 10, where TestHost 8.0's TestServer cannot write a JSON response (see
        // the project file): Kestrel itself, on a free loopback port.
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
#endif
        builder.Services.AddImuranClinicalRules(o => o.PolicyFile = RepoPaths.SamplePolicy);
        builder.Services.ConfigureHttpJsonOptions(o => ImuranJson.Configure(o.SerializerOptions));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                _serverError = ex;
                throw;
            }
        });

        _app.MapPost("/fhir", async (HttpRequest request, string date, IClinicalRuleEvaluator rules, CancellationToken cancellationToken) =>
        {
            var mapped = await FhirPatientReader.ReadAsync(request.Body, ClinicalDate.Parse(date), cancellationToken: cancellationToken);
            return mapped.Succeeded
                ? Results.Ok(rules.Evaluate(mapped.Facts))
                : Results.Problem(mapped.Error?.Message, statusCode: mapped.Error?.Code == FhirReadErrorCode.PayloadTooLarge ? 413 : 400);
        });
        _app.MapPost("/facts", async (HttpRequest request, IClinicalRuleEvaluator rules, CancellationToken cancellationToken) =>
        {
            var read = await PatientFactsJson.ReadAsync(request.Body, cancellationToken);
            return read.Succeeded ? Results.Ok(rules.Evaluate(read.Facts)) : Results.BadRequest(read.Problems);
        });
        _app.MapPost("/fhir-sync", (HttpRequest request, IClinicalRuleEvaluator rules) =>
            Results.Ok(rules.Evaluate(FhirPatientReader.Read(request.Body, new ClinicalDate(2025, 6, 1)).GetFactsOrThrow())));
        _app.MapGet("/rules", (IClinicalRuleEvaluator rules) => Results.Ok(new { rules.Id, rules.Version, count = rules.Rules.Count, rules.DisabledRules, rules.Policy }));

        await _app.StartAsync();
#if NET10_0_OR_GREATER
        _client = _app.GetTestClient();
#else
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
#endif
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData("01-allopurinol-clinical-drug.json")]
    [InlineData("09-ibd-infliximab.json")]
    [InlineData("12-low-wbc.json")]
    public async Task PostFhir_SampleBundle_ContractJsonThroughResultsOkStampedWithThePolicy(string sample)
    {
        var bytes = File.ReadAllBytes(RepoPaths.InRepo("samples", "fhir", sample));

        using var response = await _client.PostAsync("/fhir?date=2025-06-01", new ByteArrayContent(bytes));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var policy = ClinicalRuleSet.Create(Policy.SitePolicyJson.Read(File.ReadAllBytes(RepoPaths.SamplePolicy)).Policy!.ToRuleSetOptions());
        var expected = policy.Evaluate(FhirPatientReader.Read(new MemoryStream(bytes), new ClinicalDate(2025, 6, 1)).Facts!);
        body.Should().Be(EvaluationResultJson.ToJson(expected, indented: false), "Results.Ok writes exactly the documented contract");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("policy").GetProperty("name").GetString().Should().Be("st-elsewhere-pharmacy");
        json.RootElement.GetProperty("policy").GetProperty("version").GetString().Should().Be("2026-12");
        json.RootElement.GetProperty("disabledRules").EnumerateArray().Select(e => e.GetString()).Should().Equal("AZA-HND-001", "AZA-INT-003");
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString()).Should().OnlyContain(s => s == "critical" || s == "warning" || s == "info", "enums are the contract's names, not numbers");
    }

    [Fact]
    public async Task PostFacts_AminosalicylatePatient_ThePolicySuppressesAZAINT003AndSaysSo()
    {
        var bytes = File.ReadAllBytes(RepoPaths.InRepo("samples", "patients", "mesalamine-uc.json"));

        using var response = await _client.PostAsync("/facts", new ByteArrayContent(bytes));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var withoutPolicy = ClinicalRuleSet.Default.Evaluate(PatientFactsJson.Read(bytes).Facts!);
        withoutPolicy.Findings.Select(f => f.RuleId).Should().Contain("AZA-INT-003");
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString()).Should().NotContain("AZA-INT-003");
        json.RootElement.GetProperty("disabledRules").EnumerateArray().Select(e => e.GetString()).Should().Contain("AZA-INT-003");
        json.RootElement.GetProperty("policy").GetProperty("contentHash").GetString().Should().StartWith("sha256:");
    }

    [Fact]
    public async Task PostFhirSync_TheSynchronousReader_FailsOnAServerThatDisallowsSynchronousIO()
    {
        var bytes = File.ReadAllBytes(RepoPaths.InRepo("samples", "fhir", "01-allopurinol-clinical-drug.json"));

        var post = () => _client.PostAsync("/fhir-sync", new ByteArrayContent(bytes));

#if NET10_0_OR_GREATER
        (await post.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Synchronous operations are disallowed", "this is why hosts need ReadAsync");
#else
        using var response = await post(); // Kestrel answers 500; the exception stays on the server
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
#endif
        _serverError.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Contain("Synchronous operations are disallowed", "this is why hosts need ReadAsync");
    }

    [Fact]
    public async Task PostFhir_BodyOverTheLimit_413ProblemWithoutReadingItAll()
    {
        using var content = new StreamContent(new LargeBody(FhirReadOptions.DefaultMaxBytes + 1_000_000));

        using var response = await _client.PostAsync("/fhir?date=2025-06-01", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("larger than the limit of 16777216 bytes");
    }

    [Fact]
    public async Task GetRules_EvaluatorCarriesIdVersionRulesAndPolicy()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/rules"));

        json.RootElement.GetProperty("id").GetString().Should().Be("imuran-azathioprine");
        json.RootElement.GetProperty("count").GetInt32().Should().Be(ClinicalRuleSet.Default.Rules.Count - 2);
        json.RootElement.GetProperty("policy").GetProperty("name").GetString().Should().Be("st-elsewhere-pharmacy");
    }

    /// <summary>A request body of the given length made as it is sent (spaces after a brace), never held in memory.</summary>
    private sealed class LargeBody(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = _position + i == 0 ? (byte)'{' : (byte)' ';
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
