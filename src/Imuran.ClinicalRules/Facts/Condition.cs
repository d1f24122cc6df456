namespace Imuran.ClinicalRules.Facts;

/// <summary>A diagnosis or problem-list entry, current or past.</summary>
public sealed record Condition
{
    /// <summary>The name or text of the condition.</summary>
    public string? Name { get; init; }

    /// <summary>A SNOMED CT or ICD-10-CM code.</summary>
    public string? Code { get; init; }

    /// <summary>The code system of <see cref="Code"/>: <c>snomed</c>, <c>icd-10-cm</c>, or a FHIR system URI.</summary>
    public string? CodeSystem { get; init; }

    /// <summary>The kind as the host states it; when absent it is recognised from the code or name.</summary>
    public ConditionKind? Kind { get; init; }

    /// <summary>Current or past. Default <see cref="ConditionStatus.Active"/>.</summary>
    public ConditionStatus Status { get; init; } = ConditionStatus.Active;

    /// <summary>When it began, when known.</summary>
    public ClinicalDate? Onset { get; init; }
}
