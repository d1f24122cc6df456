using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Feedback;

/// <summary>
/// Writes and reads clinician feedback exports, format <c>imuran-clinicalrules-feedback</c> version 1:
/// <code>
/// { "format": "imuran-clinicalrules-feedback", "formatVersion": 1,
///   "ruleSetId": "imuran-azathioprine", "ruleSetVersion": "…", "exportedAt": "2026-11-22T10:00:00+00:00",
///   "rules": [ { "ruleId": "AZA-PGX-001", "accepted": 3, "overridden": 2, "overrideRate": 0.4,
///                "overrideReasons": [ { "system": "http://terminology.hl7.org/CodeSystem/…", "code": "…", "count": 2 } ] } ],
///   "entries": [ { "serviceId": "imuran-azathioprine-order-sign", "card": "…uuid…", "ruleId": "AZA-PGX-001",
///                  "outcome": "overridden", "overrideReason": { "system": "…", "code": "…" },
///                  "outcomeTimestamp": "2026-11-22T10:00:00+00:00" } ] }
/// </code>
/// <c>format</c>, <c>formatVersion</c>, <c>ruleSetId</c>, <c>ruleSetVersion</c>, <c>exportedAt</c> and <c>rules</c> are
/// required; <c>entries</c> may be left out (counts only) and, when present, must agree with <c>rules</c>.
/// <c>overrideRate</c> is written for readers' convenience and recomputed on reading. Members this version does not
/// know are ignored, so later minor additions do not break older readers; a different <c>formatVersion</c> is refused.
/// Free-text comments are never part of the format. A member name or a text that is not valid Unicode is refused
/// (<c>INVALID_TEXT</c>), wherever it stands. Reading never throws for bad input. Thread-safe.
/// </summary>
public static class ClinicianFeedbackJson
{
    /// <summary>The largest export read: 64 MiB.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The export as JSON (indented, members in the documented order).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="export"/> is null.</exception>
    public static string ToJson(ClinicianFeedbackExport export)
    {
        using var stream = new MemoryStream();
        Write(stream, export);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the export as UTF-8 JSON to <paramref name="utf8Json"/>, which is not closed.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Stream utf8Json, ClinicianFeedbackExport export)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (export is null)
        {
            throw new ArgumentNullException(nameof(export));
        }

        using var w = new Utf8JsonWriter(utf8Json, WriterOptions);
        w.WriteStartObject();
        w.WriteString("format", ClinicianFeedbackExport.FormatName);
        w.WriteNumber("formatVersion", ClinicianFeedbackExport.FormatVersion);
        w.WriteString("ruleSetId", export.RuleSetId);
        w.WriteString("ruleSetVersion", export.RuleSetVersion);
        w.WriteString("exportedAt", Instant(export.ExportedAt));
        w.WriteStartArray("rules");
        foreach (var rule in export.Rules)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", rule.RuleId);
            w.WriteNumber("accepted", rule.Accepted);
            w.WriteNumber("overridden", rule.Overridden);
            if (rule.OverrideRate is { } rate)
            {
                w.WriteNumber("overrideRate", Math.Round(rate, 4));
            }

