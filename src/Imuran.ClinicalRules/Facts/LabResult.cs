namespace Imuran.ClinicalRules.Facts;

/// <summary>A laboratory result with the laboratory's own flag.</summary>
public sealed record LabResult
{
    /// <summary>The kind as the host states it; when absent it is recognised from the LOINC code.</summary>
    public LabKind? Kind { get; init; }

    /// <summary>The LOINC code.</summary>
    public string? LoincCode { get; init; }

    /// <summary>The test name as reported.</summary>
    public string? Name { get; init; }

    /// <summary>The numeric value.</summary>
    public double Value { get; init; }

    /// <summary>The unit, preferably UCUM (e.g. <c>10*9/L</c>). Required.</summary>
    public string? Unit { get; init; }

    /// <summary>The date the sample was taken. Required.</summary>
    public ClinicalDate? Date { get; init; }

    /// <summary>The laboratory's flag. Rules use it, and the host's numeric thresholds (<see cref="RuleThresholds"/>) besides.</summary>
    public LabFlag Flag { get; init; }

    /// <summary>
    /// The laboratory's upper reference limit, in the same unit as <see cref="Value"/>, when it sends one (FHIR
    /// <c>referenceRange.high</c>). Liver tests are judged against multiples of it.
    /// </summary>
    public double? UpperReferenceLimit { get; init; }
}
