using Imuran.ClinicalRules.Engine;

namespace Imuran.ClinicalRules;

/// <summary>Per-evaluation options.</summary>
public sealed record EvaluationOptions
{
    /// <summary>
    /// Receives engine events (facts inserted, rules fired, conditions tested) for tracing and coverage. Conditions
    /// tested are reported by the <see cref="RuleEngine.Compiled"/> executor only: NRules shares conditions between
    /// rules and reports nothing for a negated or existential condition.
    /// </summary>
    public IRuleEventListener? Listener { get; init; }
}
