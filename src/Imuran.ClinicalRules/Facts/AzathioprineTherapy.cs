namespace Imuran.ClinicalRules.Facts;

/// <summary>Azathioprine therapy: whether it is considered, newly started or continuing, and when the regimen last changed.</summary>
/// <remarks>There is deliberately no amount anywhere: the library does not reason about doses.</remarks>
public sealed record AzathioprineTherapy
{
    /// <summary>Where the patient stands with azathioprine. Default <see cref="TherapyStatus.Unknown"/>.</summary>
    public TherapyStatus Status { get; init; }

    /// <summary>The date azathioprine started, when known.</summary>
    public ClinicalDate? StartDate { get; init; }

    /// <summary>The date of the last change of regimen (no amounts), when known.</summary>
    public ClinicalDate? LastRegimenChange { get; init; }
}
