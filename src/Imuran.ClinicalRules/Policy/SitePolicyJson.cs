using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// Reads and writes site policy files:
/// <code>
/// { "name": "st-elsewhere-pharmacy", "version": "2026-12",
///   "disable": [ { "rule": "AZA-INT-003", "reason": "…", "approvedBy": "…" },
///                { "topic": "handling", "reason": "…", "approvedBy": "…" } ],
///   "thresholds": { "liverTestWindowDays": 60 } }
/// </code>
/// <c>name</c> and <c>version</c> are required; each <c>disable</c> entry names a rule or a topic (matched ignoring
/// case) with a reason and an approver; <c>thresholds</c> are <see cref="RuleThresholds"/> values by camelCase name
/// (a number, or null to turn a nullable one off). Anything unknown is a problem that lists the valid values, and a
/// file with any problem gives no policy. A rule that reports unknown data
/// (<see cref="Engine.RuleMetadata.ReportsUnknownData"/>: the data-quality rules and a few others), or a topic that holds
/// one, cannot be left out (<c>POLICY_DISABLES_DATA_QUALITY</c>), thresholds must not contradict each other, and <c>name</c> and
/// <c>version</c> are one line of printable text of at most 200 characters. A member name that is not valid Unicode (a
/// lone surrogate escape, or bytes that are not UTF-8) is refused (<c>INVALID_TEXT</c>) wherever it stands. Reading never
/// throws for bad input. Thread-safe.
/// </summary>
public static class SitePolicyJson
{
    /// <summary>The largest policy file read: 1 MiB.</summary>
    public const long MaxBytes = 1024 * 1024;

