using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// Condition → pregnancy, breastfeeding, suspected cholestasis of pregnancy, or a condition for the core to classify.
/// Procedure (done or in progress) → a condition too, since a transplant often arrives as a procedure.
/// </summary>
internal static class ConditionMapper
{
    private static readonly HashSet<string> PregnancyTexts = new(StringComparer.Ordinal)
    {
        "pregnant", "pregnancy", "currently pregnant", "patient currently pregnant", "pregnant state", "pregnant state, incidental",
    };

    private static readonly HashSet<string> BreastfeedingTexts = new(StringComparer.Ordinal)
    {
        "breastfeeding", "breast feeding", "breast-feeding", "breastfeeding (mother)", "currently breastfeeding", "lactating", "lactating mother",
    };

    /// <summary>The members that say when a condition abated, by a date.</summary>
    private static readonly string[] AbatementEnds = { "abatementDateTime", "abatementPeriod.end" };

    public static void MapCondition(FhirNode condition, MappingContext context)
    {
        var scope = condition.Scope;
        if (condition.Concept("verificationStatus")?.StatusCode(Codes.NotRealVerification) is { } verification)
        {
            scope.Ignored("verificationStatus " + verification);
            return;
        }

        var clinicalStatus = condition.Concept("clinicalStatus");
        var clinical = clinicalStatus?.StatusCode(Codes.ClinicalStatuses) ?? clinicalStatus?.FirstCode();
        ConditionStatus status;
        var current = false;
        switch (clinical)
        {
            case "active" or "recurrence" or "relapse":
                status = ConditionStatus.Active;
                current = true;
                break;
            case "inactive" or "remission" or "resolved":
                status = ConditionStatus.History;
                break;
            default:
                scope.Problem(
                    MappingProblemCode.StatusUnknown,
                    clinical is null
                        ? $"{scope.Label} has no clinicalStatus; it was read as active."
                        : $"{scope.Label} has clinicalStatus '{Echo.Value(clinical)}'; it was read as active.",
                    condition.Path + ".clinicalStatus");
                status = ConditionStatus.Active;
                break;
        }

        if (condition.Concept("code") is not { } code)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label} has no code.");
            return;
        }

        if (current)
        {
            NoteAbatement(condition, clinical!, context.EvaluationDate);
        }

        if (IsPregnancy(code, out var pregnancyByText))
        {
            MapPregnancy(condition, status, pregnancyByText, context);
            return;
        }

        if (IsBreastfeeding(code, out var breastfeedingByText))
        {
            context.Facts.AddBreastfeeding(status == ConditionStatus.Active, scope);
            scope.Used(
                MappedFact.Breastfeeding,
                status == ConditionStatus.Active ? "breastfeeding (active condition)" : "breastfeeding in the past (condition no longer active): not breastfeeding",
                breastfeedingByText);
            return;
        }

        if (status == ConditionStatus.Active && TextMatch.IsCholestasisOfPregnancy(code.Texts()))
        {
            context.Facts.SuspectedCholestasisOfPregnancy = true;
            scope.Used(MappedFact.CholestasisOfPregnancy, $"suspected intrahepatic cholestasis of pregnancy ('{Echo.Name(code.Name())}')", matchedByText: true);
            return;
        }

        var onset = condition.FirstDate("onsetDateTime", "onsetPeriod.start");
        AddCondition(scope, code, status, onset, context);
    }

    /// <summary>
    /// A current condition (active, recurrence or relapse) that abated on or before the evaluation date
    /// (abatementDateTime or abatementPeriod.end): the two contradict each other (FHIR con-4: an abated condition is
    /// inactive, resolved or in remission). It stays current, the more cautious reading (an active pregnancy still
    /// counts), and the contradiction is a problem meaning incomplete data (QA, stop 25: it was read as active without a word).
    /// </summary>
    private static void NoteAbatement(FhirNode condition, string clinical, ClinicalDate evaluationDate)
    {
        foreach (var member in AbatementEnds)
        {
            if (condition.FirstDate(member) is { } abated && abated <= evaluationDate)
            {
                condition.Scope.Problem(
                    MappingProblemCode.StatusContradictsAbatement,
                    $"{condition.Scope.Label} has clinicalStatus '{Echo.Value(clinical)}' but {member} {abated}, on or before the evaluation date: the two contradict each other. It was read as current, the more cautious reading.",
                    condition.Path + "." + member);
                return;
            }
        }
    }

    public static void MapProcedure(FhirNode procedure, MappingContext context)
    {
        var scope = procedure.Scope;
        var status = procedure.String("status");
        if (status is not ("completed" or "in-progress"))
        {
            scope.Ignored($"procedure status {status ?? "missing"}");
            return;
        }

        if (procedure.Concept("code") is not { } code)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label} has no code.");
            return;
        }

        var performed = procedure.FirstDate("performedDateTime", "performedPeriod.start");
        AddCondition(scope, code, ConditionStatus.Active, performed, context);
    }

    /// <summary>
    /// A condition keeps one code: SNOMED CT first, then ICD-10-CM, then any coded coding; the core classifies it (and
    /// falls back to the name).
    /// </summary>
    private static void AddCondition(ResourceScope scope, Concept code, ConditionStatus status, ClinicalDate? onset, MappingContext context)
    {
        var coding = code.Find(Systems.Snomed) ?? code.Find(Systems.Icd10Cm);
        if (coding is null)
        {
            foreach (var candidate in code.Codings)
            {
                if (candidate.Code is not null)
                {
                    coding = candidate;
                    break;
                }
            }
        }

        var name = code.Name(coding);
        if (coding is null && name is null)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label}: its code has neither a coding nor a text.");
            return;
        }

        context.Facts.Conditions.Add(new Condition
        {
            Name = name,
            Code = coding?.Code,
            CodeSystem = coding?.System,
            Status = status,
            Onset = onset,
        });
        var coded = coding is null ? "text only" : $"{coding.System}|{coding.Code}";
        scope.Used(MappedFact.Condition, $"Condition '{Echo.Name(name)}' ({coded}), {status}", matchedByText: coding is null);
    }

    /// <summary>An active pregnancy means pregnant; a resolved one with an end date means not pregnant from then on.</summary>
    private static void MapPregnancy(FhirNode condition, ConditionStatus status, bool byText, MappingContext context)
    {
        var scope = condition.Scope;
        if (status == ConditionStatus.Active)
        {
            var asserted = condition.FirstDate("recordedDate", "onsetDateTime", "onsetPeriod.start");
            context.Facts.AddPregnancy(PregnancyStatus.Pregnant, asserted, scope, current: true);
            scope.Used(MappedFact.PregnancyStatus, $"pregnant (active condition{(asserted is null ? string.Empty : ", recorded " + asserted)})", byText);
            return;
        }

        if (condition.FirstDate("abatementDateTime", "abatementPeriod.end") is { } ended)
        {
            context.Facts.AddPregnancy(PregnancyStatus.NotPregnant, ended, scope);
            scope.Used(MappedFact.PregnancyStatus, $"not pregnant since {ended} (pregnancy condition ended)", byText);
            return;
        }

        scope.Used(MappedFact.None, "past pregnancy without an end date: gives no current pregnancy status", byText);
    }

    private static bool IsPregnancy(Concept code, out bool byText)
    {
        byText = false;
        if (code.FindAny(Systems.Snomed, Codes.PregnancySnomed) is not null || code.FindAny(Systems.Icd10Cm, Codes.PregnancyIcd10Cm) is not null)
        {
            return true;
        }

        return byText = IsOnlyText(code, PregnancyTexts);
    }

    private static bool IsBreastfeeding(Concept code, out bool byText)
    {
        byText = false;
        if (code.FindAny(Systems.Snomed, Codes.BreastfeedingSnomed) is not null || code.FindAny(Systems.Icd10Cm, Codes.BreastfeedingIcd10Cm) is not null)
        {
            return true;
        }

        return byText = IsOnlyText(code, BreastfeedingTexts);
    }

    /// <summary>A concept whose text or display, as a whole, is one of <paramref name="texts"/>.</summary>
    private static bool IsOnlyText(Concept code, HashSet<string> texts)
    {
        foreach (var text in code.Texts())
        {
            if (texts.Contains(TextMatch.Normalise(text)))
            {
                return true;
            }
        }

        return false;
    }
}
