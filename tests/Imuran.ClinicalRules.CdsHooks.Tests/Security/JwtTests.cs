using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Security;

/// <summary>One host and one key pair for all JWT tests (each token has its own jti).</summary>
public sealed class JwtHost : IDisposable
{

    public const string Issuer = "https://ehr.example.org";
    public const string Kid = "ehr-key-1";
    public const string BaseUrl = "https://cds.example.org";

    public JwtHost()
    {
        var ec = Key.ExportParameters(false);
        var rsa = Rsa.ExportParameters(false);
        var jwks = new JsonObject
        {
            ["keys"] = new JsonArray(
                new JsonObject { ["kty"] = "EC", ["crv"] = "P-384", ["use"] = "sig", ["alg"] = "ES384", ["kid"] = Kid, ["x"] = Base64UrlEncoder.Encode(ec.Q.X), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y) },
                new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS384", ["kid"] = "ehr-rsa-1", ["n"] = Base64UrlEncoder.Encode(rsa.Modulus), ["e"] = Base64UrlEncoder.Encode(rsa.Exponent) }),
        }.ToJsonString();
        Factory = new CdsHooksFactory(o =>
        {
            o.Jwt.Enabled = true;
            o.Jwt.PublicBaseUrl = BaseUrl;
            o.Jwt.Issuers.Add(new CdsTrustedIssuer(Issuer, jwks));
            o.AllowedOrigins.Add("https://sandbox.cds-hooks.org");
            o.EnableFeedbackExport = true;
        });
    }

    public ECDsa Key { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public RSA Rsa { get; } = RSA.Create(2048);

    public CdsHooksFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Key.Dispose();
        Rsa.Dispose();
    }
}

public sealed class JwtTests : IClassFixture<JwtHost>
{
    private const string Issuer = JwtHost.Issuer;
    private const string Kid = JwtHost.Kid;
    private const string BaseUrl = JwtHost.BaseUrl;
    private const string Path = "/cds-services/imuran-azathioprine-order-sign";

    private readonly ECDsa _key;
    private readonly RSA _rsa;
    private readonly CdsHooksFactory _factory;

    public JwtTests(JwtHost host)
    {
        _key = host.Key;
        _rsa = host.Rsa;
        _factory = host.Factory;
    }

