using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// An Observation with a LOINC code and a valueQuantity → a laboratory result: value, unit (UCUM code first),
/// date, the laboratory's flag from the interpretation (L, LL, H, HH, N), and the first reference range's upper limit when it is in the value's unit. Otherwise the reference range is not used: the
/// rules work from the laboratory's flag.
/// </summary>
internal static class LabMapper
{
    public static LabResult? Map(FhirNode observation, Coding loinc, Concept code, ClinicalDate? date)
    {
        var scope = observation.Scope;
        if (observation.Object("valueQuantity") is not { } quantity)
        {
            scope.Unrecognised(
                UnrecognisedReason.ValueNotRecognised,
                $"{scope.Label}: LOINC {loinc.Code} '{Echo.Name(code.Name(loinc))}' has no valueQuantity; no lab result was made.");
            return null;
        }

        if (quantity.Number("value") is not { } value)
        {
            scope.Problem(MappingProblemCode.LabWithoutValue, $"{scope.Label}: LOINC {loinc.Code} has a valueQuantity without a numeric value.", quantity.Path);
            scope.Unrecognised(UnrecognisedReason.ValueNotRecognised, $"{scope.Label}: LOINC {loinc.Code} has no numeric value; no lab result was made.");
            return null;
        }

        var system = quantity.String("system");
        var unitCode = quantity.String("code");
        var unitText = quantity.String("unit");
        var unit = system is null || string.Equals(system, Systems.Ucum, StringComparison.Ordinal)
            ? unitCode ?? unitText
            : unitText ?? unitCode;

        if (quantity.String("comparator") is { } comparator)
        {
            scope.Problem(
                MappingProblemCode.ComparatorIgnored,
                $"{scope.Label}: the value is '{comparator}{Format(value)}'; the lab result holds {Format(value)} without the comparator.",
                quantity.Path + ".comparator");
        }

        if (unit is null)
        {
            scope.Problem(
                MappingProblemCode.LabWithoutUnit,
                $"{scope.Label}: lab result LOINC {loinc.Code} '{Echo.Name(code.Name(loinc))}' ({Format(value)}) has no unit; the core's validation will reject it.",
                quantity.Path);
        }

        if (date is null)
        {
            scope.Problem(
                MappingProblemCode.LabWithoutDate,
                $"{scope.Label}: lab result LOINC {loinc.Code} '{Echo.Name(code.Name(loinc))}' has no date (effective[x] or issued); the core's validation will reject it.");
        }

        var result = new LabResult
        {
            LoincCode = loinc.Code,
            Name = code.Name(loinc),
            Value = value,
            Unit = unit,
            Date = date,
            Flag = ReadFlag(observation),
            UpperReferenceLimit = ReadUpperLimit(observation, unit),
        };
        scope.Used(
            MappedFact.LabResult,
            $"Lab LOINC {result.LoincCode} '{Echo.Name(result.Name)}' {Format(value)} {unit ?? "(no unit)"} on {date?.ToString() ?? "(no date)"}, flag {result.Flag}");
        return result;
    }

    /// <summary>
    /// The first reference range's <c>high</c>, when it is a positive number in the same unit as the value (or has no
    /// unit); the rules judge liver tests against multiples of it. Any other range is not used.
    /// </summary>
    private static double? ReadUpperLimit(FhirNode observation, string? unit)
    {
        foreach (var range in observation.Array("referenceRange"))
        {
            if (range.Object("high") is not { } high || high.Number("value") is not { } limit || limit <= 0 || double.IsInfinity(limit))
            {
                return null;
            }

            var highUnit = high.String("code") ?? high.String("unit");
            return highUnit is null || string.Equals(highUnit.Trim(), unit?.Trim(), StringComparison.OrdinalIgnoreCase) ? limit : null;
        }

        return null;
    }

    private static LabFlag ReadFlag(FhirNode observation)
    {
        var scope = observation.Scope;
        var unmapped = new List<string>();
        foreach (var interpretation in observation.Concepts("interpretation"))
        {
            foreach (var coding in interpretation.Codings)
            {
                if (coding.Code is null)
                {
                    continue;
                }

                if ((coding.System is null || coding.System == Systems.ObservationInterpretation) && Codes.InterpretationCodes.Contains(coding.Code))
                {
                    return coding.Code switch
                    {
                        "L" => LabFlag.Low,
                        "LL" => LabFlag.CriticallyLow,
                        "H" => LabFlag.High,
                        "HH" => LabFlag.CriticallyHigh,
                        _ => LabFlag.Normal,
                    };
                }

                unmapped.Add(coding.ToString());
            }

            if (interpretation.Codings.Count == 0 && interpretation.Text is { } text)
            {
                unmapped.Add($"text '{Echo.Name(text)}'");
            }
        }

        if (unmapped.Count > 0)
        {
            scope.Problem(
                MappingProblemCode.InterpretationNotMapped,
                $"{scope.Label}: interpretation {string.Join(", ", unmapped)} is not one of L, LL, H, HH, N; the flag was left as none.",
                observation.Path + ".interpretation");
        }

        return LabFlag.None;
    }

    internal static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
