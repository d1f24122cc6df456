using System.Collections.Generic;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

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
