using System;
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
/// <remarks>
/// Each table of rules is compiled, on first use, into one method (its failure expressions joined with "or"), so a
/// patient costs one call per record rather than one per rule and record.
/// </remarks>
internal static class PatientFactsPreCheck
{
    /// <summary>True when every rule passes; false when one fails.</summary>
    public static bool IsValid(PatientFacts p)
    {
        var e = p.EvaluationDate;
        return Compiled.Patient(p, e)
            && p.Therapy is not null && Compiled.Therapy(p.Therapy, e)
            && AllPass(p.Pharmacogenomics, Compiled.Pharmacogenomic, e)
            && AllPass(p.Medications, Compiled.Medication, e)
            && AllPass(p.Allergies, Compiled.Allergy, e)
            && AllPass(p.Conditions, Compiled.Condition, e)
            && AllPass(p.LabResults, Compiled.LabResult, e)
            && AllPass(p.Vaccinations, Compiled.Vaccination, e);
    }

    private static bool AllPass<T>(IReadOnlyList<T> items, Func<T, ClinicalDate, bool> allPass, ClinicalDate evaluation)
        where T : class
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item || !allPass(item, evaluation))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The tables compiled, once per process, when the pre-check first runs.</summary>
    private static class Compiled
    {
        public static readonly Func<PatientFacts, ClinicalDate, bool> Patient = FactRule<PatientFacts>.CompileAllPass(PatientFactsRules.Patient);
        public static readonly Func<AzathioprineTherapy, ClinicalDate, bool> Therapy = FactRule<AzathioprineTherapy>.CompileAllPass(PatientFactsRules.Therapy);
        public static readonly Func<PharmacogenomicResult, ClinicalDate, bool> Pharmacogenomic = FactRule<PharmacogenomicResult>.CompileAllPass(PatientFactsRules.Pharmacogenomic);
        public static readonly Func<Medication, ClinicalDate, bool> Medication = FactRule<Medication>.CompileAllPass(PatientFactsRules.Medication);
        public static readonly Func<Allergy, ClinicalDate, bool> Allergy = FactRule<Allergy>.CompileAllPass(PatientFactsRules.Allergy);
        public static readonly Func<Condition, ClinicalDate, bool> Condition = FactRule<Condition>.CompileAllPass(PatientFactsRules.Condition);
        public static readonly Func<LabResult, ClinicalDate, bool> LabResult = FactRule<LabResult>.CompileAllPass(PatientFactsRules.LabResult);
        public static readonly Func<Vaccination, ClinicalDate, bool> Vaccination = FactRule<Vaccination>.CompileAllPass(PatientFactsRules.Vaccination);
    }
}
