using System;
using System.Collections.Generic;
using System.Linq;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// An immutable, validated set of rules in agenda order, with its fact-type index. Thread-safe: every evaluation
/// gets its own <see cref="Session"/>.
/// </summary>
internal sealed class CompiledRules
{
    private readonly Dictionary<Type, int> _typeIndex;

    private CompiledRules(RuleDefinition[] rules, Dictionary<Type, int> typeIndex, int[][] rulesByType)
    {
        Rules = rules;
        _typeIndex = typeIndex;
        RulesByType = rulesByType;
    }

    /// <summary>Rules in agenda order: salience (high first), then id.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; }

    /// <summary>For each fact-store index, the agenda positions of the rules that read that type.</summary>
    public int[][] RulesByType { get; }

    public int TypeCount => _typeIndex.Count;

    public int TypeIndexOf(Type type) => _typeIndex.TryGetValue(type, out var i) ? i : -1;

    /// <summary>Validates and compiles <paramref name="rules"/>.</summary>
    /// <exception cref="RuleSetValidationException">A rule breaks a rule-set invariant; the message names it.</exception>
    public static CompiledRules Compile(IEnumerable<RuleDefinition> rules, RuleSetPolicy policy)
    {
        var ordered = rules
            .OrderByDescending(r => r.Salience)
            .ThenBy(r => r.Metadata.Id, StringComparer.Ordinal)
            .ToArray();
        RuleSetValidator.Validate(ordered, policy);

        var typeIndex = new Dictionary<Type, int>();
        var byType = new List<List<int>>();
        for (var r = 0; r < ordered.Length; r++)
        {
            var rule = ordered[r];
            rule.Order = r;
            var indexes = new List<int>();
            var required = new List<int>();
            foreach (var p in rule.Patterns)
            {
                if (!typeIndex.TryGetValue(p.FactType, out var ti))
                {
                    ti = typeIndex.Count;
                    typeIndex.Add(p.FactType, ti);
                    byType.Add(new List<int>());
                }

                p.TypeIndex = ti;
                if (p.Mode != PatternMode.Not && !required.Contains(ti))
                {
                    required.Add(ti);
                }

                if (!indexes.Contains(ti))
                {
                    indexes.Add(ti);
                    byType[ti].Add(r);
                }
            }

            rule.TypeIndexes = indexes.ToArray();
            rule.RequiredTypeIndexes = required.ToArray();
        }

        return new CompiledRules(ordered, typeIndex, byType.Select(l => l.ToArray()).ToArray());
    }
}
