namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>Accepted and overridden counts for one rule (each card counted once, with its latest outcome).</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Accepted">Cards accepted.</param>
/// <param name="Overridden">Cards overridden.</param>
public sealed record RuleFeedbackCount(string RuleId, int Accepted, int Overridden);
