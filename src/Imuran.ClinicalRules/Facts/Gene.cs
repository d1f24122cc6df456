namespace Imuran.ClinicalRules.Facts;

/// <summary>A pharmacogene relevant to thiopurines. Numeric values are stable.</summary>
public enum Gene
{
    /// <summary>Thiopurine S-methyltransferase (HGNC:12014).</summary>
    Tpmt = 1,

    /// <summary>Nudix hydrolase 15 (HGNC:23063).</summary>
    Nudt15 = 2,
}
