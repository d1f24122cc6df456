using System;
using System.Collections.Generic;
using System.Text.Json;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>
/// One pass over a parsed payload before any resource is mapped: finds text that is not valid Unicode (a lone
/// surrogate escape such as <c>"\ud800"</c>, which no .NET string can hold faithfully) and members given more than
/// once in the same object (JSON readers differ on which one wins, so neither may be trusted).
/// </summary>
/// <remarks>Paths are written the way the mappers write them: the root resource type, then members and indexes.</remarks>
internal sealed class PayloadCheck
{
    private readonly bool _checkText;

    private PayloadCheck(bool checkText) => _checkText = checkText;

    /// <summary>The path of the first text that is not valid Unicode, when there is one.</summary>
    public string? BrokenTextPath { get; private set; }

    /// <summary>Every member given more than once, by path, with the resource it belongs to.</summary>
    public List<(string Path, string Name, string ResourceType, string? Id)> Duplicates { get; } = new();

    /// <summary>Checks <paramref name="root"/>; text is checked only when <paramref name="mayHoldSurrogateEscapes"/> (a cheap scan of the raw input found a surrogate escape).</summary>
    public static PayloadCheck Run(JsonElement root, bool mayHoldSurrogateEscapes)
    {
        var check = new PayloadCheck(mayHoldSurrogateEscapes);
        var rootName = root.ValueKind == JsonValueKind.Object ? SafeType(root) ?? "$" : "$";
        check.Walk(root, rootName, rootName, null, 0);
        return check;
    }

    /// <summary>Whether UTF-16 JSON text holds a <c>\uD800</c>–<c>\uDFFF</c> escape anywhere.</summary>
    public static bool HasSurrogateEscape(string json)
    {
        for (var i = json.IndexOf("\\u", StringComparison.Ordinal); i >= 0 && i + 2 < json.Length; i = json.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            if (json[i + 2] is 'd' or 'D')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether UTF-8 JSON holds a <c>\uD800</c>–<c>\uDFFF</c> escape anywhere.</summary>
    public static bool HasSurrogateEscape(ReadOnlySpan<byte> json)
    {
        for (var i = 0; i + 2 < json.Length; i++)
        {
            if (json[i] == (byte)'\\' && json[i + 1] == (byte)'u' && json[i + 2] is (byte)'d' or (byte)'D')
            {
                return true;
            }
        }

        return false;
    }

    private void Walk(JsonElement element, string path, string resourceType, string? id, int depth)
    {
        if (BrokenTextPath is not null)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (SafeType(element) is { } type)
                {
                    resourceType = type;
                    id = SafeId(element);
                }

                HashSet<string>? names = null;
                var count = 0;
                foreach (var p in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = p.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        BrokenTextPath = path;
                        return;
                    }

                    var memberPath = depth == 0 && path == "$" ? "$." + name : path + "." + name;
                    if (++count > 1 && !(names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                    {
                        Duplicates.Add((memberPath, name, resourceType, id));
                    }
                    else if (count == 1)
                    {
                        (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                    }

                    Walk(p.Value, memberPath, resourceType, id, depth + 1);
                    if (BrokenTextPath is not null)
                    {
                        return;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[" + index + "]", resourceType, id, depth + 1);
                    if (BrokenTextPath is not null)
                    {
                        return;
                    }

                    index++;
                }

                break;
            case JsonValueKind.String when _checkText:
                try
                {
                    _ = element.GetString();
                }
                catch (InvalidOperationException)
                {
                    BrokenTextPath = path;
                }

                break;
        }
    }

    private static string? SafeType(JsonElement element)
    {
        try
        {
            return ResourceEntry.ReadType(element);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string? SafeId(JsonElement element)
    {
        try
        {
            return ResourceEntry.ReadId(element);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
