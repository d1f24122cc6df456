using System.Collections.Generic;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// What a rule is, as data: it can be listed, filtered and exported without running the rule. Immutable.
/// </summary>
public sealed record RuleMetadata
{
    private IReadOnlyList<SourceReference> _sources = ReadOnly.Empty<SourceReference>();
    private IReadOnlyList<string> _conditions = ReadOnly.Empty<string>();
    private IReadOnlyList<string> _relatedTopics = ReadOnly.Empty<string>();

    /// <summary>The stable id, e.g. <c>AZA-PGX-001</c>. Never reused for another rule.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The rule's version; raised whenever its logic or texts change.</summary>
    public int Version { get; init; } = 1;

    /// <summary>A short title.</summary>
    public string Title { get; init; } = string.Empty;

    /// <summary>The topic id (see <see cref="Topics"/>).</summary>
    public string Topic { get; init; } = string.Empty;

    /// <summary>
    /// Further topics the rule's findings belong to (e.g. <c>nudt15</c> for a finding about both TPMT and NUDT15), so a
    /// host that routes by topic finds them under each; empty for most rules. Disabling a topic leaves out rules by
    /// their main <see cref="Topic"/> only.
    /// </summary>
    public IReadOnlyList<string> RelatedTopics { get => _relatedTopics; init => _relatedTopics = ReadOnly.Copy(value); }

    /// <summary>Caution or monitoring.</summary>
    public FindingKind Kind { get; init; }

    /// <summary>The severity of the findings it raises.</summary>
    public Severity Severity { get; init; }

    /// <summary>The trigger in plain words.</summary>
    public string Logic { get; init; } = string.Empty;

    /// <summary>The finding summary (may hold <c>{placeholders}</c> filled when the rule fires).</summary>
    public string Summary { get; init; } = string.Empty;

    /// <summary>The finding detail (may hold <c>{placeholders}</c>).</summary>
    public string Detail { get; init; } = string.Empty;

    /// <summary>What the clinician is prompted to review.</summary>
    public string Review { get; init; } = string.Empty;

    /// <summary>The documents the rule rests on, with their confidence.</summary>
    public IReadOnlyList<SourceReference> Sources { get => _sources; init => _sources = ReadOnly.Copy(value); }

    /// <summary>Each condition of the rule in plain words, in order (for condition coverage).</summary>
    public IReadOnlyList<string> Conditions { get => _conditions; init => _conditions = ReadOnly.Copy(value); }

    /// <summary><see langword="true"/> for a rule that only derives facts for other rules and raises no finding.</summary>
    public bool IsDerivation { get; init; }

    /// <summary>
    /// <see langword="true"/> for a rule that reports facts the rules need that are missing, stale, unreadable or
    /// contradictory: every data-quality rule, and rules such as "no TPMT or NUDT15 result on file" or "blood count
    /// overdue". Unknown is not normal (clinical safety principle 2), so no options or site policy may leave such a
    /// rule out, nor a topic that holds one (<c>POLICY_DISABLES_DATA_QUALITY</c>).
    /// </summary>
    public bool ReportsUnknownData { get; init; }
}
