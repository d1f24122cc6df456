using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Engine;

/// <summary>What a rule set must satisfy to build.</summary>
internal sealed class RuleSetPolicy
{
    public static readonly Regex DefaultIdPattern = new("^AZA-[A-Z]{2,5}-[0-9]{3}$", RegexOptions.CultureInvariant);

    public Regex IdPattern { get; init; } = DefaultIdPattern;

    public Func<string, bool> IsKnownTopic { get; init; } = _ => true;

    public int MaxSummaryLength { get; init; } = 139;

    /// <summary>Returns a description of the first forbidden phrase in a text, or null.</summary>
    public Func<string, string?> FindForbiddenText { get; init; } = _ => null;

    public IReadOnlyCollection<string> RetiredIds { get; init; } = Array.Empty<string>();
}

/// <summary>Thrown when a rule set is built from rules that break its invariants. The message names the rule.</summary>
public sealed class RuleSetValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuleSetValidationException(string ruleId, string message)
        : base($"Rule {ruleId}: {message}")
    {
        RuleId = ruleId;
    }

    /// <summary>The rule concerned.</summary>
    public string RuleId { get; }
}
