using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Pharmacogenomics;

namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// A hand-written check that proves patient facts valid without allocating, so the common case skips
/// FluentValidation. It restates, as straight-line code, every rule of <see cref="PatientFactsRules"/> (the one
/// statement of the rules, which <see cref="PatientFactsValidator"/> runs); when it cannot prove the facts valid it
/// says so, and the validator alone produces the problems and their messages. So a rule missing here costs speed,
/// never a message; a rule here that is weaker than its table entry would hide a problem, which the equivalence tests
/// (<c>PatientFactsPreCheckTests</c>) guard. A pre-check that ran the table's rules directly was measured about 20
/// times slower on the typical patient (one delegate call per rule), so this copy stays until the rules can be
/// compiled into one method.
/// </summary>
internal static class PatientFactsPreCheck
{
    private static readonly bool[] SexValues = Defined(typeof(Sex));
    private static readonly bool[] SettingValues = Defined(typeof(CareSetting));
    private static readonly bool[] PregnancyValues = Defined(typeof(PregnancyStatus));
    private static readonly bool[] IndicationValues = Defined(typeof(Indication));
    private static readonly bool[] SignValues = Defined(typeof(NeurologicalSign));
    private static readonly bool[] TherapyValues = Defined(typeof(TherapyStatus));
    private static readonly bool[] GeneValues = Defined(typeof(Gene));
    private static readonly bool[] PhenotypeValues = Defined(typeof(MetabolizerPhenotype));
    private static readonly bool[] MethodValues = Defined(typeof(TestMethod));
    private static readonly bool[] ConditionKindValues = Defined(typeof(ConditionKind));
    private static readonly bool[] ConditionStatusValues = Defined(typeof(ConditionStatus));
    private static readonly bool[] LabFlagValues = Defined(typeof(LabFlag));
    private static readonly bool[] LabKindValues = Defined(typeof(LabKind));
    private static readonly bool[] VaccinationStatusValues = Defined(typeof(VaccinationStatus));

    /// <summary>True when every validator rule certainly passes; false when one fails or might.</summary>
    public static bool IsValid(PatientFacts p)
    {
        var evaluation = p.EvaluationDate;
        if (evaluation == default
            || (p.BirthDate is { } birth && birth > evaluation)
            || !Is(SexValues, (int)p.Sex)
            || !Is(SettingValues, (int)p.Setting)
            || !Is(PregnancyValues, (int)p.PregnancyStatus)
            || (p.Sex == Sex.Male && p.PregnancyStatus == PregnancyStatus.Pregnant)
            || ((p.PruritusInPregnancy || p.RaisedBileAcids || p.SuspectedCholestasisOfPregnancy) && p.PregnancyStatus == PregnancyStatus.NotPregnant)
            || (p.LastRedCellTransfusion is { } transfusion && transfusion > evaluation)
            || (p.PregnancyStatusDate is { } pregnancyDate && pregnancyDate > evaluation)
            || (p.BreastfeedingDate is { } breastfeedingDate && breastfeedingDate > evaluation))
        {
            return false;
        }

        var indications = p.Indications;
        for (var i = 0; i < indications.Count; i++)
        {
            if (!Is(IndicationValues, (int)indications[i]))
            {
                return false;
            }
        }

        var signs = p.NewNeurologicalSigns;
        for (var i = 0; i < signs.Count; i++)
        {
            if (!Is(SignValues, (int)signs[i]))
            {
                return false;
            }
        }

        return IsValid(p.Therapy, evaluation)
            && AllValid(p.Pharmacogenomics, evaluation)
            && AllValid(p.Medications, evaluation)
            && AllValid(p.Allergies)
            && AllValid(p.Conditions, evaluation)
            && AllValid(p.LabResults, evaluation)
            && AllValid(p.Vaccinations, evaluation);
    }

