using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>Reads members of one JSON object, recording a problem with its path for each bad value.</summary>
internal sealed class ObjectReader
{
    private readonly JsonElement _element;
    private readonly string _path;
    private readonly List<ValidationProblem> _problems;

    public ObjectReader(JsonElement element, string path, List<ValidationProblem> problems)
    {
        _element = element;
        _path = path;
        _problems = problems;
    }

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    /// <summary>Records every member not in <paramref name="names"/> as an unknown field.</summary>
    public void Known(params string[] names)
    {
        foreach (var p in _element.EnumerateObject())
        {
            if (System.Array.IndexOf(names, p.Name) < 0)
            {
                Problem(p.Name, ErrorCodes.UnknownField, $"'{p.Name}' is not a field of this object; check the spelling against the documented schema.");
            }
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
            return v.GetString();
        }

        if (v.ValueKind == JsonValueKind.Number)
        {
            return v.GetRawText();
        }

        WrongType(name, "a text");
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

        if (v.ValueKind == JsonValueKind.String && v.GetString() is "NaN" or "Infinity" or "-Infinity")
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

        var text = v.GetString();
        if (ClinicalDate.TryParse(text, out var date))
        {
            return date;
        }

        // Accept a full ISO 8601 date-time and keep its calendar date as written.
        if (text is { Length: > 10 } && text[10] == 'T' && ClinicalDate.TryParse(text.Substring(0, 10), out date)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return date;
        }

        Problem(name, ErrorCodes.InvalidDate, $"'{text}' is not a calendar date in the form yyyy-MM-dd.");
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

        return ParseEnum<TEnum>(v, Join(name));
    }

    public IReadOnlyList<TEnum> EnumArray<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var list = new List<TEnum>();
        foreach (var value in Items(name, (e, path) => ParseEnum<TEnum>(e, path)))
        {
            if (value is { } v)
            {
                list.Add(v);
            }
        }

        return list;
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

        return read(new ObjectReader(v, Join(name), _problems));
    }

    public IReadOnlyList<T> Array<T>(string name, Func<ObjectReader, T> read)
        where T : class
    {
        var list = new List<T>();
        foreach (var value in Items<T?>(name, (e, path) =>
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                _problems.Add(new ValidationProblem(path, ErrorCodes.WrongType, "Each item must be an object."));
                return default;
            }

            return read(new ObjectReader(e, path, _problems));
        }))
        {
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private List<T> Items<T>(string name, Func<JsonElement, string, T> read)
    {
        if (!TryGet(name, out var v))
        {
            return new List<T>();
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, "a list");
            return new List<T>();
        }

        var list = new List<T>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            list.Add(read(item, Join(name) + "[" + i + "]"));
            i++;
        }

        return list;
    }

    private TEnum? ParseEnum<TEnum>(JsonElement v, string path)
        where TEnum : struct, Enum
    {
        if (v.ValueKind == JsonValueKind.String && JsonNames.TryParse<TEnum>(v.GetString(), out var parsed))
        {
            return parsed;
        }

        var shown = v.ValueKind == JsonValueKind.String ? "'" + v.GetString() + "'" : v.GetRawText();
        _problems.Add(new ValidationProblem(path, ErrorCodes.UnknownValue, $"{shown} is not a known value; allowed values: {JsonNames.Allowed<TEnum>()}."));
        return null;
    }

    private bool TryGet(string name, out JsonElement value) =>
        _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private void WrongType(string name, string expected) =>
        Problem(name, ErrorCodes.WrongType, $"The {name} must be {expected}.");

    private void Problem(string name, string code, string message) => _problems.Add(new ValidationProblem(Join(name), code, message));

    private string Join(string name) => _path.Length == 0 ? name : _path + "." + name;
}
