using System;
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

/// <summary>Organ function and blood counts: renal, hepatic, cytopenia.</summary>
internal static class BloodCountRules
{
    /// <summary>
    /// Judges one loaded result against the host's numbers: its low threshold and a marked fall from the result before it
    /// (within the window, in comparable units). Returns a data-quality issue when the latest count and the one before
    /// it are in units that cannot be reconciled. A liver test is judged by <see cref="AssessLiver"/>, before the results
    /// are ordered.
    /// </summary>
    public static DataQualityIssue? Assess(LabFact l, RuleThresholds options)
    {
        l.LowThreshold = l.Kind switch
        {
            LabKind.WhiteCells => options.WhiteCellLowThreshold,
            LabKind.Neutrophils => options.NeutrophilLowThreshold,
            LabKind.Platelets => options.PlateletLowThreshold,
            LabKind.Egfr => options.EgfrThreshold,
            _ => null,
        };

        if (!l.IsCytopeniaCount || options.MarkedFallFraction is not { } threshold || l.Previous is not { } prev)
        {
            return null;
        }

        if (prev.Date.DaysUntil(l.Date) > options.MarkedFallWindowDays)
        {
            return null;
        }

        double earlier, latest;
        if (prev.Normalised is { } a && l.Normalised is { } b)
        {
            (earlier, latest) = (a.Value, b.Value);
        }
        else if (string.Equals(prev.Source.Unit?.Trim(), l.Source.Unit?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            (earlier, latest) = (prev.Source.Value, l.Source.Value);
        }
        else
        {
            return l.IsLatest
                ? new DataQualityIssue(
                    TestWords(l.Kind) + " units",
                    "units " + prev.Source.Unit + " and " + l.Source.Unit + " cannot be reconciled",
                    "the marked-fall check cannot compare these two results" + (l.ThresholdUnknown && !l.LowByFlag ? ", nor the latest with the low threshold" : string.Empty) + "; review the trend by hand",
                    l.Path,
                    "the latest result (" + l.Describe() + ") and the one before it (" + prev.Describe() + ", " + prev.Path + ") are in units that cannot be reconciled")
                : null;
        }

        if (earlier <= 0)
        {
            return null;
        }

        // Rounded to nine decimals before the comparison: an exact 30 % fall such as 4.6 to 3.22 computes as
        // 0.29999999999999993 in binary floating point and was not "at least 0.3" (QA, 2 Dec).
        var fall = System.Math.Round((earlier - latest) / earlier, 9);
        l.MarkedFall = fall >= threshold ? fall : null;
        return null;
    }

    /// <summary>
    /// A data-quality issue when the latest count of its kind has a low threshold but a unit the rules cannot convert,
    /// and the laboratory did not flag it low: whether it is low is then unknown, not normal (call after
    /// <see cref="Assess"/>, which sets the threshold; not needed when <see cref="Assess"/> already raised the units of
    /// the same result, whose consequence then says so).
    /// </summary>
    public static DataQualityIssue? UnreadableUnit(LabFact l)
    {
        if (!l.IsLatest || !(l.IsCytopeniaCount || l.Kind == LabKind.Egfr) || !l.ThresholdUnknown || l.LowByFlag)
        {
            return null;
        }

        var test = TestWords(l.Kind);
        return new DataQualityIssue(
            test + " unit",
            "the unit " + l.Source.Unit + " cannot be converted",
            "whether the latest " + test + " is below the low threshold cannot be judged; review it by hand",
            l.Path,
            "the latest result (" + l.Describe() + ") is in a unit the rules cannot convert to " + LabUnits.CanonicalUnit(l.Kind) + ", and the laboratory did not flag it low");
    }

    /// <summary>
    /// A data-quality issue when the latest liver test of its kind has no laboratory flag and nothing else judges whether
    /// it is high: ALT and AST are judged by the host's multiples of the upper reference limit when the result has one
    /// and the high multiple is on; bilirubin and alkaline phosphatase are high by their flag only. Whether the result is
    /// high is then unknown, not normal (QA, 2 Dec: an ALT of 900 U/L without a flag or a limit raised nothing).
    /// </summary>
    public static DataQualityIssue? UnjudgedLiverTest(LabFact l, RuleThresholds options)
    {
        if (!l.IsLatest || !l.IsLiverTest || l.Source.Flag != LabFlag.None || l.LiverHigh || l.LiverCritical)
        {
            return null;
        }

        var enzyme = l.Kind is LabKind.Alt or LabKind.Ast;
        var hasLimit = l.Source.UpperReferenceLimit is not null;
        if (enzyme && hasLimit && options.LiverEnzymeHighMultiple is not null)
        {
            return null;
        }

        var test = TestWords(l.Kind);
        var problem = !hasLimit ? "no laboratory flag and no upper reference limit"
            : enzyme ? "no laboratory flag, and the host's high multiple is off"
            : "no laboratory flag";
        return new DataQualityIssue(
            test,
            problem,
            "whether the latest " + test + " is high cannot be judged; review it by hand",
            l.Path,
            "the latest result (" + l.Describe() + ") has " + problem + (enzyme || !hasLimit ? string.Empty : " (the rules read it as high by its flag only)"));
    }

    /// <summary>
    /// A data-quality issue when <paramref name="latest"/>, the latest result of its kind, is of concern while
    /// <paramref name="sameDay"/>, the next most concerning result of its kind on the same day, is not: a blood count low
    /// beside one not low, a liver test high (or critically high) beside one not high. The result of concern is read
    /// (the more cautious reading), and the disagreement is a finding of its own. Null otherwise (call after
    /// <see cref="Assess"/> and <see cref="AssessLiver"/> have judged both results).
    /// </summary>
    public static DataQualityIssue? SameDayDisagreement(LabFact latest, LabFact sameDay) =>
        latest.IsLatest && OfConcern(latest) && sameDay.Kind == latest.Kind && sameDay.Date == latest.Date && !OfConcern(sameDay)
            ? new DataQualityIssue(
                TestWords(latest.Kind),
                "results of the same day disagree",
                "the " + (latest.IsLiverTest ? "high" : "low") + " result is used (the more cautious reading); confirm which is right",
                latest.Path,
                "on " + latest.Date + " the laboratory reported " + latest.Describe() + " (" + latest.Path + ") and " + sameDay.Describe() + " (" + sameDay.Path + ")")
            : null;

    /// <summary>Low for a blood count of the cytopenia checks, high or critically high for a liver test; never for other kinds.</summary>
    private static bool OfConcern(LabFact l) => l.IsCytopeniaCount ? l.IsLow : l.IsLiverTest && (l.LiverHigh || l.LiverCritical);

    /// <summary>A test's name inside a sentence ("white-cell count", "eGFR", "ALT").</summary>
    private static string TestWords(LabKind kind) => kind is LabKind.Egfr or LabKind.Alt or LabKind.Ast ? TestName(kind) : TestName(kind).ToLowerInvariant();

    /// <summary>
    /// Judges a liver test against the host's multiples of the upper reference limit and the laboratory's flag
    /// (<see cref="LabFact.LiverHigh"/>, <see cref="LabFact.LiverCritical"/>). It reads the result alone, so it is called
    /// when the result is loaded, before results of one day are ordered by concern.
    /// </summary>
    public static void AssessLiver(LabFact l, RuleThresholds options)
    {
        var multiple = l.UpperLimitMultiple;
        var enzyme = l.Kind is LabKind.Alt or LabKind.Ast;
        var bilirubin = l.Kind == LabKind.Bilirubin;
        var uln = l.Source.UpperReferenceLimit is { } u ? " the upper reference limit " + LabFact.Number(u) + " " + l.Source.Unit : string.Empty;
        if ((enzyme || bilirubin) && l.Source.Flag == LabFlag.CriticallyHigh)
        {
            (l.LiverCritical, l.LiverReason) = (true, "flagged critically high by the laboratory");
        }
        else if (multiple is { } m && ((enzyme && options.LiverEnzymeCriticalMultiple is { } ce && m >= ce) || (bilirubin && options.BilirubinCriticalMultiple is { } cb && m >= cb)))
        {
            var limit = enzyme ? options.LiverEnzymeCriticalMultiple!.Value : options.BilirubinCriticalMultiple!.Value;
            (l.LiverCritical, l.LiverReason) = (true, LabFact.Number(m) + " times" + uln + " (host critical threshold " + LabFact.Number(limit) + " times, a local choice)");
        }
        else if (l.Source.Flag is LabFlag.High or LabFlag.CriticallyHigh)
        {
            (l.LiverHigh, l.LiverReason) = (true, "flagged " + LabFact.Flag(l.Source.Flag) + " by the laboratory");
        }
        else if (enzyme && multiple is { } h && options.LiverEnzymeHighMultiple is { } he && h >= he)
        {
            (l.LiverHigh, l.LiverReason) = (true, LabFact.Number(h) + " times" + uln + " (host threshold " + LabFact.Number(he) + " times, a local choice), laboratory flag " + LabFact.Flag(l.Source.Flag));
        }
    }

    /// <summary>Why a blood count counts as low or falling, in plain words, for the basis.</summary>
    public static string LowReason(LabFact l)
    {
        var flag = "laboratory flag " + LabFact.Flag(l.Source.Flag);
        if (l.LowByThreshold)
        {
            var t = LabFact.Number(l.LowThreshold!.Value) + " " + LabUnits.CanonicalUnit(l.Kind);
            return (l.LowByFlag ? "the laboratory flag and the host threshold: " : "the host threshold (" + flag + "): ")
                + LabFact.Number(l.Normalised!.Value.Value) + " " + l.Normalised.Value.Unit + " is below " + t + " (BSR/BHPR 2017 [R], a local choice)";
        }

        return l.LowByFlag ? "the laboratory flag (" + LabFact.Flag(l.Source.Flag) + ")" : "no low flag or threshold (" + flag + ")";
    }

    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-CYT-001")
            .Title("Blood count low or falling")
            .Topic(Topics.Cytopenia).Caution(Severity.Warning).Version(2)
            .Logic("the latest white-cell, neutrophil, platelet or haemoglobin result is flagged low by the laboratory or is below the host's threshold (white cells, neutrophils, platelets), or fell markedly from a count within the window while staying in the normal range; and it is not critically low or a marked fall to a low value")
            .Summary("{test} {problem}: cytopenias can occur with azathioprine, sometimes late.")
            .Detail("Leukopenia, thrombocytopenia, anaemia and pancytopenia occur with azathioprine and can appear late in therapy. The latest result is low by the laboratory's flag or the host's threshold, or fell markedly while still in the normal range; a low count before therapy matters too, as a baseline and a possible other cause. The thresholds are local host choices (defaults from the BSR/BHPR 2017 DMARD monitoring guideline, recalled).")
            .Review("Review the trend of blood counts and the azathioprine regimen, or the plan for it, with the prescriber.")
            .Source(Sources.Label, "WARNINGS: Cytopenias", Confidence.VerifiedSecondary)
            .Source(Sources.BsrDmard, "monitoring thresholds (white cells, neutrophils, platelets)", Confidence.Recalled, "Used as host defaults, a local choice; not re-checked.")
            .Match<LabFact>("the latest blood count of its kind is low by flag or threshold, or fell markedly within the normal range, and is not critical", l =>
                l.IsCytopeniaCount && l.IsLatest && (l.IsLow || l.FellWithinNormalRange) && !l.Severe)
            .Then<LabFact>((f, l) =>
            {
                var patient = l.Patient;
                var basis = new List<BasisFact> { new("result", l.Describe(), l.Path), new("low by", LowReason(l)) };
                if (l.FellWithinNormalRange)
                {
                    basis.Add(new BasisFact("previous result", l.Previous!.Describe(), l.Previous.Path));
                    basis.Add(FallFact(l, patient.Options));
                }

                var problem = l.LowByFlag ? "flagged low" : l.LowByThreshold ? "below the host's threshold" : "fell markedly within the normal range";
                f.Raise(basis, "test", TestName(l.Kind), "problem", problem);
            });

        yield return Rule("AZA-CYT-002")
            .Title("Blood count critically low or falling fast")
            .Topic(Topics.Cytopenia).Caution(Severity.Critical).Version(2)
            .Logic("the latest white-cell, neutrophil, platelet or haemoglobin result is flagged critically low, or fell from a count within the host's window (default 90 days) by at least the host's marked-fall threshold to a value that is low by flag or threshold")
            .Summary("{test} {problem}: urgent review for azathioprine myelosuppression.")
            .Detail("Severe myelosuppression can occur with azathioprine. A critically low result, or a marked fall between recent counts that ends low, needs urgent review, before therapy as well as during it. The marked-fall threshold, its window and the low thresholds are local choices set by the host, not label values.")
            .Review("Urgent review of the blood counts and of the azathioprine regimen, or the plan for it, with the prescriber.")
            .Source(Sources.Label, "WARNINGS: Cytopenias", Confidence.VerifiedSecondary, "The marked-fall threshold and window are local host options.")
            .Match<LabFact>("the latest blood count of its kind is critically low, or fell markedly to a low value", l =>
                l.IsCytopeniaCount && l.IsLatest && l.Severe)
            .Then<LabFact>((f, l) =>
            {
                var p = l.Patient;
                var basis = new List<BasisFact> { new("result", l.Describe(), l.Path) };
                string problem;
                if (l.Source.Flag == LabFlag.CriticallyLow)
                {
                    problem = "flagged critically low";
                }
                else
                {
                    problem = "fell markedly to a low value";
                    basis.Add(new BasisFact("low by", LowReason(l)));
                    basis.Add(new BasisFact("previous result", l.Previous!.Describe(), l.Previous.Path));
                    basis.Add(FallFact(l, p.Options));
                }

                f.Raise(basis, "test", TestName(l.Kind), "problem", problem);
            });

        yield return Rule("AZA-REN-001")
            .Title("Kidney disease or early post-transplant oliguria")
            .Topic(Topics.Renal).Caution(Severity.Warning)
            .Logic("chronic kidney disease or early post-transplant oliguria is recorded as current")
            .Summary("Kidney impairment on record: slower clearance and greater sensitivity to azathioprine.")
            .Detail("Patients with impaired kidney function, including early oliguria after a transplant, clear azathioprine metabolites more slowly and may be more sensitive to it. The label gives no eGFR bands.")
            .Review("Review the regimen with kidney function in view, with closer blood counts.")
            .Source(Sources.Label, "PRECAUTIONS; DOSAGE AND ADMINISTRATION (renal dysfunction)", Confidence.Recalled, "Recalled from the label, not re-checked.")
            .Match<ConditionFact>("current chronic kidney disease or post-transplant oliguria", c => c.Active && (c.Kind == ConditionKind.ChronicKidneyDisease || c.Kind == ConditionKind.PostTransplantOliguria))
            .Then<ConditionFact>((f, c) => MalignancyRules.RaiseCondition(f, c));

        yield return Rule("AZA-REN-002")
            .Title("Reduced eGFR")
            .Topic(Topics.Renal).Caution(Severity.Warning).Version(2)
            .Logic("the latest eGFR is flagged low by the laboratory or is below the host's eGFR threshold (default 60, a local choice), compared in mL/min/1.73 m2")
            .Summary("Reduced eGFR ({value}): slower clearance and greater sensitivity to azathioprine.")
            .Detail("Reduced kidney function slows the clearance of azathioprine metabolites. The eGFR threshold is the host's local choice; the label gives no eGFR bands.")
            .Review("Review the regimen with kidney function in view, with closer blood counts.")
            .Source(Sources.Label, "PRECAUTIONS; DOSAGE AND ADMINISTRATION (renal dysfunction)", Confidence.Recalled, "The eGFR threshold is a local host option.")
            .Match<LabFact>("the latest eGFR is flagged low or below the threshold in its canonical unit", l =>
                l.Kind == LabKind.Egfr && l.IsLatest && l.IsLow)
            .Then<LabFact>((f, l) =>
            {
                f.Raise(new[] { new BasisFact("eGFR", l.Describe(), l.Path) }, "value", l.Source.Value.ToString(CultureInfo.InvariantCulture) + " " + l.Source.Unit);
            });

        yield return Rule("AZA-HEP-001")
            .Title("Chronic liver disease")
            .Topic(Topics.Hepatic).Caution(Severity.Warning)
            .Logic("chronic liver disease or cirrhosis is recorded as current")
            .Summary("Liver disease on record: hepatotoxicity and hepatic veno-occlusive disease are reported with azathioprine.")
            .Detail("Hepatotoxicity, including hepatic veno-occlusive disease, is reported with azathioprine. Existing liver disease makes liver-test review more important.")
            .Review("Review liver tests and their trend before and during therapy.")
            .Source(Sources.Label, "ADVERSE REACTIONS: Hepatotoxicity", Confidence.VerifiedSecondary)
            .Match<ConditionFact>("current chronic liver disease or cirrhosis", c => c.Active && (c.Kind == ConditionKind.ChronicLiverDisease || c.Kind == ConditionKind.Cirrhosis))
            .Then<ConditionFact>((f, c) => MalignancyRules.RaiseCondition(f, c));

        yield return Rule("AZA-HEP-002")
            .Title("Liver test raised")
            .Topic(Topics.Hepatic).Caution(Severity.Warning).Version(2)
            .Logic("the latest ALT, AST, bilirubin or alkaline phosphatase result is flagged high by the laboratory, or ALT or AST is at or above the host's multiple of the laboratory's upper reference limit (default 2, a local choice); and it is not critical")
            .Summary("{test} {problem}: hepatotoxicity is reported with azathioprine; review liver tests.")
            .Detail("Hepatotoxicity, including hepatic veno-occlusive disease, is reported with azathioprine. The latest result is raised by the laboratory's flag or well above its upper reference limit.")
            .Review("Review the liver tests, their trend and other causes with the prescriber.")
            .Source(Sources.Label, "ADVERSE REACTIONS: Hepatotoxicity", Confidence.VerifiedSecondary, "The multiple of the upper reference limit is a local host option.")
            .Match<LabFact>("the latest liver test of its kind is flagged high or well above the upper limit, and not critical", l =>
                l.IsLiverTest && l.IsLatest && l.LiverHigh)
            .Then<LabFact>((f, l) => RaiseLiver(f, l));

        yield return Rule("AZA-HEP-003")
            .Title("Liver test critically high")
            .Topic(Topics.Hepatic).Caution(Severity.Critical)
            .Logic("the latest ALT, AST or bilirubin result is flagged critically high by the laboratory, or ALT or AST is at or above the host's critical multiple of the upper reference limit (default 5), or bilirubin at or above its critical multiple (default 3); local choices")
            .Summary("{test} {problem}: urgent review for azathioprine hepatotoxicity.")
            .Detail("Hepatotoxicity, including hepatic veno-occlusive disease, is reported with azathioprine and can be serious. A critically high ALT, AST or bilirubin needs urgent review of the liver and of the azathioprine regimen. The multiples of the upper reference limit are local host choices (defaults at the CTCAE grade 3 boundaries, recalled).")
            .Review("Urgent review of the liver tests and of the azathioprine regimen, or the plan for it, with the prescriber.")
            .Source(Sources.Label, "ADVERSE REACTIONS: Hepatotoxicity", Confidence.VerifiedSecondary)
            .Source(Sources.Ctcae, "ALT, AST and blood bilirubin increased, grade 3", Confidence.Recalled, "Used as host defaults, a local choice; not re-checked.")
            .Match<LabFact>("the latest ALT, AST or bilirubin is critically high by flag or multiple of the upper limit", l =>
                l.IsLiverTest && l.IsLatest && l.LiverCritical)
            .Then<LabFact>((f, l) => RaiseLiver(f, l));
    }

