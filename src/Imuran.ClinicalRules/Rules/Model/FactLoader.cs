using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Terminology;
using Imuran.ClinicalRules.Rules;

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
        var azathioprineOrder = default(MedicationFact);

        var meds = facts.Medications;
        for (var i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            var match = MedicationTerminology.Classify(m.RxNormCode, m.Name);
            var fact = new MedicationFact(m, i, match);
            switch (match.Class)
            {
                case MedicationClass.Unrecognised:
                    unrecognised.Add(new UnrecognisedInput(fact.Path, "medication", Text(m.Name, "RxNorm", m.RxNormCode)));
                    break;
                case MedicationClass.Azathioprine:
                    if (m.Active)
                    {
                        azathioprineOrder ??= fact;
                    }

                    break;
                default:
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
                unrecognised.Add(new UnrecognisedInput("conditions[" + i + "]", "condition", Text(c.Name, c.CodeSystem ?? "code", c.Code)));
                continue;
            }

            var active = c.Status == ConditionStatus.Active && !isHistoryCode;
            working.Add(new ConditionFact(c, i, kind, active));
            ApplyCondition(ctx, kind);
            if (active)
            {
                ApplyReproductiveCondition(ctx, kind, "conditions[" + i + "]", working);
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
                unrecognised.Add(new UnrecognisedInput("vaccinations[" + i + "]", "vaccine", Text(v.Name, "CVX", v.CvxCode)));
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
                unrecognised.Add(new UnrecognisedInput("allergies[" + i + "]", "allergy", Text(a.Substance, "RxNorm", a.RxNormCode)));
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
                working.Add(new TpmtActivityResult(d, "TPMT red-cell activity result of " + d, "pharmacogenomics[" + i + "]"));
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

    private static void ResolveTherapy(PatientContext ctx, PatientFacts facts, MedicationFact? order, List<object> working)
    {
        ctx.TherapyStatus = facts.Therapy.Status;
        ctx.TherapyStart = facts.Therapy.StartDate;
        ctx.TherapyBasis = "therapy status " + Describe(facts.Therapy.Status);
        if (facts.Therapy.Status == TherapyStatus.Unknown && order is not null)
        {
            // An active azathioprine order with no stated status: the patient is on therapy.
            var start = order.Source.StartDate;
            ctx.TherapyStart = start;
            ctx.TherapyStatus = start is { } s && s.DaysUntil(facts.EvaluationDate) < 28 ? TherapyStatus.NewlyStarted : TherapyStatus.Continuing;
            ctx.TherapyBasis = "active azathioprine in the medication list (" + order.Path + ")";
        }
    }

    public static string Describe(TherapyStatus status) => status switch
    {
        TherapyStatus.Considering => "considering",
        TherapyStatus.NewlyStarted => "newly started",
        TherapyStatus.Continuing => "continuing",
        _ => "unknown",
    };

    private static void ApplyIndications(PatientContext ctx, IReadOnlyList<Indication> indications)
    {
        var names = new List<string>();
        foreach (var i in indications)
        {
            names.Add(i.ToString());
            switch (i)
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

        ctx.IndicationText = names.Count == 0 ? "none recorded" : string.Join(", ", names);
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
        var latest = new Dictionary<LabKind, LabFact>();
        var loaded = new List<LabFact>(labs.Count);
        for (var i = 0; i < labs.Count; i++)
        {
            var l = labs[i];
            var (kind, _) = LabTerminology.Classify(l);
            if (kind == LabKind.Unrecognised)
            {
                unrecognised.Add(new UnrecognisedInput("labResults[" + i + "]", "lab", Text(l.Name, "LOINC", l.LoincCode)));
                continue;
            }

            loaded.Add(new LabFact(l, i, kind));
            if (kind == LabKind.TpmtActivity)
            {
                working.Add(new TpmtActivityResult(l.Date!.Value, "TPMT red-cell activity " + l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + l.Unit + " on " + l.Date, "labResults[" + i + "]"));
            }
        }

        // Chain each result to the one before it of the same kind (by date, then input order).
        loaded.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : a.Index.CompareTo(b.Index));
        foreach (var fact in loaded)
        {
            if (latest.TryGetValue(fact.Kind, out var previous))
            {
                fact.Previous = previous;
            }

            latest[fact.Kind] = fact;
        }

        foreach (var fact in latest.Values)
        {
            fact.IsLatest = true;
        }

        foreach (var fact in loaded)
        {
            fact.Severe = BloodCountRules.IsSevere(fact, ctx.Options);
        }

        loaded.Sort((a, b) => a.Index.CompareTo(b.Index));
        foreach (var fact in loaded)
        {
            working.Add(fact);
            if (fact.IsBloodCount)
            {
                ctx.BloodCounts.Add(fact);
            }
        }
    }

    private static string Text(string? name, string system, string? code) =>
        (name is null ? "(no name)" : NoDosePolicy.RedactStrength(name)) + (code is null ? string.Empty : " [" + system + " " + code + "]");
}
