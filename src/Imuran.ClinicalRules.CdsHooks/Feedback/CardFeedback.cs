using System;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>One feedback report about one card, as the EHR sent it. Immutable.</summary>
public sealed record CardFeedback
{
    /// <summary>The CDS service id the feedback was posted to.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The card's uuid.</summary>
    public required string CardUuid { get; init; }

    /// <summary>The rule that raised the card, when this service issued it and still remembers it; otherwise <see langword="null"/>.</summary>
    public string? RuleId { get; init; }

    /// <summary>Accepted or overridden.</summary>
    public CardOutcome Outcome { get; init; }

    /// <summary>The override reason's code, when one was given.</summary>
    public string? OverrideReasonCode { get; init; }

    /// <summary>The override reason's code system, when one was given.</summary>
    public string? OverrideReasonSystem { get; init; }

    /// <summary>The clinician's comment, when one was given.</summary>
    public string? UserComment { get; init; }

    /// <summary>When the outcome happened, as the EHR reported it.</summary>
    public DateTimeOffset OutcomeTimestamp { get; init; }
}
