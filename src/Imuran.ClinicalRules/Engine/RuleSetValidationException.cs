using System;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Engine;

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
