namespace Imuran.ClinicalRules.Feedback;

/// <summary>A coded reason a clinician gave for overriding a card, e.g. a code of the HL7 CDS Hooks override reasons.</summary>
/// <param name="System">The code system; may be null when the EHR sent none.</param>
/// <param name="Code">The code.</param>
public sealed record OverrideReason(string? System, string Code);
