using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// Observation (final, amended or corrected only) → pregnancy status, breastfeeding, a TPMT/NUDT15 result, or a
/// laboratory result by LOINC. Anything else is listed as unrecognised. A result of a kind read whose status is
/// preliminary, unknown, missing or not one of R4's is not read, and is a problem meaning incomplete data
/// (<see cref="MappingProblemCode.ResultNotFinal"/>).
/// </summary>
internal static class ObservationMapper
{
    /// <summary>The statuses of a result to read.</summary>
    private static readonly HashSet<string> ReadableStatuses = new() { "final", "amended", "corrected" };

    /// <summary>The statuses of an observation without a result: none yet (registered), none to come (cancelled), or not real (entered-in-error).</summary>
    private static readonly HashSet<string> NoResultStatuses = new() { "registered", "cancelled", "entered-in-error" };

    private static readonly Dictionary<string, PregnancyStatus> PregnancyAnswers = new()
    {
        ["pregnant"] = PregnancyStatus.Pregnant,
        ["patient currently pregnant"] = PregnancyStatus.Pregnant,
        ["currently pregnant"] = PregnancyStatus.Pregnant,
        ["yes"] = PregnancyStatus.Pregnant,
        ["not pregnant"] = PregnancyStatus.NotPregnant,
        ["no"] = PregnancyStatus.NotPregnant,
        ["unknown"] = PregnancyStatus.Unknown,
        ["possible pregnancy"] = PregnancyStatus.Unknown,
        ["pregnancy not yet confirmed"] = PregnancyStatus.Unknown,
    };

    private static readonly Dictionary<string, bool> BreastfeedingAnswers = new()
    {
        ["currently breastfeeding"] = true,
        ["breastfeeding"] = true,
        ["breast feeding"] = true,
        ["yes"] = true,
        ["not currently breastfeeding"] = false,
        ["not breastfeeding"] = false,
        ["no"] = false,
    };

    private static readonly Dictionary<string, PregnancyStatus> HcgAnswers = new()
    {
        ["positive"] = PregnancyStatus.Pregnant,
        ["detected"] = PregnancyStatus.Pregnant,
        ["negative"] = PregnancyStatus.NotPregnant,
        ["not detected"] = PregnancyStatus.NotPregnant,
    };

