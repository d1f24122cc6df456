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

    /// <summary>The forms of abatement[x] in FHIR R4 that give no date: any of them still says the condition abated.</summary>
    private static readonly string[] UndatedAbatements = { "abatementAge", "abatementRange", "abatementString" };

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
    /// A current condition (active, recurrence or relapse) that gives an abatement: the two contradict each other (FHIR
    /// con-4: a condition with any abatement[x] is inactive, resolved or in remission). A dated abatement
    /// (<c>abatementDateTime</c>, <c>abatementPeriod.end</c>, or <c>abatementPeriod.start</c> of a period with no end)
    /// contradicts it when on or before the evaluation date (a later one is a planned end); one that gives no date
    /// (<c>abatementAge</c>, <c>abatementRange</c>, <c>abatementString</c>, a period with neither date, or a date that
    /// cannot be read as a full one) always does, since when it abated cannot be told. It stays current, the more
    /// cautious reading (an active pregnancy still counts), and the contradiction is a problem meaning incomplete data
    /// (QA, stop 25: it was read as active without a word; stop 28: so were the forms without a date). The message names
    /// the member, never its value.
    /// </summary>
    private static void NoteAbatement(FhirNode condition, string clinical, ClinicalDate evaluationDate)
    {
        if (Abatement(condition) is not { } member)
        {
            return;
        }

        var scope = condition.Scope;
        var status = Echo.Value(clinical);
        string message;
        if (member.Dated && condition.FirstDate(member.Name) is { } abated)
        {
            if (abated > evaluationDate)
            {
                return;
            }

            message = $"{scope.Label} has clinicalStatus '{status}' but {member.Name} {abated}, on or before the evaluation date: the two contradict each other. It was read as current, the more cautious reading.";
        }
        else
        {
            var given = member.Dated ? $"{member.Name}, which gives no full date" : member.Name;
            message = $"{scope.Label} has clinicalStatus '{status}' but gives {given}: a condition that abated is not current (FHIR con-4), and when it abated cannot be told. It was read as current, the more cautious reading.";
        }

        scope.Problem(MappingProblemCode.StatusContradictsAbatement, message, condition.Path + "." + member.Name);
    }

    /// <summary>
    /// The abatement[x] member the condition gives, if any: <c>abatementDateTime</c>; <c>abatementPeriod.end</c>, else
    /// <c>abatementPeriod.start</c>, else the bare <c>abatementPeriod</c>; then the forms without a date. Dated tells
    /// whether the member should hold a date.
    /// </summary>
    private static (string Name, bool Dated)? Abatement(FhirNode condition)
    {
        if (condition.Has("abatementDateTime"))
        {
            return ("abatementDateTime", true);
        }

        if (condition.Has("abatementPeriod"))
        {
            var period = condition.Object("abatementPeriod");
            return period?.Has("end") == true ? ("abatementPeriod.end", true)
                : period?.Has("start") == true ? ("abatementPeriod.start", true)
                : ("abatementPeriod", false);
        }

        foreach (var member in UndatedAbatements)
        {
            if (condition.Has(member))
            {
                return (member, false);
            }
        }

        return null;
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

        // Resolved, and abated with no date (an abatementString, Age, Range or a period with no end): still said, naming
        // the member, never its value (stop 28).
        scope.Used(
            MappedFact.None,
            Abatement(condition) is { } member
                ? $"past pregnancy with no end date (its {member.Name.Split('.')[0]} gives none): gives no current pregnancy status"
                : "past pregnancy without an end date: gives no current pregnancy status",
            byText);
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
