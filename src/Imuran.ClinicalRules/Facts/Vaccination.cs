namespace Imuran.ClinicalRules.Facts;

/// <summary>A vaccine given or planned.</summary>
public sealed record Vaccination
{
    /// <summary>The CVX code.</summary>
    public string? CvxCode { get; init; }

    /// <summary>The vaccine name.</summary>
    public string? Name { get; init; }

    /// <summary>When it was given, or is planned (may be absent for a plan with no date).</summary>
    public ClinicalDate? Date { get; init; }

    /// <summary>Given or planned.</summary>
    public VaccinationStatus Status { get; init; } = VaccinationStatus.Given;
}
