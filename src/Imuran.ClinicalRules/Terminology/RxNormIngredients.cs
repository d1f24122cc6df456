namespace Imuran.ClinicalRules.Terminology;

/// <summary>
/// The one RxNorm lookup the rules use, for readers of other formats (such as the FHIR reader) that must decide what a
/// medicine is from its code the same way the rules do. It knows the RxNorm ingredient codes verified in the clinical
/// reference and the embedded product table (clinical and branded drugs, packs and dose-form groups built from public
/// RxNorm value sets; provenance in docs/reference/rxnorm-products.md). Immutable and thread-safe.
/// </summary>
public static class RxNormIngredients
{
    /// <summary>
    /// The ingredient the rules know for an RxNorm ingredient or product code, in lower case as the rules name it
    /// (e.g. <c>197388</c>, azathioprine 50 MG oral tablet, gives <c>azathioprine</c>; <c>197319</c> gives
    /// <c>allopurinol</c>). Leading and trailing white space is ignored; names are not looked up.
    /// </summary>
    /// <param name="rxNormCode">An RxNorm code (RXCUI).</param>
    /// <param name="ingredient">The ingredient, or an empty string when the code is not known.</param>
    /// <returns><see langword="true"/> when the code is a known ingredient or product code.</returns>
    public static bool TryGetIngredient(string? rxNormCode, out string ingredient)
    {
        var match = MedicationTerminology.Classify(rxNormCode, null);
        ingredient = match.Ingredient;
        return match.MatchedBy is MatchedBy.Code or MatchedBy.ProductCode;
    }
}
