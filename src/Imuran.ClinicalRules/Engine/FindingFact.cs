using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// A finding as a fact in the rules session: every finding a rule raises is inserted as one, so a host's own NRules
/// rule can match it (for example <c>Match&lt;FindingFact&gt;(f =&gt; f.Finding.Severity == Severity.Critical)</c>).
/// </summary>
/// <remarks>
/// A class with reference identity on purpose: NRules identifies facts by <see cref="object.Equals(object)"/>, and
/// two findings may be equal as values (two identical entries in a record), yet both must stay facts.
/// Immutable.
/// </remarks>
public sealed class FindingFact
{
    /// <summary>Wraps a finding.</summary>
    public FindingFact(Finding finding) => Finding = finding ?? throw new System.ArgumentNullException(nameof(finding));

    /// <summary>The finding.</summary>
    public Finding Finding { get; }

    /// <summary>The id of the rule that raised it.</summary>
    public string RuleId => Finding.RuleId;

    /// <summary>Its severity.</summary>
    public Severity Severity => Finding.Severity;

    /// <summary>Its topic.</summary>
    public string Topic => Finding.Topic;
}
