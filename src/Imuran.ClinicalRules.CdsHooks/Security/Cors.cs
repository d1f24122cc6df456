using System;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace Imuran.ClinicalRules.CdsHooks.Security;

/// <summary>
/// CORS for browser clients such as the CDS Hooks Sandbox: answers preflight requests and adds the headers that let an
/// allowed origin read the answers and send <c>Authorization</c> and <c>Content-Type</c>.
/// </summary>
internal static class Cors
{
    private const string AllowedHeaders = "Authorization, Content-Type";
    private const string AllowedMethods = "GET, POST, OPTIONS";

    /// <summary>Adds the CORS headers when the request's origin is allowed. Returns whether it was.</summary>
    public static bool Apply(HttpContext context, CdsHooksOptions options)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin) || options.AllowedOrigins.Count == 0)
        {
            return false;
        }

        var headers = context.Response.Headers;
        headers.Vary = "Origin";
        var any = options.AllowedOrigins.Contains("*");
        if (!any && !options.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        headers.AccessControlAllowOrigin = any ? "*" : origin;
        return true;
    }

    /// <summary>Answers a preflight: 204, with the allowed methods and headers when the origin is allowed.</summary>
    public static IResult Preflight(HttpContext context, CdsHooksOptions options)
    {
        if (Apply(context, options))
        {
            var headers = context.Response.Headers;
            headers.AccessControlAllowMethods = AllowedMethods;
            headers.AccessControlAllowHeaders = AllowedHeaders;
            headers.AccessControlMaxAge = "600";
        }

        return Results.NoContent();
    }
}
