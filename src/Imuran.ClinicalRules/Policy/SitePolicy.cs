using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// A site's reviewed, versioned decisions about the rule set: rules or topics left out, each with a reason and an
/// approver, and thresholds set differently from the defaults. Read one with <see cref="SitePolicyJson"/>; build the
/// rule set from <see cref="ToRuleSetOptions"/>. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// A result of a rule set built from a policy names the policy (<see cref="EvaluationResult.Policy"/>) and lists every
/// rule left out (<see cref="EvaluationResult.DisabledRules"/>), so a finding that did not appear can be explained later.
/// </remarks>
public sealed record SitePolicy
{
    private IReadOnlyList<PolicyExclusion> _disable = ReadOnly.Empty<PolicyExclusion>();
    private IReadOnlyDictionary<string, string?> _thresholds = new Dictionary<string, string?>();

    /// <summary>The policy's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The policy's version.</summary>
    public string Version { get; init; } = string.Empty;

    /// <summary>The SHA-256 of the policy's bytes as read (<c>sha256:</c> and 64 lowercase hex digits).</summary>
    public string ContentHash { get; init; } = string.Empty;

    /// <summary>Rules and topics left out, each with its reason and approver.</summary>
    public IReadOnlyList<PolicyExclusion> Disable { get => _disable; init => _disable = ReadOnly.Copy(value); }

