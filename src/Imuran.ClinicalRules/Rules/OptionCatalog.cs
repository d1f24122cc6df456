using System;
using System.Collections.Generic;
using System.Globalization;

namespace Imuran.ClinicalRules.Rules;

/// <summary>One host threshold or window as the rule catalogue shows it.</summary>
/// <param name="Name">The <see cref="RuleOptions"/> property.</param>
/// <param name="Value">Reads the value from a rule set's options.</param>
/// <param name="Unit">The unit of the value.</param>
/// <param name="Meaning">What it does, in plain words.</param>
/// <param name="Source">Where the default comes from.</param>
/// <param name="Tag">The confidence tag of the default, or <c>local</c> for a pure local choice.</param>
internal sealed record OptionEntry(string Name, Func<RuleOptions, object?> Value, string Unit, string Meaning, string Source, string Tag)
{
    /// <summary>The value in invariant text; "off" for a check turned off.</summary>
    public string Text(RuleOptions options) => Value(options) switch
    {
        null => "off",
        double d => d.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}

/// <summary>
/// Every host threshold and window the rules read, with its default's source and confidence: the catalogue shows them,
/// so a reader sees each number next to where it comes from. Every default is a local choice, not a guideline value.
/// </summary>
internal static class OptionCatalog
{
    public static readonly IReadOnlyList<OptionEntry> All = new[]
    {
        new OptionEntry(nameof(RuleOptions.WhiteCellLowThreshold), o => o.WhiteCellLowThreshold, "10*9/L", "white count below it is low whatever the flag (AZA-CYT-001/002)", "BSR/BHPR 2017 non-biologic DMARD monitoring, 'discuss with the specialist'", "R"),
        new OptionEntry(nameof(RuleOptions.NeutrophilLowThreshold), o => o.NeutrophilLowThreshold, "10*9/L", "neutrophil count below it is low whatever the flag", "BSR/BHPR 2017", "R"),
        new OptionEntry(nameof(RuleOptions.PlateletLowThreshold), o => o.PlateletLowThreshold, "10*9/L", "platelet count below it is low whatever the flag", "BSR/BHPR 2017", "R"),
        new OptionEntry(nameof(RuleOptions.MarkedFallFraction), o => o.MarkedFallFraction, "fraction of the earlier count", "a fall at least this large is marked (critical only when it ends low)", "local choice; the label asks for attention to a rapid fall but gives no number", "local"),
        new OptionEntry(nameof(RuleOptions.MarkedFallWindowDays), o => o.MarkedFallWindowDays, "days", "the earlier count must be this recent for a fall", "local choice (about three monthly counts)", "local"),
        new OptionEntry(nameof(RuleOptions.LiverEnzymeHighMultiple), o => o.LiverEnzymeHighMultiple, "x upper reference limit", "ALT or AST at or above it is raised whatever the flag (AZA-HEP-002)", "local choice; BSR/BHPR 2017 uses ALT or AST above 100 U/L", "R"),
        new OptionEntry(nameof(RuleOptions.LiverEnzymeCriticalMultiple), o => o.LiverEnzymeCriticalMultiple, "x upper reference limit", "ALT or AST at or above it is critical (AZA-HEP-003)", "CTCAE v5.0 grade 3 boundary", "R"),
        new OptionEntry(nameof(RuleOptions.BilirubinCriticalMultiple), o => o.BilirubinCriticalMultiple, "x upper reference limit", "bilirubin at or above it is critical (AZA-HEP-003)", "CTCAE v5.0 grade 3 boundary", "R"),
        new OptionEntry(nameof(RuleOptions.EgfrThreshold), o => o.EgfrThreshold, "mL/min/1.73 m2", "eGFR below it raises the renal caution (AZA-REN-002)", "KDIGO definition of decreased GFR; the label gives no bands", "local"),
        new OptionEntry(nameof(RuleOptions.PregnancyStatusMaxAgeDays), o => o.PregnancyStatusMaxAgeDays, "days", "an older 'not pregnant' status or hCG result counts as unknown", "local choice (about one cycle)", "local"),
        new OptionEntry(nameof(RuleOptions.PregnantStatusMaxAgeDays), o => o.PregnantStatusMaxAgeDays, "days", "an older 'pregnant' status counts as unknown (a data-quality prompt)", "length of a pregnancy (40 weeks)", "R"),
        new OptionEntry(nameof(RuleOptions.BreastfeedingStatusMaxAgeDays), o => o.BreastfeedingStatusMaxAgeDays, "days", "an older breastfeeding status counts as unknown", "local choice", "local"),
        new OptionEntry(nameof(RuleOptions.NewCoMedicationDays), o => o.NewCoMedicationDays, "days", "an aminosalicylate or ACE inhibitor begun within it is new (warning); older on stable counts is information", "local choice", "local"),
        new OptionEntry(nameof(RuleOptions.ConsideringContradictionDays), o => o.ConsideringContradictionDays, "days", "an azathioprine order active longer than this contradicts a 'considering' status", "local choice", "local"),
        new OptionEntry(nameof(RuleOptions.IntensifiedMonitoringDays), o => o.IntensifiedMonitoringDays, "days", "weekly counts after a regimen change or new interacting medicine (AZA-CBC-003)", "knowledge base's four weeks", "local"),
        new OptionEntry(nameof(RuleOptions.LiverTestWindowDays), o => o.LiverTestWindowDays, "days", "liver tests expected within it on therapy (AZA-LFT-001)", "local choice; the label sets no schedule", "local"),
        new OptionEntry(nameof(RuleOptions.LiveVaccineLookbackDays), o => o.LiveVaccineLookbackDays, "days", "a live vaccine within it raises a caution (AZA-VAC-001)", "knowledge base's four weeks", "local"),
        new OptionEntry(nameof(RuleOptions.TransfusionWindowDays), o => o.TransfusionWindowDays, "days", "a TPMT activity result within it after a transfusion is unreliable (AZA-PGX-011)", "usual red-cell lifespan", "R"),
        new OptionEntry(nameof(RuleOptions.ReproductiveAgeFrom), o => o.ReproductiveAgeFrom, "years", "youngest age of reproductive potential", "knowledge base's 'about 12 to 55'", "local"),
        new OptionEntry(nameof(RuleOptions.ReproductiveAgeTo), o => o.ReproductiveAgeTo, "years", "oldest age of reproductive potential", "knowledge base's 'about 12 to 55'", "local"),
    };
}
