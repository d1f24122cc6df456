using System.Collections.Generic;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>
/// How the rules read a medicine's name when it has no code they know, for readers of other formats (such as the FHIR
/// reader) that must decide what a named medicine is the same way the rules do. A name is read as the first ingredient
/// or brand name the rules know that it names as a whole word, in any case (e.g. <c>Allopurinol 300 mg - not with
/// azathioprine</c> is allopurinol, not an azathioprine order). The rules also check, as taken, every other medicine
/// a name names (not azathioprine), and say that the name names more than one. Immutable and thread-safe.
/// </summary>
public static class MedicineNames
{
    /// <summary>The ingredient, in lower case as the rules name it, that the rules read <paramref name="name"/> as.</summary>
    /// <param name="name">A medicine's name or free text.</param>
    /// <param name="ingredient">The ingredient, or an empty string when the name names no medicine the rules know.</param>
    /// <returns><see langword="true"/> when the name names a medicine the rules know.</returns>
    public static bool TryGetIngredient(string? name, out string ingredient)
    {
        var match = MedicationTerminology.Classify(null, name);
        ingredient = match.Ingredient;
        return match.MatchedBy != MatchedBy.None;
    }

    /// <summary>
    /// Every ingredient the rules know that <paramref name="name"/> names: the one the rules read it as first
    /// (<see cref="TryGetIngredient"/>), then the others in the order they appear, each once. More than one means the
    /// name is ambiguous: the rules read it as the first, check the others (except azathioprine) as taken too, and raise
    /// a data-quality finding.
    /// </summary>
    /// <param name="name">A medicine's name or free text.</param>
    /// <returns>The ingredients, in lower case; empty when the name names none.</returns>
    public static IReadOnlyList<string> Ingredients(string? name) => MedicationTerminology.NamedIngredients(name);
}