    /// <summary>
    /// Thresholds set by name: the camelCase names of <see cref="RuleThresholds"/>' properties (e.g.
    /// <c>liverTestWindowDays</c>), each with its value as invariant-culture text, or null to turn a nullable
    /// threshold off.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Thresholds
    {
        get => _thresholds;
        init => _thresholds = new Dictionary<string, string?>(value?.ToDictionary(p => p.Key, p => p.Value) ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The policy's name, version and content hash, as results carry them.</summary>
    public PolicyReference Reference => new(Name, Version, ContentHash);

    /// <summary>The options for <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/>: the rules and topics left out, the thresholds set, and this policy's reference.</summary>
    /// <exception cref="ArgumentException">An entry names an unknown rule, topic or option, or a value does not fit; the message lists the valid ones.</exception>
    public RuleSetOptions ToRuleSetOptions() => new()
    {
        Thresholds = ThresholdValues.Apply(RuleThresholds.Default, Thresholds),
        DisabledRules = Disable.Where(d => d.Rule is not null).Select(d => d.Rule!).ToList(),
        DisabledTopics = Disable.Where(d => d.Topic is not null).Select(d => d.Topic!).ToList(),
        Policy = Reference,
    };

    /// <summary>
    /// This policy with more rules or topics left out and more thresholds set, for a trial (the tool's
    /// <c>--disable</c> and <c>--threshold</c>) or a host's own settings. The result is a different policy: its version
    /// gains <c>+</c><paramref name="changedBy"/>, and its hash is that of its canonical JSON
    /// (<see cref="SitePolicyJson.ToJson"/>), so it can never pass for the reviewed file.
    /// </summary>
    /// <param name="changedBy">Who or what changed it, e.g. <c>command-line</c>.</param>
    /// <param name="disable">Rule ids or topics (matched ignoring case) to leave out as well.</param>
    /// <param name="thresholds">Thresholds to set as well, by name (matched ignoring case).</param>
    /// <exception cref="ArgumentException">
    /// A rule, topic or option is unknown, or a value does not fit (the message lists the valid ones); or a rule or topic
    /// reports unknown data (<see cref="Engine.RuleMetadata.ReportsUnknownData"/>) or is a topic that holds such a rule,
    /// which no policy may leave out (the message names the rules and <c>POLICY_DISABLES_DATA_QUALITY</c>); or
    /// <paramref name="changedBy"/> is empty, holds a control character or dosing text, or would make the version longer
    /// than 200 characters (<c>REQUIRED</c>, <c>INVALID_TEXT</c>, <c>POLICY_TEXT_CARRIES_DOSING_TEXT</c>,
    /// <c>INPUT_TOO_LARGE</c>; the parameter is <c>changedBy</c>, and unfit text is not echoed).
    /// </exception>
    public SitePolicy Amend(string changedBy, IEnumerable<string>? disable, IEnumerable<KeyValuePair<string, string?>>? thresholds)
    {
        // changedBy goes into the version and every exclusion's reason, which every result echoes: checked as the
        // policy's own name is, and never echoed when unfit (stop 28).
        if (string.IsNullOrWhiteSpace(changedBy))
        {
            throw new ArgumentException($"Name who or what changed the policy, e.g. command-line. [{ErrorCodes.Required}]", nameof(changedBy));
        }

        if (PolicyText.Problem(nameof(changedBy), "The name of the change (changedBy), which the amended version echoes,", changedBy) is { } unfit)
        {
            throw new ArgumentException($"{unfit.Message} [{unfit.Code}]", nameof(changedBy));
        }

        var exclusions = Disable.ToList();
        foreach (var item in disable ?? Enumerable.Empty<string>())
        {
            var rule = RuleSelection.FindRule(item, RuleSelection.RuleIds);
            var topic = rule is null ? RuleSelection.FindTopic(item) : null;
            if (rule is null && topic is null)
            {
                throw new ArgumentException(
                    $"'{item}' is neither a rule id nor a topic. Valid rule ids: {string.Join(", ", RuleSelection.RuleIds)}. Valid topics: {string.Join(", ", Findings.Topics.All)}.",
                    nameof(disable));
            }

            if ((rule is not null ? DataQualityProtection.ForRule(RuleSelection.Rule(rule)) : DataQualityProtection.ForTopic(topic!, RuleSelection.Rules)) is { } keep)
            {
                throw new ArgumentException($"{keep} [{ErrorCodes.PolicyDisablesDataQuality}]", nameof(disable));
            }

            exclusions.Add(new PolicyExclusion { Rule = rule, Topic = topic, Reason = "set by " + changedBy + ", outside a reviewed policy file", ApprovedBy = "not approved: " + changedBy });
        }

        var values = new Dictionary<string, string?>(Thresholds.ToDictionary(p => p.Key, p => p.Value), StringComparer.OrdinalIgnoreCase);
        foreach (var pair in thresholds ?? Enumerable.Empty<KeyValuePair<string, string?>>())
        {
            var name = ThresholdValues.Find(pair.Key) ?? throw new ArgumentException(ThresholdValues.Unknown(pair.Key), nameof(thresholds));
            if (ThresholdValues.Check(name, pair.Value) is { } error)
            {
                throw new ArgumentException($"Threshold {name}: {error}", nameof(thresholds));
            }

            values[name] = pair.Value;
        }

        var amended = this with
        {
            Name = Name.Length == 0 ? changedBy : Name,
            Version = (Version.Length == 0 ? "unversioned" : Version) + "+" + changedBy,
            Disable = exclusions,
            Thresholds = values,
        };
        if (amended.Version.Length > PolicyText.MaxLength)
        {
            // Said here, where the suffix is added, not later by ClinicalRuleSet.Create about an option the user never set.
            throw new ArgumentException(
                $"Amending the policy adds '+{changedBy}' to its version, which would then have {amended.Version.Length} characters; the limit is {PolicyText.MaxLength} (a local choice), since every result and log line echoes it verbatim. Shorten the policy's version (it has {Version.Length} characters). [{ErrorCodes.InputTooLarge}]",
                nameof(changedBy));
        }

        if (PolicyText.Problems(amended.Name, amended.Version) is { Count: > 0 } echoed)
        {
            throw new ArgumentException(string.Join(" ", echoed.Select(p => $"With '+{changedBy}' added: {p.Message} [{p.Code}]")), nameof(changedBy));
        }

        return amended with { ContentHash = SitePolicyJson.Hash(SitePolicyJson.ToJson(amended)) };
    }
}
