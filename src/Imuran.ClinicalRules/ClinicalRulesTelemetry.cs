using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules;

/// <summary>
/// The library's traces and metrics, for OpenTelemetry or any <see cref="ActivityListener"/> /
/// <see cref="MeterListener"/>: an <see cref="ActivitySource"/> and a <see cref="Meter"/> both named
/// <see cref="Name"/>. They cost next to nothing until a host listens, and never carry patient data or finding texts:
/// only counts, durations, severities, outcome and rule ids.
/// </summary>
/// <remarks>
/// Instruments: <c>imuran.clinical_rules.evaluations</c> (counter; tag <c>outcome</c>: <c>evaluated</c>,
/// <c>invalid</c>, <c>incomplete</c>), <c>imuran.clinical_rules.evaluation.duration</c> (histogram, seconds),
/// <c>imuran.clinical_rules.findings</c> (counter; tag <c>severity</c>), <c>imuran.clinical_rules.rule_errors</c>
/// (counter; tag <c>rule_id</c>) and <c>imuran.clinical_rules.validation_failures</c> (counter of rejected inputs).
/// The activity is <c>Evaluate</c>, tagged with the rule set's id and version, the policy's name and version, the
/// outcome and the number of findings.
/// </remarks>
public static class ClinicalRulesTelemetry
{
    /// <summary>The name of the activity source and the meter: <c>Imuran.ClinicalRules</c>.</summary>
    public const string Name = "Imuran.ClinicalRules";

    internal static readonly ActivitySource Source = new(Name, RuleCatalogVersion);

    internal static readonly Meter Meter = new(Name, RuleCatalogVersion);

    private const string RuleCatalogVersion = Rules.RuleCatalog.RuleSetVersion;

    private static readonly Counter<long> Evaluations = Meter.CreateCounter<long>("imuran.clinical_rules.evaluations", "{evaluation}", "Evaluations, by outcome.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("imuran.clinical_rules.evaluation.duration", "s", "Time to validate and evaluate one patient.");

    private static readonly Counter<long> FindingsRaised = Meter.CreateCounter<long>("imuran.clinical_rules.findings", "{finding}", "Findings raised, by severity.");

    private static readonly Counter<long> RuleErrors = Meter.CreateCounter<long>("imuran.clinical_rules.rule_errors", "{error}", "Rules that failed while evaluating, by rule id.");

    private static readonly Counter<long> ValidationFailures = Meter.CreateCounter<long>("imuran.clinical_rules.validation_failures", "{evaluation}", "Inputs rejected by validation.");

    private static readonly double TicksToSeconds = 1.0 / Stopwatch.Frequency;

    /// <summary>Whether anyone listens (then an evaluation is timed and traced).</summary>
    internal static bool IsObserved => Source.HasListeners() || Evaluations.Enabled || Duration.Enabled || FindingsRaised.Enabled || RuleErrors.Enabled || ValidationFailures.Enabled;

    /// <summary>Starts the evaluation's activity, or returns null when nobody listens.</summary>
    internal static Activity? StartEvaluation(ClinicalRuleSet rules)
    {
        var activity = Source.StartActivity("Evaluate", ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("imuran.rule_set.id", rules.Id);
            activity.SetTag("imuran.rule_set.version", rules.Version);
            if (rules.Policy is { } policy)
            {
                activity.SetTag("imuran.policy.name", policy.Name);
                activity.SetTag("imuran.policy.version", policy.Version);
            }
        }

        return activity;
    }

    /// <summary>Records one finished evaluation.</summary>
    internal static void Record(EvaluationResult result, long startTimestamp, Activity? activity)
    {
        var outcome = !result.IsValid ? "invalid" : !result.IsComplete ? "incomplete" : "evaluated";
        Evaluations.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (Duration.Enabled)
        {
            Duration.Record((Stopwatch.GetTimestamp() - startTimestamp) * TicksToSeconds, new KeyValuePair<string, object?>("outcome", outcome));
        }

        if (!result.IsValid)
        {
            ValidationFailures.Add(1);
        }

        if (FindingsRaised.Enabled)
        {
            foreach (var f in result.Findings)
            {
                FindingsRaised.Add(1, new KeyValuePair<string, object?>("severity", JsonNames.Of(f.Severity)));
            }
        }

        foreach (var e in result.RuleErrors)
        {
            RuleErrors.Add(1, new KeyValuePair<string, object?>("rule_id", e.RuleId));
        }

        if (activity is not null)
        {
            activity.SetTag("imuran.outcome", outcome);
            activity.SetTag("imuran.findings", result.Findings.Count);
            if (result.HighestSeverity is { } highest)
            {
                activity.SetTag("imuran.highest_severity", JsonNames.Of<Severity>(highest));
            }

            if (!result.IsComplete)
            {
                activity.SetStatus(ActivityStatusCode.Error, outcome);
            }

            activity.Dispose();
        }
    }
}
