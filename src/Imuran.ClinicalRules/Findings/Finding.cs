using System.Collections.Generic;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Findings;

/// <summary>
/// A caution or monitoring prompt for a clinician to review. Never a dosing decision. Immutable.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Imuran.ClinicalRules.Serialization.FindingJsonConverter))]
public sealed record Finding
{
    private IReadOnlyList<SourceReference> _sources = ReadOnly.Empty<SourceReference>();
    private IReadOnlyList<string> _relatedTopics = ReadOnly.Empty<string>();

    /// <summary>The rule's stable id, e.g. <c>AZA-PGX-001</c>; also the finding's machine-readable code.</summary>
    public string RuleId { get; init; } = string.Empty;

    /// <summary>Caution or monitoring.</summary>
    public FindingKind Kind { get; init; }

    /// <summary>How urgently to look at it.</summary>
    public Severity Severity { get; init; }

    /// <summary>The topic id from the public vocabulary, e.g. <c>tpmt</c>.</summary>
    public string Topic { get; init; } = string.Empty;

    /// <summary>Further topics from the vocabulary this finding belongs to (e.g. <c>nudt15</c> for a TPMT and NUDT15 finding); usually empty.</summary>
    public IReadOnlyList<string> RelatedTopics { get => _relatedTopics; init => _relatedTopics = ReadOnly.Copy(value); }

    /// <summary>Whether the finding belongs to <paramref name="topic"/>, as its main topic or a related one.</summary>
    public bool HasTopic(string topic)
    {
        if (Topic == topic)
        {
            return true;
        }

        foreach (var t in RelatedTopics)
        {
            if (t == topic)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One sentence under 140 characters.</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>Why, in words a clinician can check against the source.</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>What the clinician is prompted to review.</summary>
    public string Review { get; init; } = string.Empty;

    /// <summary>The facts that matched and the rule's logic.</summary>
    public FindingBasis Basis { get; init; } = FindingBasis.Empty;

    /// <summary>The documents the rule rests on.</summary>
    public IReadOnlyList<SourceReference> Sources { get => _sources; init => _sources = ReadOnly.Copy(value); }
}
