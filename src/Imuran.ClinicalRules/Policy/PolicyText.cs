using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// The check on a policy's name and version, which every result of its rule set, the tool's report and a host's logs
/// echo verbatim: at most <see cref="MaxLength"/> characters (<c>INPUT_TOO_LARGE</c>); no control character, line or
/// paragraph separator or bidirectional control, which could forge a log line or disguise the text, and no lone
/// surrogate, which no result can echo as given (<c>INVALID_TEXT</c>); and no words that read as dosing text, judged as a patient id is
/// (<see cref="NoDosePolicy.IsDosingFreeText"/>, <c>POLICY_TEXT_CARRIES_DOSING_TEXT</c>). One truth for the policy
/// reader and for <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/>, which checks a reference a host made itself.
/// </summary>
internal static class PolicyText
{
    /// <summary>The most characters a policy's name or version may have: 200, a local choice (not clinical) [L].</summary>
    public const int MaxLength = 200;

    /// <summary>What is wrong with the name or the version, by member (<c>name</c>, <c>version</c>) with its code; empty when both are fit to echo.</summary>
    public static IReadOnlyList<ValidationProblem> Problems(string? name, string? version)
    {
        var problems = new List<ValidationProblem>(0);
        Check("name", "The policy's name", name, problems);
        Check("version", "The policy's version", version, problems);
        return problems;
    }

    /// <summary>What is wrong with <paramref name="text"/>, described as <paramref name="label"/> (e.g. "The policy's name"), under <paramref name="field"/>; null when it is fit to echo.</summary>
    public static ValidationProblem? Problem(string field, string label, string? text)
    {
        var problems = new List<ValidationProblem>(0);
        Check(field, label, text, problems);
        return problems.Count == 0 ? null : problems[0];
    }

    private static void Check(string member, string label, string? text, List<ValidationProblem> problems)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxLength)
        {
            problems.Add(new ValidationProblem(
                member,
                ErrorCodes.InputTooLarge,
                $"{label} has {text.Length} characters; the limit is {MaxLength} (a local choice), since every result and log line echoes it verbatim."));
        }
        else if (FirstControl(text) is { } at)
        {
            problems.Add(new ValidationProblem(
                member,
                ErrorCodes.InvalidText,
                $"{label} holds a control character (U+{((int)text[at]).ToString("X4", CultureInfo.InvariantCulture)} at character {at + 1}); every result, report and log line echoes it verbatim, where a line break, escape or direction mark could forge or disguise an entry, so give it as one line of printable text."));
        }
        else if (UnicodeText.FirstLoneSurrogate(text) is var lone and >= 0)
        {
            // Stop 28: not text at all. The policy reader refuses it; a reference a host made slipped through, and every
            // result's JSON then showed U+FFFD in its place: not the name or version given.
            problems.Add(new ValidationProblem(
                member,
                ErrorCodes.InvalidText,
                $"{label} holds a lone surrogate (U+{((int)text[lone]).ToString("X4", CultureInfo.InvariantCulture)} at character {lone + 1}), which is not valid Unicode text: results would show U+FFFD in its place, not what was given; give it as valid text."));
        }
        else if (NoDosePolicy.IsDosingFreeText(text))
        {
            problems.Add(new ValidationProblem(
                member,
                ErrorCodes.PolicyTextCarriesDosingText,
                $"{label} reads as dosing text (words with a dose, an amount, a frequency or an instruction); every result echoes it verbatim and must never carry a dose, so give it a name or version without one."));
        }
    }

    /// <summary>
    /// The index of the first control character (Unicode category Cc: C0, DEL, C1 such as NEL), line or paragraph
    /// separator, or bidirectional control (marks, embeddings, overrides, isolates); null when there is none.
    /// </summary>
    private static int? FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c)
                || c is '\u2028' or '\u2029' or '\u061C' or '\u200E' or '\u200F'
                || c is >= '\u202A' and <= '\u202E'
                || c is >= '\u2066' and <= '\u2069')
            {
                return i;
            }
        }

        return null;
    }
}
