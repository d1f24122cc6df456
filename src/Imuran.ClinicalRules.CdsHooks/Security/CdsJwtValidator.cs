using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Imuran.ClinicalRules.CdsHooks.Security;

/// <summary>
/// Checks the CDS client's JWT: ES384 or RS384 only, an allow-listed issuer, a key of that issuer's JWK Set named by
/// <c>kid</c>, the exact <c>aud</c>, <c>exp</c>, and a <c>jti</c> seen only once. Answers only yes or no: the reason
/// is never sent and the token is never logged. Thread-safe.
/// </summary>
internal sealed class CdsJwtValidator
{
    private const int MaxTokenLength = 16 * 1024;
    private const int MaxRemembered = 200_000;
    private static readonly string[] Algorithms = { SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.RsaSha384 };

    private readonly CdsJwtOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, IReadOnlyList<SecurityKey>> _keys;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public CdsJwtValidator(CdsJwtOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _keys = new Dictionary<string, IReadOnlyList<SecurityKey>>(StringComparer.Ordinal);
        foreach (var issuer in options.Issuers)
        {
            var set = new JsonWebKeySet(issuer.JwkSetJson);
            _keys[issuer.Issuer] = set.Keys
                .Where(k => !string.IsNullOrEmpty(k.KeyId) && k.Use is null or "sig" && k.Kty is "EC" or "RSA")
                .Cast<SecurityKey>()
                .ToList();
        }
    }

    public async Task<bool> IsAuthorizedAsync(HttpRequest request)
    {
        try
        {
            return await ValidateAsync(request).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or SecurityTokenException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private async Task<bool> ValidateAsync(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var token = value.Substring("Bearer ".Length).Trim();
        if (token.Length == 0 || token.Length > MaxTokenLength)
        {
            return false;
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuers = _keys.Keys,
            ValidateAudience = true,
            ValidAudience = ExpectedAudience(request),
            IgnoreTrailingSlashWhenValidatingAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = _options.ClockSkew,
            LifetimeValidator = IsWithinLifetime,
            RequireSignedTokens = true,
            ValidAlgorithms = Algorithms,
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, securityToken, kid, _) =>
                securityToken is JsonWebToken jwt && jwt.Issuer is { } iss && _keys.TryGetValue(iss, out var keys)
                    ? keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal))
                    : Array.Empty<SecurityKey>(),
        };

        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken valid || !Algorithms.Contains(valid.Alg, StringComparer.Ordinal))
        {
            return false;
        }

        if (string.IsNullOrEmpty(valid.Id) || valid.IssuedAt == DateTime.MinValue)
        {
            return false;
        }

        var now = _time.GetUtcNow();
        if (new DateTimeOffset(DateTime.SpecifyKind(valid.IssuedAt, DateTimeKind.Utc)) > now + _options.ClockSkew)
        {
            return false; // issued in the future (QA, 2 Dec: an iat an hour ahead was accepted)
        }

        var expires = new DateTimeOffset(DateTime.SpecifyKind(valid.ValidTo, DateTimeKind.Utc));
        if (expires - now > _options.MaxTokenLifetime + _options.ClockSkew)
        {
            return false;
        }

        return Remember(valid.Issuer + "\n" + valid.Id, expires + _options.ClockSkew, now);
    }

    /// <summary>exp (required) and nbf against the host's clock, with the configured skew.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= DateTime.SpecifyKind(exp, DateTimeKind.Utc) + _options.ClockSkew
            && (notBefore is not { } nbf || DateTime.SpecifyKind(nbf, DateTimeKind.Utc) <= now + _options.ClockSkew);
    }

    /// <summary>Accepts a jti once while the token could still be valid.</summary>
    private bool Remember(string key, DateTimeOffset until, DateTimeOffset now)
    {
        if (_seen.Count > MaxRemembered / 2)
        {
            foreach (var entry in _seen)
            {
                if (entry.Value < now)
                {
                    _seen.TryRemove(entry.Key, out _);
                }
            }

            if (_seen.Count > MaxRemembered)
            {
                return false;
            }
        }

        return _seen.TryAdd(key, until);
    }

    private string ExpectedAudience(HttpRequest request)
    {
        var baseUrl = _options.PublicBaseUrl is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host.Value}";
        return baseUrl + request.PathBase.Value + request.Path.Value;
    }
}
