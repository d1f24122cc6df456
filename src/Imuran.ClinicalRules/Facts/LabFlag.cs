namespace Imuran.ClinicalRules.Facts;

/// <summary>The laboratory's own flag on a result. Numeric values are stable.</summary>
public enum LabFlag
{
    /// <summary>No flag was sent.</summary>
    None = 0,

    /// <summary>Within the reference range.</summary>
    Normal = 1,

    /// <summary>Below the reference range.</summary>
    Low = 2,

    /// <summary>Critically low.</summary>
    CriticallyLow = 3,

    /// <summary>Above the reference range.</summary>
    High = 4,

    /// <summary>Critically high.</summary>
    CriticallyHigh = 5,
}
