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

/// <summary>What kind of prompt a finding is. Numeric values are stable.</summary>
public enum FindingKind
{
    /// <summary>A risk to weigh.</summary>
    Caution = 1,

    /// <summary>A test or follow-up to arrange.</summary>
    Monitoring = 2,
}

/// <summary>How sure the knowledge base is of a source statement (see the clinical README). Numeric values are stable.</summary>
public enum Confidence
{
    /// <summary>[V] read in a primary or machine-readable source.</summary>
    Verified = 1,

    /// <summary>[V2] read in a secondary copy of the label (drug databases, label mirrors).</summary>
    VerifiedSecondary = 2,

    /// <summary>[R] recalled, not re-checked.</summary>
    Recalled = 3,

    /// <summary>[?] uncertain.</summary>
    Uncertain = 4,
}
