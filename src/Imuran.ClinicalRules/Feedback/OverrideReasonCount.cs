namespace Imuran.ClinicalRules.Feedback;

/// <summary>How often one override reason was given for one rule's cards.</summary>
/// <param name="Reason">The reason.</param>
/// <param name="Count">How many cards were overridden with it (at least 1).</param>
public sealed record OverrideReasonCount(OverrideReason Reason, int Count);
