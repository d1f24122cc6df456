using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using Imuran.ClinicalRules.Terminology;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Derived: the blood-count schedule that applies today.</summary>
internal sealed class CbcSchedule
{
    public int IntervalDays { get; init; }

    public string Schedule { get; init; } = string.Empty;

    public LabFact? LastCount { get; init; }

    public int? DaysSinceLast { get; init; }

    public ClinicalDate DueBy { get; init; }

    public bool Overdue { get; init; }

    public string? IntensifiedBecause { get; init; }

    public string? IntensifiedPath { get; init; }

    public string PhaseBasis { get; init; } = string.Empty;

    /// <summary>The last complete blood count (white count or neutrophils, and platelets) in plain words.</summary>
    public string LastCountText { get; init; } = string.Empty;
}

/// <summary>Monitoring: the label's blood-count schedule and liver tests.</summary>
internal static class MonitoringRules
{
    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-DRV-005")
            .Title("Derive: blood-count schedule")
            .Derivation().Salience(80)
            .Logic("on therapy, the label schedule for the current phase (weekly in month one, twice monthly in months two and three, monthly after), weekly after a recent regimen change or new interacting medicine")
            .Match<PatientContext>("on azathioprine", p => p.OnTherapy)
            .Then<PatientContext>((f, p) => f.Insert(Compute(p)));

        yield return Rule("AZA-CBC-001")
            .Title("Blood count overdue")
            .Topic(Topics.CbcMonitoring).ReportsUnknownData().Monitoring(Severity.Warning).Version(2)
            .Logic("on therapy, and the last complete blood count (a white count or neutrophils, and platelets; the older of the two latest) is older than the schedule for the current phase allows, or there is none")
            .Summary("Blood count overdue: {since}; the schedule asks for one {schedule}.")
            .Detail("The label asks for a complete blood count with platelets weekly in the first month, twice monthly in months two and three, then monthly, and more often after any change of regimen or of other therapy.")
            .Review("Arrange a complete blood count with platelets now.")
            .Source(Sources.Label, "WARNINGS: Cytopenias; PRECAUTIONS: Laboratory Tests", Confidence.Verified)
            .Match<CbcSchedule>("the last blood count is older than the schedule allows, or there is none", s => s.Overdue)
            .Then<CbcSchedule>((f, s) =>
            {
                var since = s.LastCount is null ? "no complete blood count on file" : s.DaysSinceLast + " days since the last count";
                f.Raise(ScheduleBasis(s), "since", since, "schedule", s.Schedule);
            });

        yield return Rule("AZA-CBC-002")
            .Title("Next blood count due")
            .Topic(Topics.CbcMonitoring).Monitoring(Severity.Info).Version(2)
            .Logic("on therapy, the last complete blood count (a white count or neutrophils, and platelets) is within the schedule for the current phase, and no latest count is critically low or falling markedly to a low value (then the urgent cytopenia review replaces the routine date)")
            .Summary("Next blood count due by {date} ({schedule}).")
            .Detail("The label asks for a complete blood count with platelets weekly in the first month, twice monthly in months two and three, then monthly, and more often after any change of regimen or of other therapy.")
            .Review("Make sure the next complete blood count is booked by the date shown.")
            .Source(Sources.Label, "WARNINGS: Cytopenias; PRECAUTIONS: Laboratory Tests", Confidence.Verified)
            .Match<CbcSchedule>("the last blood count is within the schedule", s => !s.Overdue)
            .Not<LabFact>("no latest blood count is critically low or falling markedly", l => l.IsCytopeniaCount && l.IsLatest && l.Severe)
            .Then<CbcSchedule>((f, s) =>
            {
                f.Raise(ScheduleBasis(s), "date", s.DueBy.ToString(), "schedule", s.Schedule);
            });

        yield return Rule("AZA-CBC-003")
            .Title("Blood counts intensified")
            .Topic(Topics.CbcMonitoring).Monitoring(Severity.Warning)
            .Logic("on therapy, and the regimen changed or an interacting medicine began within the intensified-monitoring window (default 28 days)")
            .Summary("Weekly blood counts for now: {reason}.")
            .Detail("The label asks for more frequent blood counts after any change of regimen or of other therapy. This library applies weekly counts for four weeks after such a change.")
            .Review("Arrange weekly complete blood counts until four weeks after the change.")
            .Source(Sources.Label, "WARNINGS: Cytopenias; PRECAUTIONS: Laboratory Tests", Confidence.Verified, "Four weeks of weekly counts is the knowledge base's reading of 'more often'.")
            .Match<CbcSchedule>("a recent regimen change or new interacting medicine", s => s.IntensifiedBecause != null)
            .Then<CbcSchedule>((f, s) =>
            {
                f.Raise(new[] { new BasisFact("recent change", s.IntensifiedBecause!, s.IntensifiedPath) }, "reason", s.IntensifiedBecause!);
            });

