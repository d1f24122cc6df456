using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// The fast reader of well-formed patient-facts JSON straight from UTF-8 bytes (<see cref="Utf8JsonReader"/>, no string
/// of the document, no <see cref="JsonDocument"/>), walking <see cref="PatientFactsSchema"/>, and the in-place value
/// readers its members use. It only ever says "read, no problems": on anything irregular (a member it does not know, a
/// duplicate, a null, a wrong type, an unknown enum text, a date it cannot read, a missing required member, an escape,
/// a comment, malformed JSON) it gives up, and the caller reads the document with
/// <see cref="PatientFactsJson.Read(string)"/>, which alone writes problems, so messages never differ.
/// </summary>
internal static class Utf8PatientFactsReader
{
    /// <summary>
    /// Reads <paramref name="utf8"/> when it is a well-formed patient-facts document that
    /// <see cref="PatientFactsJson.Read(string)"/> would read without a problem, giving the same facts.
    /// </summary>
    /// <returns><see langword="false"/> when the caller must read the document the ordinary way.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out PatientFacts? facts)
    {
        facts = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            if (!PatientFactsSchema.Root.TryReadFast(ref reader, out var read) || reader.Read())
            {
                return false;
            }

            facts = read;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    internal static bool TryEnumArray<TEnum>(ref Utf8JsonReader r, out IReadOnlyList<TEnum> items)
        where TEnum : struct, Enum
    {
        items = ReadOnly.Empty<TEnum>();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        List<TEnum>? list = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!TryEnum(ref r, out TEnum value))
            {
                return false;
            }

            (list ??= new List<TEnum>(2)).Add(value);
        }

        if (list is not null)
        {
            items = ReadOnly.Freeze(list);
        }

        return true;
    }

    internal static bool TryString(ref Utf8JsonReader r, out string? value)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            value = null;
            return false;
        }

        value = r.GetString();
        return true;
    }

    internal static bool TryBool(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    internal static bool TryNumber(ref Utf8JsonReader r, out double value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetDouble(out value) && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    /// <summary>A <c>yyyy-MM-dd</c> text of ASCII digits, read in place; anything else is left to the ordinary reader.</summary>
    internal static bool TryDate(ref Utf8JsonReader r, out ClinicalDate? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.HasValueSequence)
        {
            return false;
        }

        var s = r.ValueSpan;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        var year = Digits(s, 0, 4);
        var month = Digits(s, 5, 2);
        var day = Digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new ClinicalDate(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c < (byte)'0' || c > (byte)'9')
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>An enum text: the contract names are matched in place, any other text through <see cref="JsonNames.TryParse"/>.</summary>
    internal static bool TryEnum<TEnum>(ref Utf8JsonReader r, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (r.TokenType != JsonTokenType.String || r.HasValueSequence)
        {
            return false;
        }

        if (!r.ValueIsEscaped)
        {
            var s = r.ValueSpan;
            var names = EnumTable<TEnum>.Names;
            for (var i = 0; i < names.Length; i++)
            {
                if (s.SequenceEqual(names[i]))
                {
                    value = EnumTable<TEnum>.Values[i];
                    return true;
                }
            }
        }

        return JsonNames.TryParse(r.GetString(), out value);
    }

    /// <summary>Each defined value's contract name and what <see cref="JsonNames.TryParse"/> reads it as.</summary>
    private static class EnumTable<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly byte[][] Names;
        public static readonly TEnum[] Values;

        static EnumTable()
        {
            var names = new List<byte[]>();
            var values = new List<TEnum>();
            foreach (TEnum v in Enum.GetValues(typeof(TEnum)))
            {
                var name = JsonNames.Of(v);
                if (JsonNames.TryParse(name, out TEnum parsed))
                {
                    names.Add(Encoding.UTF8.GetBytes(name));
                    values.Add(parsed);
                }
            }

            Names = names.ToArray();
            Values = values.ToArray();
        }
    }
}
