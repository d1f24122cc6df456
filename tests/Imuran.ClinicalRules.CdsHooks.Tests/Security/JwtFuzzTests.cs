using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Tests.Common;
using Microsoft.IdentityModel.Tokens;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Security;

/// <summary>
/// The Authorization header and its JWT against seeded mutations of valid tokens. Three kinds of input: a token whose
/// header or payload JSON (or raw bytes) was changed and then signed again with the issuer's own key (never a 5xx, and
/// never accepted without the claims CdsJwtOptions requires); a valid token changed after signing (JSON re-encoded
/// under the old signature, signature damaged, cut short, bad base64url, extra segments, huge), never accepted; and a
/// damaged header (scheme, spacing, two headers). Any refusal must be the documented bare 401.
/// <c>HOOK_FUZZ_N</c> / <c>HOOK_FUZZ_SEED</c> as for the hooks.
/// </summary>
public sealed class JwtFuzzTests : IClassFixture<JwtHost>
{
    private const string Discovery = "/cds-services";
    private const string Hook = "/cds-services/imuran-azathioprine-order-sign";

    private readonly JwtHost _host;

    public JwtFuzzTests(JwtHost host) => _host = host;

    private static long Epoch(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private static JsonObject Header(bool rsa) => new() { ["alg"] = rsa ? "RS384" : "ES384", ["typ"] = "JWT", ["kid"] = rsa ? "ehr-rsa-1" : JwtHost.Kid };

    private static JsonObject Payload(string path) => new()
    {
        ["iss"] = JwtHost.Issuer,
        ["aud"] = JwtHost.BaseUrl + path,
        ["iat"] = Epoch(CdsHooksFactory.Now),
        ["nbf"] = Epoch(CdsHooksFactory.Now.AddSeconds(-5)),
        ["exp"] = Epoch(CdsHooksFactory.Now.AddMinutes(5)),
        ["jti"] = Guid.NewGuid().ToString(),
    };

    private string Sign(string header64, string payload64, bool rsa)
    {
        var input = Encoding.ASCII.GetBytes(header64 + "." + payload64);
        var signature = rsa
            ? _host.Rsa.SignData(input, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1)
            : _host.Key.SignData(input, HashAlgorithmName.SHA384);
        return header64 + "." + payload64 + "." + Base64UrlEncoder.Encode(signature);
    }

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(node.ToJsonString()));

