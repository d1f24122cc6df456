using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>
/// The default <see cref="ICdsFeedbackStore"/>: in memory, lost on restart, bounded (the oldest issued cards are
/// forgotten past <see cref="MaxIssuedCards"/>). A card keeps its latest outcome by <see cref="CardFeedback.OutcomeTimestamp"/>;
/// a report older than the one kept changes nothing. Thread-safe.
/// </summary>
public sealed class InMemoryCdsFeedbackStore : ICdsFeedbackStore
{
    /// <summary>How many issued cards are remembered for matching feedback to rules.</summary>
    public const int MaxIssuedCards = 100_000;

    private readonly ConcurrentDictionary<string, string> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _issuedOrder = new();
    private readonly ConcurrentDictionary<(string Service, string Card), CardFeedback> _feedback = new();

    /// <inheritdoc />
    public void RecordIssued(IssuedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (_issued.TryAdd(card.CardUuid, card.RuleId))
        {
            _issuedOrder.Enqueue(card.CardUuid);
            while (_issuedOrder.Count > MaxIssuedCards && _issuedOrder.TryDequeue(out var oldest))
            {
                _issued.TryRemove(oldest, out _);
            }
        }
    }

    /// <inheritdoc />
    public bool Record(CardFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        var entry = feedback.RuleId is null && _issued.TryGetValue(feedback.CardUuid, out var rule) ? feedback with { RuleId = rule } : feedback;
        var key = (feedback.ServiceId, feedback.CardUuid);
        while (true)
        {
            if (_feedback.TryGetValue(key, out var existing))
            {
                if (existing == entry || existing.OutcomeTimestamp > entry.OutcomeTimestamp)
                {
                    return false;
                }

                if (_feedback.TryUpdate(key, entry, existing))
                {
                    return true;
                }
            }
            else if (_feedback.TryAdd(key, entry))
            {
                return true;
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<CardFeedback> Export() => _feedback
        .OrderBy(p => p.Key.Service, StringComparer.Ordinal)
        .ThenBy(p => p.Key.Card, StringComparer.Ordinal)
        .Select(p => p.Value)
        .ToList();

    /// <inheritdoc />
    public IReadOnlyList<RuleFeedbackCount> CountsByRule() => _feedback.Values
        .GroupBy(f => f.RuleId ?? "unknown", StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new RuleFeedbackCount(g.Key, g.Count(f => f.Outcome == CardOutcome.Accepted), g.Count(f => f.Outcome == CardOutcome.Overridden)))
        .ToList();
}