            if (rule.OverrideReasons.Count > 0)
            {
                w.WriteStartArray("overrideReasons");
                foreach (var reason in rule.OverrideReasons)
                {
                    w.WriteStartObject();
                    WriteReason(w, reason.Reason);
                    w.WriteNumber("count", reason.Count);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("entries");
        foreach (var entry in export.Entries)
        {
            w.WriteStartObject();
            w.WriteString("serviceId", entry.ServiceId);
            w.WriteString("card", entry.CardUuid);
            if (entry.RuleId is not null)
            {
                w.WriteString("ruleId", entry.RuleId);
            }

            w.WriteString("outcome", entry.Outcome == CardOutcome.Accepted ? "accepted" : "overridden");
            if (entry.OverrideReason is { } reason)
            {
                w.WriteStartObject("overrideReason");
                WriteReason(w, reason);
                w.WriteEndObject();
            }

            w.WriteString("outcomeTimestamp", Instant(entry.OutcomeTimestamp));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads an export from JSON text (its UTF-8 form is read as <see cref="Read(ReadOnlySpan{byte})"/>, limit included).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static ClinicianFeedbackReadResult Read(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Reads an export from UTF-8 bytes (a byte-order mark is allowed). More than <see cref="MaxBytes"/> bytes are refused
    /// (<c>INPUT_TOO_LARGE</c>), as <see cref="ReadAsync"/> refuses them.
    /// </summary>
    public static ClinicianFeedbackReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            return TooLarge();
        }

        var body = Internal.Utf8Bom.Skip(utf8Json);
        var bytes = body.ToArray();
        try
        {
            // JsonDocument checks the UTF-8 inside strings only when they are read: check it all here, once.
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Problem("$", ErrorCodes.MalformedInput, "The feedback export is not valid UTF-8.");
        }

        try
        {
            using var doc = JsonDocument.Parse(bytes, DocumentOptions);
            return Read(doc.RootElement);
        }
        catch (JsonException ex)
        {
            var where = JsonErrorPosition.Describe(ex);
            return Problem("$", ErrorCodes.MalformedInput, $"The feedback export is not valid JSON{where}.");
        }
    }

    /// <summary>Reads an export from a UTF-8 stream asynchronously, up to <see cref="MaxBytes"/>. The stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ClinicianFeedbackReadResult> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var input = await BoundedInput.ReadAsync(utf8Json, MaxBytes, cancellationToken).ConfigureAwait(false);
        return input.ExceededLimit ? TooLarge() : Read(input.Bytes.Span);
    }

    private static ClinicianFeedbackReadResult TooLarge() =>
        Problem("$", ErrorCodes.InputTooLarge, $"The feedback export is larger than the limit of {MaxBytes} bytes; it was not read.");

    private static void WriteReason(Utf8JsonWriter w, OverrideReason reason)
    {
        if (reason.System is not null)
        {
            w.WriteString("system", reason.System);
        }

        w.WriteString("code", reason.Code);
    }

    private static string Instant(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static ClinicianFeedbackReadResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Problem("$", ErrorCodes.MalformedInput, "The feedback export must be a JSON object.");
        }

        // A broken member name makes look-ups throw, or not, depending on where it stands (fuzzing, stop 30).
        if (Serialization.MemberNames.FirstBroken(root) is { } broken)
        {
            return new ClinicianFeedbackReadResult { Problems = new[] { broken } };
        }

        var problems = new List<ValidationProblem>();
        var format = Text(root, "format", "format", problems, required: true);
        if (format is not null && format != ClinicianFeedbackExport.FormatName)
        {
            return Problem("format", ErrorCodes.UnknownValue, $"The file's format is '{format}', not '{ClinicianFeedbackExport.FormatName}': it is not a feedback export.");
        }

        if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
        {
            problems.Add(new ValidationProblem("formatVersion", ErrorCodes.Required, "'formatVersion' is required and must be a whole number."));
        }
        else if (v != ClinicianFeedbackExport.FormatVersion)
        {
            return Problem("formatVersion", ErrorCodes.UnknownValue, $"Feedback export format version {v} is not supported; this reader reads version {ClinicianFeedbackExport.FormatVersion}.");
        }

        var ruleSetId = Text(root, "ruleSetId", "ruleSetId", problems, required: true);
        var ruleSetVersion = Text(root, "ruleSetVersion", "ruleSetVersion", problems, required: true);
        var exportedAt = Timestamp(root, "exportedAt", "exportedAt", problems);

        var rules = new List<RuleFeedbackSummary>();
        if (!root.TryGetProperty("rules", out var rulesElement) || rulesElement.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new ValidationProblem("rules", ErrorCodes.Required, "'rules' is required and must be an array (it may be empty)."));
        }
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in rulesElement.EnumerateArray())
            {
                var path = $"rules[{i++}]";
                if (ReadRule(item, path, problems) is { } rule)
                {
                    if (!seen.Add(rule.RuleId))
                    {
                        problems.Add(new ValidationProblem(path + ".ruleId", ErrorCodes.DuplicateField, $"Rule '{rule.RuleId}' is listed more than once."));
                    }

                    rules.Add(rule);
                }
            }
        }

        var entries = new List<ClinicianFeedbackEntry>();
        var hasEntries = false;
        if (root.TryGetProperty("entries", out var entriesElement) && entriesElement.ValueKind != JsonValueKind.Null)
        {
            hasEntries = true;
            if (entriesElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ValidationProblem("entries", ErrorCodes.WrongType, "'entries' must be an array when present."));
            }
            else
            {
                var i = 0;
                foreach (var item in entriesElement.EnumerateArray())
                {
                    if (ReadEntry(item, $"entries[{i++}]", problems) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }
            }
        }

        if (problems.Count == 0 && hasEntries && entries.Count > 0)
        {
            CheckAgreement(rules, ClinicianFeedbackExport.Summarise(entries), problems);
        }

        if (problems.Count > 0)
        {
            return new ClinicianFeedbackReadResult { Problems = problems };
        }

        return new ClinicianFeedbackReadResult
        {
            Export = new ClinicianFeedbackExport
            {
                RuleSetId = ruleSetId!,
                RuleSetVersion = ruleSetVersion!,
                ExportedAt = exportedAt!.Value,
                Rules = rules,
                Entries = entries,
            },
        };
    }

    private static RuleFeedbackSummary? ReadRule(JsonElement item, string path, List<ValidationProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.WrongType, "Each rule must be an object."));
            return null;
        }

        var before = problems.Count;
        var ruleId = Text(item, "ruleId", path + ".ruleId", problems, required: true);
        var accepted = Count(item, "accepted", path + ".accepted", problems, minimum: 0);
        var overridden = Count(item, "overridden", path + ".overridden", problems, minimum: 0);
        var reasons = new List<OverrideReasonCount>();
        if (item.TryGetProperty("overrideReasons", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new ValidationProblem(path + ".overrideReasons", ErrorCodes.WrongType, "'overrideReasons' must be an array when present."));
            }
            else
            {
                var j = 0;
                foreach (var r in list.EnumerateArray())
                {
                    var at = $"{path}.overrideReasons[{j++}]";
                    if (r.ValueKind != JsonValueKind.Object)
                    {
                        problems.Add(new ValidationProblem(at, ErrorCodes.WrongType, "Each override reason must be an object."));
                        continue;
                    }

                    var reason = Reason(r, at, problems);
                    var count = Count(r, "count", at + ".count", problems, minimum: 1);
                    if (reason is not null && count is not null)
                    {
                        reasons.Add(new OverrideReasonCount(reason, count.Value));
                    }
                }
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        if (reasons.Sum(r => (long)r.Count) > overridden!.Value)
        {
            problems.Add(new ValidationProblem(path + ".overrideReasons", ErrorCodes.Contradictory, $"The override reasons of '{ruleId}' count more cards than the {overridden} overridden."));
            return null;
        }

        return new RuleFeedbackSummary { RuleId = ruleId!, Accepted = accepted!.Value, Overridden = overridden.Value, OverrideReasons = reasons };
    }

    private static ClinicianFeedbackEntry? ReadEntry(JsonElement item, string path, List<ValidationProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.WrongType, "Each entry must be an object."));
            return null;
        }

        var before = problems.Count;
        var serviceId = Text(item, "serviceId", path + ".serviceId", problems, required: true);
        var card = Text(item, "card", path + ".card", problems, required: true);
        var ruleId = Text(item, "ruleId", path + ".ruleId", problems, required: false);
        var outcomeText = Text(item, "outcome", path + ".outcome", problems, required: true);
        CardOutcome outcome = default;
        if (outcomeText is not null)
        {
            switch (outcomeText)
            {
                case "accepted":
                    outcome = CardOutcome.Accepted;
                    break;
                case "overridden":
                    outcome = CardOutcome.Overridden;
                    break;
                default:
                    problems.Add(new ValidationProblem(path + ".outcome", ErrorCodes.UnknownValue, $"'outcome' is '{outcomeText}'; it must be 'accepted' or 'overridden'."));
                    break;
            }
        }

        OverrideReason? reason = null;
        if (item.TryGetProperty("overrideReason", out var r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ValidationProblem(path + ".overrideReason", ErrorCodes.WrongType, "'overrideReason' must be an object when present."));
            }
            else
            {
                reason = Reason(r, path + ".overrideReason", problems);
                if (reason is not null && outcome == CardOutcome.Accepted)
                {
                    problems.Add(new ValidationProblem(path + ".overrideReason", ErrorCodes.Contradictory, "An accepted card has no override reason."));
                }
            }
        }

        var timestamp = Timestamp(item, "outcomeTimestamp", path + ".outcomeTimestamp", problems);
        if (problems.Count > before)
        {
            return null;
        }

        return new ClinicianFeedbackEntry
        {
            ServiceId = serviceId!,
            CardUuid = card!,
            RuleId = ruleId,
            Outcome = outcome,
            OverrideReason = reason,
            OutcomeTimestamp = timestamp!.Value,
        };
    }

    private static void CheckAgreement(List<RuleFeedbackSummary> rules, List<RuleFeedbackSummary> fromEntries, List<ValidationProblem> problems)
    {
        var listed = rules.ToDictionary(r => r.RuleId, StringComparer.Ordinal);
        foreach (var computed in fromEntries)
        {
            if (!listed.TryGetValue(computed.RuleId, out var rule))
            {
                problems.Add(new ValidationProblem("rules", ErrorCodes.Contradictory, $"The entries have feedback for '{computed.RuleId}', which 'rules' does not list."));
            }
            else if (rule.Accepted != computed.Accepted || rule.Overridden != computed.Overridden || !rule.OverrideReasons.OrderBy(x => x.Reason.System, StringComparer.Ordinal).ThenBy(x => x.Reason.Code, StringComparer.Ordinal)
                         .SequenceEqual(computed.OverrideReasons.OrderBy(x => x.Reason.System, StringComparer.Ordinal).ThenBy(x => x.Reason.Code, StringComparer.Ordinal)))
            {
                problems.Add(new ValidationProblem("rules", ErrorCodes.Contradictory, $"The counts for '{computed.RuleId}' ({rule.Accepted} accepted, {rule.Overridden} overridden) disagree with its entries ({computed.Accepted} accepted, {computed.Overridden} overridden)."));
            }
        }

        foreach (var rule in rules)
        {
            if ((rule.Accepted > 0 || rule.Overridden > 0) && !fromEntries.Any(c => c.RuleId == rule.RuleId))
            {
                problems.Add(new ValidationProblem("rules", ErrorCodes.Contradictory, $"'{rule.RuleId}' has counts but no entries, while other rules have entries."));
            }
        }
    }

    private static OverrideReason? Reason(JsonElement owner, string path, List<ValidationProblem> problems)
    {
        var system = Text(owner, "system", path + ".system", problems, required: false);
        var code = Text(owner, "code", path + ".code", problems, required: true);
        return code is null ? null : new OverrideReason(system, code);
    }

    private static string? Text(JsonElement owner, string name, string path, List<ValidationProblem> problems, bool required)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                problems.Add(new ValidationProblem(path, ErrorCodes.Required, $"'{name}' is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.WrongType, $"'{name}' must be a string."));
            return null;
        }

        string? text;
        try
        {
            text = value.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape ("\ud800"), which no .NET string can hold faithfully (fuzzing, stop 30: it threw).
            problems.Add(new ValidationProblem(path, ErrorCodes.InvalidText, $"'{name}' is not valid Unicode text: it holds a lone surrogate (such as a broken emoji escape)."));
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.Required, $"'{name}' must not be empty."));
            return null;
        }

        return text;
    }

    private static int? Count(JsonElement owner, string name, string path, List<ValidationProblem> problems, int minimum)
    {
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var n))
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.Required, $"'{name}' is required and must be a whole number."));
            return null;
        }

        if (n < minimum)
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.OutOfRange, $"'{name}' is {n}; it must be at least {minimum}."));
            return null;
        }

        return n;
    }

    private static DateTimeOffset? Timestamp(JsonElement owner, string name, string path, List<ValidationProblem> problems)
    {
        var text = Text(owner, name, path, problems, required: true);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            problems.Add(new ValidationProblem(path, ErrorCodes.InvalidDate, $"'{name}' is '{text}'; it must be an ISO 8601 instant."));
            return null;
        }

        return at;
    }

    private static ClinicianFeedbackReadResult Problem(string field, string code, string message) =>
        new() { Problems = new[] { new ValidationProblem(field, code, message) } };
}
