using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Imuran.ClinicalRules.CdsHooks.Contract;
using Imuran.ClinicalRules.CdsHooks.Internal;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.CdsHooks.Cards;

/// <summary>What the service could not see when it evaluated: every card of the call repeats it.</summary>
internal sealed record DataGaps(IReadOnlyList<string> Missing, IReadOnlyList<string> NotRecognised)
{
    public bool Any => Missing.Count > 0 || NotRecognised.Count > 0;
}

/// <summary>
/// Turns findings into CDS Hooks cards: summary, indicator from severity, a Markdown detail with the basis (facts,
/// logic, sources) and any data gaps, the rule set as source with the rule id as topic, links and override reasons.
/// No suggestions and no system actions: the cards never change an order, and never carry a dose.
/// </summary>
internal sealed class CardFactory
{
    /// <summary>The code system of <c>source.topic</c> for cards raised by a rule: the code is the rule id.</summary>
    public const string RuleIdSystem = "urn:imuran-clinicalrules:rule-id";

    /// <summary>The code system of <c>source.topic</c> for cards the service raises itself (invalid data, failed rules).</summary>
    public const string ServiceCardSystem = "urn:imuran-clinicalrules:service-card";

    private const int MaxSummary = 139;
    private const int MaxListed = 8;

    private readonly string _label;
    private readonly IReadOnlyList<Link> _links;

    public CardFactory(ClinicalRuleSet ruleSet, IEnumerable<CdsLink> links)
    {
        _label = $"Imuran.ClinicalRules rule set {ruleSet.Id} {ruleSet.Version}";
        _links = links.Select(l => new Link(l.Label, l.Url, "absolute")).ToArray();
    }

    public string Label => _label;

    public Card FromFinding(Finding finding, string uuid, DataGaps gaps)
    {
        var detail = new StringBuilder(1024);
        WriteGaps(detail, gaps);
        detail.Append(Markdown.Escape(finding.Detail)).Append("\n\n");
        if (!string.IsNullOrEmpty(finding.Review))
        {
            detail.Append("**To review:** ").Append(Markdown.Escape(finding.Review)).Append("\n\n");
        }

        detail.Append("**Basis** (rule ").Append(Markdown.Escape(finding.RuleId)).Append(", ")
            .Append(finding.Kind == FindingKind.Monitoring ? "monitoring prompt" : "caution")
            .Append(", topic ").Append(Markdown.Escape(finding.Topic)).Append(")\n\n");
        detail.Append("- Logic: ").Append(Markdown.Escape(finding.Basis.Logic)).Append('\n');
        foreach (var fact in finding.Basis.Facts)
        {
            detail.Append("- ").Append(Markdown.Escape(fact.Name)).Append(": ").Append(Markdown.Escape(NoDoseText.RemoveStrengths(fact.Value)));
            if (!string.IsNullOrEmpty(fact.Path))
            {
                detail.Append(" (").Append(Markdown.Escape(fact.Path)).Append(')');
            }

            detail.Append('\n');
        }

        detail.Append("\n**Sources**\n\n");
        foreach (var source in finding.Sources)
        {
            detail.Append("- ").Append(Markdown.Escape(source.Document)).Append(", ").Append(Markdown.Escape(source.Section))
                .Append(" \\[").Append(source.ConfidenceTag).Append("\\]");
            if (!string.IsNullOrEmpty(source.Note))
            {
                detail.Append(": ").Append(Markdown.Escape(source.Note));
            }

            detail.Append('\n');
        }

        return new Card
        {
            Uuid = uuid,
            Summary = Summary(NoDoseText.RemoveStrengths(finding.Summary) ?? finding.RuleId),
            Indicator = Indicator(finding.Severity),
            Detail = detail.ToString().TrimEnd(),
            Source = new CardSource
            {
                Label = _label,
                Topic = new Coding { System = RuleIdSystem, Code = finding.RuleId, Display = $"{finding.RuleId} ({finding.Topic})" },
            },
            OverrideReasons = OverrideReasons.All,
            Links = _links.Count == 0 ? null : _links,
        };
    }

