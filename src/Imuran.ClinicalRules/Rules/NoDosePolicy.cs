using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Rules;

/// <summary>
/// The no-dose policy of the clinical reference: finding texts never contain dose words, mass or dose units, a
/// percentage, a fraction, or an instruction to start, stop, raise or lower a medicine's amount. The rule set
/// refuses to build when any text breaks it. Thread-safe.
/// </summary>
internal static partial class NoDosePolicy
{
    /// <summary>The options of every pattern here (source-generated on net8.0, compiled at run time on netstandard2.0).</summary>
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string DoseWordPattern = @"\bdos(e|es|ed|age|ages|ing)\b";

    private const string MassUnitPattern = @"\b(mg|mcg|µg|ug|g/day|milligrams?|micrograms?|tablets?|capsules?|units?/kg)\b|mg/kg|mg/m2|mg/m²|µg";

    private const string PercentagePattern = @"%|\bper\s?cent\b|\bpercentage\b";

    private const string FractionPattern = @"(?<![\*\w])\d+\s*/\s*\d+(?![\w])|\b(half|halve|halved|halving|one[- ]third|one[- ]quarter|two[- ]thirds|three[- ]quarters|quarter|third)\b";

    private const string AmountChangePattern = @"\b(reduce|reduces|reduced|reducing|reduction|decrease|decreases|decreasing|increase|increases|increasing|lower|lowering|raise|raising|cut|double|doubling|titrate|titration|taper|tapering|escalate|escalation)\s+(?:(?:of|in|to)\s+)?(?:(?:the|its|their|this|that|a|any)\s+)?(?:(?:azathioprine|imuran|thiopurine|current|starting|usual|daily)\s+)?(amount|regimen|strength|quantity|intake)\b";

    private const string ChangeOfMedicinePattern = @"\b(reduce|reducing|decrease|decreasing|increase|increasing|lower|lowering|cut|double|taper|titrate)\s+(?:the\s+)?(azathioprine|imuran|thiopurine|it)\b";

    private const string AdjustmentPattern = @"\b(adjust|adjusts|adjusted|adjusting|adjustment|adjustments|titrated|titrating|up-?titrat\w*|down-?titrat\w*)\b";

    private const string StartOrStopPattern = @"\b(stop|stopping|discontinue|discontinuing|withhold|withholding|hold|start|starting|begin|resume)\s+(azathioprine|imuran|the\s+(drug|medicine|medication|treatment|therapy)|treatment|therapy|it)\b";

    private static readonly (Regex Pattern, string Reason)[] Forbidden =
    {
        (DoseWord(), "a dose word"),
        (MassUnit(), "a mass or dose unit"),
        (Percentage(), "a percentage"),
        (Fraction(), "a fraction"),
        (AmountChange(), "an instruction to change a medicine's amount"),
        (ChangeOfMedicine(), "an instruction to change a medicine's amount"),
        (Adjustment(), "an instruction to change a medicine's amount"),
        (StartOrStop(), "an instruction to start or stop a medicine"),
    };

    /// <summary>Every pattern of the policy (the forbidden phrases, the strength, the echoed frequency and the run of spaces), for tests.</summary>
    internal static System.Collections.Generic.IEnumerable<Regex> Patterns()
    {
        foreach (var (pattern, _) in Forbidden)
        {
            yield return pattern;
        }

        yield return Strength();
        yield return EchoedFrequency();
        yield return Spaces();
    }

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
    private const string StrengthPattern =
        @"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|gm|ml|l|units?|unt|meq|mmol|mol|iu|%|actuat|hr)(?![A-Za-z])(?:\s*/\s*(?:\d+(?:[.,]\d+)?\s*)?(?:ml|l|g|kg|m2|actuat|hr|h|day|d)(?![A-Za-z]))*|\b(?:oral\s+)?(?:tablets?|capsules?)\b";

    private const string SpacesPattern = @"\s{2,}";

