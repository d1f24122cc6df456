using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Research.Coverage;

/// <summary>One rule's coverage.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="TimesFired">Firings over all patients (a rule may fire more than once for a patient).</param>
/// <param name="PatientsAffected">Patients for whom it fired at least once.</param>
/// <param name="FirstExample">The first patient (input order) it fired for: the patient id, or <c>line N</c>.</param>
/// <param name="Conditions">The outcomes seen for each of its conditions, in order.</param>
internal sealed record RuleCoverage(RuleMetadata Rule, long TimesFired, long PatientsAffected, string? FirstExample, IReadOnlyList<ConditionOutcomes> Conditions)
{
    public bool Fired => TimesFired > 0;

    public int ConditionsWithBothOutcomes
    {
        get
        {
            var n = 0;
            foreach (var c in Conditions)
            {
                n += c == ConditionOutcomes.Both ? 1 : 0;
            }

            return n;
        }
    }

    public int OutcomesSeen
    {
        get
        {
            var n = 0;
            foreach (var c in Conditions)
            {
                n += ((c & ConditionOutcomes.True) != 0 ? 1 : 0) + ((c & ConditionOutcomes.False) != 0 ? 1 : 0);
            }

            return n;
        }
    }
}

/// <summary>Totals for a group of rules (a topic or a severity) and the alert burden of its findings.</summary>
/// <param name="Key">The topic id, or the severity's contract name.</param>
/// <param name="Rules">Rules in the group.</param>
/// <param name="RulesFired">Of those, how many fired at least once.</param>
/// <param name="TimesFired">Their firings.</param>
/// <param name="Findings">Findings of the group raised over all patients.</param>
/// <param name="PatientsWithFindings">Patients with at least one such finding.</param>
internal sealed record GroupCoverage(string Key, int Rules, int RulesFired, long TimesFired, long Findings, long PatientsWithFindings);

/// <summary>A coverage and alert-burden report, ready to render. Immutable; deterministic for a given input.</summary>
internal sealed class CoverageReport
{
    private static readonly Severity[] SeverityOrder = { Severity.Critical, Severity.Warning, Severity.Info };

    private CoverageReport(CoverageAccumulator a, string ruleSetId, string ruleSetVersion, Policy.PolicyReference? policy, IReadOnlyList<string> disabledRules)
    {
        RuleSetId = ruleSetId;
        RuleSetVersion = ruleSetVersion;
        Policy = policy;
        DisabledRules = disabledRules;
        Lines = a.Lines;
        Patients = a.Patients;
        InvalidLines = a.Invalid;
        Incomplete = a.Incomplete;
        InternalErrors = a.InternalErrors;

        var layout = a.Layout;
        var rules = new List<RuleCoverage>(layout.Rules.Count);
        for (var i = 0; i < layout.Rules.Count; i++)
        {
            var r = layout.Rules[i];
            var outcomes = new ConditionOutcomes[r.Conditions.Count];
            Array.Copy(a.Outcomes, layout.ConditionOffsets[i], outcomes, 0, outcomes.Length);
            rules.Add(new RuleCoverage(r, a.TimesFired[i], a.PatientsAffected[i], a.FirstExample[i], outcomes));
        }

        Rules = rules;
        var never = new List<RuleCoverage>();
        foreach (var r in rules)
        {
            RulesFired += r.Fired ? 1 : 0;
            Conditions += r.Conditions.Count;
            ConditionsWithBothOutcomes += r.ConditionsWithBothOutcomes;
            OutcomesSeen += r.OutcomesSeen;
            if (!r.Fired)
            {
                never.Add(r);
            }
        }

        NeverFired = never;

        var topics = new List<GroupCoverage>();
        foreach (var topic in Topics.All)
        {
            var t = a.TopicIndex(topic);
            var group = Group(topic, rules, r => r.Rule.Topic == topic, a.FindingsByTopic[t], a.PatientsByTopic[t]);
            if (group.Rules > 0 || group.Findings > 0)
            {
                topics.Add(group);
            }
        }

        ByTopic = topics;
        var severities = new List<GroupCoverage>();
        foreach (var s in SeverityOrder)
        {
            severities.Add(Group(Serialization.JsonNames.Of(s), rules, r => r.Rule.Severity == s, a.FindingsBySeverity[(int)s], a.PatientsBySeverity[(int)s]));
        }

        BySeverity = severities;
        if (policy is not null)
        {
            var without = new List<GroupCoverage>();
            foreach (var s in SeverityOrder)
            {
                without.Add(new GroupCoverage(Serialization.JsonNames.Of(s), 0, 0, 0, a.BaselineFindingsBySeverity[(int)s], a.BaselinePatientsBySeverity[(int)s]));
            }

            BySeverityWithoutPolicy = without;
        }
    }

