using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Rules;

/// <summary>
/// The no-dose policy of the clinical reference: finding texts never contain dose words, mass or dose units, a
/// percentage, a fraction, or an instruction to start, stop, raise or lower a medicine's amount. The rule set
/// refuses to build when any text breaks it. Thread-safe.
/// </summary>
internal static class NoDosePolicy
{
    private static readonly (Regex Pattern, string Reason)[] Forbidden =
    {
        (Make(@"\bdos(e|es|ed|age|ages|ing)\b"), "a dose word"),
        (Make(@"\b(mg|mcg|µg|ug|g/day|milligrams?|micrograms?|tablets?|capsules?|units?/kg)\b|mg/kg|mg/m2|mg/m²|µg"), "a mass or dose unit"),
        (Make(@"%|\bper\s?cent\b|\bpercentage\b"), "a percentage"),
        (Make(@"(?<![\*\w])\d+\s*/\s*\d+(?![\w])|\b(half|halve|halved|halving|one[- ]third|one[- ]quarter|two[- ]thirds|three[- ]quarters|quarter|third)\b"), "a fraction"),
        (Make(@"\b(reduce|reduces|reduced|reducing|reduction|decrease|decreases|decreasing|increase|increases|increasing|lower|lowering|raise|raising|cut|double|doubling|titrate|titration|taper|tapering|escalate|escalation)\s+(?:(?:of|in|to)\s+)?(?:(?:the|its|their|this|that|a|any)\s+)?(?:(?:azathioprine|imuran|thiopurine|current|starting|usual|daily)\s+)?(amount|regimen|strength|quantity|intake)\b"), "an instruction to change a medicine's amount"),
        (Make(@"\b(reduce|reducing|decrease|decreasing|increase|increasing|lower|lowering|cut|double|taper|titrate)\s+(?:the\s+)?(azathioprine|imuran|thiopurine|it)\b"), "an instruction to change a medicine's amount"),
        (Make(@"\b(adjust|adjusts|adjusted|adjusting|adjustment|adjustments|titrated|titrating|up-?titrat\w*|down-?titrat\w*)\b"), "an instruction to change a medicine's amount"),
        (Make(@"\b(stop|stopping|discontinue|discontinuing|withhold|withholding|hold|start|starting|begin|resume)\s+(azathioprine|imuran|the\s+(drug|medicine|medication|treatment|therapy)|treatment|therapy|it)\b"), "an instruction to start or stop a medicine"),
    };

    /// <summary>Describes the first forbidden phrase in <paramref name="text"/>, or returns null when it is clean.</summary>
    public static string? FindViolation(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var (pattern, reason) in Forbidden)
        {
            var m = pattern.Match(text);
            if (m.Success)
            {
                return $"{reason} ('{m.Value}')";
            }
        }

        return null;
    }

    /// <summary>
    /// A strength or amount (<c>50 MG</c>, <c>120 MG/ML</c>, <c>25 MCG/HR</c>, <c>0,5mg</c>, <c>1 %</c>, <c>100 UNT/ML</c>)
    /// or a solid dose form (<c>Oral Tablet</c>, <c>capsules</c>). No leading whitespace in the pattern, so a long run
    /// of spaces cannot make it quadratic (spaces left behind are collapsed afterwards), and no nested repetition: its
    /// time is linear in the text, so it needs no match timeout, whose outcome would depend on the machine's load.
    /// </summary>
    private static readonly Regex Strength = new(
        @"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|gm|ml|l|units?|unt|meq|mmol|mol|iu|%|actuat|hr)(?![A-Za-z])(?:\s*/\s*(?:\d+(?:[.,]\d+)?\s*)?(?:ml|l|g|kg|m2|actuat|hr|h|day|d)(?![A-Za-z]))*|\b(?:oral\s+)?(?:tablets?|capsules?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex Spaces = new(@"\s{2,}", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>What <see cref="RedactStrength"/> gives when nothing but a strength was there.</summary>
    internal const string StrengthOnly = "(name withheld: strength only)";

    /// <summary>
    /// Removes strengths, dose units and dose forms from an echoed input name (e.g. <c>Allopurinol 300 MG Oral
    /// Tablet</c> becomes <c>Allopurinol</c>), so no output repeats a dose even when the input carried one.
    /// </summary>
    /// <remarks>Names recur across patients, so up to a few thousand redactions are remembered.</remarks>
    public static string RedactStrength(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var redacted = Redact(text);
        return redacted.Length == 0 ? StrengthOnly : redacted;
    }

    /// <summary>
    /// An input name fit to show in a finding's summary: strengths removed (as <see cref="RedactStrength"/>), or null
    /// when nothing is left, it is longer than <paramref name="maxLength"/>, or it still breaks the policy (a free-text
    /// name such as <c>MMR (2nd dose)</c>). Callers then fall back to a text of their own.
    /// </summary>
    public static string? SafeEcho(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var redacted = Redact(text!);
        return redacted.Length == 0 || redacted.Length > maxLength || FindViolation(redacted) is not null ? null : redacted;
    }

    /// <summary><paramref name="text"/> without strengths, dose units or dose forms, trimmed (possibly empty); remembered.</summary>
    private static string Redact(string text)
    {
        if (Redacted.TryGetValue(text, out var known))
        {
            return known;
        }

        var stripped = Strength.Replace(text, string.Empty);
        var redacted = (stripped.Length == text.Length ? stripped : Spaces.Replace(stripped, " ")).Trim();

        if (text.Length <= MaxRememberedLength && System.Threading.Interlocked.Increment(ref _redactedCount) <= MaxRemembered)
        {
            Redacted.TryAdd(text, redacted);
        }

        return redacted;
    }

    private const int MaxRemembered = 4096;

    /// <summary>Only names up to this length are remembered, so the memory a hostile input can pin stays small.</summary>
    private const int MaxRememberedLength = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Redacted = new(System.StringComparer.Ordinal);

    private static int _redactedCount;

    private static Regex Make(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
