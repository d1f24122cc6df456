using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Internal;

/// <summary>
/// Matches rule ids and topics a host names (in options, a site policy or on the command line) to the catalogue's
/// own spelling, ignoring case. An unknown one is an error that lists every valid value.
/// </summary>
internal static class RuleSelection
{
    // The default rule set leaves nothing out, so its rules are the catalogue's finding rules.
    private static readonly Lazy<IReadOnlyList<string>> CatalogueIds = new(() =>
        ClinicalRuleSet.Default.Rules.Select(r => r.Id).OrderBy(id => id, StringComparer.Ordinal).ToArray());

    private static readonly Lazy<IReadOnlyDictionary<string, RuleMetadata>> CatalogueRules = new(() =>
        ClinicalRuleSet.Default.Rules.ToDictionary(r => r.Id, r => r, StringComparer.Ordinal));

    /// <summary>The finding-rule ids of the shipped catalogue, ordered.</summary>
    public static IReadOnlyList<string> RuleIds => CatalogueIds.Value;

    /// <summary>The finding rules of the shipped catalogue.</summary>
    public static IEnumerable<RuleMetadata> Rules => CatalogueRules.Value.Values;

    /// <summary>The catalogue's rule <paramref name="id"/> (its own spelling).</summary>
    public static RuleMetadata Rule(string id) => CatalogueRules.Value[id];

    /// <summary>The catalogue's spelling of <paramref name="id"/>, matched ignoring case; null when no rule has it.</summary>
    public static string? FindRule(string? id, IEnumerable<string> ids) =>
        id is null ? null : ids.FirstOrDefault(known => string.Equals(known, id.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The vocabulary's spelling of <paramref name="topic"/>, matched ignoring case; null when it is not a topic.</summary>
    public static string? FindTopic(string? topic) =>
        topic is null ? null : Topics.All.FirstOrDefault(known => string.Equals(known, topic.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The message for an unknown rule id, listing the valid ones.</summary>
    public static string UnknownRule(string id, IEnumerable<string> ids) =>
        $"No rule has the id '{id}'. Valid rule ids: {string.Join(", ", ids)}.";

    /// <summary>The message for an unknown topic, listing the valid ones.</summary>
    public static string UnknownTopic(string topic) =>
        $"'{topic}' is not a topic in the vocabulary. Valid topics: {string.Join(", ", Topics.All)}.";

    /// <summary>
    /// <paramref name="options"/> with every disabled rule id and topic in the catalogue's spelling.
    /// </summary>
    /// <exception cref="ArgumentException">An id or topic is unknown; the message lists the valid ones.</exception>
    public static RuleSetOptions Canonicalise(RuleSetOptions options, IReadOnlyList<string> ruleIds)
    {
        var rules = new List<string>(options.DisabledRules.Count);
        foreach (var id in options.DisabledRules)
        {
            rules.Add(FindRule(id, ruleIds) ?? throw new ArgumentException(UnknownRule(id, ruleIds), nameof(options)));
        }

        var topics = new List<string>(options.DisabledTopics.Count);
        foreach (var topic in options.DisabledTopics)
        {
            topics.Add(FindTopic(topic) ?? throw new ArgumentException(UnknownTopic(topic), nameof(options)));
        }

        return options with { DisabledRules = rules, DisabledTopics = topics };
    }
}
