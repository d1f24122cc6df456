using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>Finds the resource a reference points to: contained (<c>#id</c>), in the payload by <c>Type/id</c>, or by fullUrl.</summary>
internal sealed class ResourceIndex
{
    private readonly Dictionary<string, ResourceEntry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResourceEntry> _byFullUrl = new(StringComparer.Ordinal);

    public ResourceIndex(IEnumerable<ResourceEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Key is { } key && !_byKey.ContainsKey(key))
            {
                _byKey.Add(key, entry);
            }

            if (entry.FullUrl is { } url && !_byFullUrl.ContainsKey(url))
            {
                _byFullUrl.Add(url, entry);
            }
        }
    }

    /// <summary>Resolves <paramref name="reference"/> made from <paramref name="from"/>.</summary>
    public ResourceEntry? Resolve(string reference, ResourceEntry from)
    {
        if (reference.StartsWith("#", StringComparison.Ordinal))
        {
            return FindContained(from, reference.Substring(1));
        }

        if (_byFullUrl.TryGetValue(reference, out var byUrl))
        {
            return byUrl;
        }

        return TryTypeAndId(reference, out var type, out var id) && _byKey.TryGetValue(type + "/" + id, out var byKey)
            ? byKey
            : null;
    }

    /// <summary>
    /// Splits a relative or absolute literal reference (<c>Medication/1</c>, <c>https://x/fhir/Medication/1/_history/2</c>)
    /// into its type and id.
    /// </summary>
    public static bool TryTypeAndId(string reference, out string type, out string id)
    {
        type = id = string.Empty;
        var parts = reference.Split('/');
        var end = parts.Length;
        if (end >= 4 && parts[end - 2] == "_history")
        {
            end -= 2;
        }

        if (end < 2 || parts[end - 1].Length == 0 || parts[end - 2].Length == 0 || !char.IsUpper(parts[end - 2][0]))
        {
            return false;
        }

        type = parts[end - 2];
        id = parts[end - 1];
        return true;
    }

    private static ResourceEntry? FindContained(ResourceEntry from, string id)
    {
        if (from.Resource.ValueKind != JsonValueKind.Object
            || !from.Resource.TryGetProperty("contained", out var contained)
            || contained.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var index = 0;
        foreach (var item in contained.EnumerateArray())
        {
            if (ResourceEntry.ReadType(item) is { } type && ResourceEntry.ReadId(item) == id)
            {
                return new ResourceEntry(item, type, id, $"{from.Path}.contained[{index}]");
            }

            index++;
        }

        return null;
    }
}
