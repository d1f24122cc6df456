namespace Imuran.ClinicalRules.Facts;

/// <summary>Whether a vaccine was given or is planned. Numeric values are stable.</summary>
public enum VaccinationStatus
{
    /// <summary>Given on <see cref="Vaccination.Date"/>.</summary>
    Given = 1,

    /// <summary>Planned (on <see cref="Vaccination.Date"/>, when known).</summary>
    Planned = 2,
}
