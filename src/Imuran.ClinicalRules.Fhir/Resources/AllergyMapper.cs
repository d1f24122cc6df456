using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// AllergyIntolerance → an allergy. Azathioprine and mercaptopurine are named with their RxNorm ingredient codes;
/// other substances are passed on for the core to report. "No known drug allergy" is read, but is not an allergy.
/// </summary>
internal static class AllergyMapper
{
    public static void Map(FhirNode allergy, MappingContext context)
    {
        var scope = allergy.Scope;
        if (allergy.Concept("verificationStatus")?.StatusCode(Codes.NotRealVerification) is { } verification)
        {
            scope.Ignored("verificationStatus " + verification);
            return;
        }

        if (allergy.Concept("code") is not { } code)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label} has no code naming the substance.");
            return;
        }

        if (TextMatch.IsNoKnownAllergy(code.Texts()))
        {
            scope.Used(MappedFact.None, $"no known drug allergy ('{Echo.Medicine(code.Name())}'): recorded, gives no allergy", matchedByText: true);
            return;
        }

        var rxNorm = code.Find(Systems.RxNorm);
        var substance = code.Name(rxNorm);
        var rxNormCode = rxNorm?.Code;
        var byText = false;
        var thiopurine = string.Empty;
        if (Thiopurine(code) is { } known)
        {
            // By the rules' own RxNorm table: the ingredient code or a product (clinical or branded drug) mapped to it.
            rxNormCode = known.Code;
            var ingredientCode = known.Ingredient == "azathioprine" ? Codes.Azathioprine : Codes.Mercaptopurine;
            thiopurine = known.Code == ingredientCode
                ? $" ({known.Ingredient})"
                : $" (RxNorm {known.Code}, mapped to ingredient {known.Ingredient})";
        }
        else if (TextMatch.IsAzathioprine(code.Texts()))
        {
            (rxNormCode, substance, byText, thiopurine) = (Codes.Azathioprine, substance ?? "azathioprine", true, " (azathioprine, by name)");
        }
        else if (TextMatch.IsMercaptopurine(code.Texts()))
        {
            (rxNormCode, substance, byText, thiopurine) = (Codes.Mercaptopurine, substance ?? "mercaptopurine", true, " (mercaptopurine, by name)");
        }

        if (substance is null && rxNormCode is null)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label}: the substance has no RxNorm code and no name ({code}).");
            return;
        }

        context.Facts.Allergies.Add(new Allergy { Substance = substance, RxNormCode = rxNormCode });
        var clinicalStatus = allergy.Concept("clinicalStatus");
        var clinical = clinicalStatus?.StatusCode(Codes.ClinicalStatuses) ?? clinicalStatus?.FirstCode();
        var state = clinical is null ? string.Empty : $", clinicalStatus {Echo.Value(clinical)}";
        scope.Used(MappedFact.Allergy, $"Allergy to '{Echo.Medicine(substance)}'{thiopurine}{state}", byText);
    }

    /// <summary>The first RxNorm coding that the rules' table maps to azathioprine, else to mercaptopurine.</summary>
    private static (string Code, string Ingredient)? Thiopurine(Concept code)
    {
        (string, string)? mercaptopurine = null;
        foreach (var coding in code.Codings)
        {
            if (coding.Code is null || !string.Equals(coding.System, Systems.RxNorm, System.StringComparison.Ordinal)
                || !RxNormIngredients.TryGetIngredient(coding.Code, out var ingredient))
            {
                continue;
            }

            if (ingredient == "azathioprine")
            {
                return (coding.Code, ingredient);
            }

            if (ingredient == "mercaptopurine")
            {
                mercaptopurine ??= (coding.Code, ingredient);
            }
        }

        return mercaptopurine;
    }
}
