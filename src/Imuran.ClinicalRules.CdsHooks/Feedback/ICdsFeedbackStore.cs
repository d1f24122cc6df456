using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>A card this service issued: which service and rule raised it. Immutable.</summary>
/// <param name="ServiceId">The CDS service id.</param>
/// <param name="CardUuid">The card's uuid.</param>
/// <param name="RuleId">The rule id (or the service card code, e.g. <c>INPUT-INVALID</c>).</param>
public sealed record IssuedCard(string ServiceId, string CardUuid, string RuleId);

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

/// <summary>Accepted and overridden counts for one rule (each card counted once, with its latest outcome).</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Accepted">Cards accepted.</param>
/// <param name="Overridden">Cards overridden.</param>
public sealed record RuleFeedbackCount(string RuleId, int Accepted, int Overridden);

/// <summary>
/// Keeps card feedback. Implementations must be thread-safe and idempotent: the same card may be reported more than
/// once, and is counted once, with its latest outcome. Register your own (a database) in place of the in-memory
/// default with <c>services.AddSingleton&lt;ICdsFeedbackStore, MyStore&gt;()</c> before or after <c>AddImuranCdsHooks</c>.
/// </summary>
public interface ICdsFeedbackStore
{
    /// <summary>Remembers that a card was issued, so feedback about it can be counted against its rule.</summary>
    void RecordIssued(IssuedCard card);

    /// <summary>Records feedback. Returns <see langword="false"/> when the same report was already recorded (nothing changed).</summary>
    bool Record(CardFeedback feedback);

    /// <summary>The feedback kept, one entry per card (the latest), ordered by service id then card uuid.</summary>
    IReadOnlyList<CardFeedback> Export();

    /// <summary>Counts per rule, ordered by rule id. Feedback about cards whose rule is unknown is counted under <c>unknown</c>.</summary>
    IReadOnlyList<RuleFeedbackCount> CountsByRule();
}
