namespace Imuran.ClinicalRules.Facts;

/// <summary>Administrative sex as recorded. Numeric values are stable and never renumbered.</summary>
public enum Sex
{
    /// <summary>Not recorded.</summary>
    Unknown = 0,

    /// <summary>Female.</summary>
    Female = 1,

    /// <summary>Male.</summary>
    Male = 2,

    /// <summary>Recorded as another value.</summary>
    Other = 3,
}

/// <summary>Where the patient stands with azathioprine. Numeric values are stable.</summary>
public enum TherapyStatus
{
    /// <summary>Not recorded. Rules that need it treat it as unknown, never as "not on therapy".</summary>
    Unknown = 0,

    /// <summary>Azathioprine is being considered and has not started.</summary>
    Considering = 1,

    /// <summary>Azathioprine started recently (see <see cref="AzathioprineTherapy.StartDate"/>).</summary>
    NewlyStarted = 2,

    /// <summary>Azathioprine has been taken for some time.</summary>
    Continuing = 3,

    /// <summary>
    /// Azathioprine has stopped (FHIR: an azathioprine order stopped, completed or cancelled, and no active one). Pre-start
    /// prompts and the monitoring schedule end; the INR check around stopping stays; interaction cautions no longer fire,
    /// as there is no azathioprine to interact with (a restart is "considering" again).
    /// </summary>
    Stopped = 4,
}

/// <summary>The workflow the evaluation serves; some findings belong to one setting only. Numeric values are stable.</summary>
public enum CareSetting
{
    /// <summary>Not stated: setting-specific findings are not raised.</summary>
    Unspecified = 0,

    /// <summary>A prescriber is ordering or renewing.</summary>
    Prescribing = 1,

    /// <summary>A pharmacy is dispensing.</summary>
    Dispensing = 2,

    /// <summary>A clinical review of the patient's therapy.</summary>
    Review = 3,
}

/// <summary>What azathioprine is used for. Numeric values are stable.</summary>
public enum Indication
{
    /// <summary>Another indication.</summary>
    Other = 0,

    /// <summary>Rheumatoid arthritis.</summary>
    RheumatoidArthritis = 1,

    /// <summary>Crohn's disease.</summary>
    CrohnsDisease = 2,

    /// <summary>Ulcerative colitis.</summary>
    UlcerativeColitis = 3,

    /// <summary>Inflammatory bowel disease, type not stated.</summary>
    InflammatoryBowelDisease = 4,

    /// <summary>Systemic lupus erythematosus.</summary>
    SystemicLupusErythematosus = 5,

    /// <summary>Kidney transplant (prevention of rejection).</summary>
    KidneyTransplant = 6,

    /// <summary>Another solid-organ transplant.</summary>
    OtherOrganTransplant = 7,

    /// <summary>Autoimmune hepatitis.</summary>
    AutoimmuneHepatitis = 8,
}

/// <summary>A pharmacogene relevant to thiopurines. Numeric values are stable.</summary>
public enum Gene
{
    /// <summary>Thiopurine S-methyltransferase (HGNC:12014).</summary>
    Tpmt = 1,

    /// <summary>Nudix hydrolase 15 (HGNC:23063).</summary>
    Nudt15 = 2,
}

/// <summary>A metabolizer phenotype in CPIC's terms. Numeric values are stable.</summary>
public enum MetabolizerPhenotype
{
    /// <summary>Normal metabolizer.</summary>
    Normal = 1,

    /// <summary>Intermediate metabolizer.</summary>
    Intermediate = 2,

    /// <summary>Possible intermediate metabolizer (one no-function allele with one of uncertain or unknown function).</summary>
    PossibleIntermediate = 3,

    /// <summary>Poor metabolizer.</summary>
    Poor = 4,

    /// <summary>Function cannot be assigned (uncertain or unknown function alleles).</summary>
    Indeterminate = 5,
}

/// <summary>How a pharmacogenomic result was obtained. Numeric values are stable.</summary>
public enum TestMethod
{
    /// <summary>Not stated.</summary>
    Unspecified = 0,

    /// <summary>Genotyping.</summary>
    Genotype = 1,

    /// <summary>Red-cell enzyme activity (phenotyping).</summary>
    Activity = 2,
}

/// <summary>Pregnancy status. Numeric values are stable.</summary>
public enum PregnancyStatus
{
    /// <summary>Not recorded: for someone of reproductive potential this is a finding of its own.</summary>
    Unknown = 0,

    /// <summary>Pregnant.</summary>
    Pregnant = 1,

    /// <summary>Not pregnant.</summary>
    NotPregnant = 2,
}

/// <summary>Whether a condition is current or in the past. Numeric values are stable.</summary>
public enum ConditionStatus
{
    /// <summary>Current (active, recurrent or in remission but still relevant).</summary>
    Active = 1,

    /// <summary>Past history (resolved or inactive).</summary>
    History = 2,
}

/// <summary>The laboratory's own flag on a result. Numeric values are stable.</summary>
public enum LabFlag
{
    /// <summary>No flag was sent.</summary>
    None = 0,

    /// <summary>Within the reference range.</summary>
    Normal = 1,

    /// <summary>Below the reference range.</summary>
    Low = 2,

    /// <summary>Critically low.</summary>
    CriticallyLow = 3,

    /// <summary>Above the reference range.</summary>
    High = 4,

    /// <summary>Critically high.</summary>
    CriticallyHigh = 5,
}

/// <summary>The kind of a laboratory result, as the rules know it. Numeric values are stable.</summary>
public enum LabKind
{
    /// <summary>Not recognised: kept and reported as unrecognised.</summary>
    Unrecognised = 0,

    /// <summary>White cell (leukocyte) count.</summary>
    WhiteCells = 1,

    /// <summary>Neutrophil count.</summary>
    Neutrophils = 2,

    /// <summary>Lymphocyte count.</summary>
    Lymphocytes = 3,

    /// <summary>Platelet count.</summary>
    Platelets = 4,

    /// <summary>Haemoglobin.</summary>
    Haemoglobin = 5,

    /// <summary>Alanine aminotransferase.</summary>
    Alt = 6,

    /// <summary>Aspartate aminotransferase.</summary>
    Ast = 7,

    /// <summary>Total bilirubin.</summary>
    Bilirubin = 8,

    /// <summary>Alkaline phosphatase.</summary>
    AlkalinePhosphatase = 9,

    /// <summary>Serum or plasma creatinine.</summary>
    Creatinine = 10,

    /// <summary>Estimated glomerular filtration rate.</summary>
    Egfr = 11,

    /// <summary>Red-cell TPMT enzyme activity.</summary>
    TpmtActivity = 12,
}

/// <summary>Whether a vaccine was given or is planned. Numeric values are stable.</summary>
public enum VaccinationStatus
{
    /// <summary>Given on <see cref="Vaccination.Date"/>.</summary>
    Given = 1,

    /// <summary>Planned (on <see cref="Vaccination.Date"/>, when known).</summary>
    Planned = 2,
}

/// <summary>A new neurological sign reported while on therapy. Numeric values are stable.</summary>
public enum NeurologicalSign
{
    /// <summary>Another new neurological sign.</summary>
    Other = 0,

    /// <summary>New confusion or change in thinking.</summary>
    Confusion = 1,

    /// <summary>New weakness on one side or clumsiness.</summary>
    Weakness = 2,

    /// <summary>Change in vision.</summary>
    VisionChange = 3,

    /// <summary>Change in speech.</summary>
    SpeechChange = 4,

    /// <summary>Loss of coordination or balance.</summary>
    Coordination = 5,
}