    /// <summary>The card for facts the core refused: no rule ran, so the review must not look complete.</summary>
    public Card InvalidData(IReadOnlyList<ValidationProblem> problems, string uuid, DataGaps gaps)
    {
        var detail = new StringBuilder();
        WriteGaps(detail, gaps);
        detail.Append("The patient data from the EHR did not pass the rule set's validation, so **no azathioprine rule was evaluated**. ")
            .Append("Correct the data below, or review the patient without this support.\n\n");
        foreach (var problem in problems.Take(MaxListed * 2))
        {
            detail.Append("- ").Append(Markdown.Escape(problem.Field)).Append(" (").Append(Markdown.Escape(problem.Code)).Append("): ")
                .Append(Markdown.Escape(NoDoseText.RemoveStrengths(problem.Message))).Append('\n');
        }

        return ServiceCard(uuid, "INPUT-INVALID", "Azathioprine checks were not run: the patient data failed validation", "warning", detail);
    }

    /// <summary>The card for rules that failed while evaluating: the other cards are not a complete review.</summary>
    public Card RulesFailed(IReadOnlyList<string> ruleIds, string uuid)
    {
        var detail = new StringBuilder();
        detail.Append("These rules failed while evaluating, so the cards shown are **not a complete review**:\n\n");
        foreach (var id in ruleIds)
        {
            detail.Append("- ").Append(Markdown.Escape(id)).Append('\n');
        }

        return ServiceCard(uuid, "REVIEW-INCOMPLETE", $"Azathioprine review incomplete: {ruleIds.Count} rule(s) could not be evaluated", "warning", detail);
    }

    private Card ServiceCard(string uuid, string code, string summary, string indicator, StringBuilder detail) => new()
    {
        Uuid = uuid,
        Summary = Summary(summary),
        Indicator = indicator,
        Detail = detail.ToString().TrimEnd(),
        Source = new CardSource { Label = _label, Topic = new Coding { System = ServiceCardSystem, Code = code } },
        OverrideReasons = OverrideReasons.All,
        Links = _links.Count == 0 ? null : _links,
    };

    private static void WriteGaps(StringBuilder detail, DataGaps gaps)
    {
        if (!gaps.Any)
        {
            return;
        }

        if (gaps.Missing.Count > 0)
        {
            detail.Append("**Computed from incomplete data.** This service could not see:\n\n");
            foreach (var gap in gaps.Missing.Take(MaxListed))
            {
                detail.Append("- ").Append(Markdown.Escape(NoDoseText.RemoveStrengths(gap))).Append('\n');
            }

            if (gaps.Missing.Count > MaxListed)
            {
                detail.Append("- and ").Append(gaps.Missing.Count - MaxListed).Append(" more\n");
            }

            detail.Append('\n');
        }

        if (gaps.NotRecognised.Count > 0)
        {
            detail.Append("**Not recognised, so not checked:** ")
                .Append(string.Join("; ", gaps.NotRecognised.Take(MaxListed).Select(n => Markdown.Escape(NoDoseText.RemoveStrengths(n)))));
            if (gaps.NotRecognised.Count > MaxListed)
            {
                detail.Append("; and ").Append(gaps.NotRecognised.Count - MaxListed).Append(" more");
            }

            detail.Append("\n\n");
        }
    }

    private static string Indicator(Severity severity) => severity switch
    {
        Severity.Critical => "critical",
        Severity.Warning => "warning",
        _ => "info",
    };

    private static string Summary(string text)
    {
        text = text.Replace('\n', ' ').Replace('\r', ' ').Trim();
        return text.Length <= MaxSummary ? text : text.Substring(0, MaxSummary - 1).TrimEnd() + "…";
    }
}
