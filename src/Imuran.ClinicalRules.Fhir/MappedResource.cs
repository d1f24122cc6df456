namespace Imuran.ClinicalRules.Fhir;

/// <summary>One FHIR resource that was read, and the fact it became (or why it was ignored). Immutable.</summary>
/// <remarks>A resource that gives several facts (for example a genotype for two genes) has one entry per fact.</remarks>
public sealed record MappedResource
{
    /// <summary>The resource type, e.g. <c>MedicationRequest</c>.</summary>
    public string ResourceType { get; init; } = string.Empty;

    /// <summary>The resource id, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>Where the resource sits in the payload, e.g. <c>Bundle.entry[3].resource</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The fact it became; <see cref="MappedFact.None"/> when it was deliberately ignored.</summary>
    public MappedFact Fact { get; init; }

    /// <summary>The fact in words, e.g. <c>Medication 'Allopurinol 100 MG Oral Tablet' (active)</c>, or <c>ignored: entered-in-error</c>.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>
    /// <see langword="true"/> when the fact was recognised from free text (a display or a name) rather than a code,
    /// for example a medicationReference that could not be resolved and was read from its display.
    /// </summary>
    public bool MatchedByText { get; init; }

    /// <summary><see langword="true"/> when the resource was read and deliberately gave no fact.</summary>
    public bool Ignored => Fact == MappedFact.None;

    /// <inheritdoc />
    public override string ToString() => $"{ResourceType}/{Id} ({Path}) -> {Description}";
}
