using System.Collections.Generic;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Findings;

/// <summary>A document a rule rests on, with the section and how sure we are of it.</summary>
/// <param name="Document">The document, e.g. <c>Imuran USPI</c> or <c>CPIC thiopurine guideline 2018</c>.</param>
/// <param name="Section">The section, e.g. <c>WARNINGS: Cytopenias</c>.</param>
/// <param name="Confidence">How sure the knowledge base is of it.</param>
/// <param name="Note">A note for the reader, e.g. why a recalled statement was used.</param>
public sealed record SourceReference(string Document, string Section, Confidence Confidence, string? Note = null)
{
    /// <summary>The confidence as the knowledge base tags it: <c>V</c>, <c>V2</c>, <c>R</c> or <c>?</c>.</summary>
    public string ConfidenceTag => Confidence switch
    {
        Confidence.Verified => "V",
        Confidence.VerifiedSecondary => "V2",
        Confidence.Recalled => "R",
        _ => "?",
    };
}

/// <summary>One fact that made a rule fire, with the value it had.</summary>
/// <param name="Name">What the fact is, in a clinician's words, e.g. <c>TPMT phenotype</c>.</param>
/// <param name="Value">Its value, e.g. <c>poor metabolizer (from diplotype *3A/*3A)</c>.</param>
/// <param name="Path">Where it came from in the input, e.g. <c>pharmacogenomics[0]</c>, when it came from one place.</param>
public sealed record BasisFact(string Name, string Value, string? Path = null);

/// <summary>Why a finding was raised: the facts that matched and the rule's logic in plain words.</summary>
public sealed record FindingBasis
{
    private IReadOnlyList<BasisFact> _facts = ReadOnly.Empty<BasisFact>();

    /// <summary>The facts that matched.</summary>
    public IReadOnlyList<BasisFact> Facts { get => _facts; init => _facts = ReadOnly.Copy(value); }

    /// <summary>The rule's logic in plain words, e.g. <c>TPMT phenotype is poor metabolizer</c>.</summary>
    public string Logic { get; init; } = string.Empty;
}

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
    public FindingBasis Basis { get; init; } = new();

    /// <summary>The documents the rule rests on.</summary>
    public IReadOnlyList<SourceReference> Sources { get => _sources; init => _sources = ReadOnly.Copy(value); }
}