    private static readonly string[] RootMembers = { "$schema", "name", "version", "description", "disable", "thresholds" };
    private static readonly string[] ExclusionMembers = { "rule", "topic", "reason", "approvedBy" };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a policy from JSON text; the hash is of its UTF-8 bytes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public static SitePolicyReadResult Read(string json)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        return Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Reads a policy from UTF-8 bytes (a byte-order mark is allowed); the hash is of the bytes as given. More than
    /// <see cref="MaxBytes"/> bytes are refused (<c>INPUT_TOO_LARGE</c>), as <see cref="ReadAsync"/> refuses them.
    /// </summary>
    public static SitePolicyReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBytes)
        {
            return TooLarge();
        }

        var hash = Hash(utf8Json);
        var body = Internal.Utf8Bom.Skip(utf8Json);
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray(), DocumentOptions);
            return Read(doc.RootElement, hash);
        }
        catch (JsonException ex)
        {
            var where = JsonErrorPosition.Describe(ex);
            return Problem("$", ErrorCodes.MalformedInput, $"The policy is not valid JSON{where}.");
        }
    }

    /// <summary>Reads a policy from a UTF-8 stream asynchronously, up to <see cref="MaxBytes"/>. The stream is not closed.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<SitePolicyReadResult> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        using var input = await BoundedInput.ReadAsync(utf8Json, MaxBytes, cancellationToken).ConfigureAwait(false);

        // The bytes as read, a byte-order mark included: the hash is of the file as given, as Read's is.
        return input.ExceededLimit ? TooLarge() : Read(input.BytesAsRead.Span);
    }

    private static SitePolicyReadResult TooLarge() =>
        Problem("$", ErrorCodes.InputTooLarge, $"The policy is larger than the limit of {MaxBytes} bytes; it was not read.");

    /// <summary>The policy as canonical JSON (indented, members in the documented order); what <see cref="SitePolicy.Amend"/> hashes.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public static string ToJson(SitePolicy policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("name", policy.Name);
            w.WriteString("version", policy.Version);
            w.WriteStartArray("disable");
            foreach (var d in policy.Disable)
            {
                w.WriteStartObject();
                if (d.Rule is not null)
                {
                    w.WriteString("rule", d.Rule);
                }

                if (d.Topic is not null)
                {
                    w.WriteString("topic", d.Topic);
                }

                w.WriteString("reason", d.Reason);
                w.WriteString("approvedBy", d.ApprovedBy);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("thresholds");
            foreach (var name in ThresholdValues.Names)
            {
                if (policy.Thresholds.TryGetValue(name, out var value))
                {
                    w.WritePropertyName(name);
                    if (value is null || ThresholdValues.Check(name, null) is null && IsOff(value))
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        w.WriteRawValue(value.Trim(), skipInputValidation: false);
                    }
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary><c>sha256:</c> and the lowercase hex SHA-256 of the text's UTF-8 bytes.</summary>
    internal static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(ReadOnlySpan<byte> bytes)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(bytes.ToArray());
        var sb = new StringBuilder("sha256:", 7 + 64);
        foreach (var b in digest)
        {
            sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static bool IsOff(string value) =>
        value.Trim().Equals("null", StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("off", StringComparison.OrdinalIgnoreCase) || value.Trim().Length == 0;

    private static SitePolicyReadResult Read(JsonElement root, string hash)
    {
        var problems = new List<ValidationProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Problem("$", ErrorCodes.MalformedInput, "The policy must be a JSON object.");
        }

        // A broken member name makes look-ups throw, and the thresholds' names are read (fuzzing, stop 30).
        if (MemberNames.FirstBroken(root) is { } broken)
        {
            return new SitePolicyReadResult { Problems = new[] { broken } };
        }

        var r = new ObjectReader(root, string.Empty, problems);
        r.Known(RootMembers);
        if (root.TryGetProperty("options", out _))
        {
            // Renamed before 1.0: say so, rather than only "not a field".
            var at = problems.FindIndex(p => p.Field == "options" && p.Code == ErrorCodes.UnknownField);
            var renamed = new ValidationProblem("options", ErrorCodes.UnknownField, "'options' is now called 'thresholds'; rename the member (its content is unchanged).");
            if (at >= 0)
            {
                problems[at] = renamed;
            }
        }

        var name = r.String("name");
        var version = r.String("version");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Add(new ValidationProblem("name", ErrorCodes.Required, "A policy needs a name."));
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            problems.Add(new ValidationProblem("version", ErrorCodes.Required, "A policy needs a version, so results can name the one they used."));
        }

        // As kept: the policy holds them trimmed.
        problems.AddRange(PolicyText.Problems(name?.Trim(), version?.Trim()));

        var index = 0;
        var disable = r.Array("disable", d =>
        {
            var path = "disable[" + index++ + "]";
            d.Known(ExclusionMembers);
            var rule = d.String("rule");
            var topic = d.String("topic");
            var reason = d.String("reason");
            var approvedBy = d.String("approvedBy");
            if ((rule is null) == (topic is null))
            {
                problems.Add(new ValidationProblem(path, ErrorCodes.Required, "Each entry names exactly one of 'rule' or 'topic'."));
            }
            else if (rule is not null && RuleSelection.FindRule(rule, RuleSelection.RuleIds) is null)
            {
                problems.Add(new ValidationProblem(path + ".rule", ErrorCodes.UnknownValue, RuleSelection.UnknownRule(rule, RuleSelection.RuleIds)));
            }
            else if (topic is not null && RuleSelection.FindTopic(topic) is null)
            {
                problems.Add(new ValidationProblem(path + ".topic", ErrorCodes.UnknownValue, RuleSelection.UnknownTopic(topic)));
            }
            else if (rule is not null && RuleSelection.FindRule(rule, RuleSelection.RuleIds) is { } id && DataQualityProtection.ForRule(RuleSelection.Rule(id)) is { } keepRule)
            {
                problems.Add(new ValidationProblem(path + ".rule", ErrorCodes.PolicyDisablesDataQuality, keepRule));
            }
            else if (topic is not null && RuleSelection.FindTopic(topic) is { } known && DataQualityProtection.ForTopic(known, RuleSelection.Rules) is { } keepTopic)
            {
                problems.Add(new ValidationProblem(path + ".topic", ErrorCodes.PolicyDisablesDataQuality, keepTopic));
            }

            if (string.IsNullOrWhiteSpace(reason))
            {
                problems.Add(new ValidationProblem(path + ".reason", ErrorCodes.Required, "Each entry needs the reason the site leaves it out."));
            }

            if (string.IsNullOrWhiteSpace(approvedBy))
            {
                problems.Add(new ValidationProblem(path + ".approvedBy", ErrorCodes.Required, "Each entry needs who approved leaving it out."));
            }

            return new PolicyExclusion
            {
                Rule = RuleSelection.FindRule(rule, RuleSelection.RuleIds) ?? rule,
                Topic = RuleSelection.FindTopic(topic) ?? topic,
                Reason = reason ?? string.Empty,
                ApprovedBy = approvedBy ?? string.Empty,
            };
        });

        var options = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("thresholds", out var o) && o.ValueKind != JsonValueKind.Null)
        {
            if (o.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new ValidationProblem("thresholds", ErrorCodes.WrongType, "The thresholds must be an object of threshold values by name."));
            }
            else
            {
                foreach (var p in o.EnumerateObject())
                {
                    var path = "thresholds." + p.Name;
                    var known = ThresholdValues.Find(p.Name);
                    if (known is null)
                    {
                        problems.Add(new ValidationProblem(path, ErrorCodes.UnknownField, ThresholdValues.Unknown(p.Name)));
                        continue;
                    }

                    if (p.Value.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False))
                    {
                        problems.Add(new ValidationProblem(path, ErrorCodes.WrongType, $"The {known} must be a number (or null to turn it off)."));
                        continue;
                    }

                    var text = p.Value.ValueKind == JsonValueKind.Null ? null : p.Value.GetRawText();
                    if (ThresholdValues.Check(known, text) is { } error)
                    {
                        problems.Add(new ValidationProblem(path, ErrorCodes.WrongType, $"The {known}: {error}"));
                        continue;
                    }

                    if (options.ContainsKey(known))
                    {
                        problems.Add(new ValidationProblem(path, ErrorCodes.MalformedInput, $"The {known} is set twice."));
                    }

                    options[known] = text;
                }
            }
        }

        if (problems.Count == 0 && options.Count > 0)
        {
            // Ranges too, so a policy that could never build a rule set is refused when read.
            foreach (var p in ThresholdValues.Apply(RuleThresholds.Default, options).Problems())
            {
                var option = ThresholdValues.Find(p.Key) ?? p.Key;
                problems.Add(new ValidationProblem("thresholds." + option, ErrorCodes.OutOfRange, $"The {option} {p.Value}"));
            }
        }

        if (problems.Count > 0)
        {
            return new SitePolicyReadResult { Problems = problems };
        }

        return new SitePolicyReadResult
        {
            Policy = new SitePolicy { Name = name!.Trim(), Version = version!.Trim(), ContentHash = hash, Disable = disable, Thresholds = options },
        };
    }

    private static SitePolicyReadResult Problem(string field, string code, string message) =>
        new() { Problems = new[] { new ValidationProblem(field, code, message) } };
}
