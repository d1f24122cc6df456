namespace Imuran.ClinicalRules.Facts;

/// <summary>Whether a condition is current or in the past. Numeric values are stable.</summary>
public enum ConditionStatus
{
    /// <summary>Current (active, recurrent or in remission but still relevant).</summary>
    Active = 1,

    /// <summary>Past history (resolved or inactive).</summary>
    History = 2,
}