    /// <summary>
    /// A frequency or an instruction to take an amount (<c>twice daily</c>, <c>3 times a day</c>, <c>BD</c>, <c>q8h</c>,
    /// <c>take 2</c>), part of a regimen in an echoed input name. Not part of <see cref="Forbidden"/>: the rules' own texts
    /// may say how often to check blood counts (weekly), which is monitoring, not dosing. Linear: no nested repetition.
    /// </summary>
    private const string EchoedFrequencyPattern =
        @"\b(?:once|twice|thrice|(?:one|two|three|four|\d+)\s*(?:x|times))\s*(?:a\s+|per\s+|each\s+|every\s+)?(?:day|daily|week|weekly|night|nightly|morning|evening)\b|\b(?:daily|nightly|bd|bid|tid|qid|qds|tds|qd|qhs|prn)\b|\bq\d+h\b|\btake\s+(?:\d+|one|two|three|four)\b|\bevery\s+\d+\s*(?:h|hrs?|hours?|days?)\b";

    /// <summary>
    /// What <see cref="RedactStrength"/> gives for a name that, with its strengths removed, still carries dosing text
    /// (a fraction, a dose word, a frequency, an instruction to change an amount): the whole name is withheld, and the
    /// finding's path points the reader to the entry. Free of every pattern of the policy.
    /// </summary>
    internal const string AmountOrInstructionOnly = "(name withheld: it carries amounts or instructions)";

    /// <summary>What <see cref="RedactStrength"/> gives when nothing but a strength was there.</summary>
    internal const string StrengthOnly = "(name withheld: strength only)";

    /// <summary>
    /// Removes strengths, dose units and dose forms from an echoed input name (e.g. <c>Allopurinol 300 MG Oral
    /// Tablet</c> becomes <c>Allopurinol</c>), so no output repeats a dose even when the input carried one. A name that
    /// still carries dosing text once its strengths are gone (<c>halve the azathioprine</c>, <c>1/2 tab twice daily</c>,
    /// <c>MMR (2nd dose)</c>) is withheld whole (<see cref="AmountOrInstructionOnly"/>): cutting phrases out of free text
    /// could leave an instruction behind.
    /// </summary>
    /// <remarks>Names recur across patients, so up to a few thousand redactions are remembered.</remarks>
    public static string RedactStrength(string text) => string.IsNullOrEmpty(text) ? text : Redact(text).Redacted;

    /// <summary>
    /// Only the strengths, dose units and dose forms removed (<see cref="StrengthOnly"/> when nothing else is left), the
    /// rest of the text kept as written, even if it still carries dosing text: for text that is read again (an EHR name
    /// the rules must still recognise), never for text shown as it is.
    /// </summary>
    public static string StripStrengths(string text) => string.IsNullOrEmpty(text) ? text : Redact(text).Stripped;

    /// <summary>
    /// An input name as a finding's basis shows it: <see cref="RedactStrength"/>'s text, preceded by what the rules know
    /// the entry is (<paramref name="known"/>, e.g. <c>mercaptopurine</c>) when the name is withheld, or
    /// <paramref name="known"/> alone when there is no name.
    /// </summary>
    public static string ShownName(string? name, string known)
    {
        if (name is null)
        {
            return known;
        }

        var shown = RedactStrength(name);
        return ReferenceEquals(shown, AmountOrInstructionOnly) || ReferenceEquals(shown, StrengthOnly) ? known + " " + shown : shown;
    }

    /// <summary>
    /// Whether an identifier the outputs echo verbatim (the patient id) is free text that reads as dosing text: it has
    /// white space and breaks the policy or names a frequency. Identifiers without white space are never free text
    /// (<c>MRN-MG-0042</c>, <c>2024/17</c>) and are not checked, so the common case costs a scan for a space.
    /// </summary>
    public static bool IsDosingFreeText(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return CarriesDosingText(text);
            }
        }

        return false;
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

        var redacted = Redact(text!).Redacted;
        return redacted.Length > maxLength || ReferenceEquals(redacted, StrengthOnly) || ReferenceEquals(redacted, AmountOrInstructionOnly) ? null : redacted;
    }

    /// <summary>
    /// <paramref name="text"/> without strengths, dose units or dose forms, trimmed (<see cref="StrengthOnly"/> when
    /// nothing else is left), and the same withheld (<see cref="AmountOrInstructionOnly"/>) when it still carries dosing
    /// text; remembered. <paramref name="text"/> is not empty.
    /// </summary>
    private static (string Stripped, string Redacted) Redact(string text)
    {
        if (Redacted.TryGetValue(text, out var known))
        {
            return known;
        }

        var stripped = Strength().Replace(text, string.Empty);
        stripped = (stripped.Length == text.Length ? stripped : Spaces().Replace(stripped, " ")).Trim();
        if (stripped.Length == 0)
        {
            stripped = StrengthOnly;
        }

        var redacted = ReferenceEquals(stripped, StrengthOnly) || !CarriesDosingText(stripped) ? stripped : AmountOrInstructionOnly;

        if (text.Length <= MaxRememberedLength && System.Threading.Interlocked.Increment(ref _redactedCount) <= MaxRemembered)
        {
            Redacted.TryAdd(text, (stripped, redacted));
        }

        return (stripped, redacted);
    }

    /// <summary>Whether echoed text breaks the policy or names a frequency or an amount to take.</summary>
    private static bool CarriesDosingText(string text) => FindViolation(text) is not null || EchoedFrequency().IsMatch(text);

    private const int MaxRemembered = 4096;

    /// <summary>Only names up to this length are remembered, so the memory a hostile input can pin stays small.</summary>
    private const int MaxRememberedLength = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Stripped, string Redacted)> Redacted = new(System.StringComparer.Ordinal);

    private static int _redactedCount;

