using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.Research.Coverage;

/// <summary>One rule's cohort firings beside the clinician feedback about its cards.</summary>
/// <param name="RuleId">The rule id (or a host's card code, for feedback about cards no rule of this set raised).</param>
/// <param name="Coverage">The rule's cohort coverage; null when the rule is not in the rule set run.</param>
/// <param name="Feedback">The feedback about its cards; null when there is none.</param>
internal sealed record RuleFeedbackCoverage(string RuleId, RuleCoverage? Coverage, RuleFeedbackSummary? Feedback);

/// <summary>
/// A coverage report's clinician feedback section (<c>coverage --feedback FILE</c>): per rule, the cohort's firings beside
/// what clinicians did with the cards the CDS Hooks service raised (accepted, overridden, override rate, top reasons).
/// Rules that neither fired nor had feedback are left out. Like the rest of the report, no path or timing is shown. Feedback about cards that no rule of the run raised
/// (a rule left out by a policy, a service card such as <c>INPUT-INVALID</c>, or an unknown card) is listed after.
/// </summary>
internal sealed class FeedbackCoverage
{
    /// <summary>How many override reasons are shown per rule.</summary>
    public const int TopReasons = 3;

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    private FeedbackCoverage(ClinicianFeedbackExport export, string ruleSetVersion, IReadOnlyList<RuleFeedbackCoverage> rules, IReadOnlyList<RuleFeedbackCoverage> other)
    {
        Export = export;
        RuleSetVersionMatches = string.Equals(export.RuleSetVersion, ruleSetVersion, StringComparison.Ordinal);
        Rules = rules;
        Other = other;
    }

    /// <summary>The export read.</summary>
    public ClinicianFeedbackExport Export { get; }

    /// <summary>Whether the cards were raised by the same rule set version as the coverage run.</summary>
    public bool RuleSetVersionMatches { get; }

    /// <summary>Rules of the run that fired or had feedback, in the report's rule order.</summary>
    public IReadOnlyList<RuleFeedbackCoverage> Rules { get; }

    /// <summary>Feedback about cards no rule of the run raised, by rule id.</summary>
    public IReadOnlyList<RuleFeedbackCoverage> Other { get; }

    /// <summary>Joins the report's rules with the export's per-rule feedback.</summary>
    public static FeedbackCoverage Join(CoverageReport report, ClinicianFeedbackExport export)
    {
        var feedback = export.Rules.ToDictionary(r => r.RuleId, StringComparer.Ordinal);
        var rules = new List<RuleFeedbackCoverage>();
        foreach (var rule in report.Rules)
        {
            feedback.TryGetValue(rule.Rule.Id, out var f);
            if (rule.Fired || f is not null)
            {
                rules.Add(new RuleFeedbackCoverage(rule.Rule.Id, rule, f));
            }
        }

        var known = new HashSet<string>(report.Rules.Select(r => r.Rule.Id), StringComparer.Ordinal);
        var other = export.Rules.Where(r => !known.Contains(r.RuleId)).Select(r => new RuleFeedbackCoverage(r.RuleId, null, r)).ToList();
        return new FeedbackCoverage(export, report.RuleSetVersion, rules, other);
    }

    /// <summary>The Markdown section.</summary>
    public void WriteMarkdown(StringBuilder sb)
    {
        var cards = Export.Rules.Sum(r => (long)r.Accepted + r.Overridden);
        sb.Append("\n## Clinician feedback\n\n");
        sb.Append(string.Format(
            C,
            "From the feedback export of rule set {0} {1}, exported {2}; {3} cards with feedback.\n",
            Export.RuleSetId,
            Export.RuleSetVersion,
            Export.ExportedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", C),
            cards));
        if (!RuleSetVersionMatches)
        {
            sb.Append("\n**The feedback is about cards of another rule set version than this run's; compare with care.**\n");
        }

        sb.Append("\n| Rule | Times fired | Patients | Accepted | Overridden | Override rate | Top override reasons |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---|\n");
        foreach (var row in Rules.Concat(Other))
        {
            var f = row.Feedback;
            sb.Append(string.Format(
                C,
                "| {0} | {1} | {2} | {3} | {4} | {5} | {6} |\n",
                row.Coverage is null ? Cell(row.RuleId) + " (not in this rule set)" : row.RuleId,
                row.Coverage?.TimesFired.ToString(C) ?? "–",
                row.Coverage?.PatientsAffected.ToString(C) ?? "–",
                f?.Accepted ?? 0,
                f?.Overridden ?? 0,
                f?.OverrideRate is { } rate ? (100 * rate).ToString("0.0", C) + " %" : "–",
                f is null || f.OverrideReasons.Count == 0 ? "–" : string.Join("; ", f.OverrideReasons.Take(TopReasons).Select(r => $"{Cell(r.Reason.Code)} ({r.Count})"))));
        }
    }

    /// <summary>The JSON member <c>clinicianFeedback</c>.</summary>
    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteStartObject("clinicianFeedback");
        w.WriteNumber("formatVersion", ClinicianFeedbackExport.FormatVersion);
        w.WriteString("ruleSetId", Export.RuleSetId);
        w.WriteString("ruleSetVersion", Export.RuleSetVersion);
        w.WriteBoolean("ruleSetVersionMatches", RuleSetVersionMatches);
        w.WriteString("exportedAt", Export.ExportedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", C));
        w.WriteStartArray("rules");
        foreach (var row in Rules)
        {
            WriteRow(w, row);
        }

        w.WriteEndArray();
        w.WriteStartArray("otherCards");
        foreach (var row in Other)
        {
            WriteRow(w, row);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter w, RuleFeedbackCoverage row)
    {
        w.WriteStartObject();
        w.WriteString("id", row.RuleId);
        if (row.Coverage is { } coverage)
        {
            w.WriteNumber("timesFired", coverage.TimesFired);
            w.WriteNumber("patientsAffected", coverage.PatientsAffected);
        }

        var f = row.Feedback;
        w.WriteNumber("accepted", f?.Accepted ?? 0);
        w.WriteNumber("overridden", f?.Overridden ?? 0);
        if (f?.OverrideRate is { } rate)
        {
            w.WriteNumber("overrideRate", Math.Round(rate, 4));
        }
        else
        {
            w.WriteNull("overrideRate");
        }

        w.WriteStartArray("topOverrideReasons");
        foreach (var r in f?.OverrideReasons.Take(TopReasons) ?? Enumerable.Empty<OverrideReasonCount>())
        {
            w.WriteStartObject();
            if (r.Reason.System is not null)
            {
                w.WriteString("system", r.Reason.System);
            }

            w.WriteString("code", r.Reason.Code);
            w.WriteNumber("count", r.Count);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("\r", " ");
}
