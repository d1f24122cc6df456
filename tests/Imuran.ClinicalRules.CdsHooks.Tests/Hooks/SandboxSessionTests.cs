using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>
/// A whole CDS Hooks Sandbox session replayed in the order the browser makes the calls, each with the token the sandbox
/// sends (ES384, signed with its published test key, <c>kid</c> and <c>jku</c> as in its jwt-generator.js, <c>aud</c> the
/// URL called, a fresh <c>jti</c>) and its browser origin: preflight, discovery, patient-view on load, order-select with
/// the empty draft, order-select after the medication form (RxNorm 197388 with dose, frequency and supply), order-sign,
/// feedback. (No real browser here: see the report of issue 14.)
/// </summary>
public class SandboxSessionTests
{
    private const string Origin = "http://localhost:8080";
    private const string PublicBase = "http://127.0.0.1:5080";
    private const string SandboxIssuer = "https://sandbox.cds-hooks.org";
    private const string SandboxKid = "44823f3d-0b01-4a6c-a80e-b9d3e8a7226f";

    private static string Example(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Examples", file));

    private static string SandboxToken(ECDsa key, string audience)
    {
        var now = CdsHooksFactory.Now.UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = SandboxIssuer,
            Audience = audience,
            IssuedAt = now,
            Expires = now.AddSeconds(300),
            Claims = new Dictionary<string, object> { ["jti"] = Guid.NewGuid().ToString() },
            AdditionalHeaderClaims = new Dictionary<string, object> { ["jku"] = SandboxIssuer + "/.well-known/jwks.json" },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = SandboxKid }, SecurityAlgorithms.EcdsaSha384),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static async Task<(HttpStatusCode Status, string Text, HttpResponseMessage Response)> SendAsync(HttpClient client, ECDsa key, HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Origin", Origin);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SandboxToken(key, PublicBase + path));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static JsonObject SandboxDraft(bool withMedication)
    {
        var draft = new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = "request-123",
            ["status"] = "draft",
            ["intent"] = "order",
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + FhirData.PatientId },
        };
        if (withMedication)
        {
            draft["medicationCodeableConcept"] = new JsonObject
            {
                ["text"] = "Azathioprine 50 MG Oral Tablet",
                ["coding"] = new JsonArray(new JsonObject { ["system"] = FhirData.RxNorm, ["code"] = "197388", ["display"] = "Azathioprine 50 MG Oral Tablet" }),
            };
            draft["dosageInstruction"] = new JsonArray(new JsonObject
            {
                ["text"] = "75 mg three times daily",
                ["doseAndRate"] = new JsonArray(new JsonObject { ["doseQuantity"] = new JsonObject { ["value"] = 75, ["unit"] = "mg" } }),
                ["timing"] = new JsonObject { ["repeat"] = new JsonObject { ["frequency"] = 3, ["period"] = 1, ["periodUnit"] = "d" } },
            });
            draft["dispenseRequest"] = new JsonObject
            {
                ["expectedSupplyDuration"] = new JsonObject { ["value"] = 28, ["unit"] = "days" },
                ["quantity"] = new JsonObject { ["value"] = 84, ["unit"] = "tablet" },
            };
        }

