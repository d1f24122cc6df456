namespace Imuran.ClinicalRules.Facts;

/// <summary>The kind of a laboratory result, as the rules know it. Numeric values are stable.</summary>
public enum LabKind
{
    /// <summary>Not recognised: kept and reported as unrecognised.</summary>
    Unrecognised = 0,

    /// <summary>White cell (leukocyte) count.</summary>
    WhiteCells = 1,

    /// <summary>Neutrophil count.</summary>
    Neutrophils = 2,

    /// <summary>Lymphocyte count.</summary>
    Lymphocytes = 3,

    /// <summary>Platelet count.</summary>
    Platelets = 4,

    /// <summary>Haemoglobin.</summary>
    Haemoglobin = 5,

    /// <summary>Alanine aminotransferase.</summary>
    Alt = 6,

    /// <summary>Aspartate aminotransferase.</summary>
    Ast = 7,

    /// <summary>Total bilirubin.</summary>
    Bilirubin = 8,

    /// <summary>Alkaline phosphatase.</summary>
    AlkalinePhosphatase = 9,

    /// <summary>Serum or plasma creatinine.</summary>
    Creatinine = 10,

    /// <summary>Estimated glomerular filtration rate.</summary>
    Egfr = 11,

    /// <summary>Red-cell TPMT enzyme activity.</summary>
    TpmtActivity = 12,
}
