using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>Whole-word, case-insensitive name matching, as codes.md asks for medicines recognised by name.</summary>
internal static class TextMatch
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>
    /// No match timeout: every pattern here is linear in its text (no nested repetition; the unanchored ones start only
    /// at a literal word), and a timeout would make the facts depend on how busy the machine is (a loaded server
    /// timed out after 200 ms and dropped a medication from the facts). Given explicitly, so a process-wide default
    /// timeout does not apply either.
    /// </summary>
    private static readonly TimeSpan Timeout = Regex.InfiniteMatchTimeout;

    private static readonly Regex AzathioprineName = new(@"\b(azathioprine|imuran|azasan)\b", Options, Timeout);
    private static readonly Regex MercaptopurineName = new(@"\bmercaptopurine\b", Options, Timeout);
    private static readonly Regex NoKnownAllergy = new(@"^\s*(nkda|nka|no\s+known\s+(drug\s+)?allerg(y|ies)\b.*)\s*$", Options, Timeout);
    private static readonly Regex CholestasisOfPregnancy = new(@"\b(cholestasis\s+of\s+pregnancy|obstetric\s+cholestasis)\b", Options, Timeout);

    public static bool IsAzathioprine(IEnumerable<string?> texts) => Any(AzathioprineName, texts);

    public static bool IsMercaptopurine(IEnumerable<string?> texts) => Any(MercaptopurineName, texts);

    public static bool IsNoKnownAllergy(IEnumerable<string?> texts) => Any(NoKnownAllergy, texts);

    public static bool IsCholestasisOfPregnancy(IEnumerable<string?> texts) => Any(CholestasisOfPregnancy, texts);

    /// <summary>Lower-case, single-spaced text without trailing punctuation or a parenthesised semantic tag.</summary>
    public static string Normalise(string text)
    {
        var normal = Regex.Replace(text.ToLowerInvariant(), @"\s+", " ", RegexOptions.None, Timeout).Trim();
        normal = Regex.Replace(normal, @"\s*\((finding|disorder|situation|observable entity|qualifier value)\)$", string.Empty, RegexOptions.None, Timeout);
        return normal.TrimEnd('.', ' ');
    }

    private static bool Any(Regex regex, IEnumerable<string?> texts)
    {
        foreach (var text in texts)
        {
            if (text is not null && regex.IsMatch(text))
            {
                return true;
            }
        }

        return false;
    }
}
