using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>Reads a feedback call: <c>{"feedback":[{card, outcome, overrideReason?, outcomeTimestamp}]}</c>. Unknown members are ignored; a member name or a text that is not valid Unicode (a lone surrogate escape) is refused.</summary>
internal static class FeedbackRequest
{
    public static List<CardFeedback>? Read(JsonElement root, string serviceId, out string? field, out string? problem)
    {
        field = null;
        problem = null;

        // A member name with a lone surrogate escape makes look-ups in its object throw (fuzzing, stop 30: a 500), or
        // not, depending on where it stands: refused wherever it is, known member or not.
        if (BrokenName(root, "$") is { } broken)
        {
            (field, problem) = (broken, "A member name is not valid Unicode text: it holds a lone surrogate (such as a broken emoji escape).");
            return null;
        }

        return ReadItems(root, serviceId, ref field, ref problem);
    }

    /// <summary>The path of the first object holding a member name that is not valid Unicode; <see langword="null"/> when none does.</summary>
    private static string? BrokenName(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                string name;
                try
                {
                    name = p.Name;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }

                if (BrokenName(p.Value, path == "$" ? name : path + "." + name) is { } inner)
                {
                    return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (BrokenName(item, $"{path}[{i++}]") is { } inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }

    private static List<CardFeedback>? ReadItems(JsonElement root, string serviceId, ref string? field, ref string? problem)
    {
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

            if (!TryText(item, "card", at, out var card, ref field, ref problem))
            {
                return null;
            }

            if (string.IsNullOrEmpty(card))
            {
                (field, problem) = (at + ".card", "'card' is required: the uuid of the card.");
                return null;
            }

            if (!TryText(item, "outcome", at, out var outcomeText, ref field, ref problem))
            {
                return null;
            }

            CardOutcome outcome;
            switch (outcomeText)
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

            if (!TryText(item, "outcomeTimestamp", at, out var timestampText, ref field, ref problem))
            {
                return null;
            }

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
                    string? id = null;
                    if (suggestion.ValueKind == JsonValueKind.Object && !TryText(suggestion, "id", $"{at}.acceptedSuggestions[{s}]", out id, ref field, ref problem))
                    {
                        return null;
                    }

                    if (id is not { Length: > 0 })
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
                if (reason.TryGetProperty("reason", out var coding) && coding.ValueKind == JsonValueKind.Object
                    && (!TryText(coding, "code", at + ".overrideReason.reason", out reasonCode, ref field, ref problem)
                        || !TryText(coding, "system", at + ".overrideReason.reason", out reasonSystem, ref field, ref problem)))
                {
                    return null;
                }

                if (!TryText(reason, "userComment", at + ".overrideReason", out comment, ref field, ref problem))
                {
                    return null;
                }
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

    /// <summary>
    /// The text of <paramref name="owner"/>'s member <paramref name="name"/> (<see langword="null"/> when absent or not
    /// a string); false, with the field and problem, when the string holds a lone surrogate escape (<c>"\ud800"</c>),
    /// which no .NET string can hold faithfully (fuzzing, stop 30: it threw from here, a 500).
    /// </summary>
    private static bool TryText(JsonElement owner, string name, string at, out string? text, ref string? field, ref string? problem)
    {
        text = null;
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        try
        {
            text = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            (field, problem) = ($"{at}.{name}", $"'{name}' is not valid Unicode text: it holds a lone surrogate (such as a broken emoji escape).");
            return false;
        }
    }
}
