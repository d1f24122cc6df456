namespace Imuran.ClinicalRules.Facts;

/// <summary>A medicine the patient takes or took, identified by RxNorm code and/or name.</summary>
public sealed record Medication
{
    /// <summary>The name as prescribed (ingredient or brand), e.g. <c>Allopurinol 100 MG Oral Tablet</c>.</summary>
    public string? Name { get; init; }

    /// <summary>An RxNorm code (ingredient or clinical drug).</summary>
    public string? RxNormCode { get; init; }

    /// <summary>When it started, when known.</summary>
    public ClinicalDate? StartDate { get; init; }

    /// <summary>When it ended, when it has.</summary>
    public ClinicalDate? EndDate { get; init; }

    /// <summary><see langword="true"/> (the default) while the patient takes it; <see langword="false"/> for history.</summary>
    public bool Active { get; init; } = true;
}
