using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Findings;

/// <summary>
/// The rule set's own redaction of doses from text that came from outside, for hosts that show such text beside the
/// findings (a card, a report): the same functions the rules use on the names they echo (<see cref="RedactMedicineName"/>
/// for a medicine's or an allergy's name, <see cref="Redact"/> for any other), so a host never needs a copy. Thread-safe.
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
    /// What the rules do to a name they echo that is not a medicine's (a condition, a lab, a vaccine) or to other text:
    /// strengths removed as <see cref="RemoveStrengths"/> does, and the whole text withheld (<c>(name withheld: it
    /// carries amounts or instructions)</c>) when what is left still carries dosing text: a dose word, a count of a dose
    /// form (<c>2 tablets</c>), a fraction (<c>1/2</c>, <c>½</c>, <c>one-third</c>, <c>halve</c>), a percentage, a
    /// frequency (<c>twice daily</c>, <c>BD</c>, <c>OD</c>, <c>nocte</c>, <c>q8h</c>, <c>10 mg ON</c>), a daily regimen
    /// (<c>1-0-1</c>), a multiplier (<c>x2</c>), an instruction to take an amount (<c>take 2</c>) or to start, stop or
    /// change a medicine's amount (<c>reduce the azathioprine</c>). A standalone number is kept (<c>Type 2 diabetes
    /// mellitus</c>, <c>Hepatitis B vaccine (2 of 3)</c>); for a medicine's or an allergy's name use
    /// <see cref="RedactMedicineName"/>. Null or empty text is returned as it is.
    /// </summary>
    /// <param name="text">A name or other text from an EHR or a caller.</param>
    /// <returns>The text fit to show beside the findings.</returns>
    public static string? Redact(string? text) => string.IsNullOrEmpty(text) ? text : NoDosePolicy.RedactStrength(text!);

    /// <summary>
    /// What the rules do to a medicine's name, or an allergy's substance, that they echo: <see cref="Redact"/>, and the
    /// whole name also withheld when it has a standalone number, which after a medicine's name is its strength with the
    /// unit left off (<c>Allopurinol 300</c>, <c>Frobnicate 2,5</c>). A number joined to a word is part of the name and
    /// kept (<c>Vitamin B12</c>, <c>6-mercaptopurine</c>, <c>COVID-19 vaccine</c>). Null or empty text is returned as
    /// it is.
    /// </summary>
    /// <param name="text">A medicine's name or an allergy's substance from an EHR or a caller.</param>
    /// <returns>The name fit to show beside the findings.</returns>
    public static string? RedactMedicineName(string? text) => string.IsNullOrEmpty(text) ? text : NoDosePolicy.RedactMedicineName(text!);
}
