using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Imuran.ClinicalRules.Internal;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// The compiled executor's form of a rule set: it reads the NRules definitions (it has no rule model of its own),
/// compiles each pattern's condition expressions into one test over the fact and the facts bound so far, and orders
/// the rules for its agenda. Immutable after <see cref="Compile"/>; thread-safe: every evaluation gets its own
/// <see cref="Session"/>.
/// </summary>
internal sealed class CompiledRules
{
    private readonly Dictionary<Type, int> _typeIndex;

    private CompiledRules(CompiledRule[] rules, Dictionary<Type, int> typeIndex, int[][] rulesByType)
    {
        Rules = rules;
        _typeIndex = typeIndex;
        RulesByType = rulesByType;
    }

    /// <summary>Rules in agenda order: priority (high first), then id. An array: the session's agenda loop indexes it for every rule.</summary>
    public CompiledRule[] Rules { get; }

    /// <summary>For each fact-store index, the agenda positions of the rules that read that type.</summary>
    public int[][] RulesByType { get; }

    public int TypeCount => _typeIndex.Count;

    public int TypeIndexOf(Type type) => _typeIndex.TryGetValue(type, out var i) ? i : -1;

    /// <summary>Compiles validated definitions made by this library's builder.</summary>
    /// <exception cref="RuleSetValidationException">A definition uses an element this executor does not run; the message names the rule.</exception>
    public static CompiledRules Compile(IEnumerable<IRuleDefinition> definitions)
    {
        var ordered = definitions
            .OrderByDescending(d => d.Priority)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select(CompiledRule.From)
            .ToArray();

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

/// <summary>One rule as the compiled executor runs it, read from its NRules definition.</summary>
internal sealed class CompiledRule
{
    private CompiledRule(IRuleDefinition definition, RuleMetadata metadata, Pattern[] patterns, RuleAction action, int[] boundSlots)
    {
        Definition = definition;
        Metadata = metadata;
        Patterns = patterns;
        Action = action;
        BoundSlots = boundSlots;
        Salience = definition.Priority;
        NonRepeatable = definition.Repeatability == RuleRepeatability.NonRepeatable;
    }

    public IRuleDefinition Definition { get; }

    public RuleMetadata Metadata { get; }

    /// <summary>The rule's patterns in order. An array: the session indexes it for every fact it tests.</summary>
    public Pattern[] Patterns { get; }

    public RuleAction Action { get; }

    /// <summary>The pattern positions of the rule's declarations, in order (what the action is called with).</summary>
    public int[] BoundSlots { get; }

    /// <summary>Higher fires first.</summary>
    public int Salience { get; }

    /// <summary>Fires once per combination of its per-fact declarations, however its collections grow.</summary>
    public bool NonRepeatable { get; }

    /// <summary>Position in the compiled agenda order (set when compiled).</summary>
    public int Order { get; set; }

    /// <summary>The distinct fact-store indexes this rule's patterns read (set when compiled).</summary>
    public int[] TypeIndexes { get; set; } = Array.Empty<int>();

    /// <summary>The fact-store indexes of the types the rule needs at least one fact of (its Match, Exists and Collect patterns).</summary>
    public int[] RequiredTypeIndexes { get; set; } = Array.Empty<int>();

    public static CompiledRule From(IRuleDefinition definition)
    {
        var metadata = RuleProperties.Read(definition);
        var action = RuleProperties.ActionOf(definition)
            ?? throw new RuleSetValidationException(definition.Name, "the compiled executor runs only actions made by this library's rule builder.");
        var elements = definition.LeftHandSide.ChildElements.ToList();
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var bound = new List<int>();
        var patterns = new Pattern[elements.Count];
        for (var i = 0; i < elements.Count; i++)
        {
            var description = i < metadata.Conditions.Count ? metadata.Conditions[i] : string.Empty;
            patterns[i] = elements[i] switch
            {
                PatternElement { Source: null } pe => Pattern.Single(PatternMode.Match, pe, description, slotOf),
                PatternElement { Source: AggregateElement { Name: AggregateElement.CollectName } ae } pe => Pattern.Collection(pe, ae.Source, description, slotOf),
                NotElement { Source: PatternElement pe } => Pattern.Single(PatternMode.Not, pe, description, slotOf),
                ExistsElement { Source: PatternElement pe } => Pattern.Single(PatternMode.Exists, pe, description, slotOf),
                var other => throw new RuleSetValidationException(definition.Name, $"the compiled executor does not run a {other.ElementType} element."),
            };

            if (elements[i] is PatternElement bind)
            {
                slotOf[bind.Declaration.Name] = i;
                bound.Add(i);
            }
        }

        return new CompiledRule(definition, metadata, patterns, action, bound.ToArray());
    }
}

/// <summary>One condition of a rule: a fact type and a compiled test, possibly joined to earlier declarations.</summary>
internal sealed class Pattern
{
    private static readonly Func<object, object?[], bool> Always = (_, _) => true;

    /// <summary>
    /// Each pattern element's compiled test, made once per process: definitions are immutable, and a test depends only
    /// on its element and the rule's declarations, so every rule set built from the same definitions shares it.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PatternElement, Func<object, object?[], bool>> Tests = new();

    /// <summary>A factory of empty <c>List&lt;T&gt;</c> per collected fact type, made once per process.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<IList>> ListFactories = new();

    private readonly Func<object, object?[], bool> _test;
    private readonly Func<object, object?[], bool> _collectionTest;
    private readonly Func<IList>? _newList;

    private Pattern(Type factType, PatternMode mode, string description, Func<object, object?[], bool> test, Func<object, object?[], bool>? collectionTest, Func<IList>? newList)
    {
        FactType = factType;
        Mode = mode;
        Description = description;
        _test = test;
        _collectionTest = collectionTest ?? Always;
        _newList = newList;
    }

    public Type FactType { get; }

    public PatternMode Mode { get; }

    public string Description { get; }

    /// <summary>Set when the rule set is compiled: the index of <see cref="FactType"/> in the session's fact store.</summary>
    public int TypeIndex { get; set; } = -1;

    public bool Test(object fact, object?[] slots) => _test(fact, slots);

    /// <summary>For a collection: whether the collected facts satisfy the collection's own conditions.</summary>
    public bool TestCollection(IList collected, object?[] slots) => _collectionTest(collected, slots);

    /// <summary>For a collection: a new empty list that is an <c>IEnumerable&lt;T&gt;</c> of the fact type.</summary>
    public IList NewList() => _newList!();

    public static Pattern Single(PatternMode mode, PatternElement element, string description, IReadOnlyDictionary<string, int> slotOf) =>
        new(element.ValueType, mode, description, CompileTest(element, slotOf), null, null);

    public static Pattern Collection(PatternElement collection, PatternElement item, string description, IReadOnlyDictionary<string, int> slotOf)
    {
        var newList = ListFactories.GetOrAdd(item.ValueType, t => Expression.Lambda<Func<IList>>(Expression.Convert(Expression.New(typeof(List<>).MakeGenericType(t)), typeof(IList))).Compile());
        return new(item.ValueType, PatternMode.Collect, description, CompileTest(item, slotOf), CompileTest(collection, slotOf), newList);
    }

    /// <summary>
    /// The pattern's conditions as one delegate over the fact and the bound slots: the lambda parameter named like the
    /// pattern's declaration is the fact; every other parameter is the earlier declaration of that name.
    /// </summary>
    private static Func<object, object?[], bool> CompileTest(PatternElement element, IReadOnlyDictionary<string, int> slotOf)
    {
        // A race compiles a test twice; both are the same function, and the table keeps one.
        return Tests.GetValue(element, e => CompileNew(e, slotOf));
    }

    private static Func<object, object?[], bool> CompileNew(PatternElement element, IReadOnlyDictionary<string, int> slotOf)
    {
        var conditions = element.Expressions.Where(e => e.Name == PatternElement.ConditionName).Select(e => e.Expression).ToList();
        if (conditions.Count == 0)
        {
            return Always;
        }

        var fact = Expression.Parameter(typeof(object), "fact");
        var slots = Expression.Parameter(typeof(object?[]), "slots");
        Expression? body = null;
        foreach (var condition in conditions)
        {
            var rewritten = condition.Body;
            foreach (var parameter in condition.Parameters)
            {
                Expression value = parameter.Name == element.Declaration.Name
                    ? Expression.Convert(fact, parameter.Type)
                    : Expression.Convert(Expression.ArrayIndex(slots, Expression.Constant(slotOf[parameter.Name!])), parameter.Type);
                rewritten = new ParameterReplacer(parameter, value).Visit(rewritten);
            }

            body = body is null ? rewritten : Expression.AndAlso(body, rewritten);
        }

        var lambda = Expression.Lambda<Func<object, object?[], bool>>(body!, fact, slots);
#if NET8_0_OR_GREATER
        return FastExpressionCompiler.ExpressionCompiler.CompileFast(lambda, ifFastFailedReturnNull: true) ?? lambda.Compile();
#else
        return lambda.Compile();
#endif
    }
}
