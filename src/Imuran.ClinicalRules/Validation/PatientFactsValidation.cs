using System;
using System.Collections.Generic;
using System.Text;
using FluentValidation;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Pharmacogenomics;

namespace Imuran.ClinicalRules.Validation;

/// <summary>Runs the validators and turns their failures into <see cref="ValidationProblem"/>s with camelCase field paths.</summary>
internal static class PatientFactsValidation
{
    private static readonly PatientFactsValidator Validator = new();

    public static IReadOnlyList<ValidationProblem> Validate(PatientFacts facts)
    {
        // The common case, valid facts, is proved without FluentValidation; only its validators write problems.
        if (PatientFactsPreCheck.IsValid(facts))
        {
            return Array.Empty<ValidationProblem>();
        }

        return ValidateFully(facts);
    }

    /// <summary>Runs the FluentValidation validators, the only source of problems and their messages.</summary>
    internal static IReadOnlyList<ValidationProblem> ValidateFully(PatientFacts facts)
    {
        var result = Validator.Validate(facts);
        if (result.IsValid)
        {
            return Array.Empty<ValidationProblem>();
        }

        var problems = new List<ValidationProblem>(result.Errors.Count);
        foreach (var e in result.Errors)
        {
            problems.Add(new ValidationProblem(CamelPath(e.PropertyName), e.ErrorCode, e.ErrorMessage));
        }

        return problems;
    }

    /// <summary><c>LabResults[2].Unit</c> becomes <c>labResults[2].unit</c>.</summary>
    internal static string CamelPath(string path)
    {
        var sb = new StringBuilder(path.Length);
        var atStart = true;
        foreach (var ch in path)
        {
            sb.Append(atStart ? char.ToLowerInvariant(ch) : ch);
            atStart = ch == '.';
        }

        return sb.ToString();
    }
}

