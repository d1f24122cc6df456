using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Cards;
using Imuran.ClinicalRules.CdsHooks.Contract;
using Imuran.ClinicalRules.CdsHooks.Discovery;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Hooks;
using Imuran.ClinicalRules.CdsHooks.Internal;
using Imuran.ClinicalRules.CdsHooks.Prefetch;
using Imuran.ClinicalRules.CdsHooks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Imuran.ClinicalRules.CdsHooks;

/// <summary>
/// The endpoints' shared state, built once from the options: the service catalogue, the card factory, the evaluator
/// and the JWT validator. Thread-safe. Logs service ids, hook instances and status codes; never a token or a body.
/// </summary>
internal sealed partial class CdsHooksRuntime
{
    private readonly CdsHooksOptions _options;
    private readonly HookEvaluator _evaluator;
    private readonly ICdsFeedbackStore _feedback;
    private readonly CdsJwtValidator? _jwt;
    private readonly ILogger<CdsHooksRuntime> _logger;

    private readonly CdsFeedbackExporter _exporter;

    public CdsHooksRuntime(IOptions<CdsHooksOptions> options, IHttpClientFactory clients, ICdsFeedbackStore feedback, CdsFeedbackExporter exporter, TimeProvider time, ILogger<CdsHooksRuntime> logger, IServiceProvider services)
    {
        _options = options.Value;
        _feedback = feedback;
        _exporter = exporter;
        _logger = logger;
        var ruleSet = RuleSetFor(_options, services);
        Catalog = new ServiceCatalog(_options.ServiceIdPrefix);
        _evaluator = new HookEvaluator(ruleSet, new CardFactory(ruleSet, _options.Links), new PrefetchResolver(clients, _options, time), feedback, time, _options.TimeZone);
        _jwt = _options.Jwt.Enabled ? new CdsJwtValidator(_options.Jwt, time) : null;
    }

    public ServiceCatalog Catalog { get; }

    /// <summary>Whether <c>GET {prefix}/feedback/export</c> is mapped.</summary>
    public bool FeedbackExportEnabled => _options.EnableFeedbackExport;

    /// <summary>
    /// What evaluates: the options' rule set, else the <see cref="IClinicalRuleEvaluator"/> the host registered (e.g. with
    /// <c>AddImuranClinicalRules</c>: its policy, thresholds and logging), else a registered <see cref="ClinicalRuleSet"/>,
    /// else the default rule set.
    /// </summary>
    public static IClinicalRuleEvaluator RuleSetFor(CdsHooksOptions options, IServiceProvider services) =>
        options.RuleSet
        ?? services.GetService(typeof(IClinicalRuleEvaluator)) as IClinicalRuleEvaluator
        ?? services.GetService(typeof(ClinicalRuleSet)) as ClinicalRuleSet
        ?? (IClinicalRuleEvaluator)ClinicalRuleSet.Default;

    public IResult Preflight(HttpContext context) => Cors.Preflight(context, _options);

    public async Task<IResult> DiscoveryAsync(HttpContext context)
    {
        if (!await AdmitAsync(context).ConfigureAwait(false))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        return Results.Json(Catalog.Discovery, CdsJsonContext.Relaxed.DiscoveryResponse);
    }

    public async Task<IResult> HookAsync(HttpContext context, string id)
    {
        if (!await AdmitAsync(context).ConfigureAwait(false))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (Catalog.Find(id) is not { } service)
        {
            return Error(StatusCodes.Status404NotFound, "not-found", $"There is no CDS service '{id}'.");
        }

        var body = await RequestBody.ReadAsync(context.Request, _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            LogRejected(service.Id, body.Status);
            return Error(body.Status, body.Status == StatusCodes.Status413PayloadTooLarge ? "too-costly" : "invalid", body.Problem!);
        }

        try
        {
            using var document = JsonDocument.Parse(body.Memory, JsonBody.DocumentOptions);

            if (BrokenText(body.Memory, document.RootElement) is { } broken)
            {
                LogRejected(service.Id, StatusCodes.Status400BadRequest);
                return broken;
            }

            var request = HookRequest.Read(document.RootElement, service, out var field, out var problem);
            if (request is null)
            {
                LogRejected(service.Id, StatusCodes.Status400BadRequest);
                return Error(StatusCodes.Status400BadRequest, "invalid", problem!, field);
            }

            var outcome = await _evaluator.EvaluateAsync(service, request, context.RequestAborted).ConfigureAwait(false);
            LogAnswered(service.Id, request.HookInstance, outcome.Status, outcome.Cards?.Cards.Count ?? 0);
            return outcome.Cards is { } cards
                ? Results.Json(cards, CdsJsonContext.Relaxed.CardsResponse)
                : Results.Json(outcome.Error!, CdsJsonContext.Relaxed.OperationOutcome, "application/fhir+json", outcome.Status);
        }
        catch (JsonException ex)
        {
            LogRejected(service.Id, StatusCodes.Status400BadRequest);
            return Error(StatusCodes.Status400BadRequest, "invalid", JsonBody.Problem(ex, body.Memory.Span));
        }
        finally
        {
            body.Return();
        }
    }

