using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Pharmacogenomics;

/// <summary>The outcome of translating a diplotype into a phenotype.</summary>
/// <param name="Gene">The gene.</param>
/// <param name="Diplotype">The diplotype as normalised (<c>*A/*B</c>), or the text given when it was malformed.</param>
/// <param name="Phenotype">The phenotype; <see cref="MetabolizerPhenotype.Indeterminate"/> when an allele has no assigned function.</param>
/// <param name="Allele1">The first allele.</param>
/// <param name="Function1">Its function.</param>
/// <param name="Allele2">The second allele.</param>
/// <param name="Function2">Its function.</param>
public sealed record PhenotypeTranslation(
    Gene Gene,
    string Diplotype,
    MetabolizerPhenotype Phenotype,
    string Allele1,
    AlleleFunction Function1,
    string Allele2,
    AlleleFunction Function2)
{
    /// <summary>Whether either allele is absent from the CPIC table (so its function was taken as unknown).</summary>
    public bool HasAlleleNotInTable => Function1 == AlleleFunction.NotInTable || Function2 == AlleleFunction.NotInTable;
}