        return draft;
    }

    [Fact]
    public async Task SandboxSession_FromPreflightToFeedback_WithTheSandboxsOwnToken_AnswersEveryCallAsTheSpecSays()
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(Example("sandbox-ecprivkey.pem"));
        using var factory = new CdsHooksFactory(o =>
        {
            o.AllowedOrigins.Add(Origin);
            o.Jwt.Enabled = true;
            o.Jwt.PublicBaseUrl = PublicBase;
            o.Jwt.Issuers.Add(new CdsTrustedIssuer(SandboxIssuer, Example("sandbox-jwks.json")));
        });
        var client = factory.CreateClient();
        JsonObject Prefetch() => FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]);

        // 1. The browser's CORS preflight, before any call that carries Authorization.
        using (var preflight = new HttpRequestMessage(HttpMethod.Options, "/cds-services"))
        {
            preflight.Headers.Add("Origin", Origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var answer = await client.SendAsync(preflight);
            answer.StatusCode.Should().Be(HttpStatusCode.NoContent);
            answer.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);
        }

        // 2. Discovery.
        var (status, text, response) = await SendAsync(client, key, HttpMethod.Get, "/cds-services");
        status.Should().Be(HttpStatusCode.OK, "the sandbox's own ES384 token is accepted");
        response.Headers.GetValues("Access-Control-Allow-Origin").Should().Equal(Origin);
        text.Should().Contain("\"hook\":\"patient-view\"").And.Contain("\"hook\":\"order-select\"").And.Contain("\"hook\":\"order-sign\"");

        // 3. patient-view when the patient is opened (azathioprine not taken yet: no cards).
        (status, text, _) = await SendAsync(client, key, HttpMethod.Post, "/cds-services/imuran-azathioprine-patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), Prefetch(), Guid.NewGuid().ToString()));
        status.Should().Be(HttpStatusCode.OK);
        text.Should().Be("{\"cards\":[]}");

        // 4. order-select when the Rx View opens: an empty draft.
        (status, text, _) = await SendAsync(client, key, HttpMethod.Post, "/cds-services/imuran-azathioprine-order-select", FhirData.Request("order-select", FhirData.OrderContext(FhirData.Drafts(SandboxDraft(withMedication: false)), "MedicationRequest/request-123"), Prefetch(), Guid.NewGuid().ToString()));
        status.Should().Be(HttpStatusCode.OK);
        text.Should().Be("{\"cards\":[]}");

        // 5. order-select after the form is filled: the product code with dose, frequency and supply.
        (status, text, _) = await SendAsync(client, key, HttpMethod.Post, "/cds-services/imuran-azathioprine-order-select", FhirData.Request("order-select", FhirData.OrderContext(FhirData.Drafts(SandboxDraft(withMedication: true)), "MedicationRequest/request-123"), Prefetch(), Guid.NewGuid().ToString()));
        status.Should().Be(HttpStatusCode.OK);
        var selectCards = Spec.AssertCardsResponse(JsonDocument.Parse(text).RootElement);
        selectCards.Select(Spec.RuleId).Should().Contain(new[] { "AZA-INT-001", "AZA-PGX-001" });
        text.Should().NotContain("50 MG").And.NotContain("three times").And.NotContain("tablet");
        System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(75|84|28)\b").Should().BeFalse("no dose, quantity or supply from the draft is echoed");

        // 6. order-sign.
        (status, text, _) = await SendAsync(client, key, HttpMethod.Post, "/cds-services/imuran-azathioprine-order-sign", FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(SandboxDraft(withMedication: true))), Prefetch(), Guid.NewGuid().ToString()));
        status.Should().Be(HttpStatusCode.OK);
        var signCards = Spec.AssertCardsResponse(JsonDocument.Parse(text).RootElement);
        signCards.Where(c => c.GetProperty("indicator").GetString() == "critical").Select(Spec.RuleId).Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");

        // 7. Feedback when the clinician dismisses the interaction card with a reason.
        var card = signCards.Single(c => Spec.RuleId(c) == "AZA-INT-001");
        var reason = card.GetProperty("overrideReasons")[0];
        var feedback = new JsonObject
        {
            ["feedback"] = new JsonArray(new JsonObject
            {
                ["card"] = card.GetProperty("uuid").GetString(),
                ["outcome"] = "overridden",
                ["overrideReason"] = new JsonObject { ["reason"] = JsonNode.Parse(reason.GetRawText()) },
                ["outcomeTimestamp"] = "2026-11-22T10:05:00Z",
            }),
        };
        (status, _, _) = await SendAsync(client, key, HttpMethod.Post, "/cds-services/imuran-azathioprine-order-sign/feedback", feedback);
        status.Should().Be(HttpStatusCode.OK);

        // The same token twice (a replayed jti) is refused.
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        var token = SandboxToken(key, PublicBase + "/cds-services");
        replay.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.SendAsync(replay)).StatusCode.Should().Be(HttpStatusCode.OK);
        using var again = new HttpRequestMessage(HttpMethod.Get, "/cds-services");
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        (await client.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
