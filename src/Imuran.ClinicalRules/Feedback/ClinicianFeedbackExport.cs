using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Feedback;

/// <summary>
/// An export of clinician feedback about the cards a host (e.g. the CDS Hooks service) issued, for research beside a
/// cohort's rule coverage (<c>imuran-rules coverage --feedback</c>). Written and read with
/// <see cref="ClinicianFeedbackJson"/>; format version <see cref="FormatVersion"/>. Immutable.
/// </summary>
public sealed record ClinicianFeedbackExport
{
    /// <summary>The format's name, the file's <c>format</c> member.</summary>
    public const string FormatName = "imuran-clinicalrules-feedback";

    /// <summary>The format version this library writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The rule id feedback is counted under when the card's rule is not known.</summary>
    public const string UnknownRule = "unknown";

    private IReadOnlyList<RuleFeedbackSummary> _rules = ReadOnly.Empty<RuleFeedbackSummary>();
    private IReadOnlyList<ClinicianFeedbackEntry> _entries = ReadOnly.Empty<ClinicianFeedbackEntry>();

    /// <summary>The id of the rule set that raised the cards.</summary>
    public string RuleSetId { get; init; } = string.Empty;

    /// <summary>The version of the rule set that raised the cards.</summary>
    public string RuleSetVersion { get; init; } = string.Empty;

    /// <summary>When the export was made.</summary>
    public DateTimeOffset ExportedAt { get; init; }

    /// <summary>Feedback per rule, ordered by rule id (ordinal).</summary>
    public IReadOnlyList<RuleFeedbackSummary> Rules { get => _rules; init => _rules = ReadOnly.Copy(value); }

    /// <summary>The individual feedback entries, one per card; may be empty when a host exports counts only.</summary>
    public IReadOnlyList<ClinicianFeedbackEntry> Entries { get => _entries; init => _entries = ReadOnly.Copy(value); }

    /// <summary>
    /// An export of <paramref name="entries"/> (one per card: a host keeps the latest outcome of each), with the per-rule
    /// summaries computed from them. Entries are ordered by service id then card uuid.
    /// </summary>
    /// <param name="ruleSetId">The rule set's id, e.g. <see cref="ClinicalRuleSet.Id"/>.</param>
    /// <param name="ruleSetVersion">The rule set's version, e.g. <see cref="ClinicalRuleSet.Version"/>.</param>
    /// <param name="exportedAt">When the export is made (passed in: the library never reads the clock).</param>
    /// <param name="entries">The feedback entries.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ClinicianFeedbackExport Create(string ruleSetId, string ruleSetVersion, DateTimeOffset exportedAt, IEnumerable<ClinicianFeedbackEntry> entries)
    {
        if (ruleSetId is null)
        {
            throw new ArgumentNullException(nameof(ruleSetId));
        }

        if (ruleSetVersion is null)
        {
            throw new ArgumentNullException(nameof(ruleSetVersion));
        }

        if (entries is null)
        {
            throw new ArgumentNullException(nameof(entries));
        }

        var ordered = entries
            .OrderBy(e => e.ServiceId, StringComparer.Ordinal)
            .ThenBy(e => e.CardUuid, StringComparer.Ordinal)
            .ToList();
        return new ClinicianFeedbackExport
        {
            RuleSetId = ruleSetId,
            RuleSetVersion = ruleSetVersion,
            ExportedAt = exportedAt,
            Rules = Summarise(ordered),
            Entries = ordered,
        };
    }

    /// <summary>Per-rule summaries of entries, ordered by rule id.</summary>
    internal static List<RuleFeedbackSummary> Summarise(IEnumerable<ClinicianFeedbackEntry> entries) => entries
        .GroupBy(e => e.RuleId ?? UnknownRule, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new RuleFeedbackSummary
        {
            RuleId = g.Key,
            Accepted = g.Count(e => e.Outcome == CardOutcome.Accepted),
            Overridden = g.Count(e => e.Outcome == CardOutcome.Overridden),
            OverrideReasons = g
                .Where(e => e.Outcome == CardOutcome.Overridden && e.OverrideReason is not null)
                .GroupBy(e => e.OverrideReason!)
                .Select(r => new OverrideReasonCount(r.Key, r.Count()))
                .OrderByDescending(r => r.Count)
                .ThenBy(r => r.Reason.System, StringComparer.Ordinal)
                .ThenBy(r => r.Reason.Code, StringComparer.Ordinal)
                .ToList(),
        })
        .ToList();
}
