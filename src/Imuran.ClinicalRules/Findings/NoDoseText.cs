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
    /// <remarks>
    /// The rest of the text is kept as written, so a name stays recognisable when it is read again; text shown as it is
    /// should go through <see cref="Redact"/>, which also withholds what still carries dosing text.
    /// </remarks>
    public static string? RemoveStrengths(string? text) => string.IsNullOrEmpty(text) ? text : NoDosePolicy.StripStrengths(text!);

    /// <summary>
    /// What the rules do to a name they echo: strengths removed as <see cref="RemoveStrengths"/> does, and the whole text
    /// withheld (<c>(name withheld: it carries amounts or instructions)</c>) when what is left still carries dosing text:
    /// a dose word, a fraction (<c>1/2</c>, <c>one-third</c>, <c>halve</c>), a percentage, a frequency (<c>twice
    /// daily</c>, <c>BD</c>, <c>q8h</c>), an instruction to take an amount (<c>take 2</c>) or to start, stop or change a
    /// medicine's amount (<c>reduce the azathioprine</c>). Null or empty text is returned as it is.
    /// </summary>
    /// <param name="text">A medicine name or other text from an EHR or a caller.</param>
    /// <returns>The text fit to show beside the findings.</returns>
    public static string? Redact(string? text) => string.IsNullOrEmpty(text) ? text : NoDosePolicy.RedactStrength(text!);
}
