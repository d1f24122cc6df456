using System;
using System.Collections.Generic;
using System.Globalization;

namespace Imuran.ClinicalRules;

/// <summary>
/// Numbers a host may set for its own practice. Neither the Imuran label nor CPIC gives numeric cut-offs for
/// blood counts, liver tests or eGFR: every default below is a documented local choice, not a guideline value.
/// </summary>
/// <remarks>
/// Init-only, but configuration binding sets init-only properties by reflection, so an instance handed to a binder can
/// change. The library never relies on an instance it does not own: <see cref="Default"/> is a new instance on every
/// call, and <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/> copies the options it is given, so a built rule set keeps the
/// thresholds it was built with. <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/> also validates them (see each property).
/// </remarks>
public sealed record RuleThresholds
{
    /// <summary>The values against which changes are listed; never handed out, so nothing can change it.</summary>
    private static readonly RuleThresholds Baseline = new();

    /// <summary>
    /// The thresholds a result lists when they differ from the defaults, by their JSON (and configuration) name. Each
    /// value is read as a number; an option a host turned off reads as null.
    /// </summary>
    private static readonly (string Name, Func<RuleThresholds, double?> Read)[] Listed =
    {
        ("egfrThreshold", o => o.EgfrThreshold),
        ("markedFallFraction", o => o.MarkedFallFraction),
        ("liverTestWindowDays", o => o.LiverTestWindowDays),
        ("liveVaccineLookbackDays", o => o.LiveVaccineLookbackDays),
        ("transfusionWindowDays", o => o.TransfusionWindowDays),
        ("intensifiedMonitoringDays", o => o.IntensifiedMonitoringDays),
        ("reproductiveAgeFrom", o => o.ReproductiveAgeFrom),
        ("reproductiveAgeTo", o => o.ReproductiveAgeTo),
        ("maxFirings", o => o.MaxFirings),
        ("maxListLength", o => o.MaxListLength),
        ("maxTextLength", o => o.MaxTextLength),
        ("markedFallWindowDays", o => o.MarkedFallWindowDays),
        ("whiteCellLowThreshold", o => o.WhiteCellLowThreshold),
        ("neutrophilLowThreshold", o => o.NeutrophilLowThreshold),
        ("plateletLowThreshold", o => o.PlateletLowThreshold),
        ("liverEnzymeHighMultiple", o => o.LiverEnzymeHighMultiple),
        ("liverEnzymeCriticalMultiple", o => o.LiverEnzymeCriticalMultiple),
        ("bilirubinCriticalMultiple", o => o.BilirubinCriticalMultiple),
        ("pregnancyStatusMaxAgeDays", o => o.PregnancyStatusMaxAgeDays),
        ("pregnantStatusMaxAgeDays", o => o.PregnantStatusMaxAgeDays),
        ("breastfeedingStatusMaxAgeDays", o => o.BreastfeedingStatusMaxAgeDays),
        ("newCoMedicationDays", o => o.NewCoMedicationDays),
        ("consideringContradictionDays", o => o.ConsideringContradictionDays),
    };

    /// <summary>
    /// The default options: a new instance on every call, so no caller (configuration binding included) can change
    /// the defaults another caller sees.
    /// </summary>
    public static RuleThresholds Default => new();

    /// <summary>
    /// eGFR (mL/min/1.73 m²) below which the renal caution fires, besides a result the lab flags low. Default 60: a
    /// local choice matching the KDIGO definition of decreased GFR; the label gives no eGFR bands. Null turns the
    /// numeric check off (flags and diagnoses still count). Otherwise it must be a positive finite number.
    /// </summary>
    public double? EgfrThreshold { get; init; } = 60;

    /// <summary>
    /// A fall between consecutive blood counts of the same kind at least this fraction of the earlier value counts as
    /// a marked fall (critical). Default 0.3: a local choice; the label asks for attention to a rapid fall but gives
    /// no number. Null turns the check off; otherwise it must be above 0 and at most 1.
    /// </summary>
    public double? MarkedFallFraction { get; init; } = 0.3;

