using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Findings;

/// <summary>
/// The rule set's own redaction of doses from text that came from outside, for hosts that show such text beside the
/// findings (a card, a report): the same function the rules use on the names they echo, so a host never needs a copy.
/// Thread-safe.
/// </summary>
public static class NoDoseText
{
    /// <summary>
    /// Removes strengths and amounts (<c>50 MG</c>, <c>120 MG/ML</c>, <c>25 MCG/HR</c>, <c>1 %</c>) and solid dose forms
    /// (<c>Oral Tablet</c>, <c>capsule</c>) from <paramref name="text"/>: <c>Azathioprine 50 MG Oral Tablet</c> becomes
    /// <c>Azathioprine</c>. Text that is only a strength becomes <c>(name withheld: strength only)</c>. Null or empty text
    /// is returned as it is. Linear in the length of the text (no match timeout, so the result never depends on load).
    /// </summary>
    /// <param name="text">A medicine name or other text from an EHR or a caller.</param>
    /// <returns>The text without strengths, trimmed.</returns>
    public static string? RemoveStrengths(string? text) => string.IsNullOrEmpty(text) ? text : NoDosePolicy.RedactStrength(text!);
}
