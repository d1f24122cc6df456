using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.Engine;

/// <summary>Whether a rule fires for each matching combination of facts or once per evaluation.</summary>
internal enum FiringMode
{
    /// <summary>Once for each combination of bound facts (the default).</summary>
    PerMatch = 0,

    /// <summary>Once per evaluation, with every matching combination available to the action.</summary>
    Once = 1,
}

/// <summary>A compiled rule: metadata, conditions and action. Immutable.</summary>
internal sealed class RuleDefinition
{
    public RuleDefinition(RuleMetadata metadata, IReadOnlyList<Pattern> patterns, Action<Firing> action, int salience, FiringMode mode)
    {
        Metadata = metadata;
        Patterns = patterns;
        Action = action;
        Salience = salience;
        Mode = mode;
    }

    public RuleMetadata Metadata { get; }

    public IReadOnlyList<Pattern> Patterns { get; }

    public Action<Firing> Action { get; }

    /// <summary>Higher fires first.</summary>
    public int Salience { get; }

    public FiringMode Mode { get; }

    /// <summary>Position in the compiled agenda order (set when compiled).</summary>
    public int Order { get; set; }

    /// <summary>The distinct fact-store indexes this rule's patterns read (set when compiled).</summary>
    public int[] TypeIndexes { get; set; } = Array.Empty<int>();

    /// <summary>
    /// The fact-store indexes of the types the rule needs at least one fact of (its Match and Exists patterns; set when
    /// compiled). While one of them has no fact, the rule cannot match.
    /// </summary>
    public int[] RequiredTypeIndexes { get; set; } = Array.Empty<int>();
}
