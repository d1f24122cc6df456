namespace Imuran.ClinicalRules;

/// <summary>
/// Numbers a host may set for its own practice. Neither the Imuran label nor CPIC gives numeric cut-offs for
/// blood counts, liver tests or eGFR: every default below is a documented local choice, not a guideline value.
/// Immutable.
/// </summary>
public sealed record RuleOptions
{
    /// <summary>The default options.</summary>
    public static RuleOptions Default { get; } = new();

    /// <summary>
    /// eGFR (mL/min/1.73 m²) below which the renal caution fires, besides a result the lab flags low. Default 60: a
    /// local choice matching the KDIGO definition of decreased GFR; the label gives no eGFR bands. Null turns the
    /// numeric check off (flags and diagnoses still count).
    /// </summary>
    public double? EgfrThreshold { get; init; } = 60;

    /// <summary>
    /// A fall between consecutive blood counts of the same kind at least this fraction of the earlier value counts as
    /// a marked fall (critical). Default 0.3: a local choice; the label asks for attention to a rapid fall but gives
    /// no number. Null turns the check off.
    /// </summary>
    public double? MarkedFallFraction { get; init; } = 0.3;

    /// <summary>Days within which a liver test is expected while on therapy. Default 90: a local choice (the label sets no fixed schedule).</summary>
    public int LiverTestWindowDays { get; init; } = 90;

    /// <summary>Days after a live vaccine during which it still raises a caution. Default 28 (the knowledge base's four weeks).</summary>
    public int LiveVaccineLookbackDays { get; init; } = 28;

    /// <summary>Days after a red-cell transfusion within which a TPMT activity result may reflect donor cells. Default 90 (usual red-cell lifespan; recalled).</summary>
    public int TransfusionWindowDays { get; init; } = 90;

    /// <summary>Days after a regimen change or a new interacting medicine during which blood counts are intensified to weekly. Default 28.</summary>
    public int IntensifiedMonitoringDays { get; init; } = 28;

    /// <summary>Youngest age (years) counted as of reproductive potential. Default 12 (the knowledge base's "about 12 to 55").</summary>
    public int ReproductiveAgeFrom { get; init; } = 12;

    /// <summary>Oldest age (years) counted as of reproductive potential. Default 55.</summary>
    public int ReproductiveAgeTo { get; init; } = 55;

    /// <summary>The most rule firings one evaluation may make before it stops as a runaway chain. Default 1000.</summary>
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
}
