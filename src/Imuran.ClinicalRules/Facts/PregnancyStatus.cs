namespace Imuran.ClinicalRules.Facts;

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