    private static bool IsValid(AzathioprineTherapy? t, ClinicalDate evaluation) =>
        t is not null
        && Is(TherapyValues, (int)t.Status)
        && !(t.StartDate is { } start && t.Status != TherapyStatus.Considering && start > evaluation)
        && !(t.LastRegimenChange is { } change && change > evaluation);

    private static bool AllValid(IReadOnlyList<PharmacogenomicResult> results, ClinicalDate evaluation)
    {
        for (var i = 0; i < results.Count; i++)
        {
            var r = results[i];
            if (r is null
                || !Is(GeneValues, (int)r.Gene)
                || (r.Phenotype is { } phenotype && !Is(PhenotypeValues, (int)phenotype))
                || !Is(MethodValues, (int)r.Method)
                || (r.Phenotype is null && string.IsNullOrWhiteSpace(r.Diplotype))
                || (r.Date is { } date && date > evaluation))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllValid(IReadOnlyList<Medication> medications, ClinicalDate evaluation)
    {
        for (var i = 0; i < medications.Count; i++)
        {
            var m = medications[i];
            if (m is null
                || (string.IsNullOrWhiteSpace(m.Name) && string.IsNullOrWhiteSpace(m.RxNormCode))
                || (m.StartDate is { } start && start > evaluation)
                || (m.EndDate is { } end && m.StartDate is { } begun && end < begun)
                || (m.EndDate is { } ended && ended < evaluation && m.Active))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllValid(IReadOnlyList<Allergy> allergies)
    {
        for (var i = 0; i < allergies.Count; i++)
        {
            var a = allergies[i];
            if (a is null || (string.IsNullOrWhiteSpace(a.Substance) && string.IsNullOrWhiteSpace(a.RxNormCode)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllValid(IReadOnlyList<Condition> conditions, ClinicalDate evaluation)
    {
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            if (c is null
                || (string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.Code) && c.Kind is null)
                || (c.Kind is { } kind && !Is(ConditionKindValues, (int)kind))
                || !Is(ConditionStatusValues, (int)c.Status)
                || (c.Onset is { } onset && onset > evaluation))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllValid(IReadOnlyList<LabResult> labs, ClinicalDate evaluation)
    {
        for (var i = 0; i < labs.Count; i++)
        {
            var l = labs[i];
            if (l is null
                || (string.IsNullOrWhiteSpace(l.Name) && string.IsNullOrWhiteSpace(l.LoincCode) && l.Kind is null)
                || double.IsNaN(l.Value)
                || double.IsInfinity(l.Value)
                || l.Value < 0
                || string.IsNullOrWhiteSpace(l.Unit)
                || l.Date is not { } date
                || date > evaluation
                || !Is(LabFlagValues, (int)l.Flag)
                || (l.UpperReferenceLimit is { } uln && (double.IsNaN(uln) || double.IsInfinity(uln) || uln <= 0))
                || (l.Kind is { } kind && !Is(LabKindValues, (int)kind)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllValid(IReadOnlyList<Vaccination> vaccinations, ClinicalDate evaluation)
    {
        for (var i = 0; i < vaccinations.Count; i++)
        {
            var v = vaccinations[i];
            if (v is null
                || (string.IsNullOrWhiteSpace(v.Name) && string.IsNullOrWhiteSpace(v.CvxCode))
                || !Is(VaccinationStatusValues, (int)v.Status)
                || (v.Date is { } date && v.Status == VaccinationStatus.Given && date > evaluation))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Is(bool[] defined, int value) => (uint)value < (uint)defined.Length && defined[value];

    /// <summary>Which small non-negative numbers are defined values of <paramref name="enumType"/>.</summary>
    private static bool[] Defined(Type enumType)
    {
        var max = -1;
        foreach (var v in Enum.GetValues(enumType))
        {
            max = Math.Max(max, Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture));
        }

        var defined = new bool[max + 1];
        foreach (var v in Enum.GetValues(enumType))
        {
            var n = Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
            if (n >= 0)
            {
                defined[n] = true;
            }
        }

        return defined;
    }
}