internal sealed class PatientFactsValidator : AbstractValidator<PatientFacts>
{
    public PatientFactsValidator()
    {
        RuleFor(p => p.EvaluationDate)
            .Must(d => d != default)
            .WithErrorCode(ErrorCodes.EvaluationDateMissing)
            .WithMessage("The evaluation date is missing; the rules never read the clock, so it must be given.");

        RuleFor(p => p.BirthDate)
            .Must((p, b) => b!.Value <= p.EvaluationDate)
            .When(p => p.BirthDate is not null)
            .WithErrorCode(ErrorCodes.BirthAfterEvaluation)
            .WithMessage((p, b) => $"The birth date {b} is after the evaluation date {p.EvaluationDate}.");

        RuleFor(p => p.Sex).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The sex is not a known value.");
        RuleFor(p => p.Setting).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The care setting is not a known value.");
        RuleFor(p => p.PregnancyStatus).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The pregnancy status is not a known value.");
        RuleForEach(p => p.Indications).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The indication is not a known value.");
        RuleForEach(p => p.NewNeurologicalSigns).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The neurological sign is not a known value.");

        RuleFor(p => p.PregnancyStatus)
            .Must(s => s != PregnancyStatus.Pregnant)
            .When(p => p.Sex == Sex.Male)
            .WithErrorCode(ErrorCodes.Contradictory)
            .WithMessage("The patient is recorded as male and as pregnant; the two facts contradict each other.");

        RuleFor(p => p.PregnancyStatus)
            .Must(s => s != PregnancyStatus.NotPregnant)
            .When(p => p.PruritusInPregnancy || p.RaisedBileAcids || p.SuspectedCholestasisOfPregnancy)
            .WithErrorCode(ErrorCodes.Contradictory)
            .WithMessage("The patient is recorded as not pregnant but with findings of the current pregnancy (pruritus, bile acids or cholestasis); the facts contradict each other.");

        RuleFor(p => p.LastRedCellTransfusion)
            .Must((p, d) => d!.Value <= p.EvaluationDate)
            .When(p => p.LastRedCellTransfusion is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage((p, d) => $"The transfusion date {d} is after the evaluation date {p.EvaluationDate}.");

        RuleFor(p => p.PregnancyStatusDate)
            .Must((p, d) => d!.Value <= p.EvaluationDate)
            .When(p => p.PregnancyStatusDate is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage((p, d) => PatientFactsValidator.NotAfter("pregnancy status date", d, p.EvaluationDate));
        RuleFor(p => p.BreastfeedingDate)
            .Must((p, d) => d!.Value <= p.EvaluationDate)
            .When(p => p.BreastfeedingDate is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage((p, d) => PatientFactsValidator.NotAfter("breastfeeding status date", d, p.EvaluationDate));

        RuleFor(p => p.Therapy).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("The therapy record is missing.");
        RuleFor(p => p.Therapy).SetValidator(p => new TherapyValidator(p.EvaluationDate)).When(p => p.Therapy is not null);
        RuleForEach(p => p.Pharmacogenomics).NotNullEntry().SetValidator(p => new PharmacogenomicResultValidator(p.EvaluationDate));
        RuleForEach(p => p.Medications).NotNullEntry().SetValidator(p => new MedicationValidator(p.EvaluationDate));
        RuleForEach(p => p.Allergies).NotNullEntry().SetValidator(new AllergyValidator());
        RuleForEach(p => p.Conditions).NotNullEntry().SetValidator(p => new ConditionValidator(p.EvaluationDate));
        RuleForEach(p => p.LabResults).NotNullEntry().SetValidator(p => new LabResultValidator(p.EvaluationDate));
        RuleForEach(p => p.Vaccinations).NotNullEntry().SetValidator(p => new VaccinationValidator(p.EvaluationDate));
    }

    internal static string NotAfter(string what, ClinicalDate? date, ClinicalDate evaluation) =>
        $"The {what} {date} is after the evaluation date {evaluation}.";
}

internal static class EntryRules
{
    /// <summary>
    /// A null entry in a list is a problem of its own (<c>medications[2]</c>, <see cref="ErrorCodes.NullEntry"/>); the
    /// entry's validator then skips it, and no rule ever sees it.
    /// </summary>
    public static IRuleBuilderOptions<PatientFacts, T> NotNullEntry<T>(this IRuleBuilderInitialCollection<PatientFacts, T> rule) =>
        rule.NotNull()
            .WithErrorCode(ErrorCodes.NullEntry)
            .WithMessage("The entry is null; leave it out of the list or fill it in.");
}

internal sealed class TherapyValidator : AbstractValidator<AzathioprineTherapy>
{
    public TherapyValidator(ClinicalDate evaluation)
    {
        RuleFor(t => t.Status).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The therapy status is not a known value.");
        RuleFor(t => t.StartDate)
            .Must(d => d!.Value <= evaluation)
            .When(t => t.StartDate is not null && t.Status != TherapyStatus.Considering)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(t => PatientFactsValidator.NotAfter("azathioprine start date", t.StartDate, evaluation));
        RuleFor(t => t.LastRegimenChange)
            .Must(d => d!.Value <= evaluation)
            .When(t => t.LastRegimenChange is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(t => PatientFactsValidator.NotAfter("regimen change date", t.LastRegimenChange, evaluation));
    }
}

internal sealed class PharmacogenomicResultValidator : AbstractValidator<PharmacogenomicResult>
{
    public PharmacogenomicResultValidator(ClinicalDate evaluation)
    {
        RuleFor(r => r.Gene).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The gene must be TPMT or NUDT15.");
        RuleFor(r => r.Phenotype).IsInEnum().When(r => r.Phenotype is not null).WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The phenotype is not a known value.");
        RuleFor(r => r.Method).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The test method is not a known value.");
        RuleFor(r => r)
            .Must(r => r.Phenotype is not null || !string.IsNullOrWhiteSpace(r.Diplotype))
            .WithName("phenotype")
            .OverridePropertyName("Phenotype")
            .WithErrorCode(ErrorCodes.PharmacogenomicResultEmpty)
            .WithMessage("The result has neither a phenotype nor a diplotype.");
        // A diplotype that cannot be read (HGVS, free text) is not invalid input: it is a result on file that the rules
        // report as unreadable (a data-quality finding, listed in unrecognised), so every other check still runs.
        RuleFor(r => r.Date)
            .Must(d => d!.Value <= evaluation)
            .When(r => r.Date is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(r => PatientFactsValidator.NotAfter("result date", r.Date, evaluation));
    }
}

internal sealed class MedicationValidator : AbstractValidator<Medication>
{
    public MedicationValidator(ClinicalDate evaluation)
    {
        RuleFor(m => m)
            .Must(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.RxNormCode))
            .OverridePropertyName("Name")
            .WithErrorCode(ErrorCodes.Unidentified)
            .WithMessage("The medication has neither a name nor an RxNorm code.");
        RuleFor(m => m.StartDate)
            .Must(d => d!.Value <= evaluation)
            .When(m => m.StartDate is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(m => PatientFactsValidator.NotAfter("medication start date", m.StartDate, evaluation));
        RuleFor(m => m.EndDate)
            .Must((m, e) => e!.Value >= m.StartDate!.Value)
            .When(m => m.EndDate is not null && m.StartDate is not null)
            .WithErrorCode(ErrorCodes.EndBeforeStart)
            .WithMessage(m => $"The medication end date {m.EndDate} is before its start date {m.StartDate}.");
        RuleFor(m => m.Active)
            .Must(a => !a)
            .When(m => m.EndDate is { } e && e < evaluation)
            .WithErrorCode(ErrorCodes.Contradictory)
            .WithMessage(m => $"The medication is marked active but ended on {m.EndDate}, before the evaluation date.");
    }
}

internal sealed class AllergyValidator : AbstractValidator<Allergy>
{
    public AllergyValidator()
    {
        RuleFor(a => a)
            .Must(a => !string.IsNullOrWhiteSpace(a.Substance) || !string.IsNullOrWhiteSpace(a.RxNormCode))
            .OverridePropertyName("Substance")
            .WithErrorCode(ErrorCodes.Unidentified)
            .WithMessage("The allergy has neither a substance nor an RxNorm code.");
    }
}

internal sealed class ConditionValidator : AbstractValidator<Condition>
{
    public ConditionValidator(ClinicalDate evaluation)
    {
        RuleFor(c => c)
            .Must(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Code) || c.Kind is not null)
            .OverridePropertyName("Name")
            .WithErrorCode(ErrorCodes.Unidentified)
            .WithMessage("The condition has no name, code or kind.");
        RuleFor(c => c.Kind).IsInEnum().When(c => c.Kind is not null).WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The condition kind is not a known value.");
        RuleFor(c => c.Status).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The condition status is not a known value.");
        RuleFor(c => c.Onset)
            .Must(d => d!.Value <= evaluation)
            .When(c => c.Onset is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(c => PatientFactsValidator.NotAfter("condition onset date", c.Onset, evaluation));
    }
}

internal sealed class LabResultValidator : AbstractValidator<LabResult>
{
    public LabResultValidator(ClinicalDate evaluation)
    {
        RuleFor(l => l)
            .Must(l => !string.IsNullOrWhiteSpace(l.Name) || !string.IsNullOrWhiteSpace(l.LoincCode) || l.Kind is not null)
            .OverridePropertyName("Name")
            .WithErrorCode(ErrorCodes.Unidentified)
            .WithMessage("The lab result has no name, LOINC code or kind.");
        RuleFor(l => l.Value)
            .Must(v => !double.IsNaN(v) && !double.IsInfinity(v))
            .WithErrorCode(ErrorCodes.LabValueNotANumber)
            .WithMessage("The lab value is not a number.");
        RuleFor(l => l.Value)
            .Must(v => v >= 0)
            .When(l => !double.IsNaN(l.Value))
            .WithErrorCode(ErrorCodes.LabValueNegative)
            .WithMessage(l => $"The lab value {l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} is negative; a count or concentration cannot be below zero.");
        RuleFor(l => l.Unit)
            .Must(u => !string.IsNullOrWhiteSpace(u))
            .WithErrorCode(ErrorCodes.LabUnitMissing)
            .WithMessage("The lab result has no unit; its value cannot be read without one.");
        RuleFor(l => l.Date)
            .NotNull()
            .WithErrorCode(ErrorCodes.LabDateMissing)
            .WithMessage("The lab result has no date; the rules cannot tell whether it is current.");
        RuleFor(l => l.Date)
            .Must(d => d!.Value <= evaluation)
            .When(l => l.Date is not null)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(l => PatientFactsValidator.NotAfter("lab result date", l.Date, evaluation));
        RuleFor(l => l.Flag).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The lab flag is not a known value.");
        RuleFor(l => l.UpperReferenceLimit)
            .Must(u => !double.IsNaN(u!.Value) && !double.IsInfinity(u.Value) && u.Value > 0)
            .When(l => l.UpperReferenceLimit is not null)
            .WithErrorCode(ErrorCodes.LabValueNotANumber)
            .WithMessage("The upper reference limit must be a positive number.");
        RuleFor(l => l.Kind).IsInEnum().When(l => l.Kind is not null).WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The lab kind is not a known value.");
    }
}

internal sealed class VaccinationValidator : AbstractValidator<Vaccination>
{
    public VaccinationValidator(ClinicalDate evaluation)
    {
        RuleFor(v => v)
            .Must(v => !string.IsNullOrWhiteSpace(v.Name) || !string.IsNullOrWhiteSpace(v.CvxCode))
            .OverridePropertyName("Name")
            .WithErrorCode(ErrorCodes.Unidentified)
            .WithMessage("The vaccination has neither a name nor a CVX code.");
        RuleFor(v => v.Status).IsInEnum().WithErrorCode(ErrorCodes.UnknownValue).WithMessage("The vaccination status is not a known value.");
        RuleFor(v => v.Date)
            .Must(d => d!.Value <= evaluation)
            .When(v => v.Date is not null && v.Status == VaccinationStatus.Given)
            .WithErrorCode(ErrorCodes.DateInFuture)
            .WithMessage(v => $"The vaccine is recorded as given on {v.Date}, after the evaluation date {evaluation}; record it as planned.");
    }
}
