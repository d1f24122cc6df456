using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// Proves patient facts valid without allocating, so the common case skips FluentValidation (which costs several
/// times an evaluation; see <c>ReadWriteBenchmarks</c>). It runs the very rules of <see cref="PatientFactsRules"/>
/// that <see cref="PatientFactsValidator"/> runs, on the same objects (the facts, the therapy, every list item, a
/// null item failing), so it cannot disagree with the validator; when it finds a failure, the validator runs and
/// alone writes the problems.
/// </summary>
internal static class PatientFactsPreCheck
{
    /// <summary>True when every rule passes; false when one fails.</summary>
    public static bool IsValid(PatientFacts p)
    {
        var e = p.EvaluationDate;
        return Passes(PatientFactsRules.Patient, p, e)
            && p.Therapy is not null && Passes(PatientFactsRules.Therapy, p.Therapy, e)
            && AllPass(p.Pharmacogenomics, PatientFactsRules.Pharmacogenomic, e)
            && AllPass(p.Medications, PatientFactsRules.Medication, e)
            && AllPass(p.Allergies, PatientFactsRules.Allergy, e)
            && AllPass(p.Conditions, PatientFactsRules.Condition, e)
            && AllPass(p.LabResults, PatientFactsRules.LabResult, e)
            && AllPass(p.Vaccinations, PatientFactsRules.Vaccination, e);
    }

    private static bool Passes<T>(FactRule<T>[] rules, T value, ClinicalDate evaluation)
    {
        foreach (var rule in rules)
        {
            if (!rule.Passes(value, evaluation))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AllPass<T>(IReadOnlyList<T> items, FactRule<T>[] rules, ClinicalDate evaluation)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !Passes(rules, item, evaluation))
            {
                return false;
            }
        }

        return true;
    }
}
