using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Rules.Model;

/// <summary>
/// Turns validated patient facts into the rules' working facts: recognises medicines, conditions, labs, vaccines
/// and allergies, links each blood count to the one before it, and lists every item nothing recognised.
/// </summary>
internal static class FactLoader
{
    public static void Load(PatientFacts facts, RuleOptions options, List<object> working, List<UnrecognisedInput> unrecognised)
    {
        var ctx = new PatientContext(facts, options);
        working.Add(ctx);

        ApplyIndications(ctx, facts.Indications);
        var azathioprineOrder = -1;

        var meds = facts.Medications;
        for (var i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            var match = MedicationTerminology.Classify(m.RxNormCode, m.Name);
            switch (match.Class)
            {
                case MedicationClass.Unrecognised:
                    unrecognised.Add(new UnrecognisedInput(IndexedPaths.Medication(i), "medication", Text(m.Name, "RxNorm", m.RxNormCode)));
                    break;
                case MedicationClass.Azathioprine:
                    if (m.Active && azathioprineOrder < 0)
                    {
                        azathioprineOrder = i;
                    }

                    break;
                default:
                    var fact = new MedicationFact(m, i, match);
                    working.Add(fact);
                    ctx.InteractingMedications.Add(fact);
                    break;
            }
        }

        ResolveTherapy(ctx, facts, azathioprineOrder, working);

        ctx.PregnancyStatus = facts.PregnancyStatus;
        ctx.Breastfeeding = facts.Breastfeeding;
        if (ctx.PregnancyStatus == PregnancyStatus.Unknown && (facts.PruritusInPregnancy || facts.RaisedBileAcids || facts.SuspectedCholestasisOfPregnancy))
        {
            ctx.PregnancyStatus = PregnancyStatus.Pregnant;
            ctx.PregnancyPath = "findings of the current pregnancy";
        }

        var conditions = facts.Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var (kind, _, isHistoryCode) = ConditionTerminology.Classify(c);
            if (kind == ConditionKind.Unrecognised)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Condition(i), "condition", Text(c.Name, c.CodeSystem ?? "code", c.Code)));
                continue;
            }

            var active = c.Status == ConditionStatus.Active && !isHistoryCode;
            working.Add(new ConditionFact(c, i, kind, active));
            ApplyCondition(ctx, kind);
            if (active)
            {
                ApplyReproductiveCondition(ctx, kind, IndexedPaths.Condition(i), working);
            }
        }

        LoadLabs(ctx, facts.LabResults, working, unrecognised);

        var vaccines = facts.Vaccinations;
        for (var i = 0; i < vaccines.Count; i++)
        {
            var v = vaccines[i];
            var live = VaccineTerminology.IsLive(v);
            if (live is null)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Vaccination(i), "vaccine", Text(v.Name, "CVX", v.CvxCode)));
                continue;
            }

            working.Add(new VaccineFact(v, i, live.Value));
        }

        var allergies = facts.Allergies;
        for (var i = 0; i < allergies.Count; i++)
        {
            var a = allergies[i];
            var thiopurine = AllergyTerminology.Thiopurine(a);
            if (thiopurine is null)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Allergy(i), "allergy", Text(a.Substance, "RxNorm", a.RxNormCode)));
                continue;
            }

            working.Add(new HypersensitivityFact(a, i, thiopurine));
        }

        var pgx = facts.Pharmacogenomics;
        for (var i = 0; i < pgx.Count; i++)
        {
            var r = pgx[i];
            working.Add(new PgxResultFact(r, i));
            if (r.Gene == Gene.Tpmt && r.Method == TestMethod.Activity && r.Date is { } d)
            {
                working.Add(new TpmtActivityResult(d, "TPMT red-cell activity result of " + d, IndexedPaths.Pharmacogenomic(i)));
            }
        }

        if (facts.BirthDate is null)
        {
            working.Add(new DataQualityIssue(
                "birth date",
                "no birth date on file",
                "age-dependent checks (children, reproductive potential, adolescent and young adult males with IBD) cannot be applied with certainty",
                "birthDate"));
        }

        if (ctx.TherapyStatus == TherapyStatus.Unknown)
        {
            working.Add(new DataQualityIssue(
                "azathioprine therapy status",
                "not recorded (considering, newly started or continuing)",
                "blood-count and liver-test schedules cannot be checked; pre-treatment checks are applied as for a new start",
                "therapy.status"));
        }
        else if (ctx.TherapyStatus == TherapyStatus.NewlyStarted && ctx.TherapyStart is null)
        {
            working.Add(new DataQualityIssue(
                "azathioprine start date",
                "newly started but no start date on file",
                "the blood-count schedule is checked as for the first month of therapy",
                "therapy.startDate"));
        }
    }

    /// <summary>Sets the therapy status, start and basis on the patient context, from the therapy record or an active order.</summary>
    /// <param name="ctx">The patient context to fill in.</param>
    /// <param name="facts">The patient facts.</param>
    /// <param name="order">The index of the first active azathioprine order, or -1.</param>
    /// <param name="working">The working facts (not added to here).</param>
    private static void ResolveTherapy(PatientContext ctx, PatientFacts facts, int order, List<object> working)
    {
        ctx.TherapyStatus = facts.Therapy.Status;
        ctx.TherapyStart = facts.Therapy.StartDate;
        ctx.TherapyBasis = StatusBasis(facts.Therapy.Status);
        if (facts.Therapy.Status == TherapyStatus.Unknown && order >= 0)
        {
            // An active azathioprine order with no stated status: the patient is on therapy.
            var start = facts.Medications[order].StartDate;
            ctx.TherapyStart = start;
            ctx.TherapyStatus = start is { } s && s.DaysUntil(facts.EvaluationDate) < 28 ? TherapyStatus.NewlyStarted : TherapyStatus.Continuing;
            ctx.TherapyBasis = "active azathioprine in the medication list (" + IndexedPaths.Medication(order) + ")";
        }
    }

    /// <summary>The basis text for a stated therapy status (constant texts, so nothing is built per evaluation).</summary>
    private static string StatusBasis(TherapyStatus status) => status switch
    {
        TherapyStatus.Considering => "therapy status considering",
        TherapyStatus.NewlyStarted => "therapy status newly started",
        TherapyStatus.Continuing => "therapy status continuing",
        _ => "therapy status unknown",
    };

    public static string Describe(TherapyStatus status) => status switch
    {
        TherapyStatus.Considering => "considering",
        TherapyStatus.NewlyStarted => "newly started",
        TherapyStatus.Continuing => "continuing",
        _ => "unknown",
    };

    private static void ApplyIndications(PatientContext ctx, IReadOnlyList<Indication> indications)
    {
        for (var n = 0; n < indications.Count; n++)
        {
            switch (indications[n])
            {
                case Indication.RheumatoidArthritis:
                    ctx.HasRheumatoidArthritis = true;
                    break;
                case Indication.CrohnsDisease:
                case Indication.UlcerativeColitis:
                case Indication.InflammatoryBowelDisease:
                    ctx.HasIbd = true;
                    break;
                case Indication.KidneyTransplant:
                case Indication.OtherOrganTransplant:
                    ctx.IsTransplantRecipient = true;
                    break;
            }
        }

        ctx.IndicationText = indications.Count switch
        {
            0 => "none recorded",
            1 => indications[0].ToString(),
            _ => JoinNames(indications),
        };
    }

    private static string JoinNames(IReadOnlyList<Indication> indications)
    {
        var names = new string[indications.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = indications[i].ToString();
        }

        return string.Join(", ", names);
    }

    private static void ApplyCondition(PatientContext ctx, ConditionKind kind)
    {
        switch (kind)
        {
            case ConditionKind.RheumatoidArthritis:
                ctx.HasRheumatoidArthritis = true;
                break;
            case ConditionKind.CrohnsDisease:
            case ConditionKind.UlcerativeColitis:
                ctx.HasIbd = true;
                break;
            case ConditionKind.KidneyTransplant:
            case ConditionKind.OtherOrganTransplant:
                ctx.IsTransplantRecipient = true;
                break;
        }
    }

    private static void ApplyReproductiveCondition(PatientContext ctx, ConditionKind kind, string path, List<object> working)
    {
        if (kind == ConditionKind.Pregnancy && ctx.PregnancyStatus != PregnancyStatus.Pregnant)
        {
            if (ctx.PregnancyStatus == PregnancyStatus.NotPregnant)
            {
                working.Add(new DataQualityIssue(
                    "pregnancy status",
                    "recorded as not pregnant, but " + path + " records a current pregnancy",
                    "the rules use the more cautious reading (pregnant)",
                    path));
            }

            ctx.PregnancyStatus = PregnancyStatus.Pregnant;
            ctx.PregnancyPath = path;
        }
        else if (kind == ConditionKind.Breastfeeding && ctx.Breastfeeding != true)
        {
            if (ctx.Breastfeeding == false)
            {
                working.Add(new DataQualityIssue(
                    "breastfeeding",
                    "recorded as not breastfeeding, but " + path + " records breastfeeding",
                    "the rules use the more cautious reading (breastfeeding)",
                    path));
            }

            ctx.Breastfeeding = true;
            ctx.BreastfeedingPath = path;
        }
    }

    private static void LoadLabs(PatientContext ctx, IReadOnlyList<LabResult> labs, List<object> working, List<UnrecognisedInput> unrecognised)
    {
        // Lab facts go into the working list in input order, after the TPMT activity results they give rise to.
        var first = working.Count;
        var activityResults = 0;
        for (var i = 0; i < labs.Count; i++)
        {
            var l = labs[i];
            var (kind, _) = LabTerminology.Classify(l);
            if (kind == LabKind.Unrecognised)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Lab(i), "lab", Text(l.Name, "LOINC", l.LoincCode)));
                continue;
            }

            working.Add(new LabFact(l, i, kind));
            if (kind == LabKind.TpmtActivity)
            {
                working.Insert(first + activityResults++, new TpmtActivityResult(l.Date!.Value, "TPMT red-cell activity " + l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + l.Unit + " on " + l.Date, IndexedPaths.Lab(i)));
            }
        }

        // Chain each result to the one before it of the same kind (by date, then input order), and mark the latest.
        first += activityResults;
        for (var a = first; a < working.Count; a++)
        {
            var fact = (LabFact)working[a];
            LabFact? previous = null;
            var isLatest = true;
            for (var b = first; b < working.Count; b++)
            {
                var other = (LabFact)working[b];
                if (other.Kind != fact.Kind || b == a)
                {
                    continue;
                }

                if (Earlier(other, fact))
                {
                    if (previous is null || Earlier(previous, other))
                    {
                        previous = other;
                    }
                }
                else
                {
                    isLatest = false;
                }
            }

            fact.Previous = previous;
            fact.IsLatest = isLatest;
            fact.Severe = BloodCountRules.IsSevere(fact, ctx.Options);
            if (fact.IsBloodCount)
            {
                ctx.BloodCounts.Add(fact);
            }
        }
    }

    /// <summary>Whether <paramref name="a"/> comes before <paramref name="b"/>: an earlier date, or the same date and earlier in the input.</summary>
    private static bool Earlier(LabFact a, LabFact b) => a.Date != b.Date ? a.Date < b.Date : a.Index < b.Index;

    private static string Text(string? name, string system, string? code)
    {
        var shown = name is null ? "(no name)" : NoDosePolicy.RedactStrength(name);
        return code is null ? shown : $"{shown} [{system} {code}]";
    }
}