        yield return Rule("AZA-LFT-001")
            .Title("Liver tests not on file")
            .Topic(Topics.LftMonitoring).ReportsUnknownData().Monitoring(Severity.Info)
            .Logic("on therapy, and no ALT, AST, bilirubin or alkaline phosphatase result within the host's liver-test window (default 90 days, a local choice)")
            .Summary("No liver tests in the last {days} days while on azathioprine.")
            .Detail("Hepatotoxicity is reported with azathioprine. The label sets no fixed liver-test schedule; the window is this host's local choice.")
            .Review("Consider liver tests (ALT, AST, bilirubin, alkaline phosphatase).")
            .Source(Sources.Label, "ADVERSE REACTIONS: Hepatotoxicity", Confidence.Recalled, "The label sets no fixed schedule [R]; the window is a local host option.")
            .Match<PatientContext>("on azathioprine, and no liver test within the window (the latest is older than the window, or there is none)", p =>
                p.OnTherapy && (p.LatestLiverTest == null || p.LatestLiverTest.Value.DaysUntil(p.Date) > p.Options.LiverTestWindowDays))
            .Then<PatientContext>((f, p) =>
            {
                var days = p.Options.LiverTestWindowDays.ToString(CultureInfo.InvariantCulture);
                f.Raise(
                    new[] { new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"), new BasisFact("liver tests", "none in the last " + days + " days", "labResults") },
                    "days", days);
            });
    }

    internal static CbcSchedule Compute(PatientContext p)
    {
        // A blood count means a complete blood count: a white count (or neutrophils) and platelets. The schedule is
        // satisfied only as recently as the older of the two latest results.
        LabFact? white = null;
        LabFact? platelets = null;
        foreach (var fact in p.BloodCounts)
        {
            if (fact.Kind is LabKind.WhiteCells or LabKind.Neutrophils)
            {
                if (white is null || fact.Date > white.Date)
                {
                    white = fact;
                }
            }
            else if (fact.Kind == LabKind.Platelets && (platelets is null || fact.Date > platelets.Date))
            {
                platelets = fact;
            }
        }

        var last = white is null || platelets is null ? null : white.Date <= platelets.Date ? white : platelets;
        var lastText = (white, platelets) switch
        {
            (null, null) => "none on file (no white count or platelets)",
            (null, _) => "incomplete: platelets on " + platelets!.Date + " but no white count or neutrophils",
            (_, null) => "incomplete: white count or neutrophils on " + white.Date + " but no platelets",
            // One interpolation: no array of seven parts (issue 12).
            _ when white.Date == platelets.Date => $"white count and platelets on {white.Date} ({white.Describe()}; {platelets.Describe()})",
            _ => "white count on " + white.Date + ", platelets on " + platelets.Date + ": complete as of " + last!.Date,
        };

        int interval;
        string schedule;
        string phaseBasis;
        var start = p.TherapyStart;
        if (start is { } s)
        {
            if (p.Date < s.AddMonths(1))
            {
                (interval, schedule) = (7, "weekly in the first month");
            }
            else if (p.Date < s.AddMonths(3))
            {
                (interval, schedule) = (14, "twice monthly in months two and three");
            }
            else
            {
                (interval, schedule) = (31, "monthly after month three");
            }

            phaseBasis = $"azathioprine since {s} ({p.TherapyBasis})";
        }
        else if (p.TherapyStatus == TherapyStatus.NewlyStarted)
        {
            (interval, schedule) = (7, "weekly in the first month");
            phaseBasis = "newly started, start date not on file: first month assumed";
        }
        else
        {
            (interval, schedule) = (31, "monthly");
            phaseBasis = "continuing, start date not on file: monthly schedule assumed";
        }

        string? because = null;
        string? path = null;
        var window = p.Options.IntensifiedMonitoringDays;
        if (p.Facts.Therapy.LastRegimenChange is { } change && change.DaysUntil(p.Date) is var d && d >= 0 && d <= window)
        {
            because = "regimen changed on " + change;
            path = "therapy.lastRegimenChange";
        }
        else
        {
            // Any medicine of an interaction class counts, as the knowledge base says ("a newly started interacting medicine").
        foreach (var m in p.InteractingMedications)
            {
                if (m.Active && m.Source.StartDate is { } ms && ms.DaysUntil(p.Date) is var md && md >= 0 && md <= window)
                {
                    because = m.Ingredient + " began on " + ms;
                    path = m.Path;
                    break;
                }
            }
        }

        if (because is not null && interval > 7)
        {
            interval = 7;
            schedule = "weekly after a recent change";
        }

        var daysSince = last is null ? (int?)null : last.Date.DaysUntil(p.Date);
        var dueBy = last is null ? p.Date : last.Date.AddDays(interval);
        return new CbcSchedule
        {
            IntervalDays = interval,
            Schedule = schedule,
            LastCount = last,
            DaysSinceLast = daysSince,
            DueBy = dueBy,
            Overdue = last is null || daysSince > interval,
            IntensifiedBecause = because,
            IntensifiedPath = path,
            PhaseBasis = phaseBasis,
            LastCountText = lastText,
        };
    }

    private static IReadOnlyList<BasisFact> ScheduleBasis(CbcSchedule s) => new[]
    {
        new BasisFact("therapy phase", s.PhaseBasis, "therapy"),
        new BasisFact("last blood count", s.LastCountText, s.LastCount?.Path ?? "labResults"),
        new BasisFact("schedule", s.Schedule + " (every " + s.IntervalDays.ToString(CultureInfo.InvariantCulture) + " days at most)"),
    };
}
