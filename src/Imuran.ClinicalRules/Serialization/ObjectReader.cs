using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>Reads members of one JSON object, recording a problem with its path for each bad value.</summary>
/// <remarks>
/// Paths (<c>labResults[2].unit</c>) are made only when a problem needs one, and member names are compared in place,
/// so reading a valid document allocates little beyond the facts themselves.
/// </remarks>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly List<ValidationProblem> _problems;
    private readonly ObjectReader? _parent;
    private readonly string? _member;
    private readonly int _index;
    private string? _path;

    public ObjectReader(JsonElement element, string path, List<ValidationProblem> problems)
    {
        _element = element;
        _path = path;
        _problems = problems;
        _index = -1;
    }

    /// <summary>The reader of <c>parent.member</c>, or of item <paramref name="index"/> of it when not negative.</summary>
    private ObjectReader(JsonElement element, ObjectReader parent, string member, int index)
    {
        _element = element;
        _problems = parent._problems;
        _parent = parent;
        _member = member;
        _index = index;
    }

    /// <summary>This object's path, e.g. <c>labResults[2]</c>; empty for the document.</summary>
    private string Path => _path ??= _index >= 0 ? _parent!.ItemPath(_member!, _index) : _parent!.Join(_member!);

    public bool Has(string name) => TryGetMember(name, out _);

    /// <summary>
    /// Records every member not in <paramref name="names"/> as an unknown field, every member given more than once as a
    /// duplicate (the contract never lets a later value silently replace an earlier one), and every member name that is
    /// not valid Unicode.
    /// </summary>
    public void Known(params string[] names)
    {
        ulong seen = 0;
        foreach (var p in _element.EnumerateObject())
        {
            var known = IndexOf(p, names);
            if (known == BrokenName)
            {
                _problems.Add(new ValidationProblem(Path.Length == 0 ? "$" : Path, ErrorCodes.InvalidText, "A member name is not valid Unicode text (it holds a lone surrogate, such as a broken emoji escape)."));
            }
            else if (known < 0)
            {
                var shown = Rules.NoDosePolicy.EchoAsWritten(p.Name); // a member name is input text like any other
                Problem(shown, ErrorCodes.UnknownField, $"'{shown}' is not a field of this object; check the spelling against the documented schema.");
            }
            else if (known < 64 && (seen & (1UL << known)) != 0)
            {
                Problem(names[known], ErrorCodes.DuplicateField, $"The {names[known]} is given more than once; each field may appear only once, so the document is ambiguous.");
            }
            else if (known < 64)
            {
                seen |= 1UL << known;
            }
        }
    }

    private const int BrokenName = -2;

    /// <summary>The index of the member's name in <paramref name="names"/>; -1 when it is none of them, <see cref="BrokenName"/> when the name is not valid text.</summary>
    private static int IndexOf(JsonProperty p, string[] names)
    {
        try
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (p.NameEquals(names[i]))
                {
                    return i;
                }
            }

            _ = p.Name;
            return -1;
        }
        catch (InvalidOperationException)
        {
            return BrokenName;
        }
    }

    /// <summary>
    /// The text of a JSON string, or <see langword="null"/> with an <see cref="ErrorCodes.InvalidText"/> problem when it
    /// holds a lone surrogate escape (<c>"\ud800"</c>), which no .NET string can carry faithfully.
    /// </summary>
    private string? Text(JsonElement v, string name, int index)
    {
        try
        {
            return v.GetString();
        }
        catch (InvalidOperationException)
        {
            var path = index >= 0 ? ItemPath(name, index) : Join(name);
            _problems.Add(new ValidationProblem(path, ErrorCodes.InvalidText, $"The {name} is not valid Unicode text: it holds a lone surrogate (such as a broken emoji escape) or bytes that are not UTF-8."));
            return null;
        }
    }

    public string? String(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.String)
        {
            return Text(v, name, -1);
        }

        WrongType(name, "a text (a number must be quoted, so a code such as \"0519\" keeps its digits)");
        return null;
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        WrongType(name, "true or false");
        return null;
    }

    public double? OptionalNumber(string name)
    {
        if (!TryGet(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
        {
            return d;
        }

        WrongType(name, "a number");
        return null;
    }

    public double RequiredNumber(string name)
    {
        if (!TryGet(name, out var v))
        {
            Problem(name, ErrorCodes.Required, $"The {name} is missing.");
            return double.NaN;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d))
        {
            return d;
        }

        if (v.ValueKind == JsonValueKind.String && Text(v, name, -1) is "NaN" or "Infinity" or "-Infinity")
        {
            return double.NaN;
        }

        WrongType(name, "a number");
        return double.NaN;
    }

    public ClinicalDate? Date(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            WrongType(name, "a date text in the form yyyy-MM-dd");
            return null;
        }

        if (Text(v, name, -1) is not { } text)
        {
            return null;
        }

        if (ClinicalDate.TryParse(text, out var date))
        {
            return date;
        }

        // A date-time is refused, not cut to its date: with an offset its calendar date depends on the time zone.
        Problem(name, ErrorCodes.InvalidDate, text is { Length: > 10 } && text[10] == 'T'
            ? $"'{text}' is a date-time; a calendar date in the form yyyy-MM-dd is needed (the date of a time with an offset depends on the time zone)."
            : $"'{text}' is not a calendar date in the form yyyy-MM-dd.");
        return null;
    }

    public TEnum Enum<TEnum>(string name, TEnum fallback)
        where TEnum : struct, Enum
        => OptionalEnum<TEnum>(name) ?? fallback;

    public TEnum RequiredEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!Has(name))
        {
            Problem(name, ErrorCodes.Required, $"The {name} is missing; allowed values: {JsonNames.Allowed<TEnum>()}.");
            return (TEnum)(object)-1;
        }

        return OptionalEnum<TEnum>(name) ?? (TEnum)(object)-1;
    }

    public TEnum? OptionalEnum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        return ParseEnum<TEnum>(v, name, -1);
    }

    /// <summary>The values of a list of enum texts; an unknown text is a problem and is left out.</summary>
    /// <returns>A read-only list (shared, not copied, by the facts it goes into).</returns>
    public IReadOnlyList<TEnum> EnumArray<TEnum>(string name)
        where TEnum : struct, Enum
    {
        if (!TryGetArray(name, out var array))
        {
            return ReadOnly.Empty<TEnum>();
        }

        var list = new List<TEnum>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (ParseEnum<TEnum>(item, name, i) is { } value)
            {
                list.Add(value);
            }

            i++;
        }

        return ReadOnly.Freeze(list);
    }

    public T? Object<T>(string name, Func<ObjectReader, T> read)
        where T : class
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            WrongType(name, "an object");
            return null;
        }

        return read(new ObjectReader(v, this, name, -1));
    }

    /// <summary>The items of a list of objects; an item that is not an object is a problem and is left out.</summary>
    /// <returns>A read-only list (shared, not copied, by the facts it goes into).</returns>
    public IReadOnlyList<T> Array<T>(string name, Func<ObjectReader, T> read)
        where T : class
    {
        if (!TryGetArray(name, out var array))
        {
            return ReadOnly.Empty<T>();
        }

        var list = new List<T>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                _problems.Add(new ValidationProblem(ItemPath(name, i), ErrorCodes.WrongType, "Each item must be an object."));
            }
            else if (read(new ObjectReader(item, this, name, i)) is { } value)
            {
                list.Add(value);
            }

            i++;
        }

        return ReadOnly.Freeze(list);
    }

    /// <summary>The list member <paramref name="name"/>; a member that is not a list is a problem.</summary>
    private bool TryGetArray(string name, out JsonElement array)
    {
        if (!TryGet(name, out array))
        {
            return false;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, "a list");
            return false;
        }

        return true;
    }

    /// <summary>A JSON value that is not a string, as a message names it: a short number as written, otherwise its kind.</summary>
    private static string Kind(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.GetRawText() is { Length: <= 24 } n ? n : "a number",
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "a value",
    };

    /// <summary>Reads an enum text; an unknown value is a problem listing the allowed ones, and gives null.</summary>
    /// <param name="v">The JSON value.</param>
    /// <param name="name">The member's name.</param>
    /// <param name="index">The item's index when the value is an item of the list <paramref name="name"/>, else -1.</param>
    private TEnum? ParseEnum<TEnum>(JsonElement v, string name, int index)
        where TEnum : struct, Enum
    {
        string? text = null;
        if (v.ValueKind == JsonValueKind.String)
        {
            text = Text(v, name, index);
            if (text is null)
            {
                return null;
            }

            if (JsonNames.TryParse<TEnum>(text, out var parsed))
            {
                return parsed;
            }
        }

        var path = index >= 0 ? ItemPath(name, index) : Join(name);
        // The value is shown only when it carries no dosing text (QA, 2 Dec: "'halve the azathioprine dose to 25 mg' is
        // not a known value" repeated it in the JSON result and on stderr); a value that is not a string is named by kind.
        var shown = text is not null ? "'" + Rules.NoDosePolicy.EchoAsWritten(text) + "'" : Kind(v);
        _problems.Add(new ValidationProblem(path, ErrorCodes.UnknownValue, $"{shown} is not a known value; allowed values: {JsonNames.Allowed<TEnum>()}."));
        return null;
    }

    private string ItemPath(string name, int index) => Join(name) + "[" + index + "]";

    private bool TryGet(string name, out JsonElement value) =>
        TryGetMember(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// The member named <paramref name="name"/>. A member name that is not valid Unicode (a lone surrogate escape)
    /// makes <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> throw, or not, depending on where it
    /// stands (fuzzing, stop 30: "\udfffunit" before "unit" was looked up threw); then the members are compared one by
    /// one and the broken ones passed over, the last match kept as the look-up keeps it. The broken name is a problem
    /// already: every reader calls <see cref="Known"/> before it reads a member.
    /// </summary>
    private bool TryGetMember(string name, out JsonElement value)
    {
        try
        {
            return _element.TryGetProperty(name, out value);
        }
        catch (InvalidOperationException)
        {
            value = default;
            var found = false;
            foreach (var p in _element.EnumerateObject())
            {
                try
                {
                    if (p.NameEquals(name))
                    {
                        value = p.Value;
                        found = true;
                    }
                }
                catch (InvalidOperationException)
                {
                    // The broken name itself: not the member looked for.
                }
            }

            return found;
        }
    }

    private void WrongType(string name, string expected) =>
        Problem(name, ErrorCodes.WrongType, $"The {name} must be {expected}.");

    /// <summary>Records a problem at the path of member <paramref name="name"/> of this object.</summary>
    public void Problem(string name, string code, string message) => _problems.Add(new ValidationProblem(Join(name), code, message));

    private string Join(string name) => Path.Length == 0 ? name : Path + "." + name;
}
