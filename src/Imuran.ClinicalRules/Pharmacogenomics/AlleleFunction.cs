namespace Imuran.ClinicalRules.Pharmacogenomics;

/// <summary>CPIC allele function. Numeric values are stable.</summary>
public enum AlleleFunction
{
    /// <summary>The allele is not in the table: treated as unknown function.</summary>
    NotInTable = 0,

    /// <summary>Normal function.</summary>
    Normal = 1,

    /// <summary>No function.</summary>
    None = 2,

    /// <summary>Uncertain function.</summary>
    Uncertain = 3,

    /// <summary>Unknown function.</summary>
    Unknown = 4,

    /// <summary>Decreased function (introduced by the 2025 CPIC update; not used by the pinned tables).</summary>
    Decreased = 5,
}
