namespace Imuran.ClinicalRules.Feedback;

/// <summary>What a clinician did with a card (a finding shown to them). Numeric values are stable and never renumbered.</summary>
public enum CardOutcome
{
    /// <summary>The card was accepted.</summary>
    Accepted = 1,

    /// <summary>The card was overridden (dismissed), possibly with a reason.</summary>
    Overridden = 2,
}
