using System;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Research.Internal;

/// <summary>
/// The evaluation dates the generators (cohort and scenarios) can draw patients for: late enough that every date they
/// compute from it (births, starts, results, up to <see cref="LookbackYears"/> years before) is a calendar date, and one
/// the rule set accepts (<see cref="PatientFacts.LatestEvaluationDate"/>, so the generators never make patients every check refuses).
/// </summary>
internal static class GeneratedDates
{
    /// <summary>How far before the evaluation date the generators draw dates, at most (a birth 85 years and 364 days before is the furthest today).</summary>
    public const int LookbackYears = 100;

    /// <summary>The earliest evaluation date the generators take.</summary>
    public static readonly ClinicalDate Earliest = new(1 + LookbackYears, 1, 1);

    /// <summary>What is wrong with <paramref name="evaluationDate"/> for generated patients, or null when it fits.</summary>
    public static string? Problem(ClinicalDate evaluationDate)
    {
        if (evaluationDate < Earliest)
        {
            return $"The evaluation date {evaluationDate} is before {Earliest}: the generated patients have dates up to {LookbackYears} years before it, which would not be calendar dates.";
        }

        // The rule set's own limit (PatientFacts.LatestEvaluationDate), compared here: evaluating a patient to ask its
        // validation built the whole default rule set first, and tripled the start-up time of `cohort`.
        return evaluationDate > PatientFacts.LatestEvaluationDate
            ? $"The evaluation date {evaluationDate} cannot be used: the rule set refuses an evaluation date after {PatientFacts.LatestEvaluationDate}."
            : null;
    }

    /// <summary>Throws when <paramref name="evaluationDate"/> does not fit (see <see cref="Problem"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">It does not fit; the message says why.</exception>
    public static void Check(ClinicalDate evaluationDate, string parameter)
    {
        if (Problem(evaluationDate) is { } problem)
        {
            throw new ArgumentOutOfRangeException(parameter, problem);
        }
    }
}