    /// <summary>The site policy of the run, or null.</summary>
    public Policy.PolicyReference? Policy { get; }

    /// <summary>Rules the policy left out.</summary>
    public IReadOnlyList<string> DisabledRules { get; }

    /// <summary>With a site policy: findings and patients per severity for the same patients without it; else null.</summary>
    public IReadOnlyList<GroupCoverage>? BySeverityWithoutPolicy { get; }

    public string RuleSetId { get; }

    public string RuleSetVersion { get; }

    /// <summary>Input lines read, blank ones included.</summary>
    public long Lines { get; }

    /// <summary>Patients evaluated (valid lines), incomplete ones included.</summary>
    public long Patients { get; }

    public long InvalidLines { get; }

    public long Incomplete { get; }

    public long InternalErrors { get; }

    /// <summary>Every finding rule, by id.</summary>
    public IReadOnlyList<RuleCoverage> Rules { get; }

    public int RulesFired { get; }

    public IReadOnlyList<RuleCoverage> NeverFired { get; }

    /// <summary>Conditions over all rules.</summary>
    public int Conditions { get; }

    public int ConditionsWithBothOutcomes { get; }

    /// <summary>Condition outcomes seen (at most two per condition).</summary>
    public int OutcomesSeen { get; }

    /// <summary>Topics with rules or findings, in the vocabulary's order.</summary>
    public IReadOnlyList<GroupCoverage> ByTopic { get; }

    /// <summary>Critical, warning, info.</summary>
    public IReadOnlyList<GroupCoverage> BySeverity { get; }

    /// <summary>Rules fired as a share of all rules, 0 to 100 (0 when there are no rules).</summary>
    public double RuleCoveragePercent => Rules.Count == 0 ? 0 : 100.0 * RulesFired / Rules.Count;

    /// <summary>Condition outcomes seen as a share of all possible (two per condition), 0 to 100.</summary>
    public double ConditionCoveragePercent => Conditions == 0 ? 0 : 100.0 * OutcomesSeen / (2.0 * Conditions);

    public static CoverageReport From(CoverageAccumulator accumulator, ClinicalRuleSet rules) => new(accumulator, rules.Id, rules.Version, rules.Policy, rules.DisabledRules);

    /// <summary>Per 1,000 evaluated patients, or null when no patient was evaluated.</summary>
    public double? PerThousand(long count) => Patients == 0 ? null : 1000.0 * count / Patients;

    /// <summary>Whether the rule coverage reaches <paramref name="minimumPercent"/> (unrounded, with a tolerance far below one rule).</summary>
    public bool MeetsRuleCoverage(double minimumPercent) => RuleCoveragePercent + 1e-9 >= minimumPercent;

    private static GroupCoverage Group(string key, List<RuleCoverage> rules, Func<RuleCoverage, bool> member, long findings, long patients)
    {
        int count = 0, fired = 0;
        long times = 0;
        foreach (var r in rules)
        {
            if (member(r))
            {
                count++;
                fired += r.Fired ? 1 : 0;
                times += r.TimesFired;
            }
        }

        return new GroupCoverage(key, count, fired, times, findings, patients);
    }
}
