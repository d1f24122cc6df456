namespace Imuran.ClinicalRules.Facts;

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
