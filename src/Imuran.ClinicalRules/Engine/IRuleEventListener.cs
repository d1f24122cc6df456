using System.Collections.Generic;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// Receives the engine's events during one evaluation, for explanation, tracing and coverage. Called on the
/// evaluating thread only; an implementation shared across concurrent evaluations must be thread-safe itself.
/// </summary>
public interface IRuleEventListener
{
    /// <summary>A fact entered the session (input facts and facts derived by rules).</summary>
    void FactInserted(object fact);

    /// <summary>A rule fired with these facts.</summary>
    void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts);

    /// <summary>
    /// A rule's condition was tested: <paramref name="holds"/> says whether it held (for a negated condition,
    /// whether no fact contradicted it).
    /// </summary>
    void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds);
}