    public async Task<IResult> FeedbackAsync(HttpContext context, string id)
    {
        if (!await AdmitAsync(context).ConfigureAwait(false))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (Catalog.Find(id) is not { } service)
        {
            return Error(StatusCodes.Status404NotFound, "not-found", $"There is no CDS service '{id}'.");
        }

        var body = await RequestBody.ReadAsync(context.Request, _options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (!body.Succeeded)
        {
            return Error(body.Status, body.Status == StatusCodes.Status413PayloadTooLarge ? "too-costly" : "invalid", body.Problem!);
        }

        try
        {
            using var document = JsonDocument.Parse(body.Memory, JsonBody.DocumentOptions);
            if (BrokenText(body.Memory, document.RootElement) is { } broken)
            {
                return broken;
            }

            var items = FeedbackRequest.Read(document.RootElement, service.Id, out var field, out var problem);
            if (items is null)
            {
                return Error(StatusCodes.Status400BadRequest, "invalid", problem!, field);
            }

            foreach (var item in items)
            {
                _feedback.Record(item);
            }

            return Results.Ok();
        }
        catch (JsonException ex)
        {
            return Error(StatusCodes.Status400BadRequest, "invalid", JsonBody.Problem(ex, body.Memory.Span));
        }
        finally
        {
            body.Return();
        }
    }

    /// <summary>
    /// The 400 for a request body holding text that is not valid Unicode, naming where; <see langword="null"/> when all
    /// its text is valid. A lone surrogate escape (<c>"\ud800"</c>), in a value or a member name, makes reading the text,
    /// copying a resource or looking up members of its object throw (fuzzing, stop 30: hook and feedback calls answered
    /// 500), so both endpoints refuse it before reading anything, with the FHIR reader's own check.
    /// </summary>
    private static IResult? BrokenText(ReadOnlyMemory<byte> body, JsonElement root)
    {
        if (Fhir.Mapping.PayloadCheck.BrokenText(body.Span, root) is not { } broken)
        {
            return null;
        }

        var at = broken.StartsWith("$.", StringComparison.Ordinal) ? broken.Substring(2) : broken;
        return Error(StatusCodes.Status400BadRequest, "invalid", $"The request holds text that is not valid Unicode at {at}: a lone surrogate (such as a broken emoji escape). It was not read, because the text cannot be kept as written.", at);
    }

    /// <summary>The feedback export (<see cref="CdsFeedbackExporter"/>), behind the same JWT check as the hooks.</summary>
    public async Task<IResult> FeedbackExportAsync(HttpContext context)
    {
        if (!await AdmitAsync(context).ConfigureAwait(false))
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        context.Response.Headers.CacheControl = "no-store";
        var json = ClinicalRules.Feedback.ClinicianFeedbackJson.ToJson(_exporter.Export());
        return Results.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    /// <summary>CORS headers first (so a browser can read even a 401), then the JWT when required.</summary>
    private async Task<bool> AdmitAsync(HttpContext context)
    {
        Cors.Apply(context, _options);
        if (_jwt is null)
        {
            return true;
        }

        var ok = await _jwt.IsAuthorizedAsync(context.Request).ConfigureAwait(false);
        if (!ok)
        {
            LogUnauthorized(context.Request.Path.Value ?? string.Empty);
        }

        return ok;
    }

    private static IResult Error(int status, string code, string diagnostics, string? expression = null) =>
        Results.Json(OperationOutcome.Error(code, diagnostics, expression), CdsJsonContext.Relaxed.OperationOutcome, "application/fhir+json", status);

    [LoggerMessage(1, LogLevel.Debug, "CDS service {ServiceId} hook instance {HookInstance}: {Status}, {Cards} card(s)")]
    private partial void LogAnswered(string serviceId, string hookInstance, int status, int cards);

    [LoggerMessage(2, LogLevel.Debug, "CDS service {ServiceId}: request rejected with {Status}")]
    private partial void LogRejected(string serviceId, int status);

    [LoggerMessage(3, LogLevel.Warning, "CDS request to {Path} refused: no valid JWT (the token is not logged)")]
    private partial void LogUnauthorized(string path);
}
