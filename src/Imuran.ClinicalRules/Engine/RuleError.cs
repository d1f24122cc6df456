namespace Imuran.ClinicalRules.Engine;

/// <summary>A rule that threw while being evaluated; the evaluation that reports it is incomplete.</summary>
/// <param name="RuleId">The rule that failed.</param>
/// <param name="Message">What went wrong.</param>
public sealed record RuleError(string RuleId, string Message);
