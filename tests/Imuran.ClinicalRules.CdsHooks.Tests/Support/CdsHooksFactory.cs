using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Support;

/// <summary>
/// The sample host (Production environment, so nothing development-only applies), with the options, clock, FHIR
/// server and services a test gives. No test reaches the network: the FHIR client's handler is a fake. Tests use
/// <see cref="CreateClient"/> and <see cref="Services"/>, which mean the same on both test targets: on net10.0 the host
/// runs in memory (TestServer); on net8.0 it runs on Kestrel on a loopback port, because WebApplicationFactory 8.0.x's
/// TestServer fails on the ASP.NET Core 10 runtime the net8.0 tests roll forward to (System.Text.Json 10 writes a
/// response through <c>PipeWriter.UnflushedBytes</c>, which TestHost 8.0's <c>ResponseBodyPipeWriter</c> does not
/// implement: "The PipeWriter 'ResponseBodyPipeWriter' does not implement PipeWriter.UnflushedBytes").
/// </summary>
public sealed class CdsHooksFactory : WebApplicationFactory<Program>
{
    /// <summary>The evaluation date the tests' fixtures are written for.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private readonly Action<CdsHooksOptions>? _configure;
    private readonly Action<IServiceCollection>? _services;
    private readonly (string Key, string Value)[] _settings;

    public CdsHooksFactory(Action<CdsHooksOptions>? configure = null, FakeFhirServer? fhir = null, TimeProvider? time = null, Action<IServiceCollection>? services = null, params (string Key, string Value)[] settings)
    {
        _configure = configure;
        _services = services;
        _settings = settings;
        Fhir = fhir ?? new FakeFhirServer();
        Time = time ?? new FixedTime(Now);
    }

    public FakeFhirServer Fhir { get; }

    public TimeProvider Time { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(Time);
            if (_configure is not null)
            {
                services.Configure(_configure);
            }

            services.AddHttpClient(CdsHooksOptions.FhirHttpClientName).ConfigurePrimaryHttpMessageHandler(() => Fhir);
            _services?.Invoke(services);
        });
    }

#if !NET10_0_OR_GREATER
    private IHost? _kestrel;
    private Uri? _address;

    /// <summary>Whether the sample answers on a real socket (Kestrel) rather than in memory.</summary>
    public static bool OnKestrel => true;

    /// <summary>The sample host's own services (not those of the placeholder host handed to the base class).</summary>
    public override IServiceProvider Services
    {
        get
        {
            _ = base.Services; // starts the host
            return _kestrel!.Services;
        }
    }

    /// <summary>A client of the sample host on its loopback port.</summary>
    public new HttpClient CreateClient()
    {
        _ = Services;
        return new HttpClient { BaseAddress = _address };
    }

    /// <summary>
    /// Builds the sample's host (the program's own builder, with this factory's settings) on Kestrel on a free
    /// loopback port and starts it. The base class insists on a host with a TestServer, so it gets an empty one that
    /// no request reaches.
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.ConfigureWebHost(web => web.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0)));
        _kestrel = builder.Build();
        _kestrel.Start();
        var addresses = _kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _address = new Uri(addresses.Single());

        var placeholder = new HostBuilder().ConfigureWebHost(web => web.UseTestServer().Configure(_ => { })).Build();
        placeholder.Start();
        return placeholder;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _kestrel?.Dispose();
        }
    }
#else
    /// <summary>Whether the sample answers on a real socket (Kestrel) rather than in memory.</summary>
    public static bool OnKestrel => false;
#endif
}

/// <summary>A clock that stands still, in a time zone of the test's choosing (default UTC).</summary>
public sealed class FixedTime : TimeProvider
{
    private readonly DateTimeOffset _now;
    private readonly TimeZoneInfo _zone;

    public FixedTime(DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        _now = now;
        _zone = zone ?? TimeZoneInfo.Utc;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public override TimeZoneInfo LocalTimeZone => _zone;

    /// <summary>A zone at a fixed offset from UTC, without daylight saving (so no system time zone data is needed).</summary>
    public static TimeZoneInfo Zone(int hours) =>
        TimeZoneInfo.CreateCustomTimeZone($"Test/UTC{hours:+0;-0}", TimeSpan.FromHours(hours), $"UTC{hours:+0;-0}", $"UTC{hours:+0;-0}");
}

/// <summary>
/// A FHIR server in memory: answers GETs from a function and counts calls; or, with <see cref="NeverAnswers"/>, holds
/// each request until the caller cancels it, counting the cancellations, as a server that never answers.
/// </summary>
public sealed class FakeFhirServer : HttpMessageHandler
{
    /// <summary>
    /// How long a held request waits for its caller to give up. Not a bound any test asserts: only a caller that never
    /// gives up (a service without a fetch timeout) waits this long, and the request is then answered and counted in
    /// <see cref="AnsweredAfterHolding"/>, so the test fails rather than hangs. Below HttpClient's own 100 s timeout, so
    /// a cancellation seen here is the service's.
    /// </summary>
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _holding = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;
    private int _cancelled;
    private int _answeredAfterHolding;

    public Func<HttpRequestMessage, HttpResponseMessage>? Respond { get; set; }

    /// <summary>Whether every request is held without an answer until the caller cancels it.</summary>
    public bool NeverAnswers { get; set; }

    public int Calls => _calls;

    /// <summary>Held requests whose caller cancelled them.</summary>
    public int Cancelled => _cancelled;

    /// <summary>Held requests that no caller cancelled (see <see cref="HoldLimit"/>).</summary>
    public int AnsweredAfterHolding => _answeredAfterHolding;

    /// <summary>Completes when the first request is being held (<see cref="NeverAnswers"/>): the caller is now waiting on it.</summary>
    public Task Holding => _holding.Task;

    public string? LastAuthorization { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        LastAuthorization = request.Headers.Authorization?.ToString();
        if (NeverAnswers)
        {
            _holding.TrySetResult();
            try
            {
                await Task.Delay(HoldLimit, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            Interlocked.Increment(ref _answeredAfterHolding);
        }

        return Respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
