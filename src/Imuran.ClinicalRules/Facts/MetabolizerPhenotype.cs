namespace Imuran.ClinicalRules.Facts;

/// <summary>A metabolizer phenotype in CPIC's terms. Numeric values are stable.</summary>
public enum MetabolizerPhenotype
{
    /// <summary>Normal metabolizer.</summary>
    Normal = 1,

    /// <summary>Intermediate metabolizer.</summary>
    Intermediate = 2,

    /// <summary>Possible intermediate metabolizer (one no-function allele with one of uncertain or unknown function).</summary>
    PossibleIntermediate = 3,

    /// <summary>Poor metabolizer.</summary>
    Poor = 4,

    /// <summary>Function cannot be assigned (uncertain or unknown function alleles).</summary>
    Indeterminate = 5,
}
