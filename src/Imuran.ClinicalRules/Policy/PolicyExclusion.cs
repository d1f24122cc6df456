namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// One entry of a site policy that leaves rules out: a rule id or a topic (exactly one), why, and who approved it.
/// Immutable.
/// </summary>
public sealed record PolicyExclusion
{
    /// <summary>The rule id left out (e.g. <c>AZA-INT-003</c>), or null when the entry names a topic.</summary>
    public string? Rule { get; init; }

    /// <summary>The topic left out (every rule of it, e.g. <c>handling</c>), or null when the entry names a rule.</summary>
    public string? Topic { get; init; }

    /// <summary>Why the site leaves it out; required in a policy file.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>Who approved leaving it out (a person or a committee); required in a policy file.</summary>
    public string ApprovedBy { get; init; } = string.Empty;
}
