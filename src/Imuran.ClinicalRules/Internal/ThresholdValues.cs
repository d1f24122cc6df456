using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace Imuran.ClinicalRules.Internal;

/// <summary>
/// The thresholds of <see cref="RuleThresholds"/> set by name (a site policy's <c>thresholds</c>, the tool's
/// <c>--threshold name=value</c>, a host's configuration). The names are the properties' own, in camelCase, matched
/// ignoring case; an unknown name is an error listing the valid ones. The properties themselves are the one truth.
/// </summary>
internal static class ThresholdValues
{
    private static readonly PropertyInfo[] Settable = typeof(RuleThresholds)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is { IsPublic: true } && IsSupported(p.PropertyType))
        .OrderBy(p => p.MetadataToken)
        .ToArray();

    private static readonly MethodInfo Clone = typeof(RuleThresholds).GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
        ?? throw new InvalidOperationException("RuleThresholds must be a record.");

    /// <summary>Every threshold name, camelCase, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = Settable.Select(p => CamelCase(p.Name)).ToArray();

    /// <summary>The threshold's camelCase name, matched ignoring case; null when there is no such threshold.</summary>
    public static string? Find(string? name) =>
        name is null ? null : Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The message for an unknown threshold name, listing the valid ones.</summary>
    public static string Unknown(string name) => $"'{name}' is not a threshold. Valid thresholds: {string.Join(", ", Names)}.";

    /// <summary>
    /// Checks <paramref name="text"/> (invariant-culture number, or null / "null" / "off" to turn a nullable
    /// threshold off) for the threshold <paramref name="name"/> (its canonical name); returns null when it fits, or what is wrong.
    /// </summary>
    public static string? Check(string name, string? text) => TryConvert(Property(name), text, out _, out var error) ? null : error;

    /// <summary>
    /// A copy of <paramref name="start"/> with the named values set. Ranges are not judged here: the rule set
    /// validates its options when built.
    /// </summary>
    /// <exception cref="ArgumentException">A name is unknown or a value does not fit; the message says which and lists the valid names.</exception>
    public static RuleThresholds Apply(RuleThresholds start, IEnumerable<KeyValuePair<string, string?>> values)
    {
        var copy = (RuleThresholds)Clone.Invoke(start, null)!;
        foreach (var pair in values)
        {
            var name = Find(pair.Key) ?? throw new ArgumentException(Unknown(pair.Key), nameof(values));
            var property = Property(name);
            if (!TryConvert(property, pair.Value, out var value, out var error))
            {
                throw new ArgumentException($"Threshold {name}: {error}", nameof(values));
            }

            property.SetValue(copy, value);
        }

        return copy;
    }

    private static PropertyInfo Property(string name) => Settable[Array.IndexOf(Names.ToArray(), name)];

    private static bool IsSupported(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(int) || u == typeof(double) || u == typeof(bool);
    }

    private static bool TryConvert(PropertyInfo property, string? text, out object? value, out string error)
    {
        value = null;
        error = string.Empty;
        var nullable = Nullable.GetUnderlyingType(property.PropertyType);
        var type = nullable ?? property.PropertyType;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length == 0 || trimmed.Equals("null", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            if (nullable is not null)
            {
                return true;
            }

            error = $"a value is required ({Describe(type)}); this threshold cannot be turned off.";
            return false;
        }

        if (type == typeof(int) && int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i))
        {
            value = i;
            return true;
        }

        if (type == typeof(double) && double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d) && !double.IsInfinity(d))
        {
            value = d;
            return true;
        }

        if (type == typeof(bool) && bool.TryParse(trimmed, out var b))
        {
            value = b;
            return true;
        }

        error = $"'{text}' is not {Describe(type)}{(nullable is null ? string.Empty : " (or null to turn it off)")}.";
        return false;
    }

    private static string Describe(Type t) => t == typeof(int) ? "a whole number (at most 2,147,483,647)" : t == typeof(double) ? "a finite number" : "true or false";

    private static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);
}