    /// <summary>
    /// Days within which the earlier count must lie for a fall between two counts to count as a marked fall. Default 90:
    /// a local choice (about three monthly counts on the label's schedule); an older count is not a "fall".
    /// </summary>
    public int MarkedFallWindowDays { get; init; } = 90;

    /// <summary>
    /// White-cell count (10*9/L) below which the cytopenia caution fires whatever the laboratory's flag. Default 3.5:
    /// a local choice, the "discuss with the specialist" value of the BSR/BHPR 2017 guideline for non-biologic DMARD
    /// monitoring [R] (recalled, not re-checked). Null turns the numeric check off (flags still count).
    /// </summary>
    public double? WhiteCellLowThreshold { get; init; } = 3.5;

    /// <summary>Neutrophil count (10*9/L) below which the cytopenia caution fires whatever the flag. Default 1.6: local choice, BSR/BHPR 2017 [R]. Null turns it off.</summary>
    public double? NeutrophilLowThreshold { get; init; } = 1.6;

    /// <summary>Platelet count (10*9/L) below which the cytopenia caution fires whatever the flag. Default 140: local choice, BSR/BHPR 2017 [R]. Null turns it off.</summary>
    public double? PlateletLowThreshold { get; init; } = 140;

    /// <summary>
    /// ALT or AST at or above this multiple of the laboratory's upper reference limit (when the lab sends one) raises the
    /// liver-test caution whatever the flag. Default 2: a local choice ("well above the upper limit"; BSR/BHPR 2017 asks
    /// for specialist discussion at an ALT or AST above 100 U/L, about two to three times the usual limit [R]). Null turns it off.
    /// When both are set, it must be below <see cref="LiverEnzymeCriticalMultiple"/>, or "high" could never come before "critical".
    /// </summary>
    public double? LiverEnzymeHighMultiple { get; init; } = 2;

    /// <summary>
    /// ALT or AST at or above this multiple of the upper reference limit is critical. Default 5: a local choice, the
    /// CTCAE grade 3 boundary for ALT and AST [R]. Null turns it off (the critically-high flag still counts).
    /// </summary>
    public double? LiverEnzymeCriticalMultiple { get; init; } = 5;

    /// <summary>
    /// Total bilirubin at or above this multiple of the upper reference limit is critical. Default 3: a local choice, the
    /// CTCAE grade 3 boundary for bilirubin [R]. Null turns it off (the critically-high flag still counts).
    /// </summary>
    public double? BilirubinCriticalMultiple { get; init; } = 3;

    /// <summary>
    /// Days after which a recorded "not pregnant" status or hCG result counts as unknown. Default 30: a local choice (a
    /// negative test speaks only for the time it was taken; about one menstrual cycle) [local].
    /// </summary>
    public int PregnancyStatusMaxAgeDays { get; init; } = 30;

    /// <summary>
    /// Days after which a recorded "pregnant" status counts as unknown (a data-quality prompt, not a current pregnancy).
    /// Default 280: a local choice, the length of a pregnancy (40 weeks) [R].
    /// </summary>
    public int PregnantStatusMaxAgeDays { get; init; } = 280;

    /// <summary>Days after which a recorded breastfeeding status counts as unknown. Default 90: a local choice [local].</summary>
    public int BreastfeedingStatusMaxAgeDays { get; init; } = 90;

    /// <summary>
    /// Days since an aminosalicylate or ACE inhibitor began within which it is "new" (warning); older co-therapy on
    /// stable counts is information. Default 90: a local choice (past the intensified-monitoring window, three monthly
    /// counts to show stability) [local].
    /// </summary>
    public int NewCoMedicationDays { get; init; } = 90;

    /// <summary>
    /// Days an azathioprine order must have been active for a "considering" status to contradict it. Default 60: a
    /// local choice (past the weekly and twice-monthly phases) [local].
    /// </summary>
    public int ConsideringContradictionDays { get; init; } = 60;

    /// <summary>Days within which a liver test is expected while on therapy. Default 90: a local choice (the label sets no fixed schedule). Not negative.</summary>
    public int LiverTestWindowDays { get; init; } = 90;