    public static void Map(FhirNode observation, ResourceEntry entry, MappingContext context)
    {
        var scope = observation.Scope;
        var status = observation.String("status");
        if (status is not null && NoResultStatuses.Contains(status))
        {
            scope.Ignored($"status {status}: no result (only final, amended and corrected results are read)");
            return;
        }

        if (observation.Concept("code") is not { } code)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label} has no code.");
            return;
        }

        if (status is null || !ReadableStatuses.Contains(status))
        {
            NotFinal(observation, code, status);
            return;
        }

        var date = observation.FirstDate("effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued");
        if (code.Has(Systems.Loinc, Codes.PregnancyStatusObservation))
        {
            MapPregnancyStatus(observation, date, context);
            return;
        }

        if (code.Has(Systems.Loinc, Codes.BreastfeedingStatusObservation))
        {
            MapBreastfeedingStatus(observation, context);
            return;
        }

        if (code.FindAny(Systems.Loinc, Codes.QualitativeHcg) is not null && !observation.Has("valueQuantity"))
        {
            MapHcg(observation, code, date, context);
            return;
        }

        if (PharmacogenomicsMapper.TryMap(observation, code, entry, date, context))
        {
            return;
        }

        if (code.Find(Systems.Loinc) is not { } loinc)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label}: no LOINC coding ({code}); only LOINC-coded results are read.");
            return;
        }

        if (LabMapper.Map(observation, loinc, code, date) is { } lab)
        {
            context.Facts.LabResults.Add(lab);
        }
    }

    /// <summary>
    /// A result whose status is preliminary, unknown, missing (status is 1..1 in FHIR R4) or not one of R4's: it may not
    /// be final, so it is not read as a result. When it is of a kind the reader reads (LOINC-coded, or pharmacogenomic),
    /// a result is on file that the evaluation does not use: a problem meaning incomplete data (QA, stop 25: a
    /// preliminary TPMT result saying poor metaboliser was only "ignored", and AZA-PGX-009 answered "no result" as if
    /// no test existed). Any other observation would not be read if final either, so its status hides nothing.
    /// </summary>
    private static void NotFinal(FhirNode observation, Concept code, string? status)
    {
        var scope = observation.Scope;
        var said = status is null ? "no status" : $"status '{Echo.Value(status)}'";
        scope.Ignored($"{said}: not a final result (only final, amended and corrected results are read)");
        if (code.Find(Systems.Loinc) is null && !PharmacogenomicsMapper.IsPharmacogenomic(observation, code))
        {
            return;
        }

        scope.Problem(
            MappingProblemCode.ResultNotFinal,
            $"{scope.Label} ({code}) has {said}, not a final result: it was not read (only final, amended and corrected results are read), so a result on file is not in this evaluation.",
            observation.Path + ".status");
    }

    /// <summary>LOINC 82810-3 with a SNOMED CT or LOINC answer (or, failing that, a plain-text answer).</summary>
    private static void MapPregnancyStatus(FhirNode observation, ClinicalDate? date, MappingContext context)
    {
        var scope = observation.Scope;
        var value = observation.Concept("valueCodeableConcept");
        PregnancyStatus? status = null;
        var byText = false;
        if (value is not null)
        {
            status = value.FindAny(Systems.Snomed, Codes.PregnantSnomed) is not null || value.FindAny(Systems.Loinc, Codes.PregnantLoinc) is not null ? PregnancyStatus.Pregnant
                : value.FindAny(Systems.Snomed, Codes.NotPregnantSnomed) is not null || value.FindAny(Systems.Loinc, Codes.NotPregnantLoinc) is not null ? PregnancyStatus.NotPregnant
                : value.FindAny(Systems.Snomed, Codes.PregnancyUnknownSnomed) is not null || value.FindAny(Systems.Loinc, Codes.PregnancyUnknownLoinc) is not null ? PregnancyStatus.Unknown
                : null;
            if (status is null && FromText(value.Texts(), PregnancyAnswers) is { } fromText)
            {
                (status, byText) = (fromText, true);
            }
        }

        if (status is null)
        {
            scope.Unrecognised(
                UnrecognisedReason.ValueNotRecognised,
                $"{scope.Label}: pregnancy status answer {value?.ToString() ?? "(none)"} is not one the reader knows.");
            return;
        }

        context.Facts.AddPregnancy(status.Value, date, scope);
        scope.Used(MappedFact.PregnancyStatus, $"pregnancy status {status} (LOINC {Codes.PregnancyStatusObservation}, {date?.ToString() ?? "no date"})", byText);
    }

    /// <summary>LOINC 63895-7: "currently breastfeeding" (LA29252-6), or a plain-text answer.</summary>
    private static void MapBreastfeedingStatus(FhirNode observation, MappingContext context)
    {
        var scope = observation.Scope;
        var value = observation.Concept("valueCodeableConcept");
        bool? breastfeeding = null;
        var byText = false;
        if (value?.Has(Systems.Loinc, Codes.CurrentlyBreastfeeding) == true)
        {
            breastfeeding = true;
        }
        else if (value is not null && FromText(value.Texts(), BreastfeedingAnswers) is { } fromText)
        {
            (breastfeeding, byText) = (fromText, true);
        }

        if (breastfeeding is null)
        {
            scope.Unrecognised(
                UnrecognisedReason.ValueNotRecognised,
                $"{scope.Label}: breastfeeding status answer {value?.ToString() ?? "(none)"} is not one the reader knows.");
            return;
        }

        context.Facts.AddBreastfeeding(breastfeeding.Value, scope, observation.FirstDate("effectiveDateTime", "effectivePeriod.start", "effectiveInstant", "issued"));
        scope.Used(MappedFact.Breastfeeding, breastfeeding.Value ? "currently breastfeeding" : "not breastfeeding", byText);
    }

    /// <summary>
    /// A qualitative hCG test (LOINC 2106-3 urine, 2118-8 serum): positive means pregnant, negative not pregnant. The
    /// answer codes are not in codes.md, so the answer is read from its text.
    /// </summary>
    private static void MapHcg(FhirNode observation, Concept code, ClinicalDate? date, MappingContext context)
    {
        var scope = observation.Scope;
        var texts = new List<string>();
        if (observation.Concept("valueCodeableConcept") is { } value)
        {
            texts.AddRange(value.Texts());
        }

        if (observation.String("valueString") is { } valueString)
        {
            texts.Add(valueString);
        }

        var loinc = code.FindAny(Systems.Loinc, Codes.QualitativeHcg)!.Code;
        if (FromText(texts, HcgAnswers) is not { } status)
        {
            scope.Unrecognised(
                UnrecognisedReason.ValueNotRecognised,
                $"{scope.Label}: hCG test (LOINC {loinc}) answer {(texts.Count == 0 ? "(none)" : "'" + string.Join("', '", texts) + "'")} is neither positive nor negative.");
            return;
        }

        context.Facts.AddPregnancy(status, date, scope);
        scope.Used(MappedFact.PregnancyStatus, $"hCG test (LOINC {loinc}) {(status == PregnancyStatus.Pregnant ? "positive" : "negative")}: {status} ({date?.ToString() ?? "no date"})", matchedByText: true);
    }

    /// <summary>The answer whose normalised text is a key of <paramref name="answers"/>; <see langword="null"/> when none is.</summary>
    private static T? FromText<T>(IEnumerable<string> texts, Dictionary<string, T> answers)
        where T : struct
    {
        foreach (var text in texts.Select(TextMatch.Normalise))
        {
            if (answers.TryGetValue(text, out var answer))
            {
                return answer;
            }
        }

        return null;
    }
}
