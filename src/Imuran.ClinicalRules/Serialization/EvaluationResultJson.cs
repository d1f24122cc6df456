using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// Writes an <see cref="EvaluationResult"/> as the stable JSON contract: camelCase members, enum values as camelCase
/// text, findings in the result's order. Thread-safe.
/// </summary>
public static class EvaluationResultJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result as JSON text.</summary>
    public static string ToJson(EvaluationResult result, bool indented = true)
    {
        using var stream = new MemoryStream();
        Write(result, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the result as UTF-8 JSON to <paramref name="utf8Stream"/>.</summary>
    public static void Write(EvaluationResult result, Stream utf8Stream, bool indented = true)
    {
        using var w = new Utf8JsonWriter(utf8Stream, indented ? Indented : Compact);
        Write(result, w);
    }

    /// <summary>Writes the result as one JSON object to <paramref name="w"/>, then flushes it.</summary>
    public static void Write(EvaluationResult result, Utf8JsonWriter w)
    {
        WriteObject(result, w);
        w.Flush();
    }

    /// <summary>Writes the result as one JSON object to <paramref name="w"/> without flushing (the serializer's converter uses it).</summary>
    internal static void WriteObject(EvaluationResult result, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteStartObject("ruleSet");
        w.WriteString("id", result.RuleSetId);
        w.WriteString("version", result.RuleSetVersion);
        w.WriteEndObject();
        if (result.PatientId is not null)
        {
            w.WriteString("patientId", result.PatientId);
        }

        if (result.EvaluationDate == default)
        {
            // Input that could not be read has no evaluation date: null, never a placeholder 0001-01-01.
            w.WriteNull("evaluationDate");
        }
        else
        {
            w.WriteString("evaluationDate", result.EvaluationDate.ToString());
        }

        w.WriteBoolean("isComplete", result.IsComplete);
        w.WriteBoolean("isValid", result.IsValid);

        w.WriteStartArray("findings");
        var findings = result.Findings;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            WriteFinding(f, w);
        }

        w.WriteEndArray();

        WriteProblems("validation", result.Validation, w);

        w.WriteStartArray("unrecognised");
        var unrecognised = result.Unrecognised;
        for (var i = 0; i < unrecognised.Count; i++)
        {
            var u = unrecognised[i];
            w.WriteStartObject();
            w.WriteString("field", u.Field);
            w.WriteString("category", u.Category);
            w.WriteString("text", u.Text);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("ruleErrors");
        var errors = result.RuleErrors;
        for (var i = 0; i < errors.Count; i++)
        {
            var e = errors[i];
            w.WriteStartObject();
            w.WriteString("ruleId", e.RuleId);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        // Only when the host attached gaps of its reader (EvaluationResult.DataNotRead), so results of facts read
        // whole keep their form; isComplete is false whenever it is written.
        if (result.DataNotRead.Count > 0)
        {
            WriteProblems("dataNotRead", result.DataNotRead, w);
        }

        w.WriteStartArray("disabledRules");
        var disabled = result.DisabledRules;
        for (var i = 0; i < disabled.Count; i++)
        {
            var id = disabled[i];
            w.WriteStringValue(id);
        }

        w.WriteEndArray();

        // The thresholds that differ from the defaults ({} when none does), so a finding can be reproduced.
        w.WriteStartObject("thresholds");
        var changes = result.Thresholds.Changes();
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.Value is { } value)
            {
                w.WriteNumber(change.Key, value);
            }
            else
            {
                w.WriteNull(change.Key);
            }
        }

        w.WriteEndObject();
        if (result.Policy is { } policy)
        {
            w.WriteStartObject("policy");
            w.WriteString("name", policy.Name);
            w.WriteString("version", policy.Version);
            w.WriteString("contentHash", policy.ContentHash);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>Writes <paramref name="problems"/> as the array <paramref name="name"/> of <c>{field, code, message}</c> objects.</summary>
    private static void WriteProblems(string name, IReadOnlyList<ValidationProblem> problems, Utf8JsonWriter w)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < problems.Count; i++)
        {
            var p = problems[i];
            w.WriteStartObject();
            w.WriteString("field", p.Field);
            w.WriteString("code", p.Code);
            w.WriteString("message", p.Message);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes one finding as a JSON object.</summary>
    internal static void WriteFinding(Finding f, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("kind", JsonNames.Of(f.Kind));
        w.WriteString("severity", JsonNames.Of(f.Severity));
        w.WriteString("topic", f.Topic);
        if (f.RelatedTopics.Count > 0)
        {
            w.WriteStartArray("relatedTopics");
            var related = f.RelatedTopics;
            for (var i = 0; i < related.Count; i++)
            {
                var t = related[i];
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
        }

        w.WriteString("summary", f.Summary);
        w.WriteString("detail", f.Detail);
        w.WriteString("review", f.Review);
        w.WriteStartObject("basis");
        w.WriteString("logic", f.Basis.Logic);
        w.WriteStartArray("facts");
        var facts = f.Basis.Facts;
        for (var i = 0; i < facts.Count; i++)
        {
            var b = facts[i];
            w.WriteStartObject();
            w.WriteString("name", b.Name);
            w.WriteString("value", b.Value);
            if (b.Path is not null)
            {
                w.WriteString("path", b.Path);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        WriteSources(f.Sources, w);
        w.WriteEndObject();
    }

    /// <summary>Writes a <c>sources</c> array: document, section, confidence tag and note.</summary>
    internal static void WriteSources(System.Collections.Generic.IReadOnlyList<SourceReference> sources, Utf8JsonWriter w)
    {
        w.WriteStartArray("sources");
        for (var i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            w.WriteStartObject();
            w.WriteString("document", s.Document);
            w.WriteString("section", s.Section);
            w.WriteString("confidence", s.ConfidenceTag);
            if (s.Note is not null)
            {
                w.WriteString("note", s.Note);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
