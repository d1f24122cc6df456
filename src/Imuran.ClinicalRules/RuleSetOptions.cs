using System.Collections.Generic;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Policy;

namespace Imuran.ClinicalRules;

/// <summary>How to build a rule set: host thresholds and rules or topics to leave out.</summary>
public sealed record RuleSetOptions
{
    private IReadOnlyList<string> _disabledRules = ReadOnly.Empty<string>();
    private IReadOnlyList<string> _disabledTopics = ReadOnly.Empty<string>();

    /// <summary>
    /// Host thresholds and windows (local choices). Defaults to a new <see cref="RuleThresholds"/> of this instance's own,
    /// so binding configuration into it changes these options only. The rule set copies and validates it when built.
    /// </summary>
    public RuleThresholds Thresholds { get; init; } = new();

    /// <summary>
    /// Rule ids to leave out, matched ignoring case. Every result lists them, so nothing disappears unseen. A rule that
    /// reports unknown data (<see cref="Engine.RuleMetadata.ReportsUnknownData"/>: every <c>AZA-DQ-*</c> rule and a few
    /// others) cannot be left out: unknown is not normal (<c>POLICY_DISABLES_DATA_QUALITY</c>).
    /// </summary>
    public IReadOnlyList<string> DisabledRules { get => _disabledRules; init => _disabledRules = ReadOnly.Copy(value); }

    /// <summary>
    /// Topics to leave out (every rule of the topic), matched ignoring case. Every result lists the rules left out. The
    /// <c>data-quality</c> topic, and any topic holding a rule that reports unknown data (e.g. <c>pgx-testing</c>,
    /// <c>cbc-monitoring</c>), cannot be left out: unknown is not normal (<c>POLICY_DISABLES_DATA_QUALITY</c>).
    /// </summary>
    public IReadOnlyList<string> DisabledTopics { get => _disabledTopics; init => _disabledTopics = ReadOnly.Copy(value); }

    /// <summary>
    /// The site policy these options came from (<see cref="SitePolicy.ToRuleSetOptions"/> sets it), or null. Every
    /// result of the rule set carries it, so a finding that did not appear can be traced to the reviewed file.
    /// </summary>
    public PolicyReference? Policy { get; init; }

    /// <summary>The executor. Default <see cref="RuleEngine.NRules"/>.</summary>
    public RuleEngine Engine { get; init; } = RuleEngine.NRules;
}
