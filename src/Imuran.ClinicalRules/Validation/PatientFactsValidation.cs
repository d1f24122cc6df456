using System;
using System.Collections.Generic;
using System.Text;
using FluentValidation;
using Imuran.ClinicalRules.Facts;

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
        var context = new ValidationContext<PatientFacts>(facts);
        context.RootContextData[FactRulesValidator<PatientFacts>.EvaluationDateKey] = facts.EvaluationDate;
        var result = Validator.Validate(context);
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

/// <summary>
/// The FluentValidation validator of patient facts: the rules of <see cref="PatientFactsRules"/>, one FluentValidation
/// rule each, on the facts, the therapy and every item of every list (a null item is a problem of its own).
/// </summary>
internal sealed class PatientFactsValidator : AbstractValidator<PatientFacts>
{
    public PatientFactsValidator()
    {
        Include(new FactRulesValidator<PatientFacts>(PatientFactsRules.Patient));
        RuleFor(p => p.Therapy).SetValidator(new FactRulesValidator<AzathioprineTherapy>(PatientFactsRules.Therapy)).When(p => p.Therapy is not null);
        RuleForEach(p => p.Pharmacogenomics).NotNullEntry().SetValidator(new FactRulesValidator<PharmacogenomicResult>(PatientFactsRules.Pharmacogenomic));
        RuleForEach(p => p.Medications).NotNullEntry().SetValidator(new FactRulesValidator<Medication>(PatientFactsRules.Medication));
        RuleForEach(p => p.Allergies).NotNullEntry().SetValidator(new FactRulesValidator<Allergy>(PatientFactsRules.Allergy));
        RuleForEach(p => p.Conditions).NotNullEntry().SetValidator(new FactRulesValidator<Condition>(PatientFactsRules.Condition));
        RuleForEach(p => p.LabResults).NotNullEntry().SetValidator(new FactRulesValidator<LabResult>(PatientFactsRules.LabResult));
        RuleForEach(p => p.Vaccinations).NotNullEntry().SetValidator(new FactRulesValidator<Vaccination>(PatientFactsRules.Vaccination));
    }
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
