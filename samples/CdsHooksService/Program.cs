// A CDS Hooks service for EHRs: discovery at /cds-services, hook calls at /cds-services/{id}.
//   dotnet run --project samples/CdsHooksService -- --urls http://127.0.0.1:5080
// Configuration (appsettings.json, environment variables CdsHooks__..., or the command line --CdsHooks:...):
//   CdsHooks:RequireJwt               require a JWT on every call (off by default in this sample)
//   CdsHooks:TrustSandboxKeyInDevelopment  in Development, trust the CDS Hooks Sandbox's public test key
//   CdsHooks:PublicBaseUrl            the URL EHRs call, for the JWT audience check behind a proxy
//   CdsHooks:AllowedOrigins           browser origins allowed (CORS); in Development any origin is allowed
//   CdsHooks:AllowedFhirServers       FHIR base URLs the service may fetch missing prefetch from (empty, the default:
//                                     none, so a caller cannot aim it at an internal address; "*": any, test networks only)
//   CdsHooks:TimeZone                 the time zone whose date is "today" (IANA or Windows id, e.g. Australia/Sydney);
//                                     default: the server's own zone
//   CdsHooks:EnableFeedbackExport     serve GET /cds-services/feedback/export (off by default; turn RequireJwt on too)
//   CdsHooks:FeedbackExportPath       write the clinician feedback export to this file when the host stops
//                                     (read it with: imuran-rules coverage COHORT --feedback FILE)
using System;
using System.IO;
using Imuran.ClinicalRules.CdsHooks;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Settings (appsettings.json) are read from the content root: --contentRoot (or DOTNET_CONTENTROOT/ASPNETCORE_CONTENTROOT)
// when given, a relative one taken from the working directory (the host alone would take it from the program's folder);
// else the working directory, as ASP.NET Core does; started from elsewhere (dotnet
// samples/CdsHooksService/bin/Release/net10.0/CdsHooksService.dll, as the README's benchmark does), the host reads the copy
// beside the program instead. Without it, every request would be logged at Information level: five log entries (ten
// console lines) a call, which cost the server CPU on every call.
var givenContentRoot = new ConfigurationBuilder()
    .AddEnvironmentVariables("DOTNET_")
    .AddEnvironmentVariables("ASPNETCORE_")
    .AddCommandLine(args)
    .Build()["contentRoot"];
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = givenContentRoot is { Length: > 0 } ? Path.GetFullPath(givenContentRoot)
        : File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});
var settings = builder.Configuration.GetSection("CdsHooks");
var development = builder.Environment.IsDevelopment();

// An unknown time zone id stops the host as it starts, naming the setting, rather than evaluating with another date.
var timeZoneId = settings.GetValue<string?>("TimeZone");
TimeZoneInfo? timeZone = null;
if (timeZoneId is { Length: > 0 } && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out timeZone))
{
    throw new InvalidOperationException($"CdsHooks:TimeZone '{timeZoneId}' is not a time zone this server knows (an IANA id such as Australia/Sydney, or a Windows id).");
}

builder.Services.AddImuranCdsHooks(options =>
{
    foreach (var origin in settings.GetSection("AllowedOrigins").Get<string[]>() ?? [])
    {
        options.AllowedOrigins.Add(origin);
    }

    if (development)
    {
        options.AllowedOrigins.Add("*");
    }

    foreach (var server in settings.GetSection("AllowedFhirServers").Get<string[]>() ?? [])
    {
        options.AllowedFhirServers.Add(server);
    }

    options.TimeZone = timeZone;
    options.EnableFeedbackExport = settings.GetValue<bool>("EnableFeedbackExport");
    options.Jwt.Enabled = settings.GetValue<bool>("RequireJwt");
    options.Jwt.PublicBaseUrl = settings.GetValue<string?>("PublicBaseUrl");
    if (development && settings.GetValue("TrustSandboxKeyInDevelopment", true))
    {
        // The sandbox signs with a publicly known test key: never trust it outside development.
        var jwks = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sandbox-jwks.json"));
        options.Jwt.Issuers.Add(new CdsTrustedIssuer("https://sandbox.cds-hooks.org", jwks));
    }
});

var app = builder.Build();
app.MapGet("/", () => "Imuran.ClinicalRules CDS Hooks service: discovery at /cds-services");
app.MapImuranCdsHooks();
await app.RunAsync();

// The feedback kept in memory is lost when the process ends: write it out first when asked to.
if (settings.GetValue<string?>("FeedbackExportPath") is { Length: > 0 } exportPath)
{
    await app.Services.GetRequiredService<CdsFeedbackExporter>().WriteFileAsync(exportPath);
    Console.WriteLine($"Clinician feedback export written to {Path.GetFullPath(exportPath)}");
}

/// <summary>The sample host's entry point (public for WebApplicationFactory in the tests).</summary>
public partial class Program
{
}
