using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace Imuran.ClinicalRules.Cli;

/// <summary>"Did you mean …?" for a mistyped command, option or value: the nearest candidate by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>The candidate nearest to <paramref name="typed"/> (ignoring case), or null when none is close.</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        var t = typed.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var c = candidate.ToLowerInvariant();
            var d = c.StartsWith(t, StringComparison.Ordinal) && t.Length >= 2 ? 0 : Distance(t, c);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best is not null && bestDistance <= Math.Max(2, Math.Min(3, best.Length / 3)) ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string DidYouMean(string typed, IEnumerable<string> candidates) =>
        Nearest(typed, candidates) is { } n ? $" Did you mean '{n}'?" : string.Empty;

    /// <summary>
    /// An option whose value is one of <paramref name="allowed"/>, matched ignoring case (the value read is the
    /// allowed spelling); anything else is an error listing them, with the nearest suggested.
    /// </summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] allowed)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r =>
            {
                var typed = r.Tokens.Count == 0 ? defaultValue : r.Tokens[0].Value;
                return allowed.FirstOrDefault(a => string.Equals(a, typed, StringComparison.OrdinalIgnoreCase)) ?? typed;
            },
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"'{value}' is not a value of {name}; use one of: {string.Join(", ", allowed)}.{DidYouMean(value, allowed)}");
            }
        });
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>The options of a nullable choice (no default).</summary>
    public static Option<string?> OptionalChoice(string name, string description, params string[] allowed)
    {
        var option = new Option<string?>(name)
        {
            Description = description,
            CustomParser = r =>
            {
                var typed = r.Tokens.Count == 0 ? null : r.Tokens[0].Value;
                return typed is null ? null : allowed.FirstOrDefault(a => string.Equals(a, typed, StringComparison.OrdinalIgnoreCase)) ?? typed;
            },
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"'{value}' is not a value of {name}; use one of: {string.Join(", ", allowed)}.{DidYouMean(value, allowed)}");
            }
        });
        option.CompletionSources.Add(allowed);
        return option;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
