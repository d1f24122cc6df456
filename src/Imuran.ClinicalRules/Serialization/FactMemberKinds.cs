using System;
using System.Collections.Generic;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;
using static Imuran.ClinicalRules.Serialization.Utf8PatientFactsReader;

namespace Imuran.ClinicalRules.Serialization;

// The kinds of member the patient-facts contract has. Each states, in one place, how its value is read with messages
// (through ObjectReader), read fast (through Utf8JsonReader, giving up on anything irregular) and written (left out
// when it holds the value a reader gives when the member is absent).

/// <summary>A text (<see cref="string"/>), written when not null.</summary>
internal sealed class TextMember<T>(string property) : FactMember<T, string?>(property, FactJsonKind.Text)
    where T : class
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.String(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryString(ref r, out var v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        if (Get(source) is { } v)
        {
            w.WriteString(EncodedName, v);
        }
    }
}

/// <summary>An optional calendar date, written when not null.</summary>
internal sealed class DateMember<T>(string property) : FactMember<T, ClinicalDate?>(property, FactJsonKind.Date)
    where T : class
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.Date(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryDate(ref r, out var v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        if (Get(source) is { } v)
        {
            w.WriteString(EncodedName, v.ToString());
        }
    }
}

/// <summary>The evaluation date: required, and never 0001-01-01 (the value of an unset date). Read before the other members.</summary>
internal sealed class EvaluationDateMember<T>(string property) : FactMember<T, ClinicalDate>(property, FactJsonKind.Date)
    where T : class
{
    public override bool Required => true;

    public override bool ReadFirst => true;

    public override void ReadWithProblems(ObjectReader r, T target)
    {
        var date = r.Date(Name);
        if (date == default(ClinicalDate))
        {
            // 0001-01-01 is the value an unset date has in memory, so it cannot stand for a real evaluation date.
            r.Problem(Name, ErrorCodes.InvalidDate, "The evaluation date 0001-01-01 is not a usable date (it is the value of an unset date); give the date the facts are evaluated for.");
        }
        else if (date is null && !r.Has(Name))
        {
            r.Problem(Name, ErrorCodes.EvaluationDateMissing, "The evaluation date is missing; the rules never read the clock, so it must be given.");
        }

        Set(target, date ?? default);
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryDate(ref r, out var v) || v is not { } date || date == default)
        {
            return false;
        }

        Set(target, date);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        var v = Get(source);
        if (v != default)
        {
            w.WriteString(EncodedName, v.ToString());
        }
    }
}

/// <summary>A true/false fact, written when it differs from the record's default.</summary>
internal sealed class BooleanMember<T>(string property) : FactMember<T, bool>(property, FactJsonKind.Boolean)
    where T : class
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.Bool(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryBool(ref r, out var v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        var v = Get(source);
        if (v != Default)
        {
            w.WriteBoolean(EncodedName, v);
        }
    }
}

/// <summary>A true/false fact that may be unrecorded (null), written when not null.</summary>
internal sealed class OptionalBooleanMember<T>(string property) : FactMember<T, bool?>(property, FactJsonKind.Boolean)
    where T : class
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.Bool(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryBool(ref r, out var v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        if (Get(source) is { } v)
        {
            w.WriteBoolean(EncodedName, v);
        }
    }
}

/// <summary>A required number (a lab value); NaN and infinities are written as the texts the reader accepts, for validation to name.</summary>
internal sealed class NumberMember<T>(string property) : FactMember<T, double>(property, FactJsonKind.Number)
    where T : class
{
    public override bool Required => true;

    public override void ReadWithProblems(ObjectReader r, T target) => Set(target, r.RequiredNumber(Name));

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryNumber(ref r, out var v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        var v = Get(source);
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            // JSON has no NaN or infinity; the reader accepts these texts and validation then names the field.
            w.WriteString(EncodedName, double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            w.WriteNumber(EncodedName, v);
        }
    }
}

/// <summary>An optional number, written when not null and finite.</summary>
internal sealed class OptionalNumberMember<T>(string property) : FactMember<T, double?>(property, FactJsonKind.Number)
    where T : class
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.OptionalNumber(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryNumber(ref r, out var v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        if (Get(source) is { } v && !double.IsNaN(v) && !double.IsInfinity(v))
        {
            w.WriteNumber(EncodedName, v);
        }
    }
}

/// <summary>An enum with a default (the record's), written when it differs from it; an unknown name is a problem and leaves the default.</summary>
internal sealed class EnumMember<T, TEnum>(string property) : FactMember<T, TEnum>(property, FactJsonKind.Enum)
    where T : class
    where TEnum : struct, Enum
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.OptionalEnum<TEnum>(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryEnum(ref r, out TEnum v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        var v = Get(source);
        if (!EqualityComparer<TEnum>.Default.Equals(v, Default))
        {
            w.WriteString(EncodedName, JsonNames.Of(v));
        }
    }
}

