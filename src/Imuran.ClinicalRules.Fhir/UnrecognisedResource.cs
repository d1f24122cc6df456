namespace Imuran.ClinicalRules.Fhir;

/// <summary>A resource, or a coding within one, that gave no fact. Kept and listed, never silently dropped. Immutable.</summary>
public sealed record UnrecognisedResource
{
    /// <summary>The resource type, e.g. <c>Encounter</c>; empty when the entry had none.</summary>
    public string ResourceType { get; init; } = string.Empty;

    /// <summary>The resource id, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>Where the resource sits in the payload, e.g. <c>Bundle.entry[3].resource</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The machine-readable reason.</summary>
    public UnrecognisedReason Reason { get; init; }

    /// <summary>What was not recognised, in words, naming the codes or texts concerned.</summary>
    public string Message { get; init; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => $"{ResourceType}/{Id} ({Path}): {Message}";
}
