using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>
/// One pass over a parsed payload before any resource is mapped: finds text that is not valid Unicode (a lone
/// surrogate escape such as <c>"\ud800"</c>, which no .NET string can hold faithfully) and members given more than
/// once in the same object (JSON readers differ on which one wins, so neither may be trusted).
/// </summary>
/// <remarks>Paths are written the way the mappers write them: the root resource type, then members and indexes. The
/// walk keeps the path as a stack of segments and renders it as text only for what it reports.</remarks>
internal sealed class PayloadCheck
{
    private readonly bool _checkText;
    private readonly string _root;

    /// <summary>The members and indexes from the root to the element being walked (a member's name, or an index).</summary>
    private readonly List<Segment> _segments = new();

    /// <summary>One reusable set of member names for each depth of objects.</summary>
    private readonly List<HashSet<string>?> _names = new();

    private PayloadCheck(bool checkText, string root)
    {
        _checkText = checkText;
        _root = root;
    }

    /// <summary>The path of the first text that is not valid Unicode, when there is one.</summary>
    public string? BrokenTextPath { get; private set; }

    /// <summary>Every member given more than once, by path, with the resource it belongs to.</summary>
    public List<(string Path, string Name, string ResourceType, string? Id)> Duplicates { get; } = new();

    /// <summary>Checks <paramref name="root"/>; text is checked only when <paramref name="mayHoldSurrogateEscapes"/> (a cheap scan of the raw input found a surrogate escape).</summary>
    public static PayloadCheck Run(JsonElement root, bool mayHoldSurrogateEscapes)
    {
        var rootName = root.ValueKind == JsonValueKind.Object ? SafeType(root) ?? "$" : "$";
        var check = new PayloadCheck(mayHoldSurrogateEscapes, rootName);
        check.Walk(root, rootName, null, 0);
        return check;
    }

    /// <summary>
    /// The path of the first text in <paramref name="root"/> that is not valid Unicode (a lone surrogate escape), or
    /// <see langword="null"/>; the tree is walked only when a scan of <paramref name="json"/>, its raw UTF-8, finds a
    /// surrogate escape. For callers that need no duplicate check (the CDS Hooks request and each fetched answer).
    /// </summary>
    public static string? BrokenText(ReadOnlySpan<byte> json, JsonElement root) =>
        HasSurrogateEscape(json) ? Run(root, mayHoldSurrogateEscapes: true).BrokenTextPath : null;

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

    private void Walk(JsonElement element, string resourceType, string? id, int depth)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (SafeType(element) is { } type)
                {
                    resourceType = type;
                    id = SafeId(element);
                }

                var names = NamesAt(depth);
                foreach (var p in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = p.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        BrokenTextPath = PathText();
                        return;
                    }

                    _segments.Add(new Segment(name, 0));
                    if (!names.Add(name))
                    {
                        Duplicates.Add((PathText(), name, resourceType, id));
                    }

                    Walk(p.Value, resourceType, id, depth + 1);
                    _segments.RemoveAt(_segments.Count - 1);
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
                    _segments.Add(new Segment(null, index));
                    Walk(item, resourceType, id, depth + 1);
                    _segments.RemoveAt(_segments.Count - 1);
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
                    BrokenTextPath = PathText();
                }

                break;
        }
    }

    /// <summary>
    /// The member names of the object being walked at <paramref name="depth"/>: one set per depth, emptied and reused.
    /// A set that held more than <see cref="MaxKeptNames"/> names is replaced rather than emptied, since emptying costs
    /// its whole capacity: one wide object must not make every later small one at its depth slow.
    /// </summary>
    private HashSet<string> NamesAt(int depth)
    {
        while (_names.Count <= depth)
        {
            _names.Add(null);
        }

        var names = _names[depth];
        if (names is null || names.Count > MaxKeptNames)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            _names[depth] = names;
        }
        else
        {
            names.Clear();
        }

        return names;
    }

    private const int MaxKeptNames = 64;

    /// <summary>The path being walked, as the mappers write it: rendered only for a problem.</summary>
    private string PathText()
    {
        var text = new StringBuilder(_root);
        foreach (var segment in _segments)
        {
            if (segment.Name is { } name)
            {
                text.Append('.').Append(name);
            }
            else
            {
                text.Append('[').Append(segment.Index).Append(']');
            }
        }

        return text.ToString();
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

    /// <summary>One step of a path: a member (<see cref="Name"/>) or, when it is null, an array index.</summary>
    private readonly record struct Segment(string? Name, int Index);
}