/// <summary>An enum that may be absent (null), written when not null.</summary>
internal sealed class OptionalEnumMember<T, TEnum>(string property) : FactMember<T, TEnum?>(property, FactJsonKind.Enum)
    where T : class
    where TEnum : struct, Enum
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.OptionalEnum<TEnum>(Name) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryEnum(ref r, out TEnum v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        if (Get(source) is { } v)
        {
            w.WriteString(EncodedName, JsonNames.Of(v));
        }
    }
}

/// <summary>A required enum (the gene of a result), always written; missing or unknown, it reads as -1, which validation names.</summary>
internal sealed class RequiredEnumMember<T, TEnum>(string property) : FactMember<T, TEnum>(property, FactJsonKind.Enum)
    where T : class
    where TEnum : struct, Enum
{
    public override bool Required => true;

    public override void ReadWithProblems(ObjectReader r, T target) => Set(target, r.RequiredEnum<TEnum>(Name));

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryEnum(ref r, out TEnum v))
        {
            return false;
        }

        Set(target, v);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source) => w.WriteString(EncodedName, JsonNames.Of(Get(source)));
}

/// <summary>A list of enum names, written when not empty; an unknown name is a problem and is left out.</summary>
internal sealed class EnumListMember<T, TEnum>(string property) : FactMember<T, IReadOnlyList<TEnum>>(property, FactJsonKind.EnumList)
    where T : class
    where TEnum : struct, Enum
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
        var list = r.EnumArray<TEnum>(Name);
        if (list.Count > 0)
        {
            Set(target, list);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!TryEnumArray(ref r, out IReadOnlyList<TEnum> list))
        {
            return false;
        }

        if (list.Count > 0)
        {
            Set(target, list);
        }

        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        var values = Get(source);
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(EncodedName);
        foreach (var v in values)
        {
            w.WriteStringValue(JsonNames.Of(v));
        }

        w.WriteEndArray();
    }
}

/// <summary>A nested object, written when any of its members would be.</summary>
internal sealed class ObjectMember<T, TItem>(string property, FactObject<TItem> schema) : FactMember<T, TItem>(property, FactJsonKind.Object)
    where T : class
    where TItem : class
{
    private readonly FactObject<TItem> _schema = schema;
    private readonly Func<ObjectReader, TItem> _read = schema.ReadWithProblems;

    public override IFactObject Items => _schema;

    public override void ReadWithProblems(ObjectReader r, T target)
    {
        if (r.Object(Name, _read) is { } v)
        {
            Set(target, v);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (!_schema.TryReadFast(ref r, out var v))
        {
            return false;
        }

        Set(target, v!);
        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        if (Get(source) is { } v && _schema.HasContent(v))
        {
            w.WritePropertyName(EncodedName);
            _schema.Write(w, v);
        }
    }
}

/// <summary>A list of objects, written when not empty; an item that is not an object is a problem and is left out.</summary>
internal sealed class ObjectListMember<T, TItem>(string property, FactObject<TItem> schema) : FactMember<T, IReadOnlyList<TItem>>(property, FactJsonKind.ObjectList)
    where T : class
    where TItem : class
{
    private readonly FactObject<TItem> _schema = schema;
    private readonly Func<ObjectReader, TItem> _read = schema.ReadWithProblems;

    public override IFactObject Items => _schema;

    public override void ReadWithProblems(ObjectReader r, T target)
    {
        var list = r.Array(Name, _read);
        if (list.Count > 0)
        {
            Set(target, list);
        }
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        List<TItem>? list = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!_schema.TryReadFast(ref r, out var item))
            {
                return false;
            }

            (list ??= new List<TItem>(4)).Add(item!);
        }

        if (list is not null)
        {
            Set(target, ReadOnly.Freeze(list));
        }

        return true;
    }

    public override void Write(Utf8JsonWriter w, T source)
    {
        var items = Get(source);
        if (items.Count == 0)
        {
            return;
        }

        w.WriteStartArray(EncodedName);
        foreach (var item in items)
        {
            _schema.Write(w, item);
        }

        w.WriteEndArray();
    }
}

/// <summary>A member that may hold anything and is never read or written (<c>$schema</c>).</summary>
internal sealed class IgnoredMember<T>(string name) : FactMember<T>(name, FactJsonKind.Any)
    where T : class
{
    public override void ReadWithProblems(ObjectReader r, T target)
    {
    }

    public override bool TryReadFast(ref Utf8JsonReader r, T target) => r.TrySkip();

    public override void Write(Utf8JsonWriter w, T source)
    {
    }
}
