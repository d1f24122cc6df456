using System.Text;
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

    private const string MassUnitPattern = @"\b(mg|mcg|µg|μg|ug|g/day|milligrams?|micrograms?|tablets?|capsules?|units?/kg)\b|mg/kg|mg/m2|mg/m²|[µμ]g";

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

    /// <summary>
    /// Every pattern of the policy (the forbidden phrases, the strength, the echo-only patterns and, last, the run of
    /// spaces), for tests.
    /// </summary>
    internal static System.Collections.Generic.IEnumerable<Regex> Patterns()
    {
        foreach (var (pattern, _) in Forbidden)
        {
            yield return pattern;
        }

        yield return Strength();
        yield return EchoedFrequency();
        yield return EchoedAmountThenTimeOfDay();
        yield return EchoedAmount();
        yield return EchoedFraction();
        yield return EchoedRegimen();
        yield return EchoedMultiplier();
        yield return MedicineBareNumber();
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
    /// A dose form right after a count (<c>2 tablets</c>, <c>½ tablet</c>, <c>1-2 tablets</c>, <c>one tablet</c>) is
    /// not a strength's form and is left with its count: taking the form away left a bare count (<c>Allopurinol 2</c>)
    /// that no longer read as an amount. The look-behind runs only at a word's start (after <c>\b</c>), so each run of
    /// spaces is scanned back at most once.
    /// </summary>
    private const string StrengthPattern =
        @"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|g|gm|ml|l|units?|unt|meq|mmol|mol|iu|%|actuat|hr)(?![A-Za-z])(?:\s*/\s*(?:\d+(?:[.,]\d+)?\s*)?(?:ml|l|g|kg|m2|actuat|hr|h|day|d)(?![A-Za-z]))*|\b(?<!(?:(?:^|[\s(\[])" + CountCharacter + @"+(?:[.,/\u2044\u2010-\u2013-]\d+)?|\b(?:one|two|three|four|i{1,3}))\s*(?:oral\s+)?)(?:oral\s+)?(?:tablets?|capsules?)\b";

    /// <summary>A digit or a vulgar fraction (<c>½</c>, <c>⅓</c>), as written before normalisation.</summary>
    private const string CountCharacter = @"[\d\u00BC-\u00BE\u2150-\u215F]";

    private const string SpacesPattern = @"\s{2,}";

    /// <summary>
    /// A frequency or an instruction to take an amount (<c>twice daily</c>, <c>3 times a day</c>, <c>BD</c>, <c>OD</c>,
    /// <c>nocte</c>, <c>mane</c>, <c>stat</c>, <c>q8h</c>, <c>take 2</c>), part of a regimen in an echoed input name. Not
    /// part of <see cref="Forbidden"/>: the rules' own texts may say how often to check blood counts (weekly), which is
    /// monitoring, not dosing. <c>ON</c> and <c>OM</c> (at night, in the morning) are ordinary words, and OM is otitis
    /// media: they are <see cref="EchoedAmountThenTimeOfDayPattern"/>'s, after an amount only. Linear: no nested
    /// repetition.
    /// </summary>
    private const string EchoedFrequencyPattern =
        @"\b(?:once|twice|thrice|(?:one|two|three|four|\d+)\s*(?:x|times))\s*(?:a\s+|per\s+|each\s+|every\s+)?(?:day|daily|week|weekly|night|nightly|morning|evening)\b|\b(?:daily|nightly|od|bd|bid|tid|qid|qds|tds|qd|qhs|prn|nocte|mane|stat)\b|\bq\d+h\b|\btake\s+(?:\d+|one|two|three|four)\b|\bevery\s+\d+\s*(?:h|hrs?|hours?|days?)\b";

    /// <summary>
    /// <c>ON</c> or <c>OM</c> (at night, in the morning) after an amount with its unit or dose form (<c>10 mg ON</c>,
    /// <c>2 tabs om</c>, <c>1000 units on Mondays</c>). Only there: elsewhere they are ordinary words (<c>on hold</c>,
    /// <c>Type 2 diabetes on insulin</c>) or otitis media (<c>OM</c>). A strength is removed before the other checks
    /// read a name, so <see cref="Redact"/> reads this one in the name as written. Linear: the look-behind is one
    /// character, and a match starts only where a number does.
    /// </summary>
    private const string EchoedAmountThenTimeOfDayPattern =
        @"(?<![\w.,\u2010-\u2013-])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|g|gm|ml|units?|unt|iu|meq|mmol|tabs?|tablets?|caps?|capsules?|puffs?|drops?|sachets?)\s+(?:om|on)\b";

    // The patterns below are, like EchoedFrequencyPattern, for echoed input names only (not part of Forbidden: a rule's
    // text may say "2 weeks" or "a 2x rise"). They match the name after compatibility normalisation (NFKC: full-width
    // digits and units become ASCII, ½ becomes 1⁄2 with a fraction slash). Each is linear: no nested repetition, and
    // every look-behind is short or runs only where a digit, an x or a word starts.

    /// <summary>
    /// A count followed by a dose form or unit word (<c>1 tab</c>, <c>2 tablets</c>, <c>1.5 tab</c>, <c>1-2 tabs</c>,
    /// <c>1/2 tab</c>, <c>one tablet</c>, <c>ii tabs</c>, <c>2 puffs</c>, <c>1 sachet</c>, <c>2 tsp</c>). A number joined
    /// to the word before it by a hyphen is part of the name (<c>Omega-3 capsules</c>); <c>iv</c> is not counted, it is
    /// the route (<c>IV vial</c>).
    /// </summary>
    private const string EchoedAmountPattern =
        @"(?:(?<![\w.,\u2010-\u2013-])\d+(?:[.,]\d+)?(?:\s*[/\u2044\u2010-\u2013-]\s*\d+(?:[.,]\d+)?)?\s*|\b(?:one|two|three|four|i{1,3})\s+)(?:oral\s+)?(?:tabs?|tablets?|caps?|capsules?|puffs?|drops?|sachets?|amps?|ampoules?|ampules?|vials?|units?|iu|ml|spoons?|spoonfuls?|teaspoons?|tablespoons?|tsp|tbsp|doses?|patch|patches)\b";

    /// <summary>
    /// A vulgar fraction anywhere (<c>½</c>, <c>1½</c>, <c>Allopurinol½</c>): after normalisation each has a fraction
    /// slash (U+2044), which nothing else writes. A fraction with a solidus (<c>1/2</c>) is <see cref="FractionPattern"/>'s.
    /// </summary>
    private const string EchoedFractionPattern = @"\u2044";

    /// <summary>
    /// A daily regimen of three or four single counts (<c>1-0-1</c>, <c>1-1-1</c>, <c>0-0-1</c>, <c>1 - 0 - 0 - 1</c>,
    /// <c>0.5-0-1</c>). A date (<c>2024-01-05</c>) has longer numbers; <c>25-hydroxyvitamin</c> has two parts.
    /// </summary>
    private const string EchoedRegimenPattern =
        @"(?<![\w.,/\u2010-\u2013-])\d(?:[.,]5)?(?:\s*[\u2010-\u2013-]\s*\d(?:[.,]5)?){2,3}(?![\w/\u2010-\u2013-])";

    /// <summary>A multiplier (<c>x2</c>, <c>×2</c>, <c>2x</c>, <c>2 x</c>, <c>3 times</c>).</summary>
    private const string EchoedMultiplierPattern =
        @"(?<![\w.,])[x×]\s?\d+(?:[.,]\d+)?(?!\w)|(?<![\w.,])\d+(?:[.,]\d+)?\s?(?:[x×]|times)(?!\w)";

    /// <summary>
    /// For the names of medicines and of allergies' substances only (<see cref="RedactMedicineName"/>): a standalone
    /// number, which after a medicine's name is its strength with the unit left off (<c>Allopurinol 300</c>,
    /// <c>Frobnicate 2,5</c>). A number joined to a word is part of the name (<c>Vitamin B12</c>, <c>COVID-19</c>,
    /// <c>6-mercaptopurine</c>, <c>HbA1c</c>). Not applied to conditions, labs or vaccines (<c>Type 2 diabetes
    /// mellitus</c>, <c>Hepatitis B vaccine (2 of 3)</c>).
    /// </summary>
    private const string MedicineBareNumberPattern =
        @"(?<![\w/\u2044+\u2010-\u2013-]|\d[.,])\d+(?:[.,]\d+)?(?![\w/\u2044%+\u2010-\u2013-]|[.,]\d)";

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
    /// <see cref="RedactStrength"/> for a medicine's name or an allergy's substance (a medicine too, as a rule), which is
    /// also withheld whole when it has a standalone number (<c>Allopurinol 300</c>: after a medicine's name, a strength
    /// with its unit left off). Not for other names, where a number is often part of what is named (<c>Type 2 diabetes
    /// mellitus</c>, <c>Hepatitis B vaccine (2 of 3)</c>).
    /// </summary>
    public static string RedactMedicineName(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var (_, redacted, bareNumber) = Redact(text);
        return bareNumber && !ReferenceEquals(redacted, StrengthOnly) ? AmountOrInstructionOnly : redacted;
    }

    /// <summary>
    /// Only the strengths, dose units and dose forms removed (<see cref="StrengthOnly"/> when nothing else is left), the
    /// rest of the text kept as written, even if it still carries dosing text: for text that is read again (an EHR name
    /// the rules must still recognise), never for text shown as it is.
    /// </summary>
    public static string StripStrengths(string text) => string.IsNullOrEmpty(text) ? text : Redact(text).Stripped;

    /// <summary>
    /// An input name as a finding's basis shows it: <see cref="RedactStrength"/>'s text (<see cref="RedactMedicineName"/>'s
    /// when <paramref name="medicine"/>, for a medicine's or an allergy's name), preceded by what the rules know the
    /// entry is (<paramref name="known"/>, e.g. <c>mercaptopurine</c>) when the name is withheld, or
    /// <paramref name="known"/> alone when there is no name.
    /// </summary>
    public static string ShownName(string? name, string known, bool medicine = false)
    {
        if (name is null)
        {
            return known;
        }

        var shown = medicine ? RedactMedicineName(name) : RedactStrength(name);
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
                return CarriesDosingText(Normalised(text) ?? text);
            }
        }

        return false;
    }

    /// <summary>
    /// Input text echoed as written, not as a name (a diplotype, a code): <paramref name="text"/> itself when it carries
    /// no dosing text, else <see cref="AmountOrInstructionOnly"/>. Strengths are not removed first (a genotype such as
    /// <c>c.460G&gt;A</c> would read as a strength in grams); dose units, percentages, fractions and instructions withhold
    /// the whole text (<c>*1/*3A reduce dose 50%</c>).
    /// </summary>
    /// <remarks>Texts recur across patients (lab names, codes), so up to a few thousand answers are remembered.</remarks>
    public static string EchoAsWritten(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        if (!EchoedAsWritten.TryGetValue(text, out var carries))
        {
            carries = CarriesDosingText(Normalised(text) ?? text);
            Remember(EchoedAsWritten, ref _echoedCount, text, carries);
        }

        return carries ? AmountOrInstructionOnly : text;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> EchoedAsWritten = new(System.StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="answer"/> for <paramref name="text"/> when the text is short and the cache not full (<see cref="MaxRemembered"/> per cache).</summary>
    private static void Remember<T>(System.Collections.Concurrent.ConcurrentDictionary<string, T> cache, ref int count, string text, T answer)
    {
        if (text.Length <= MaxRememberedLength && System.Threading.Interlocked.Increment(ref count) <= MaxRemembered)
        {
            cache.TryAdd(text, answer);
        }
    }

    private static int _echoedCount;

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
    /// nothing else is left); the same withheld (<see cref="AmountOrInstructionOnly"/>) when it still carries dosing
    /// text; and whether it has a standalone number (<see cref="MedicineBareNumberPattern"/>). The checks read the
    /// stripped text in its compatibility form (<see cref="Normalised"/>), and a strength that only that form shows
    /// (<c>100 ｍｇ</c>) withholds the name; the text kept is the one written. Remembered. <paramref name="text"/> is not
    /// empty.
    /// </summary>
    private static (string Stripped, string Redacted, bool BareNumber) Redact(string text)
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

        var redacted = stripped;
        var bareNumber = false;
        if (!ReferenceEquals(stripped, StrengthOnly))
        {
            var probe = Normalised(stripped);
            if (probe is null
                || (!ReferenceEquals(probe, stripped) && Strength().IsMatch(probe))
                || CarriesDosingText(probe)
                || (!ReferenceEquals(stripped, text) && EchoedAmountThenTimeOfDay().IsMatch(Normalised(text) ?? text)))
            {
                redacted = AmountOrInstructionOnly;
            }
            else
            {
                bareNumber = MedicineBareNumber().IsMatch(probe);
            }
        }

        var result = (stripped, redacted, bareNumber);
        Remember(Redacted, ref _redactedCount, text, result);

        return result;
    }

    /// <summary>
    /// Whether echoed text (in its compatibility form) breaks the policy or names a frequency, an amount to take, a
    /// vulgar fraction, a daily regimen or a multiplier. Not the medicine-only standalone number.
    /// </summary>
    private static bool CarriesDosingText(string text) =>
        FindViolation(text) is not null
        || EchoedFrequency().IsMatch(text)
        || EchoedAmountThenTimeOfDay().IsMatch(text)
        || EchoedAmount().IsMatch(text)
        || EchoedFraction().IsMatch(text)
        || EchoedRegimen().IsMatch(text)
        || EchoedMultiplier().IsMatch(text);

    /// <summary>
    /// <paramref name="text"/> in Unicode compatibility form (NFKC), for matching only: full-width digits and letters
    /// become ASCII (<c>１００ ｍｇ</c> is <c>100 mg</c>), a vulgar fraction becomes digits around a fraction slash
    /// (<c>½</c> is <c>1⁄2</c>), a no-break space a space; the division slash (U+2215), which NFKC keeps, becomes a
    /// solidus. ASCII text is returned as it is (the same instance). Null when the text is not well-formed UTF-16 (a
    /// lone surrogate), which cannot be normalised and so cannot be checked.
    /// </summary>
    private static string? Normalised(string text)
    {
        var ascii = true;
        foreach (var c in text)
        {
            if (c > '\u007F')
            {
                ascii = false;
                break;
            }
        }

        if (ascii)
        {
            return text;
        }

        string normalised;
        try
        {
            normalised = text.Normalize(NormalizationForm.FormKC);
        }
        catch (System.ArgumentException)
        {
            return null;
        }

        return normalised.IndexOf('\u2215') < 0 ? normalised : normalised.Replace('\u2215', '/');
    }

    private const int MaxRemembered = 4096;

    /// <summary>Only names up to this length are remembered, so the memory a hostile input can pin stays small.</summary>
    private const int MaxRememberedLength = 256;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Stripped, string Redacted, bool BareNumber)> Redacted = new(System.StringComparer.Ordinal);

    private static int _redactedCount;

