using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// The rules no policy may leave out: those that report facts the rules need that are missing, stale, unreadable or
/// contradictory (<see cref="RuleMetadata.ReportsUnknownData"/>: every data-quality rule, <c>AZA-DQ-*</c>, and rules
/// such as "no TPMT or NUDT15 result on file" or "blood count overdue"). Unknown is not normal (clinical safety
/// principle 2), so leaving one out, or a topic that holds one, is refused
/// (<see cref="ErrorCodes.PolicyDisablesDataQuality"/>). One truth for the policy reader, <see cref="SitePolicy.Amend"/>
/// and <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/>: the rule's own mark.
/// </summary>
internal static class DataQualityProtection
{
    private const string What = "facts the rules need that are missing, stale, unreadable or contradictory";

    private const string Principle = "unknown is not normal (clinical safety principle 2), so no policy may leave";

    /// <summary>Why <paramref name="rule"/> may not be left out; null when it may.</summary>
    public static string? ForRule(RuleMetadata rule) =>
        !rule.ReportsUnknownData ? null
        : rule.Topic == Topics.DataQuality ? $"{rule.Id} is a data-quality rule: it reports {What}; {Principle} it out."
        : $"{rule.Id} ({rule.Title}) reports {What}; {Principle} it out.";

    /// <summary>
    /// Why the topic <paramref name="topic"/> (the vocabulary's spelling) may not be left out, given the finding rules of
    /// the rule set, <paramref name="rules"/>; null when it may.
    /// </summary>
    public static string? ForTopic(string topic, IEnumerable<RuleMetadata> rules)
    {
        if (topic == Topics.DataQuality)
        {
            return $"'{topic}' is the data-quality topic: its rules report {What}; {Principle} it out.";
        }

        var inTopic = rules.Where(r => r.Topic == topic && !r.IsDerivation).OrderBy(r => r.Id, System.StringComparer.Ordinal).ToList();
        var kept = inTopic.Where(r => r.ReportsUnknownData).Select(r => r.Id).ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        var others = inTopic.Where(r => !r.ReportsUnknownData).Select(r => r.Id).ToList();
        var one = kept.Count == 1;
        return $"'{topic}' holds {string.Join(", ", kept)}, which {(one ? "reports" : "report")} {What}; {Principle} {(one ? "it" : "them")} out, "
            + $"nor the topic. Its other rules may be left out by id{(others.Count == 0 ? ": it has none" : ": " + string.Join(", ", others))}.";
    }
}
