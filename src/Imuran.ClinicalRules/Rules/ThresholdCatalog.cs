using System;
using System.Collections.Generic;
using System.Globalization;

namespace Imuran.ClinicalRules.Rules;

/// <summary>One host threshold or window as the rule catalogue shows it.</summary>
/// <param name="Name">The <see cref="RuleThresholds"/> property.</param>
/// <param name="Value">Reads the value from a rule set's options.</param>
/// <param name="Unit">The unit of the value.</param>
/// <param name="Meaning">What it does, in plain words.</param>
/// <param name="Source">Where the default comes from.</param>
/// <param name="Tag">The confidence tag of the default, or <c>local</c> for a pure local choice.</param>
internal sealed record ThresholdEntry(string Name, Func<RuleThresholds, object?> Value, string Unit, string Meaning, string Source, string Tag)
{
    /// <summary>The value in invariant text; "off" for a check turned off.</summary>
    public string Text(RuleThresholds options) => Value(options) switch
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
internal static class ThresholdCatalog
{
    public static readonly IReadOnlyList<ThresholdEntry> All = new[]
    {
        new ThresholdEntry(nameof(RuleThresholds.WhiteCellLowThreshold), o => o.WhiteCellLowThreshold, "10*9/L", "white count below it is low whatever the flag (AZA-CYT-001/002)", "BSR/BHPR 2017 non-biologic DMARD monitoring, 'discuss with the specialist'", "R"),
        new ThresholdEntry(nameof(RuleThresholds.NeutrophilLowThreshold), o => o.NeutrophilLowThreshold, "10*9/L", "neutrophil count below it is low whatever the flag", "BSR/BHPR 2017", "R"),
        new ThresholdEntry(nameof(RuleThresholds.PlateletLowThreshold), o => o.PlateletLowThreshold, "10*9/L", "platelet count below it is low whatever the flag", "BSR/BHPR 2017", "R"),
        new ThresholdEntry(nameof(RuleThresholds.MarkedFallFraction), o => o.MarkedFallFraction, "fraction of the earlier count", "a fall at least this large is marked (critical only when it ends low)", "local choice; the label asks for attention to a rapid fall but gives no number", "local"),
        new ThresholdEntry(nameof(RuleThresholds.MarkedFallWindowDays), o => o.MarkedFallWindowDays, "days", "the earlier count must be this recent for a fall", "local choice (about three monthly counts)", "local"),
        new ThresholdEntry(nameof(RuleThresholds.LiverEnzymeHighMultiple), o => o.LiverEnzymeHighMultiple, "x upper reference limit", "ALT or AST at or above it is raised whatever the flag (AZA-HEP-002)", "local choice; BSR/BHPR 2017 uses ALT or AST above 100 U/L", "R"),
        new ThresholdEntry(nameof(RuleThresholds.LiverEnzymeCriticalMultiple), o => o.LiverEnzymeCriticalMultiple, "x upper reference limit", "ALT or AST at or above it is critical (AZA-HEP-003)", "CTCAE v5.0 grade 3 boundary", "R"),
        new ThresholdEntry(nameof(RuleThresholds.BilirubinCriticalMultiple), o => o.BilirubinCriticalMultiple, "x upper reference limit", "bilirubin at or above it is critical (AZA-HEP-003)", "CTCAE v5.0 grade 3 boundary", "R"),
        new ThresholdEntry(nameof(RuleThresholds.EgfrThreshold), o => o.EgfrThreshold, "mL/min/1.73 m2", "eGFR below it raises the renal caution (AZA-REN-002)", "KDIGO definition of decreased GFR; the label gives no bands", "local"),
        new ThresholdEntry(nameof(RuleThresholds.PregnancyStatusMaxAgeDays), o => o.PregnancyStatusMaxAgeDays, "days", "an older 'not pregnant' status or hCG result counts as unknown", "local choice (about one cycle)", "local"),
        new ThresholdEntry(nameof(RuleThresholds.PregnantStatusMaxAgeDays), o => o.PregnantStatusMaxAgeDays, "days", "an older 'pregnant' status counts as unknown (a data-quality prompt)", "length of a pregnancy (40 weeks)", "R"),
        new ThresholdEntry(nameof(RuleThresholds.BreastfeedingStatusMaxAgeDays), o => o.BreastfeedingStatusMaxAgeDays, "days", "an older breastfeeding status counts as unknown", "local choice", "local"),
        new ThresholdEntry(nameof(RuleThresholds.NewCoMedicationDays), o => o.NewCoMedicationDays, "days", "an aminosalicylate or ACE inhibitor begun within it is new (warning); older on stable counts is information", "local choice", "local"),
        new ThresholdEntry(nameof(RuleThresholds.ConsideringContradictionDays), o => o.ConsideringContradictionDays, "days", "an azathioprine order active longer than this contradicts a 'considering' status", "local choice", "local"),
        new ThresholdEntry(nameof(RuleThresholds.IntensifiedMonitoringDays), o => o.IntensifiedMonitoringDays, "days", "weekly counts after a regimen change or new interacting medicine (AZA-CBC-003)", "knowledge base's four weeks", "local"),
        new ThresholdEntry(nameof(RuleThresholds.LiverTestWindowDays), o => o.LiverTestWindowDays, "days", "liver tests expected within it on therapy (AZA-LFT-001)", "local choice; the label sets no schedule", "local"),
        new ThresholdEntry(nameof(RuleThresholds.LiveVaccineLookbackDays), o => o.LiveVaccineLookbackDays, "days", "a live vaccine within it raises a caution (AZA-VAC-001)", "knowledge base's four weeks", "local"),
        new ThresholdEntry(nameof(RuleThresholds.TransfusionWindowDays), o => o.TransfusionWindowDays, "days", "a TPMT activity result within it after a transfusion is unreliable (AZA-PGX-011)", "usual red-cell lifespan", "R"),
        new ThresholdEntry(nameof(RuleThresholds.ReproductiveAgeFrom), o => o.ReproductiveAgeFrom, "years", "youngest age of reproductive potential", "knowledge base's 'about 12 to 55'", "local"),
        new ThresholdEntry(nameof(RuleThresholds.ReproductiveAgeTo), o => o.ReproductiveAgeTo, "years", "oldest age of reproductive potential", "knowledge base's 'about 12 to 55'", "local"),
    };
}