#if NET7_0_OR_GREATER
    // Source-generated on net8.0: the matching code is in the assembly, so no Regex is compiled at run time. Built with
    // RegexOptions.Compiled, the patterns cost a fresh process about 150-230 ms of CPU (Reflection.Emit and the JIT of
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

    [GeneratedRegex(EchoedAmountThenTimeOfDayPattern, Options)]
    private static partial Regex EchoedAmountThenTimeOfDay();

    [GeneratedRegex(EchoedAmountPattern, Options)]
    private static partial Regex EchoedAmount();

    [GeneratedRegex(EchoedFractionPattern, Options)]
    private static partial Regex EchoedFraction();

    [GeneratedRegex(EchoedRegimenPattern, Options)]
    private static partial Regex EchoedRegimen();

    [GeneratedRegex(EchoedMultiplierPattern, Options)]
    private static partial Regex EchoedMultiplier();

    [GeneratedRegex(MedicineBareNumberPattern, Options)]
    private static partial Regex MedicineBareNumber();
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

    private static Regex EchoedAmountThenTimeOfDay() => RuntimeCompiled.EchoedAmountThenTimeOfDay;

    private static Regex EchoedAmount() => RuntimeCompiled.EchoedAmount;

    private static Regex EchoedFraction() => RuntimeCompiled.EchoedFraction;

    private static Regex EchoedRegimen() => RuntimeCompiled.EchoedRegimen;

    private static Regex EchoedMultiplier() => RuntimeCompiled.EchoedMultiplier;

    private static Regex MedicineBareNumber() => RuntimeCompiled.MedicineBareNumber;

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
        public static readonly Regex EchoedAmountThenTimeOfDay = Make(EchoedAmountThenTimeOfDayPattern);
        public static readonly Regex EchoedAmount = Make(EchoedAmountPattern);
        public static readonly Regex EchoedFraction = Make(EchoedFractionPattern);
        public static readonly Regex EchoedRegimen = Make(EchoedRegimenPattern);
        public static readonly Regex EchoedMultiplier = Make(EchoedMultiplierPattern);
        public static readonly Regex MedicineBareNumber = Make(MedicineBareNumberPattern);

        private static Regex Make(string pattern) => new(pattern, Options | RegexOptions.Compiled);
    }
#endif
}
