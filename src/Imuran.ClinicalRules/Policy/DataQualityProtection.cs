using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// The rules no policy may leave out: the data-quality rules (topic <see cref="Topics.DataQuality"/>, ids
/// <c>AZA-DQ-*</c>), which report facts the rules need that are missing, stale, unreadable or contradictory. Unknown is
/// not normal (clinical safety principle 2), so leaving one out, or the whole topic, is refused
/// (<see cref="ErrorCodes.PolicyDisablesDataQuality"/>). One truth for the policy reader, <see cref="SitePolicy.Amend"/>
/// and <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/>.
/// </summary>
internal static class DataQualityProtection
{
    private const string What = "facts the rules need that are missing, stale, unreadable or contradictory";

    private const string Principle = "unknown is not normal (clinical safety principle 2), so no policy may leave it out";

    /// <summary>Why the rule <paramref name="id"/>, of topic <paramref name="topic"/>, may not be left out; null when it may.</summary>
    public static string? ForRule(string id, string? topic) =>
        topic == Topics.DataQuality ? $"{id} is a data-quality rule: it reports {What}; {Principle}." : null;

    /// <summary>Why the topic <paramref name="topic"/> (the vocabulary's spelling) may not be left out; null when it may.</summary>
    public static string? ForTopic(string topic) =>
        topic == Topics.DataQuality ? $"'{topic}' is the data-quality topic: its rules report {What}; {Principle}." : null;
}
