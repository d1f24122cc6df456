using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Research.Scenarios;

/// <summary>One generated patient: which rule it is for, whether that rule must fire, and why it was made.</summary>
/// <param name="Id">The patient id, e.g. <c>AZA-CBC-001:miss:1</c>.</param>
/// <param name="RuleId">The rule the scenario exercises.</param>
/// <param name="Fires">True for a patient that must fire the rule; false for a near miss that must not.</param>
/// <param name="Purpose">What the scenario varies, in plain words.</param>
/// <param name="Facts">The patient.</param>
public sealed record Scenario(string Id, string RuleId, bool Fires, string Purpose, PatientFacts Facts);