    /// <summary>Values for the claims and header members a validator reads: wrong types, extremes, near misses.</summary>
    private static JsonNode? Odd(Random rng, string path) => rng.Next(28) switch
    {
        0 => "none",
        1 => "HS384",
        2 => "ES256",
        3 => "es384",
        4 => "ES384 ",
        5 => JsonValue.Create(-1e308),
        6 => JsonValue.Create(0),
        7 => JsonValue.Create(-1),
        8 => JsonValue.Create(253402300800L),
        9 => JsonValue.Create(Epoch(CdsHooksFactory.Now).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        10 => new JsonArray(JwtHost.Issuer),
        11 => new JsonArray(JwtHost.BaseUrl + path, "https://other.example.org"),
        12 => new JsonArray(JwtHost.BaseUrl + path),
        13 => new JsonObject { ["a"] = 1 },
        14 => JwtHost.Issuer + "/",
        15 => "../../../../etc/passwd",
        16 => "https://attacker.example.org/jwks.json",
        17 => JsonValue.Create(Epoch(CdsHooksFactory.Now) + 0.5),
        18 => JsonValue.Create(1.5e9),
        19 => JsonValue.Create(Epoch(CdsHooksFactory.Now.AddHours(1))),
        20 => JsonValue.Create(9.3e18),
        21 => new JsonArray(),
        22 => "ehr-rsa-1",
        23 => JwtHost.Kid,
        24 => new JsonObject { ["kty"] = "oct", ["k"] = "AAAA" },
        25 => new JsonArray("exp"),
        26 => JsonValue.Create(Epoch(CdsHooksFactory.Now.AddMinutes(20))),
        _ => JsonFuzz.RandomValue(rng),
    };

    private static readonly string[] HeaderNames = { "alg", "typ", "kid", "jku", "x5u", "jwk", "crit", "cty", "enc", "zip", "b64" };
    private static readonly string[] ClaimNames = { "iss", "aud", "exp", "iat", "nbf", "jti", "sub" };

    /// <summary>One change to a header or payload: a generic JSON mutation, or an odd value for a member a validator reads.</summary>
    private static void Change(JsonObject header, JsonObject payload, Random rng, string path)
    {
        var target = rng.Next(2) == 0 ? header : payload;
        if (rng.Next(3) == 0)
        {
            JsonFuzz.Mutate(target, rng);
            return;
        }

        var names = target == header ? HeaderNames : ClaimNames;
        target[names[rng.Next(names.Length)]] = Odd(rng, path);
    }

    /// <summary>Raw payload or header bytes that are not a plain JSON object.</summary>
    private static byte[] RawSegment(Random rng, JsonObject valid) => rng.Next(10) switch
    {
        0 => Encoding.UTF8.GetBytes("[]"),
        1 => Encoding.UTF8.GetBytes("null"),
        2 => Encoding.UTF8.GetBytes("\"x\""),
        3 => Encoding.UTF8.GetBytes(valid.ToJsonString().TrimEnd('}') + ",\"iss\":\"https://attacker.example.org\"}"),
        4 => Encoding.UTF8.GetBytes(valid.ToJsonString().Replace("\"jti\":\"", "\"jti\":\"\\ud800", StringComparison.Ordinal)),
        5 => Encoding.UTF8.GetBytes(valid.ToJsonString().Replace("\"iss\":", "\"\\udfff\":1,\"iss\":", StringComparison.Ordinal)),
        6 => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 300)),
        7 => Encoding.UTF8.GetBytes(valid.ToJsonString().Replace("\"exp\":", "\"exp\":1e400,\"x\":", StringComparison.Ordinal)),
        _ => JsonFuzz.Corrupt(Encoding.UTF8.GetBytes(valid.ToJsonString()), rng),
    };

    /// <summary>Whether the token carries what CdsJwtOptions requires of any token it accepts (types and exact values; not the lifetime window).</summary>
    private static bool MayBeAccepted(JsonObject header, JsonObject payload, string path, bool rsa)
    {
        static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        // A NumericDate as a JSON string of digits ("exp":"1795341600") is read as the number by the token handler: a
        // token the issuer signed so is accepted (RFC 7519 asks for a JSON number; see the stop-30 fuzz report).
        static bool Number(JsonObject o, string name) => o[name] is JsonValue v
            && (v.TryGetValue<long>(out _) || v.TryGetValue<double>(out _) || v.TryGetValue<int>(out _)
                || (v.TryGetValue<string>(out var s) && double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)));
        var audience = JwtHost.BaseUrl + path;
        var aud = payload["aud"];
        var audOk = aud is JsonValue av && av.TryGetValue<string>(out var a) ? a == audience
            : aud is JsonArray arr && arr.Any(x => x is JsonValue xv && xv.TryGetValue<string>(out var s) && s == audience);
        return Text(header, "alg") == (rsa ? "RS384" : "ES384")
            && Text(header, "kid") == (rsa ? "ehr-rsa-1" : JwtHost.Kid)
            && Text(payload, "iss") == JwtHost.Issuer
            && audOk
            && Text(payload, "jti") is { Length: > 0 }
            && Number(payload, "exp")
            && Number(payload, "iat");
    }

    [Fact]
    public async Task MutatedTokens_AreRefusedWithABare401_NeverA500()
    {
        var iterations = JsonFuzz.Iterations;
        var rng = new Random(JsonFuzz.Seed(13));
        var client = _host.Factory.CreateClient();
        var failures = new List<string>();
        var kinds = new int[3];
        var accepted = 0;
        for (var n = 0; n < iterations; n++)
        {
            var path = rng.Next(10) == 0 ? Hook : Discovery;
            var rsa = rng.Next(4) == 0;
            var header = Header(rsa);
            var payload = Payload(path);
            string? authorization;
            var kind = rng.Next(3);
            kinds[kind]++;
            bool mustRefuse;
            if (kind == 0)
            {
                // Changed, then signed again with the issuer's key: the signature holds, so the claims decide.
                string header64;
                string payload64;
                if (rng.Next(6) == 0)
                {
                    var rawHeader = rng.Next(2) == 0;
                    header64 = rawHeader ? Base64UrlEncoder.Encode(RawSegment(rng, header)) : Encode(header);
                    payload64 = rawHeader ? Encode(payload) : Base64UrlEncoder.Encode(RawSegment(rng, payload));
                    mustRefuse = false; // duplicate members and the like: judged by the host alone (never 5xx)
                }
                else
                {
                    for (var m = rng.Next(1, 4); m > 0; m--)
                    {
                        Change(header, payload, rng, path);
                    }

                    header64 = Encode(header);
                    payload64 = Encode(payload);
                    mustRefuse = !MayBeAccepted(header, payload, path, rsa);
                }

                authorization = "Bearer " + Sign(header64, payload64, rsa);
            }
            else if (kind == 1)
            {
                // A valid token changed after signing: never accepted.
                var valid = Sign(Encode(header), Encode(payload), rsa);
                var parts = valid.Split('.');
                string token;
                switch (rng.Next(9))
                {
                    case 0:
                    case 1:
                        var h = header.DeepClone().AsObject();
                        var p = payload.DeepClone().AsObject();
                        Change(h, p, rng, path);
                        token = Encode(h) + "." + Encode(p) + "." + parts[2];
                        break;
                    case 2:
                        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
                        signature[rng.Next(signature.Length)] ^= (byte)(1 << rng.Next(8));
                        token = parts[0] + "." + parts[1] + "." + Base64UrlEncoder.Encode(signature);
                        break;
                    case 3:
                        token = valid.Substring(0, rng.Next(valid.Length));
                        break;
                    case 4:
                        var chars = valid.ToCharArray();
                        chars[rng.Next(chars.Length)] = "+/=!*% \t~"[rng.Next(9)];
                        token = new string(chars);
                        break;
                    case 5:
                        token = valid + (rng.Next(2) == 0 ? "." : "." + parts[2]) + (rng.Next(2) == 0 ? ".x.y" : string.Empty);
                        break;
                    case 6:
                        token = parts[0] + "." + parts[1] + "." + new string('A', rng.Next(1, 40000));
                        break;
                    case 7:
                        token = parts[0] + "." + parts[1] + ".";
                        break;
                    default:
                        token = Base64UrlEncoder.Encode("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2];
                        break;
                }

                if (token == valid)
                {
                    kinds[kind]--;
                    continue;
                }

                authorization = "Bearer " + token;
                mustRefuse = true;
            }
            else
            {
                // The header itself damaged around a valid token.
                var valid = Sign(Encode(header), Encode(payload), rsa);
                var damage = rng.Next(8);
                authorization = damage switch
                {
                    0 => "bearer " + valid,
                    1 => "Bearer",
                    2 => "Bearer  ",
                    3 => "Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes("user:pass")),
                    4 => "Bearer " + valid + " " + valid,
                    5 => "Bearer " + valid + "," + valid,
                    6 => valid,
                    _ => null,
                };

                // The scheme is case-insensitive (RFC 9110), so a lower-case "bearer" may be accepted or refused.
                mustRefuse = damage != 0;
            }

            using var request = new HttpRequestMessage(path == Hook ? HttpMethod.Post : HttpMethod.Get, path);
            if (path == Hook)
            {
                request.Content = new StringContent(
                    FhirData.Request("order-select", FhirData.OrderContext(FhirData.Drafts()), null).ToJsonString().Replace("order-select", "order-sign", StringComparison.Ordinal),
                    Encoding.UTF8,
                    "application/json");
            }

            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
                if (kind == 2 && rng.Next(6) == 0)
                {
                    request.Headers.TryAddWithoutValidation("Authorization", authorization);
                }
            }

            var shown = authorization is null ? "(none)" : authorization.Length > 600 ? authorization.Substring(0, 600) + "…" : authorization;
            try
            {
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                accepted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
                if (status >= 500)
                {
                    failures.Add($"{status}: {shown}\n=> {body}");
                }
                else if (response.StatusCode == HttpStatusCode.OK && mustRefuse)
                {
                    failures.Add($"accepted a token it must refuse (kind {kind}): {shown}");
                }
                else if (response.StatusCode != HttpStatusCode.OK && (response.StatusCode != HttpStatusCode.Unauthorized || body.Length != 0)
                    && !(status == 431 && authorization!.Length > 16 * 1024)) // Kestrel (net8.0 target) refuses headers over its 32 KiB limit itself
                {
                    failures.Add($"{status} (not a bare 401): {shown}\n=> {body}");
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures.Add($"threw {ex.GetType().Name} ({ex.Message}): {shown}");
            }
        }

        kinds.Sum().Should().BeGreaterThan(iterations / 2);
        accepted.Should().BeGreaterThan(iterations / 50, "some signed-again tokens keep what is required, so the claims checks are reached");
        failures.Should().BeEmpty();
    }
}
