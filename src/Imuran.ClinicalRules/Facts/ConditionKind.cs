namespace Imuran.ClinicalRules.Facts;

/// <summary>
/// A condition as the rules know it. A host may state it on a <see cref="Condition"/>; otherwise the library
/// recognises it from the SNOMED CT or ICD-10-CM code or the name. Numeric values are stable.
/// </summary>
public enum ConditionKind
{
    /// <summary>Not recognised: kept and reported as unrecognised.</summary>
    Unrecognised = 0,

    /// <summary>Chronic liver disease.</summary>
    ChronicLiverDisease = 1,

    /// <summary>Cirrhosis of the liver.</summary>
    Cirrhosis = 2,

    /// <summary>Chronic kidney disease.</summary>
    ChronicKidneyDisease = 3,

    /// <summary>Oliguria early after a kidney transplant.</summary>
    PostTransplantOliguria = 4,

    /// <summary>An active serious infection.</summary>
    SeriousInfection = 5,

    /// <summary>Hepatitis B, chronic or past.</summary>
    HepatitisB = 6,

    /// <summary>Tuberculosis, active or latent.</summary>
    Tuberculosis = 7,

    /// <summary>Kidney transplant recipient.</summary>
    KidneyTransplant = 8,

    /// <summary>Recipient of another organ transplant.</summary>
    OtherOrganTransplant = 9,

    /// <summary>A malignancy other than lymphoma or skin cancer.</summary>
    Malignancy = 10,

    /// <summary>Lymphoma, including post-transplant lymphoproliferative disorder.</summary>
    Lymphoma = 11,

    /// <summary>Skin cancer, including melanoma.</summary>
    SkinCancer = 12,

    /// <summary>Rheumatoid arthritis.</summary>
    RheumatoidArthritis = 13,

    /// <summary>Crohn's disease.</summary>
    CrohnsDisease = 14,

    /// <summary>Ulcerative colitis.</summary>
    UlcerativeColitis = 15,

    /// <summary>Systemic lupus erythematosus.</summary>
    SystemicLupusErythematosus = 16,

    /// <summary>Autoimmune hepatitis.</summary>
    AutoimmuneHepatitis = 17,

    /// <summary>Current pregnancy recorded as a condition (counts as pregnant when the status is not recorded).</summary>
    Pregnancy = 18,

    /// <summary>Breastfeeding recorded as a condition.</summary>
    Breastfeeding = 19,

    /// <summary>Inflammatory bowel disease, type not stated (Crohn's disease and ulcerative colitis have their own kinds).</summary>
    InflammatoryBowelDisease = 20,
}
