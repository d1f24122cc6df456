using System;

namespace Imuran.ClinicalRules.Feedback;

/// <summary>
/// One clinician's feedback about one card, as exported: which service and rule raised the card, the outcome and the
/// coded override reason. Free-text comments are not exported (they may name the patient). Immutable.
/// </summary>
public sealed record ClinicianFeedbackEntry
{
    /// <summary>The CDS service (or other host) that issued the card.</summary>
    public string ServiceId { get; init; } = string.Empty;

    /// <summary>The card's uuid.</summary>
    public string CardUuid { get; init; } = string.Empty;

    /// <summary>The rule that raised the card, or null when the host no longer knew (counted under <see cref="ClinicianFeedbackExport.UnknownRule"/>).</summary>
    public string? RuleId { get; init; }

    /// <summary>Accepted or overridden.</summary>
    public CardOutcome Outcome { get; init; }

    /// <summary>The coded override reason, when one was given.</summary>
    public OverrideReason? OverrideReason { get; init; }

    /// <summary>When the outcome happened, as the EHR reported it.</summary>
    public DateTimeOffset OutcomeTimestamp { get; init; }
}
