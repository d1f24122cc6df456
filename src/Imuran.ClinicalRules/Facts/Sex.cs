namespace Imuran.ClinicalRules.Facts;

/// <summary>Administrative sex as recorded. Numeric values are stable and never renumbered.</summary>
public enum Sex
{
    /// <summary>Not recorded.</summary>
    Unknown = 0,

    /// <summary>Female.</summary>
    Female = 1,

    /// <summary>Male.</summary>
    Male = 2,

    /// <summary>Recorded as another value.</summary>
    Other = 3,
}
