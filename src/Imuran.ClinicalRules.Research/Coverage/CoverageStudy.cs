using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Research.Batch;

namespace Imuran.ClinicalRules.Research.Coverage;

/// <summary>
/// Rule and condition coverage of a set of patients, and the alert burden of its findings: what the tool's
/// <c>coverage</c> command reports, from patients in memory (a generated cohort, the scenarios, or a researcher's own).
/// Immutable once run; deterministic for the same patients in the same order.
/// </summary>
/// <example>
/// <code>
/// var generator = new CohortGenerator(CohortOptions.Default, seed: 1);
/// var study = CoverageStudy.Run(Enumerable.Range(0, 10_000).Select(_ => generator.Next()));
/// Console.WriteLine(study.ToReport(CoverageFormat.Markdown));
/// </code>
/// </example>
public sealed class CoverageStudy
{
    private readonly CoverageReport _report;
    private readonly Dictionary<string, RuleCoverage> _byId;

    private CoverageStudy(CoverageReport report)
    {
        _report = report;
        _byId = new Dictionary<string, RuleCoverage>(StringComparer.Ordinal);
        var never = new List<string>(report.NeverFired.Count);
        foreach (var r in report.Rules)
        {
            _byId[r.Rule.Id] = r;
        }

        foreach (var r in report.NeverFired)
        {
            never.Add(r.Rule.Id);
        }

        RulesNeverFired = never;
    }

    /// <summary>Patients evaluated (valid ones; an evaluation a rule failed in counts here and in <see cref="IncompleteEvaluations"/>).</summary>
    public long Patients => _report.Patients;

    /// <summary>Patients whose facts were invalid: not evaluated, so not counted in the coverage.</summary>
    public long InvalidPatients => _report.InvalidLines;

    /// <summary>Evaluations a rule failed in, or that failed inside this library: when not zero the coverage is not reliable.</summary>
    public long IncompleteEvaluations => _report.Incomplete + _report.InternalErrors;

    /// <summary>The rules of the rule set.</summary>
    public int RuleCount => _report.Rules.Count;

    /// <summary>Rules that fired for at least one patient.</summary>
    public int RulesFired => _report.RulesFired;

    /// <summary>The ids of the rules that never fired, in rule-id order.</summary>
    public IReadOnlyList<string> RulesNeverFired { get; }

    /// <summary>Rules fired as a percentage of all rules (0 when the rule set is empty).</summary>
    public double RuleCoveragePercent => _report.RuleCoveragePercent;

    /// <summary>
    /// Condition outcomes seen (each condition true and false) as a percentage of all possible. Only the compiled
    /// executor (<see cref="RuleEngine.Compiled"/>) reports condition outcomes: with NRules it is 0.
    /// </summary>
    public double ConditionCoveragePercent => _report.ConditionCoveragePercent;

    /// <summary>
    /// Runs every patient through <paramref name="rules"/> with the coverage recorder. Invalid patients are counted, not
    /// thrown; each patient is evaluated on its own evaluation date.
    /// </summary>
    /// <param name="patients">The patients, in order (the first one a rule fires for is its example).</param>
    /// <param name="rules">The rule set; <see cref="ClinicalRuleSet.Default"/> when null. Build it with
    /// <see cref="RuleEngine.Compiled"/> for condition coverage.</param>
    /// <exception cref="ArgumentNullException"><paramref name="patients"/> or one of them is null.</exception>
    public static CoverageStudy Run(IEnumerable<PatientFacts> patients, ClinicalRuleSet? rules = null)
    {
        if (patients is null)
        {
            throw new ArgumentNullException(nameof(patients));
        }

        rules ??= ClinicalRuleSet.Default;
        var layout = ReferenceEquals(rules, ClinicalRuleSet.Default) ? CoverageLayout.Default : new CoverageLayout(rules.Rules);
        var totals = new CoverageAccumulator(layout);
        var number = 0;
        foreach (var facts in patients)
        {
            number++;
            if (facts is null)
            {
                throw new ArgumentNullException(nameof(patients), $"Patient {number} of the sequence is null.");
            }

            var listener = new CoverageListener(layout);
            var outcome = LineOutcome.Evaluate(number, facts, listener, rules);
            totals.Add(new CoverageItem(outcome, outcome.Result is null ? null : listener));
        }

        totals.Lines = number;
        return new CoverageStudy(CoverageReport.From(totals, rules));
    }

    /// <summary>How many times the rule fired over all patients (a rule may fire more than once for a patient).</summary>
    /// <param name="ruleId">A rule id, e.g. <c>AZA-PGX-001</c>.</param>
    /// <exception cref="ArgumentException">The rule set has no rule with that id.</exception>
    public long TimesFired(string ruleId) => Rule(ruleId).TimesFired;

    /// <summary>Patients for whom the rule fired at least once.</summary>
    /// <param name="ruleId">A rule id, e.g. <c>AZA-PGX-001</c>.</param>
    /// <exception cref="ArgumentException">The rule set has no rule with that id.</exception>
    public long PatientsAffected(string ruleId) => Rule(ruleId).PatientsAffected;

    /// <summary>The full report, as the tool's <c>coverage</c> command writes it.</summary>
    /// <param name="format">The format.</param>
    public string ToReport(CoverageFormat format) => format switch
    {
        CoverageFormat.Json => CoverageReportWriter.Json(_report),
        CoverageFormat.Csv => CoverageReportWriter.Csv(_report),
        CoverageFormat.Html => CoverageReportWriter.Html(_report),
        _ => CoverageReportWriter.Markdown(_report),
    };

    private RuleCoverage Rule(string ruleId) =>
        ruleId is not null && _byId.TryGetValue(ruleId, out var r) ? r : throw new ArgumentException($"The rule set has no rule '{ruleId}'.", nameof(ruleId));
}
