using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Support;

/// <summary>
/// The sample host in memory (Production environment, so nothing development-only applies), with the options,
/// clock and FHIR server a test gives. No test reaches the network: the FHIR client's handler is a fake.
/// </summary>
public sealed class CdsHooksFactory : WebApplicationFactory<Program>
{
    /// <summary>The evaluation date the tests' fixtures are written for.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly Action<CdsHooksOptions>? _configure;

    public CdsHooksFactory(Action<CdsHooksOptions>? configure = null, FakeFhirServer? fhir = null, TimeProvider? time = null)
    {
        _configure = configure;
        Fhir = fhir ?? new FakeFhirServer();
        Time = time ?? new FixedTime(Now);
    }

    public FakeFhirServer Fhir { get; }

    public TimeProvider Time { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Time);
            if (_configure is not null)
            {
                services.Configure(_configure);
            }

            services.AddHttpClient(CdsHooksOptions.FhirHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Fhir);
        });
    }
}

/// <summary>A clock that stands still.</summary>
public sealed class FixedTime : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTime(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}

/// <summary>A FHIR server in memory: answers GETs from a function, counts calls, can be slow.</summary>
public sealed class FakeFhirServer : HttpMessageHandler
{
    private int _calls;

    public Func<HttpRequestMessage, HttpResponseMessage>? Respond { get; set; }

    public TimeSpan Delay { get; set; }

    public int Calls => _calls;

    public string? LastAuthorization { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        LastAuthorization = request.Headers.Authorization?.ToString();
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