    /// <summary>Days after a live vaccine during which it still raises a caution. Default 28 (the knowledge base's four weeks). Not negative.</summary>
    public int LiveVaccineLookbackDays { get; init; } = 28;

    /// <summary>Days after a red-cell transfusion within which a TPMT activity result may reflect donor cells. Default 90 (usual red-cell lifespan; recalled). Not negative.</summary>
    public int TransfusionWindowDays { get; init; } = 90;

    /// <summary>Days after a regimen change or a new interacting medicine during which blood counts are intensified to weekly. Default 28. Not negative.</summary>
    public int IntensifiedMonitoringDays { get; init; } = 28;

    /// <summary>Youngest age (years) counted as of reproductive potential. Default 12 (the knowledge base's "about 12 to 55"). Not negative.</summary>
    public int ReproductiveAgeFrom { get; init; } = 12;

    /// <summary>Oldest age (years) counted as of reproductive potential. Default 55. Not below <see cref="ReproductiveAgeFrom"/>.</summary>
    public int ReproductiveAgeTo { get; init; } = 55;

    /// <summary>The most rule firings one evaluation may make before it stops as a runaway chain. Default 1000. At least 1.</summary>
    public int MaxFirings { get; init; } = 1000;

    /// <summary>
    /// The most entries any one list of the patient facts may hold (medications, labs, conditions, …). A longer list
    /// is an <c>INPUT_TOO_LARGE</c> validation problem naming the list, not unbounded work. Default 100,000: a local
    /// choice far above any real record (evaluation is about linear in list length, so the limit bounds the time).
    /// </summary>
    public int MaxListLength { get; init; } = 100_000;

    /// <summary>
    /// The most characters any one text of the patient facts may hold (a name, code, unit, diplotype or id). A longer
    /// text is an <c>INPUT_TOO_LARGE</c> validation problem naming the field. Default 4,096: a local choice.
    /// </summary>
    public int MaxTextLength { get; init; } = 4_096;

    /// <summary>
    /// The thresholds that differ from their defaults in plain words, for a report or a card to show beside findings
    /// whose logic names the default (e.g. <c>liverTestWindowDays 60 (default 90), egfrThreshold off (default 60)</c>),
    /// by camelCase name in the order results list them; null when every threshold is its default. One text for the
    /// tool's report and the CDS Hooks cards.
    /// </summary>
    public string? DescribeChanges()
    {
        var changes = Changes();
        if (changes.Count == 0)
        {
            return null;
        }

        var parts = new string[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            var name = changes[i].Key;
            var baseline = Array.Find(Listed, l => l.Name == name).Read(Baseline);
            parts[i] = $"{name} {Describe(changes[i].Value)} (default {Describe(baseline)})";
        }

        return string.Join(", ", parts);

        static string Describe(double? value) => value is { } v ? Text(v) : "off";
    }

    /// <summary>
    /// Every threshold that differs from its default, by its camelCase name, in a fixed order; the value is null for a
    /// check turned off. Empty for the defaults.
    /// </summary>
    internal IReadOnlyList<KeyValuePair<string, double?>> Changes()
    {
        List<KeyValuePair<string, double?>>? changes = null;
        foreach (var (name, read) in Listed)
        {
            var value = read(this);
            if (value != read(Baseline))
            {
                (changes ??= new List<KeyValuePair<string, double?>>()).Add(new KeyValuePair<string, double?>(name, value));
            }
        }

        return changes ?? (IReadOnlyList<KeyValuePair<string, double?>>)Array.Empty<KeyValuePair<string, double?>>();
    }

