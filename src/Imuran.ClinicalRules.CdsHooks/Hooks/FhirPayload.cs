using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;

namespace Imuran.ClinicalRules.CdsHooks.Hooks;

/// <summary>
/// Joins the prefetch values and the draft orders into one FHIR collection Bundle (nested Bundles stay nested), so the
/// project's FHIR reader sees the whole patient at once and can check that every resource is about one patient.
/// </summary>
internal static class FhirPayload
{
    /// <summary>Writes the Bundle; returns the index of its first entry that comes from the drafts (entries before it are prefetch values).</summary>
    public static int Write(IBufferWriter<byte> output, IEnumerable<JsonElement> values, IEnumerable<JsonElement> drafts)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("type", "collection");
        writer.WriteStartArray("entry");
        var count = 0;
        foreach (var value in values)
        {
            WriteEntries(writer, value, 0, ref count);
        }

        var firstDraft = count;
        foreach (var draft in drafts)
        {
            WriteEntries(writer, draft, 0, ref count);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        return firstDraft;
    }

    /// <summary>
    /// A resource becomes one entry; an array, or an entry-like <c>{"resource": ...}</c> wrapper, is unwrapped. A wrapper
    /// whose resource is not an object or array is kept as an entry, for the reader to report.
    /// </summary>
    private static void WriteEntries(Utf8JsonWriter writer, JsonElement value, int depth, ref int count)
    {
        if (depth > 2)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                WriteEntries(writer, item, depth + 1, ref count);
            }

            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (!value.TryGetProperty("resourceType", out _) && value.TryGetProperty("resource", out var inner))
        {
            if (inner.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                WriteEntries(writer, inner, depth + 1, ref count);
                return;
            }

            // A wrapper whose resource is not a resource (a string, null): written as the entry it looks like, so the
            // reader reports it (FHIR_ENTRY_WITHOUT_RESOURCE, incomplete data) instead of its being dropped unseen.
            value.WriteTo(writer);
            count++;
            return;
        }

        writer.WriteStartObject();
        writer.WritePropertyName("resource");
        value.WriteTo(writer);
        writer.WriteEndObject();
        count++;
    }
}
