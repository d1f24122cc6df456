using System;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the Imuran.ClinicalRules CDS Hooks endpoints.</summary>
public static class CdsHooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>GET {prefix}</c> (discovery), <c>POST {prefix}/{id}</c> (hook calls), <c>POST {prefix}/{id}/feedback</c>
    /// and <c>OPTIONS</c> preflight under <paramref name="prefix"/>; with <see cref="CdsHooksOptions.EnableFeedbackExport"/>,
    /// also <c>GET {prefix}/feedback/export</c> (the clinician feedback export, behind the same authentication). Call
    /// <see cref="CdsHooksServiceCollectionExtensions.AddImuranCdsHooks"/> first.
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    /// <param name="prefix">The path of the discovery endpoint; default <c>/cds-services</c>, as the specification names it.</param>
    /// <returns>The route group, for conventions such as rate limiting.</returns>
    /// <exception cref="InvalidOperationException"><see cref="CdsHooksServiceCollectionExtensions.AddImuranCdsHooks"/> was not called.</exception>
    public static RouteGroupBuilder MapImuranCdsHooks(this IEndpointRouteBuilder endpoints, string prefix = "/cds-services")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var runtime = endpoints.ServiceProvider.GetService<CdsHooksRuntime>()
            ?? throw new InvalidOperationException("Call services.AddImuranCdsHooks() before app.MapImuranCdsHooks().");

        var group = endpoints.MapGroup(prefix);
        group.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)runtime.DiscoveryAsync);
        group.MapPost("{id}", (HttpContext context, string id) => runtime.HookAsync(context, id));
        group.MapPost("{id}/feedback", (HttpContext context, string id) => runtime.FeedbackAsync(context, id));
        if (runtime.FeedbackExportEnabled)
        {
            group.MapGet("feedback/export", (Func<HttpContext, Task<IResult>>)runtime.FeedbackExportAsync);
        }

        group.MapMethods(string.Empty, new[] { HttpMethods.Options }, (HttpContext context) => runtime.Preflight(context));
        group.MapMethods("{**rest}", new[] { HttpMethods.Options }, (HttpContext context) => runtime.Preflight(context));
        return group;
    }
}
