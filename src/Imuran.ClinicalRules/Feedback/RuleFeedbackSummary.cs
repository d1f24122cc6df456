using System.Collections.Generic;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Feedback;

/// <summary>Clinician feedback for one rule: cards accepted and overridden, and the coded override reasons. Immutable.</summary>
public sealed record RuleFeedbackSummary
{
    private IReadOnlyList<OverrideReasonCount> _reasons = ReadOnly.Empty<OverrideReasonCount>();

    /// <summary>The rule id (or <see cref="ClinicianFeedbackExport.UnknownRule"/>, or a host's card code such as <c>INPUT-INVALID</c>).</summary>
    public string RuleId { get; init; } = string.Empty;

    /// <summary>Cards accepted.</summary>
    public int Accepted { get; init; }

    /// <summary>Cards overridden (with or without a reason).</summary>
    public int Overridden { get; init; }

    /// <summary>Coded override reasons, most given first (then by system and code). Their counts add up to at most <see cref="Overridden"/>.</summary>
    public IReadOnlyList<OverrideReasonCount> OverrideReasons { get => _reasons; init => _reasons = ReadOnly.Copy(value); }

    /// <summary>Overridden cards as a share of all cards with feedback, 0 to 1; null when there is no feedback.</summary>
    /// <remarks>Summed as 64-bit numbers: two counts near <see cref="int.MaxValue"/> overflowed (stop 28: "-107374182350.0 %").</remarks>
    public double? OverrideRate => (long)Accepted + Overridden == 0 ? null : (double)Overridden / ((long)Accepted + Overridden);
}