    /// <summary>Every nonsense value, as the property's name and what is wrong with it. Empty when the options are usable.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Problems()
    {
        var problems = new List<KeyValuePair<string, string>>();
        void Add(string option, string problem) => problems.Add(new KeyValuePair<string, string>(option, problem));

        if (EgfrThreshold is { } egfr && !(egfr > 0 && !double.IsInfinity(egfr)))
        {
            Add(nameof(EgfrThreshold), $"is {Text(egfr)}; an eGFR threshold must be a positive number (or null to turn the numeric check off).");
        }

        if (MarkedFallFraction is { } fall && !(fall > 0 && fall <= 1))
        {
            Add(nameof(MarkedFallFraction), $"is {Text(fall)}; a marked fall is a fraction of the earlier value above 0 and at most 1 (or null to turn the check off).");
        }

        foreach (var (option, days) in new[]
        {
            (nameof(LiverTestWindowDays), LiverTestWindowDays),
            (nameof(LiveVaccineLookbackDays), LiveVaccineLookbackDays),
            (nameof(TransfusionWindowDays), TransfusionWindowDays),
            (nameof(IntensifiedMonitoringDays), IntensifiedMonitoringDays),
            (nameof(MarkedFallWindowDays), MarkedFallWindowDays),
            (nameof(PregnancyStatusMaxAgeDays), PregnancyStatusMaxAgeDays),
            (nameof(PregnantStatusMaxAgeDays), PregnantStatusMaxAgeDays),
            (nameof(BreastfeedingStatusMaxAgeDays), BreastfeedingStatusMaxAgeDays),
            (nameof(NewCoMedicationDays), NewCoMedicationDays),
            (nameof(ConsideringContradictionDays), ConsideringContradictionDays),
        })
        {
            if (days < 0)
            {
                Add(option, $"is {Text(days)}; a window in days cannot be negative.");
            }
        }

        foreach (var (option, value) in new[]
        {
            (nameof(WhiteCellLowThreshold), WhiteCellLowThreshold),
            (nameof(NeutrophilLowThreshold), NeutrophilLowThreshold),
            (nameof(PlateletLowThreshold), PlateletLowThreshold),
            (nameof(LiverEnzymeHighMultiple), LiverEnzymeHighMultiple),
            (nameof(LiverEnzymeCriticalMultiple), LiverEnzymeCriticalMultiple),
            (nameof(BilirubinCriticalMultiple), BilirubinCriticalMultiple),
        })
        {
            if (value is { } v && !(v > 0 && !double.IsInfinity(v)))
            {
                Add(option, $"is {Text(v)}; it must be a positive number (or null to turn the check off).");
            }
        }

        // Pairs of the same shape, a "high" and a "critical" boundary on one result (bilirubin and the counts have one
        // numeric boundary each): "high" at or above "critical" could never be raised on its own.
        if (LiverEnzymeHighMultiple is { } high && LiverEnzymeCriticalMultiple is { } critical && critical > 0 && high >= critical)
        {
            Add(nameof(LiverEnzymeHighMultiple), $"is {Text(high)}, at or above {nameof(LiverEnzymeCriticalMultiple)} ({Text(critical)}): every ALT or AST that reaches it is already critical, so the raised-liver-test caution (AZA-HEP-002) could never come before the critical one (AZA-HEP-003). Set it below the critical multiple, or turn it off (null).");
        }

        if (ReproductiveAgeFrom < 0)
        {
            Add(nameof(ReproductiveAgeFrom), $"is {Text(ReproductiveAgeFrom)}; an age cannot be negative.");
        }

        if (ReproductiveAgeTo < ReproductiveAgeFrom)
        {
            Add(nameof(ReproductiveAgeTo), $"is {Text(ReproductiveAgeTo)}, below {nameof(ReproductiveAgeFrom)} ({Text(ReproductiveAgeFrom)}); the age range is upside down.");
        }

        if (MaxFirings < 1)
        {
            Add(nameof(MaxFirings), $"is {Text(MaxFirings)}; an evaluation must be allowed at least one rule firing.");
        }

        if (MaxListLength < 1)
        {
            Add(nameof(MaxListLength), $"is {Text(MaxListLength)}; a list must be allowed at least one entry.");
        }

        if (MaxTextLength < 1)
        {
            Add(nameof(MaxTextLength), $"is {Text(MaxTextLength)}; a text must be allowed at least one character.");
        }

        return problems;
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
