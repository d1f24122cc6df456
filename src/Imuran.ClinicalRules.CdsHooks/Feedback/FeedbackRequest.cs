using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>Reads a feedback call: <c>{"feedback":[{card, outcome, overrideReason?, outcomeTimestamp}]}</c>. Unknown members are ignored. Text that is not valid Unicode was refused before (<c>CdsHooksRuntime.BrokenText</c>).</summary>
internal static class FeedbackRequest
{
    public static List<CardFeedback>? Read(JsonElement root, string serviceId, out string? field, out string? problem)
    {
        field = null;
        problem = null;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("feedback", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            (field, problem) = ("feedback", "'feedback' is required and must be an array.");
            return null;
        }

        var result = new List<CardFeedback>();
        var index = -1;
        foreach (var item in items.EnumerateArray())
        {
            index++;
            var at = $"feedback[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                (field, problem) = (at, "Each feedback item must be an object.");
                return null;
            }

            var card = String(item, "card");
            if (string.IsNullOrEmpty(card))
            {
                (field, problem) = (at + ".card", "'card' is required: the uuid of the card.");
                return null;
            }

            CardOutcome outcome;
            switch (String(item, "outcome"))
            {
                case "accepted":
                    outcome = CardOutcome.Accepted;
                    break;
                case "overridden":
                    outcome = CardOutcome.Overridden;
                    break;
                default:
                    (field, problem) = (at + ".outcome", "'outcome' must be 'accepted' or 'overridden'.");
                    return null;
            }

            var timestampText = String(item, "outcomeTimestamp");
            if (timestampText is null || !DateTimeOffset.TryParse(timestampText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                (field, problem) = (at + ".outcomeTimestamp", "'outcomeTimestamp' is required and must be an ISO 8601 instant.");
                return null;
            }

            // The service's cards carry no suggestions, so there is nothing to count; the list is checked for shape and
            // otherwise ignored (an EHR that reports suggestions for our cards still has its outcome recorded).
            if (item.TryGetProperty("acceptedSuggestions", out var accepted) && accepted.ValueKind != JsonValueKind.Null)
            {
                if (accepted.ValueKind != JsonValueKind.Array)
                {
                    (field, problem) = (at + ".acceptedSuggestions", "'acceptedSuggestions' must be an array of {\"id\": ...} objects.");
                    return null;
                }

                var s = 0;
                foreach (var suggestion in accepted.EnumerateArray())
                {
                    if (suggestion.ValueKind != JsonValueKind.Object || String(suggestion, "id") is not { Length: > 0 })
                    {
                        (field, problem) = ($"{at}.acceptedSuggestions[{s}].id", "Each accepted suggestion must be an object with the suggestion's 'id'.");
                        return null;
                    }

                    s++;
                }
            }

            string? reasonCode = null;
            string? reasonSystem = null;
            string? comment = null;
            if (item.TryGetProperty("overrideReason", out var reason) && reason.ValueKind == JsonValueKind.Object)
            {
                if (reason.TryGetProperty("reason", out var coding) && coding.ValueKind == JsonValueKind.Object)
                {
                    reasonCode = String(coding, "code");
                    reasonSystem = String(coding, "system");
                }

                comment = String(reason, "userComment");
            }

            result.Add(new CardFeedback
            {
                ServiceId = serviceId,
                CardUuid = card,
                Outcome = outcome,
                OverrideReasonCode = reasonCode,
                OverrideReasonSystem = reasonSystem,
                UserComment = comment,
                OutcomeTimestamp = timestamp,
            });
        }

        return result;
    }

    private static string? String(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
