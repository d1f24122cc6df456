using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// Writes <see cref="PatientFacts"/> in exactly the patient-facts JSON contract that <see cref="PatientFactsJson.Read(string)"/>
/// reads: camelCase members, ISO 8601 dates, camelCase enum names. Members holding the reader's default (null, empty
/// lists, <c>false</c>, <see cref="Sex.Unknown"/>, an active medication, a given vaccine, and so on) are left out, so
/// lines stay short; reading the output back gives equal facts. Thread-safe.
/// </summary>
public static class PatientFactsJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The facts as JSON text; compact (one line, for NDJSON) unless <paramref name="indented"/>.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public static string ToJson(PatientFacts facts, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(facts, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the facts as UTF-8 JSON to <paramref name="utf8Stream"/>; compact unless <paramref name="indented"/>.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/> or <paramref name="utf8Stream"/> is null.</exception>
    public static void Write(PatientFacts facts, Stream utf8Stream, bool indented = false)
    {
        if (utf8Stream is null)
        {
            throw new System.ArgumentNullException(nameof(utf8Stream));
        }

        using var w = new Utf8JsonWriter(utf8Stream, indented ? Indented : Compact);
        Write(facts, w);
        w.Flush();
    }

    /// <summary>Writes the facts as one JSON object to <paramref name="w"/>.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/> or <paramref name="w"/> is null.</exception>
    public static void Write(PatientFacts facts, Utf8JsonWriter w)
    {
        if (facts is null)
        {
            throw new System.ArgumentNullException(nameof(facts));
        }

        if (w is null)
        {
            throw new System.ArgumentNullException(nameof(w));
        }

        PatientFactsSchema.Root.Write(w, facts);
    }
}
