namespace Imuran.ClinicalRules.Findings;

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
