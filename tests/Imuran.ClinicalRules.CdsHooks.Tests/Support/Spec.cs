using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Support;

/// <summary>The CDS Hooks 2.0.1 response rules, as assertions; and small HTTP helpers.</summary>
public static class Spec
{
    public const string Prefix = "/cds-services/imuran-azathioprine-";

    private static readonly HashSet<string> Indicators = new() { "info", "warning", "critical" };
    private static readonly Regex Strength = new(@"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|unt|units?|iu)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex Html = new(@"(?<!\\)<\s*[A-Za-z!/?]", RegexOptions.CultureInvariant);

    public static async Task<(int Status, JsonElement Body, string Text)> PostAsync(HttpClient client, string path, JsonNode body)
    {
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return ((int)response.StatusCode, json, text);
    }

    /// <summary>Asserts a hook answer is a conformant CDS Hooks response and returns its cards.</summary>
    public static IReadOnlyList<JsonElement> AssertCardsResponse(JsonElement response)
    {
        response.ValueKind.Should().Be(JsonValueKind.Object);
        response.TryGetProperty("cards", out var cards).Should().BeTrue("'cards' is required");
        cards.ValueKind.Should().Be(JsonValueKind.Array);
        response.TryGetProperty("systemActions", out _).Should().BeFalse("the service never acts on the EHR by itself");
        AssertNoEmptyMembers(response, "$", allowEmptyArray: true);

        foreach (var card in cards.EnumerateArray())
        {
            var uuid = card.GetProperty("uuid").GetString();
            Guid.TryParse(uuid, out _).Should().BeTrue("every card carries a uuid, so feedback can name it");
            var summary = card.GetProperty("summary").GetString()!;
            summary.Length.Should().BeInRange(1, 139, "the summary must be under 140 characters");
            Indicators.Should().Contain(card.GetProperty("indicator").GetString());
            var source = card.GetProperty("source");
            source.GetProperty("label").GetString().Should().NotBeNullOrEmpty();
            if (card.TryGetProperty("detail", out var detail))
            {
                Html.IsMatch(detail.GetString()!).Should().BeFalse("detail is Markdown without HTML: " + detail.GetString());
            }

            Strength.IsMatch(card.GetRawText()).Should().BeFalse("no card carries a dose or a strength: " + card.GetRawText());
            card.TryGetProperty("suggestions", out _).Should().BeFalse("no suggestions: the service never changes an order");
            card.TryGetProperty("selectionBehavior", out _).Should().BeFalse();
            if (card.TryGetProperty("overrideReasons", out var reasons))
            {
                foreach (var reason in reasons.EnumerateArray())
                {
                    reason.GetProperty("display").GetString().Should().NotBeNullOrEmpty("cds-resp-4: every override reason has a display");
                    reason.GetProperty("code").GetString().Should().NotBeNullOrEmpty();
                }
            }

            if (card.TryGetProperty("links", out var links))
            {
                foreach (var link in links.EnumerateArray())
                {
                    var type = link.GetProperty("type").GetString();
                    type.Should().BeOneOf("absolute", "smart");
                    if (type == "absolute")
                    {
                        link.TryGetProperty("appContext", out _).Should().BeFalse("cds-resp-3: appContext only on smart links");
                        Uri.TryCreate(link.GetProperty("url").GetString(), UriKind.Absolute, out _).Should().BeTrue();
                    }

                    link.GetProperty("label").GetString().Should().NotBeNullOrEmpty();
                }
            }
        }

        return cards.EnumerateArray().ToList();
    }

    /// <summary>No member is null, "", [] or {} (the one exception, the top-level "cards": [], is allowed by the caller).</summary>
    public static void AssertNoEmptyMembers(JsonElement element, string path, bool allowEmptyArray = false)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (path != "$")
                {
                    element.EnumerateObject().Should().NotBeEmpty($"{path} must not be an empty object");
                }

                foreach (var member in element.EnumerateObject())
                {
                    member.Value.ValueKind.Should().NotBe(JsonValueKind.Null, $"{path}.{member.Name} must be omitted, not null");
                    AssertNoEmptyMembers(member.Value, $"{path}.{member.Name}", allowEmptyArray && path == "$" && member.Name == "cards");
                }

                break;
            case JsonValueKind.Array:
                if (!allowEmptyArray)
                {
                    element.GetArrayLength().Should().BeGreaterThan(0, $"{path} must be omitted, not []");
                }

                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoEmptyMembers(item, $"{path}[{i++}]");
                }

                break;
            case JsonValueKind.String:
                element.GetString().Should().NotBeEmpty($"{path} must be omitted, not \"\"");
                break;
        }
    }

    /// <summary>Asserts an error answer is a FHIR OperationOutcome with at least one issue.</summary>
    public static void AssertOperationOutcome(JsonElement body)
    {
        body.GetProperty("resourceType").GetString().Should().Be("OperationOutcome");
        body.GetProperty("issue").GetArrayLength().Should().BeGreaterThan(0);
        body.GetProperty("issue")[0].GetProperty("diagnostics").GetString().Should().NotBeNullOrEmpty();
    }

    public static string RuleId(JsonElement card) => card.GetProperty("source").GetProperty("topic").GetProperty("code").GetString()!;
}
