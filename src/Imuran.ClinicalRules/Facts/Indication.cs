namespace Imuran.ClinicalRules.Facts;

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
