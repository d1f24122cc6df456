using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Policy;

/// <summary>The outcome of reading a site policy file.</summary>
public sealed record SitePolicyReadResult
{
    private IReadOnlyList<ValidationProblem> _problems = ReadOnly.Empty<ValidationProblem>();

    /// <summary>The policy; null when the file has any problem (a policy is used whole or not at all).</summary>
    public SitePolicy? Policy { get; init; }

    /// <summary>Every problem, with its field path, a stable code and a message.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get => _problems; init => _problems = ReadOnly.Copy(value); }

    /// <summary>Whether the file was read without problems. When true, <see cref="Policy"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool Succeeded => Policy is not null && Problems.Count == 0;
}
