using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.CdsHooks;

/// <summary>JWT authentication of CDS clients, as CDS Hooks 2.0.1 describes it.</summary>
/// <remarks>
/// Every request must carry <c>Authorization: Bearer &lt;JWT&gt;</c> signed with ES384 or RS384 (never <c>none</c> or an
/// HMAC) by an allow-listed issuer with a key from its JWK Set, the <c>kid</c> naming that key; <c>aud</c> must be the
/// exact URL called; <c>exp</c>, <c>iat</c> and <c>jti</c> are required and a <c>jti</c> is accepted once. Any failure
/// is a bare 401. Tokens are never logged.
/// </remarks>
public sealed class CdsJwtOptions
{
    /// <summary>Whether requests must carry a valid JWT. Default <see langword="false"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>The trusted issuers (the <c>iss</c> claim) and their JWK Sets.</summary>
    public IList<CdsTrustedIssuer> Issuers { get; } = new List<CdsTrustedIssuer>();

    /// <summary>
    /// The service's public base URL, e.g. <c>https://cds.example.org</c>; the expected <c>aud</c> is this plus the
    /// request's path base and path. <see langword="null"/> (the default) uses the request's own scheme and host,
    /// which is wrong behind a proxy that rewrites them.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Clock skew allowed on <c>exp</c> and <c>nbf</c> (default 30 seconds).</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest lifetime a <c>jti</c> is remembered for, whatever the token's <c>exp</c> (default 10 minutes);
    /// a token whose <c>exp</c> is further ahead than this is refused.</summary>
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