    private static BasisFact FallFact(LabFact l, RuleThresholds options) =>
        new("fall", "fell by " + Math.Round(l.MarkedFall!.Value, 2).ToString("0.00", CultureInfo.InvariantCulture) + " of the earlier value within "
            + l.Previous!.Date.DaysUntil(l.Date).ToString(CultureInfo.InvariantCulture) + " days; host threshold "
            + options.MarkedFallFraction!.Value.ToString("0.00", CultureInfo.InvariantCulture) + " within " + options.MarkedFallWindowDays.ToString(CultureInfo.InvariantCulture) + " days");

    private static void RaiseLiver(Firing f, LabFact l)
    {
        var problem = l.LiverCritical
            ? (l.Source.Flag == LabFlag.CriticallyHigh ? "flagged critically high" : "far above the upper reference limit")
            : (l.Source.Flag is LabFlag.High or LabFlag.CriticallyHigh ? "flagged " + LabFact.Flag(l.Source.Flag) : "well above the upper reference limit");
        f.Raise(
            new[] { new BasisFact("result", l.Describe(), l.Path), new BasisFact("raised by", l.LiverReason ?? string.Empty) },
            "test", TestName(l.Kind), "problem", problem);
    }

    public static string TestName(LabKind kind) => kind switch
    {
        LabKind.WhiteCells => "White-cell count",
        LabKind.Neutrophils => "Neutrophil count",
        LabKind.Lymphocytes => "Lymphocyte count",
        LabKind.Platelets => "Platelet count",
        LabKind.Haemoglobin => "Haemoglobin",
        LabKind.Alt => "ALT",
        LabKind.Ast => "AST",
        LabKind.Bilirubin => "Bilirubin",
        LabKind.AlkalinePhosphatase => "Alkaline phosphatase",
        LabKind.Egfr => "eGFR",
        _ => kind.ToString(),
    };

    private static void RaiseLab(Firing f, LabFact l) =>
        f.Raise(new[] { new BasisFact("result", l.Describe(), l.Path) }, "test", TestName(l.Kind));
}
