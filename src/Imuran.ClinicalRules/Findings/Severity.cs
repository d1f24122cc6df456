namespace Imuran.ClinicalRules.Findings;

/// <summary>
/// How urgently a clinician should look at a finding. These are the CDS Hooks card indicators.
/// Numeric values are stable and never renumbered; a higher value is more urgent.
/// </summary>
public enum Severity
{
    /// <summary>For information: read it when reviewing the therapy; no immediate action is expected.</summary>
    Info = 1,

    /// <summary>Review before going on: the prescriber or pharmacist should weigh it in this encounter.</summary>
    Warning = 2,

    /// <summary>Stop and review now: a serious risk the clinician must address before the order or dispense proceeds.</summary>
    Critical = 3,
}
