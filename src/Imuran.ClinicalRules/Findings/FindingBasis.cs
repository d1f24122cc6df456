using System.Collections.Generic;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Findings;

/// <summary>Why a finding was raised: the facts that matched and the rule's logic in plain words.</summary>
public sealed record FindingBasis
{
    /// <summary>
    /// The basis of a finding made without one: shared, since a record's init-only members cannot change after it is
    /// made (so a finding made by the rules, which sets its basis, does not make an empty one first).
    /// </summary>
    internal static readonly FindingBasis Empty = new();

    private IReadOnlyList<BasisFact> _facts = ReadOnly.Empty<BasisFact>();

    /// <summary>The facts that matched.</summary>
    public IReadOnlyList<BasisFact> Facts { get => _facts; init => _facts = ReadOnly.Copy(value); }

    /// <summary>The rule's logic in plain words, e.g. <c>TPMT phenotype is poor metabolizer</c>.</summary>
    public string Logic { get; init; } = string.Empty;
}