    private string Token(
        string? audience = BaseUrl + Path,
        string issuer = Issuer,
        DateTimeOffset? expires = null,
        string? jti = null,
        SigningCredentials? credentials = null,
        DateTimeOffset? issuedAt = null)
    {
        var now = (issuedAt ?? CdsHooksFactory.Now).UtcDateTime;
        var claims = new Dictionary<string, object> { ["jti"] = jti ?? Guid.NewGuid().ToString() };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = CdsHooksFactory.Now.UtcDateTime.AddSeconds(-5),
            Expires = (expires ?? CdsHooksFactory.Now.AddMinutes(5)).UtcDateTime,
            Claims = claims,
            SigningCredentials = credentials ?? new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = Kid }, SecurityAlgorithms.EcdsaSha384),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private async Task<HttpResponseMessage> CallAsync(string? token, string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(
                FhirData.Request("order-select", FhirData.OrderContext(FhirData.Drafts()), null).ToJsonString().Replace("order-select", "order-sign", StringComparison.Ordinal),
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _factory.CreateClient().SendAsync(request);
    }

    [Fact]
    public async Task FeedbackExport_WithoutAToken_IsABare401AndWithAValidTokenIsAnswered()
    {
        const string export = "/cds-services/feedback/export";
        var client = _factory.CreateClient();

        using var without = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, export));
        var withToken = new HttpRequestMessage(HttpMethod.Get, export);
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(BaseUrl + export));
        using var with = await client.SendAsync(withToken);

        without.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await without.Content.ReadAsStringAsync()).Should().BeEmpty();
        with.StatusCode.Should().Be(HttpStatusCode.OK);
        (await with.Content.ReadAsStringAsync()).Should().Contain("\"format\": \"imuran-clinicalrules-feedback\"");
    }

    private static async Task AssertBare401(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().BeEmpty("any failure is a bare 401: no reason is given away");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(new[] { "https://sandbox.cds-hooks.org" }, "a browser client must be able to see the 401");
    }

    [Fact]
    public async Task ValidEs384Token_IsAccepted()
    {
        using var response = await CallAsync(Token());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ValidRs384Token_IsAccepted()
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "ehr-rsa-1" }, SecurityAlgorithms.RsaSha384);

        using var response = await CallAsync(Token(credentials: credentials));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DiscoveryWithValidToken_IsAccepted_AndWithoutIsRefused()
    {
        var client = _factory.CreateClient();
        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token(BaseUrl + "/cds-services"));

        (await client.SendAsync(withToken)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/cds-services")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task NoToken_Is401() => await AssertBare401(await CallAsync(null));

    [Fact]
    public async Task AlgNone_Is401()
    {
        var valid = Token().Split('.');
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + Kid + "\"}");

        await AssertBare401(await CallAsync(header + "." + valid[1] + "."));
    }

    [Fact]
    public async Task Hs256Token_Is401()
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64)) { KeyId = Kid };

        await AssertBare401(await CallAsync(Token(credentials: new SigningCredentials(secret, SecurityAlgorithms.HmacSha256))));
    }

    [Fact]
    public async Task Es256Token_Is401()
    {
        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await AssertBare401(await CallAsync(Token(credentials: new SigningCredentials(new ECDsaSecurityKey(p256) { KeyId = Kid }, SecurityAlgorithms.EcdsaSha256))));
    }

    [Theory]
    [InlineData(BaseUrl + "/cds-services/imuran-azathioprine-order-select")]
    [InlineData(BaseUrl + Path + "/")]
    [InlineData("https://other.example.org" + Path)]
    [InlineData(null)]
    public async Task WrongAudience_Is401(string? audience) => await AssertBare401(await CallAsync(Token(audience)));

    [Fact]
    public async Task ExpiredToken_Is401() => await AssertBare401(await CallAsync(Token(expires: CdsHooksFactory.Now.AddMinutes(-2))));

    [Fact]
    public async Task TokenValidForTooLong_Is401() => await AssertBare401(await CallAsync(Token(expires: CdsHooksFactory.Now.AddDays(1))));

    [Fact]
    public async Task TokenIssuedInTheFuture_Is401()
    {
        // QA, 2 Dec: a token issued an hour ahead of the host's clock was accepted.
        await AssertBare401(await CallAsync(Token(issuedAt: CdsHooksFactory.Now.AddHours(1), expires: CdsHooksFactory.Now.AddMinutes(5))));
    }

    [Fact]
    public async Task TokenIssuedWithinTheClockSkew_Boundary_IsAccepted()
    {
        var response = await CallAsync(Token(issuedAt: CdsHooksFactory.Now.AddSeconds(20)));

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReplayedJti_Is401()
    {
        var token = Token(jti: "once-only");

        (await CallAsync(token)).StatusCode.Should().Be(HttpStatusCode.OK);
        await AssertBare401(await CallAsync(token));
        await AssertBare401(await CallAsync(Token(jti: "once-only")));
    }

    [Fact]
    public async Task UnknownKid_Is401()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        await AssertBare401(await CallAsync(Token(credentials: new SigningCredentials(new ECDsaSecurityKey(other) { KeyId = "not-in-the-set" }, SecurityAlgorithms.EcdsaSha384))));
    }

    [Fact]
    public async Task KnownKidButAnotherKeysSignature_Is401()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        await AssertBare401(await CallAsync(Token(credentials: new SigningCredentials(new ECDsaSecurityKey(other) { KeyId = Kid }, SecurityAlgorithms.EcdsaSha384))));
    }

    [Fact]
    public async Task IssuerNotAllowListed_Is401() => await AssertBare401(await CallAsync(Token(issuer: "https://sandbox.cds-hooks.org")));

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("....")]
    public async Task MalformedToken_Is401(string token) => await AssertBare401(await CallAsync(token));
}
