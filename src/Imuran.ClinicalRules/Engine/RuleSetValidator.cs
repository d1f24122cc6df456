using System.Collections.Generic;
using System.Linq;

namespace Imuran.ClinicalRules.Engine;

/// <summary>Checks a rule set when it is built, never when first used.</summary>
internal static class RuleSetValidator
{
    public static void Validate(IReadOnlyList<RuleDefinition> rules, RuleSetPolicy policy)
    {
        var seen = new HashSet<string>();
        foreach (var rule in rules)
        {
            var m = rule.Metadata;
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

            if (rule.Patterns.Count == 0)
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

            Check(id!, "title", m.Title, policy);
            Check(id!, "summary", m.Summary, policy);
            Check(id!, "detail", m.Detail, policy);
            Check(id!, "review", m.Review, policy);
            Check(id!, "logic", m.Logic, policy);
            foreach (var s in m.Sources)
            {
                Check(id!, "source note", s.Note ?? string.Empty, policy);
            }
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
