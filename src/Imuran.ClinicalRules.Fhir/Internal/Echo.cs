using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>
/// Text from the payload quoted in the reader's own messages (its problems, its not-recognised and used lists): they
/// reach the CLI's report, a CDS card and a result's <c>dataNotRead</c>, so the no-dose rule holds for them as for
/// findings (QA, 2 Dec: a status "reduce dose by half", a date "take 2 tabs" or a reference
/// "Medication/allopurinol-300mg-take-half" was quoted as written).
/// </summary>
internal static class Echo
{
    /// <summary>What is quoted in place of a value that carries dosing text.</summary>
    public const string Withheld = "(withheld: it carries amounts or instructions)";

    /// <summary>
    /// A value (a status, a date, a reference, an id, a member name) as written, or <see cref="Withheld"/> whole when it
    /// carries dosing text: a value is not a name, so nothing is cut out of it and the rest shown.
    /// </summary>
    public static string? Value(string? value) =>
        string.IsNullOrEmpty(value) || NoDoseText.Redact(value) == value!.Trim() ? value : Withheld;

    /// <summary>A name (a condition, vaccine, test): what the rules do to such a name they echo (<see cref="NoDoseText.Redact"/>).</summary>
    public static string? Name(string? name) => NoDoseText.Redact(name);

    /// <summary>
    /// A medicine's name or an allergy's substance: what the rules do to one they echo
    /// (<see cref="NoDoseText.RedactMedicineName"/>, which also withholds a standalone number: <c>Allopurinol 300</c>).
    /// </summary>
    public static string? Medicine(string? name) => NoDoseText.RedactMedicineName(name);
}
