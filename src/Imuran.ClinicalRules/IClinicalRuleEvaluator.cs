using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Policy;

namespace Imuran.ClinicalRules;

/// <summary>
/// Evaluates patient facts against the azathioprine rule set. The seam for dependency injection
/// (<c>services.AddImuranClinicalRules()</c> registers it as a singleton). Implementations are thread-safe.
/// </summary>
public interface IClinicalRuleEvaluator
{
    /// <summary>The rule set's id; every result is stamped with it.</summary>
    string Id { get; }

    /// <summary>The rule set's version; every result is stamped with it.</summary>
    string Version { get; }

    /// <summary>The finding rules this evaluator runs, ordered by id (rules left out are not listed).</summary>
    IReadOnlyList<RuleMetadata> Rules { get; }

    /// <summary>Ids of rules left out by options or a site policy; every result lists them.</summary>
    IReadOnlyList<string> DisabledRules { get; }

    /// <summary>The site policy the rule set was built with, or null; every result carries it.</summary>
    PolicyReference? Policy { get; }

    /// <summary>The thresholds the rule set was built with; every result carries them.</summary>
    RuleThresholds Thresholds { get; }

    /// <summary>Validates <paramref name="facts"/> and, when valid, runs every enabled rule.</summary>
    /// <returns>The result; never null. Invalid input comes back as validation problems, not as an exception.</returns>
    EvaluationResult Evaluate(PatientFacts facts, EvaluationOptions? options = null);
}
