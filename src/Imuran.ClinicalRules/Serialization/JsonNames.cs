using System;
using System.Collections.Generic;
using System.Linq;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>Enum values as the JSON contract writes and reads them: camelCase member names. Thread-safe.</summary>
public static class JsonNames
{
    /// <summary>The contract name of <paramref name="value"/>, e.g. <c>criticallyLow</c>.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>Parses an enum name in any case, ignoring '-', '_' and spaces; numbers are not accepted.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var wanted = Squash(text!);
        foreach (var candidate in Cache<TEnum>.Values)
        {
            if (Squash(candidate.ToString()) == wanted)
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The allowed contract names of <typeparamref name="TEnum"/>, comma-separated.</summary>
    public static string Allowed<TEnum>()
        where TEnum : struct, Enum
        => string.Join(", ", Cache<TEnum>.Values.Select(v => Of(v)));

    private static string Squash(string s) =>
        new string(s.Where(c => c != '-' && c != '_' && c != ' ').Select(char.ToLowerInvariant).ToArray());

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<TEnum> Values = Enum.GetValues(typeof(TEnum)).Cast<TEnum>().ToArray();
    }
}
