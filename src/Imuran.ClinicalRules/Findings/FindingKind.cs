namespace Imuran.ClinicalRules.Findings;

/// <summary>What kind of prompt a finding is. Numeric values are stable.</summary>
public enum FindingKind
{
    /// <summary>A risk to weigh.</summary>
    Caution = 1,

    /// <summary>A test or follow-up to arrange.</summary>
    Monitoring = 2,
}
