namespace Imuran.ClinicalRules.Facts;

/// <summary>How a pharmacogenomic result was obtained. Numeric values are stable.</summary>
public enum TestMethod
{
    /// <summary>Not stated.</summary>
    Unspecified = 0,

    /// <summary>Genotyping.</summary>
    Genotype = 1,

    /// <summary>Red-cell enzyme activity (phenotyping).</summary>
    Activity = 2,
}