#if NET7_0_OR_GREATER
    // Source-generated on net8.0: the matching code is in the assembly, so no Regex is compiled at run time. Built with
    // RegexOptions.Compiled, the ten patterns cost a fresh process about 150-230 ms of CPU (Reflection.Emit and the JIT of
    // the emitted methods) when the rule set is first built, more than half of the cold build (docs/performance.md).
    [GeneratedRegex(DoseWordPattern, Options)]
    private static partial Regex DoseWord();

    [GeneratedRegex(MassUnitPattern, Options)]
    private static partial Regex MassUnit();

    [GeneratedRegex(PercentagePattern, Options)]
    private static partial Regex Percentage();

    [GeneratedRegex(FractionPattern, Options)]
    private static partial Regex Fraction();

    [GeneratedRegex(AmountChangePattern, Options)]
    private static partial Regex AmountChange();

    [GeneratedRegex(ChangeOfMedicinePattern, Options)]
    private static partial Regex ChangeOfMedicine();

    [GeneratedRegex(AdjustmentPattern, Options)]
    private static partial Regex Adjustment();

    [GeneratedRegex(StartOrStopPattern, Options)]
    private static partial Regex StartOrStop();

    [GeneratedRegex(StrengthPattern, Options)]
    private static partial Regex Strength();

    [GeneratedRegex(SpacesPattern, RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();

    [GeneratedRegex(EchoedFrequencyPattern, Options)]
    private static partial Regex EchoedFrequency();
#else
    // netstandard2.0 has no regex source generator: the same patterns, compiled at run time, each once (in a nested
    // class, so they exist before Forbidden, whatever the order of this class's static fields).
    private static Regex DoseWord() => RuntimeCompiled.DoseWord;

    private static Regex MassUnit() => RuntimeCompiled.MassUnit;

    private static Regex Percentage() => RuntimeCompiled.Percentage;

    private static Regex Fraction() => RuntimeCompiled.Fraction;

    private static Regex AmountChange() => RuntimeCompiled.AmountChange;

    private static Regex ChangeOfMedicine() => RuntimeCompiled.ChangeOfMedicine;

    private static Regex Adjustment() => RuntimeCompiled.Adjustment;

    private static Regex StartOrStop() => RuntimeCompiled.StartOrStop;

    private static Regex Strength() => RuntimeCompiled.Strength;

    private static Regex Spaces() => RuntimeCompiled.Spaces;

    private static Regex EchoedFrequency() => RuntimeCompiled.EchoedFrequency;

    private static class RuntimeCompiled
    {
        public static readonly Regex DoseWord = Make(DoseWordPattern);
        public static readonly Regex MassUnit = Make(MassUnitPattern);
        public static readonly Regex Percentage = Make(PercentagePattern);
        public static readonly Regex Fraction = Make(FractionPattern);
        public static readonly Regex AmountChange = Make(AmountChangePattern);
        public static readonly Regex ChangeOfMedicine = Make(ChangeOfMedicinePattern);
        public static readonly Regex Adjustment = Make(AdjustmentPattern);
        public static readonly Regex StartOrStop = Make(StartOrStopPattern);
        public static readonly Regex Strength = Make(StrengthPattern);
        public static readonly Regex Spaces = new(SpacesPattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        public static readonly Regex EchoedFrequency = Make(EchoedFrequencyPattern);

        private static Regex Make(string pattern) => new(pattern, Options | RegexOptions.Compiled);
    }
#endif
}
