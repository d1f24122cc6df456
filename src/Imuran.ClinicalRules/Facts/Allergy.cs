namespace Imuran.ClinicalRules.Facts;

/// <summary>An allergy or intolerance to a substance.</summary>
public sealed record Allergy
{
    /// <summary>The substance, e.g. <c>azathioprine</c>.</summary>
    public string? Substance { get; init; }

    /// <summary>An RxNorm code for the substance.</summary>
    public string? RxNormCode { get; init; }
}
