using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Findings;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Engine;

/// <summary>Checks a rule set when it is built, never when first used.</summary>
internal static class RuleSetValidator
{
    /// <summary>Checks every definition, in agenda order (priority, then id), and returns each one's metadata in that order.</summary>
    /// <exception cref="RuleSetValidationException">A rule breaks an invariant; the message names it.</exception>
    public static IReadOnlyList<(IRuleDefinition Definition, RuleMetadata Metadata)> Validate(IEnumerable<IRuleDefinition> definitions, RuleSetPolicy policy)
    {
        var rules = definitions
            .OrderByDescending(d => d.Priority)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(d => (Definition: d, Metadata: Read(d)))
            .ToList();
        var seen = new HashSet<string>();
        foreach (var (definition, m) in rules)
        {
            var id = m.Id;
            if (!policy.IdPattern.IsMatch(id ?? string.Empty))
            {
                throw new RuleSetValidationException(id ?? "(no id)", $"the id does not have the form {policy.IdPattern}.");
            }

            if (!seen.Add(id!))
            {
                throw new RuleSetValidationException(id!, "the id is used by more than one rule.");
            }

            if (policy.RetiredIds.Contains(id!))
            {
                throw new RuleSetValidationException(id!, "the id belonged to a retired rule and is never reused.");
            }

            if (definition.LeftHandSide.ChildElements.Count() == 0)
            {
                throw new RuleSetValidationException(id!, "the rule has no condition.");
            }

            if (string.IsNullOrWhiteSpace(m.Title))
            {
                throw new RuleSetValidationException(id!, "the rule has no title.");
            }

            if (string.IsNullOrWhiteSpace(m.Logic))
            {
                throw new RuleSetValidationException(id!, "the rule states no logic in plain words.");
            }

            // Principle 1 holds for every text a rule carries, a derivation's too: its title and logic travel in its
            // NRules definition, which hosts read (stop 31: derivations skipped these checks).
            Check(id!, "title", m.Title, policy);
            Check(id!, "summary", m.Summary, policy);
            Check(id!, "detail", m.Detail, policy);
            Check(id!, "review", m.Review, policy);
            Check(id!, "logic", m.Logic, policy);
            foreach (var s in m.Sources)
            {
                Check(id!, "source note", s.Note ?? string.Empty, policy);
            }

            if (m.IsDerivation)
            {
                continue;
            }

            foreach (var related in m.RelatedTopics)
            {
                if (!policy.IsKnownTopic(related) || related == m.Topic)
                {
                    throw new RuleSetValidationException(id!, $"the related topic '{related}' is not in the topic vocabulary or repeats the main topic.");
                }
            }

            if (!policy.IsKnownTopic(m.Topic))
            {
                throw new RuleSetValidationException(id!, $"the topic '{m.Topic}' is not in the topic vocabulary.");
            }

            if (m.Sources.Count == 0)
            {
                throw new RuleSetValidationException(id!, "the rule names no source.");
            }

            if (string.IsNullOrWhiteSpace(m.Summary))
            {
                throw new RuleSetValidationException(id!, "the rule has no summary.");
            }

            if (m.Summary.Length > policy.MaxSummaryLength)
            {
                throw new RuleSetValidationException(id!, $"the summary has {m.Summary.Length} characters; the limit is {policy.MaxSummaryLength}.");
            }

            if (string.IsNullOrWhiteSpace(m.Review))
            {
                throw new RuleSetValidationException(id!, "the rule does not say what to review.");
            }

            if (m.Topic == Topics.DataQuality && !m.ReportsUnknownData)
            {
                // One truth for the policy protection: a data-quality rule is protected by its mark, like every other.
                throw new RuleSetValidationException(id!, "a data-quality rule must be marked as reporting unknown data.");
            }
        }

        return rules;
    }

    private static RuleMetadata Read(IRuleDefinition definition)
    {
        try
        {
            return RuleProperties.Read(definition);
        }
        catch (ArgumentException ex)
        {
            throw new RuleSetValidationException(definition.Name ?? "(no id)", ex.Message);
        }
    }

    private static void Check(string id, string field, string text, RuleSetPolicy policy)
    {
        var problem = policy.FindForbiddenText(text);
        if (problem is not null)
        {
            throw new RuleSetValidationException(id, $"the {field} breaks the no-dose policy: {problem}.");
        }
    }
}
