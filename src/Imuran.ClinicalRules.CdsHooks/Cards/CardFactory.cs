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
    private readonly string? _configuration;
    private readonly IReadOnlyList<Link> _links;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string RuleId, string Topic), string> _topicDisplays = new();

    public CardFactory(IClinicalRuleEvaluator ruleSet, IEnumerable<CdsLink> links)
    {
        _label = $"Imuran.ClinicalRules rule set {ruleSet.Id} {ruleSet.Version}";
        _configuration = Configuration(ruleSet);
        _links = links.Select(l => new Link(l.Label, l.Url, "absolute")).ToArray();
    }

    public string Label => _label;

    public Card FromFinding(Finding finding, string uuid, DataGaps gaps)
    {
        var detail = RentBuilder();
        WriteGaps(detail, gaps);
        Markdown.Append(detail, finding.Detail).Append("\n\n");
        if (!string.IsNullOrEmpty(finding.Review))
        {
            Markdown.Append(detail.Append("**To review:** "), finding.Review).Append("\n\n");
        }

        Markdown.Append(detail.Append("**Basis** (rule "), finding.RuleId).Append(", ")
            .Append(finding.Kind == FindingKind.Monitoring ? "monitoring prompt" : "caution")
            .Append(", topic ");
        Markdown.Append(detail, finding.Topic).Append(")\n\n");
        Markdown.Append(detail.Append("- Logic: "), finding.Basis.Logic).Append('\n');
        foreach (var fact in finding.Basis.Facts)
        {
            Markdown.Append(detail.Append("- "), fact.Name).Append(": ");
            Markdown.Append(detail, NoDoseText.RemoveStrengths(fact.Value));
            if (!string.IsNullOrEmpty(fact.Path))
            {
                Markdown.Append(detail.Append(" ("), fact.Path).Append(')');
            }

            detail.Append('\n');
        }

        if (_configuration is not null)
        {
            detail.Append(_configuration);
        }

        detail.Append("\n**Sources**\n\n");
        foreach (var source in finding.Sources)
        {
            Markdown.Append(detail.Append("- "), source.Document).Append(", ");
            Markdown.Append(detail, source.Section).Append(" \\[").Append(source.ConfidenceTag).Append("\\]");
            if (!string.IsNullOrEmpty(source.Note))
            {
                Markdown.Append(detail.Append(": "), source.Note);
            }

            detail.Append('\n');
        }

        return new Card
        {
            Uuid = uuid,
            Summary = Summary(NoDoseText.RemoveStrengths(finding.Summary) ?? finding.RuleId),
            Indicator = Indicator(finding.Severity),
            Detail = ToTrimmedString(detail),
            Source = new CardSource
            {
                Label = _label,
                Topic = new Coding { System = RuleIdSystem, Code = finding.RuleId, Display = TopicDisplay(finding) },
            },
            OverrideReasons = OverrideReasons.All,
            Links = _links.Count == 0 ? null : _links,
        };
    }

    /// <summary>
    /// The basis line that says how the service's rule set differs from the shipped one (site policy, thresholds changed
    /// from the defaults, rules left out), or null when it does not: a card's logic names the default values ("default
    /// 90 days"), and rules left out would otherwise disappear unseen (stop 28). The policy's name and version were
    /// checked fit to echo when the rule set was built.
    /// </summary>
    private static string? Configuration(IClinicalRuleEvaluator ruleSet)
    {
        var parts = new List<string>(3);
        if (ruleSet.Policy is { } policy)
        {
            parts.Add("site policy " + Markdown.Escape(policy.Name) + " " + Markdown.Escape(policy.Version));
        }

        if (ruleSet.Thresholds.DescribeChanges() is { } changed)
        {
            parts.Add("thresholds changed from the defaults: " + Markdown.Escape(changed));
        }

        if (ruleSet.DisabledRules.Count > 0)
        {
            parts.Add("rules left out: " + Markdown.Escape(string.Join(", ", ruleSet.DisabledRules)));
        }

        return parts.Count == 0 ? null : "- Service configuration: " + string.Join("; ", parts) + "\n";
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

    /// <summary>
    /// The card for draft orders whose medicine could not be identified: they were not checked, and silence would read
    /// as "nothing to say" (QA, 2 Dec). Each line names the order, the member and why, never the order's text.
    /// </summary>
    public Card DraftsNotChecked(IReadOnlyList<string> orders, string uuid)
    {
        var detail = new StringBuilder();
        detail.Append("The service could not tell which medicine these draft orders are for, so **they were not checked** ")
            .Append("against the azathioprine rules. If one is azathioprine, or a medicine that interacts with it, no card here says so. ")
            .Append("Check the order in the EHR, or review it without this support.\n\n");
        foreach (var order in orders.Take(MaxListed))
        {
            detail.Append("- ").Append(Markdown.Escape(NoDoseText.RemoveStrengths(order))).Append('\n');
        }

        if (orders.Count > MaxListed)
        {
            detail.Append("- and ").Append(orders.Count - MaxListed).Append(" more\n");
        }

        var summary = orders.Count == 1
            ? "A draft medication order could not be checked: its medicine was not identified"
            : $"{orders.Count} draft medication orders could not be checked: their medicines were not identified";
        return ServiceCard(uuid, "DRAFT-NOT-CHECKED", summary, "warning", detail);
    }

    private Card ServiceCard(string uuid, string code, string summary, string indicator, StringBuilder detail) => new()
    {
        Uuid = uuid,
        Summary = Summary(summary),
        Indicator = indicator,
        Detail = ToTrimmedString(detail),
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

    /// <summary>
    /// One builder a thread, reused: a card's detail is written without an await, so no other card can use it at the
    /// same time. A builder grown past <see cref="MaxKeptBuilder"/> characters is not kept.
    /// </summary>
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private const int MaxKeptBuilder = 16 * 1024;

    private static StringBuilder RentBuilder()
    {
        var builder = t_builder ?? new StringBuilder(2048);
        t_builder = null;
        return builder.Clear();
    }

    /// <summary>The text without trailing white space; the builder goes back for the next card.</summary>
    private static string ToTrimmedString(StringBuilder builder)
    {
        var length = builder.Length;
        while (length > 0 && char.IsWhiteSpace(builder[length - 1]))
        {
            length--;
        }

        var text = builder.ToString(0, length);
        if (builder.Capacity <= MaxKeptBuilder)
        {
            t_builder = builder;
        }

        return text;
    }

    /// <summary>The topic's display, <c>AZA-PGX-001 (pharmacogenomics)</c>: one string a rule and topic, kept.</summary>
    private string TopicDisplay(Finding finding)
    {
        var key = (finding.RuleId, finding.Topic);
        return _topicDisplays.TryGetValue(key, out var display)
            ? display
            : _topicDisplays.GetOrAdd(key, k => $"{k.RuleId} ({k.Topic})");
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
