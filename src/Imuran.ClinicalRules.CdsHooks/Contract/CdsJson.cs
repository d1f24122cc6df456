using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Imuran.ClinicalRules.CdsHooks.Contract;

/// <summary>
/// The JSON the endpoints write. Optional members without a value are left out (never null, "", [] or {}): the
/// types use <see langword="null"/> for "absent" and the serializer omits nulls. <c>"cards": []</c> is the one empty
/// member written.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CardsResponse))]
[JsonSerializable(typeof(DiscoveryResponse))]
[JsonSerializable(typeof(OperationOutcome))]
internal sealed partial class CdsJsonContext : JsonSerializerContext
{
    /// <summary>The context the endpoints use: as generated, but without escaping <c>&amp;</c>, <c>+</c> or non-ASCII
    /// letters (the answers are JSON for EHRs, never embedded in HTML).</summary>
    public static CdsJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

/// <summary>The answer to a hook call.</summary>
internal sealed record CardsResponse(IReadOnlyList<Card> Cards)
{
    public static readonly CardsResponse Empty = new(System.Array.Empty<Card>());
}

/// <summary>A CDS Hooks card. No suggestions and no system actions: this service never changes an order.</summary>
internal sealed record Card
{
    public required string Uuid { get; init; }

    public required string Summary { get; init; }

    public string? Detail { get; init; }

    public required string Indicator { get; init; }

    public required CardSource Source { get; init; }

    public IReadOnlyList<Coding>? OverrideReasons { get; init; }

    public IReadOnlyList<Link>? Links { get; init; }
}

internal sealed record CardSource
{
    public required string Label { get; init; }

    public string? Url { get; init; }

    public Coding? Topic { get; init; }
}

internal sealed record Coding
{
    public string? System { get; init; }

    public required string Code { get; init; }

    public string? Display { get; init; }
}

internal sealed record Link(string Label, string Url, string Type);

/// <summary>The discovery document.</summary>
internal sealed record DiscoveryResponse(IReadOnlyList<ServiceDescriptor> Services);

internal sealed record ServiceDescriptor
{
    public required string Hook { get; init; }

    public string? Title { get; init; }

    public required string Description { get; init; }

    public required string Id { get; init; }

    public IReadOnlyDictionary<string, string>? Prefetch { get; init; }

    public string? UsageRequirements { get; init; }
}

/// <summary>A FHIR OperationOutcome for error answers (400, 404, 412, 413).</summary>
internal sealed record OperationOutcome
{
    public string ResourceType { get; init; } = "OperationOutcome";

    public required IReadOnlyList<OperationOutcomeIssue> Issue { get; init; }

    public static OperationOutcome Error(string code, string diagnostics, string? expression = null) => new()
    {
        Issue = new[]
        {
            new OperationOutcomeIssue
            {
                Severity = "error",
                Code = code,
                Diagnostics = diagnostics,
                Expression = expression is null ? null : new[] { expression },
            },
        },
    };
}

internal sealed record OperationOutcomeIssue
{
    public required string Severity { get; init; }

    public required string Code { get; init; }

    public string? Diagnostics { get; init; }

    public IReadOnlyList<string>? Expression { get; init; }
}
