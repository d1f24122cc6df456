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
        => Cache<TEnum>.Names.TryGetValue(value, out var name) ? name : CamelCase(value);

    /// <summary>Parses an enum name in any case, ignoring '-', '_' and spaces; numbers are not accepted.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // The first value (in declaration order) whose squashed name matches, looked up without squashing when the
        // text is already squashed (no '-', '_' or space, no upper case), as contract names nearly always are.
        var squashed = Cache<TEnum>.BySquashedName;
        return IsSquashed(text!) ? squashed.TryGetValue(text!, out value) : squashed.TryGetValue(Squash(text!), out value);
    }

    /// <summary>The allowed contract names of <typeparamref name="TEnum"/>, comma-separated.</summary>
    public static string Allowed<TEnum>()
        where TEnum : struct, Enum
        => string.Join(", ", Cache<TEnum>.Values.Select(v => Of(v)));

    private static string Squash(string s) =>
        new string(s.Where(c => c != '-' && c != '_' && c != ' ').Select(char.ToLowerInvariant).ToArray());

    /// <summary>Whether <see cref="Squash"/> would return <paramref name="s"/> unchanged.</summary>
    private static bool IsSquashed(string s)
    {
        foreach (var c in s)
        {
            if (c == '-' || c == '_' || c == ' ' || char.ToLowerInvariant(c) != c)
            {
                return false;
            }
        }

        return true;
    }

    private static string CamelCase<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        return name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<TEnum> Values = Enum.GetValues(typeof(TEnum)).Cast<TEnum>().ToArray();

        /// <summary>Contract names of the defined values, made once.</summary>
        public static readonly Dictionary<TEnum, string> Names = MakeNames();

        /// <summary>Squashed name to value; the first value wins where two squash alike, as in a scan in declaration order.</summary>
        public static readonly Dictionary<string, TEnum> BySquashedName = MakeSquashed();

        private static Dictionary<TEnum, string> MakeNames()
        {
            var names = new Dictionary<TEnum, string>();
            foreach (var v in Values)
            {
                names[v] = CamelCase(v);
            }

            return names;
        }

        private static Dictionary<string, TEnum> MakeSquashed()
        {
            var squashed = new Dictionary<string, TEnum>(StringComparer.Ordinal);
            foreach (var v in Values)
            {
                var key = Squash(v.ToString());
                if (!squashed.ContainsKey(key))
                {
                    squashed.Add(key, v);
                }
            }

            return squashed;
        }
    }
}
