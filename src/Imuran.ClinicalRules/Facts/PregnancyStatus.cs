namespace Imuran.ClinicalRules.Facts;

/// <summary>Pregnancy status. Numeric values are stable.</summary>
public enum PregnancyStatus
{
    /// <summary>
    /// Unknown: not recorded, recorded as unknown, or (from the FHIR reader) contradictory records. For someone of
    /// reproductive potential this is a finding of its own.
    /// </summary>
    Unknown = 0,

    /// <summary>Pregnant.</summary>
    Pregnant = 1,

    /// <summary>Not pregnant.</summary>
    NotPregnant = 2,
}
