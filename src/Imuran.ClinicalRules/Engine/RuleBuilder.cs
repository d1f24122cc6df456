using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Imuran.ClinicalRules.Findings;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// The authoring syntax: metadata as data, then conditions (<c>Match</c>, <c>Not</c>, <c>Exists</c>, <c>Collect</c>),
/// then the action. It emits NRules' canonical rule model (<see cref="IRuleDefinition"/>), built with
/// NRules.RuleModel's builders: the rule id is the definition's name, the title its description, the salience its
/// priority, the topic and kind its tags, and the rest of the metadata its properties (<see cref="RuleProperties"/>).
/// </summary>
/// <remarks>
/// Conditions are expressions. A lambda's first parameter is the fact the pattern binds, and its name is the
/// pattern's declaration; further parameters name facts bound by earlier patterns, so a join says what it reads:
/// <c>.Match&lt;LabFact, PatientContext&gt;("…", (lab, patient) =&gt; …)</c>. An action's parameters after the
/// <see cref="Firing"/> are bound the same way, by declaration name (or, when no declaration has that name, by being
/// the only declaration of its type). Every name is checked when the rule is built; a rule that breaks a check
/// throws <see cref="RuleSetValidationException"/> naming it.
/// </remarks>
internal sealed class RuleBuilder
{
    /// <summary>The name of an action's <see cref="IContext"/> parameter; no declaration may use it.</summary>
    internal const string ContextName = "context";

    private readonly List<PatternDraft> _patterns = new();
    private readonly List<SourceReference> _sources = new();
    private readonly List<string> _relatedTopics = new();
    private readonly string _id;
    private string _title = string.Empty;
    private string _topic = string.Empty;
    private FindingKind _kind = FindingKind.Caution;
    private Severity _severity = Severity.Info;
    private string _logic = string.Empty;
    private string _summary = string.Empty;
    private string _detail = string.Empty;
    private string _review = string.Empty;
    private int _version = 1;
    private int _salience;
    private bool _derivation;
    private bool _reportsUnknownData;

    public RuleBuilder(string id) => _id = id;

    public static RuleBuilder Rule(string id) => new(id);

    public RuleBuilder Title(string title) { _title = title; return this; }

    public RuleBuilder Topic(string topic) { _topic = topic; return this; }

    /// <summary>A further topic the rule's findings belong to (a host routing by it finds them too).</summary>
    public RuleBuilder AlsoTopic(string topic) { _relatedTopics.Add(topic); return this; }

    public RuleBuilder Caution(Severity severity) { _kind = FindingKind.Caution; _severity = severity; return this; }

    public RuleBuilder Monitoring(Severity severity) { _kind = FindingKind.Monitoring; _severity = severity; return this; }

    public RuleBuilder Logic(string logic) { _logic = logic; return this; }

    public RuleBuilder Summary(string summary) { _summary = summary; return this; }

    public RuleBuilder Detail(string detail) { _detail = detail; return this; }

    public RuleBuilder Review(string review) { _review = review; return this; }

    public RuleBuilder Version(int version) { _version = version; return this; }

    /// <summary>The NRules priority: higher fires first.</summary>
    public RuleBuilder Salience(int salience) { _salience = salience; return this; }

    /// <summary>Marks a rule that only derives facts for other rules and raises no finding.</summary>
    public RuleBuilder Derivation() { _derivation = true; return this; }

    /// <summary>The rule reports missing, stale, unreadable or contradictory data: no policy may leave it out.</summary>
    public RuleBuilder ReportsUnknownData() { _reportsUnknownData = true; return this; }

    public RuleBuilder Source(string document, string section, Confidence confidence, string? note = null)
    {
        _sources.Add(new SourceReference(document, section, confidence, note));
        return this;
    }

    /// <summary>Binds each fact of type <typeparamref name="T"/> that passes <paramref name="test"/>; the rule fires per match.</summary>
    /// <param name="description">The condition in plain words.</param>
    /// <param name="test">The test; its parameter's name is the declaration. Without a test every fact matches and the declaration is named after the type.</param>
    public RuleBuilder Match<T>(string description, Expression<Func<T, bool>>? test = null)
        where T : class
        => Add(PatternMode.Match, typeof(T), description, test);

    /// <summary>Binds each fact of type <typeparamref name="T"/> that passes a test joined to an earlier declaration.</summary>
    public RuleBuilder Match<T, T1>(string description, Expression<Func<T, T1, bool>> test)
        where T : class
        => Add(PatternMode.Match, typeof(T), description, test);

    /// <summary>Binds each fact of type <typeparamref name="T"/> that passes a test joined to two earlier declarations.</summary>
    public RuleBuilder Match<T, T1, T2>(string description, Expression<Func<T, T1, T2, bool>> test)
        where T : class
        => Add(PatternMode.Match, typeof(T), description, test);

    /// <summary>Holds when no fact of type <typeparamref name="T"/> passes <paramref name="test"/>; binds nothing.</summary>
    public RuleBuilder Not<T>(string description, Expression<Func<T, bool>>? test = null)
        where T : class
        => Add(PatternMode.Not, typeof(T), description, test);

    /// <summary>Holds when no fact of type <typeparamref name="T"/> passes a test joined to an earlier declaration.</summary>
    public RuleBuilder Not<T, T1>(string description, Expression<Func<T, T1, bool>> test)
        where T : class
        => Add(PatternMode.Not, typeof(T), description, test);

    /// <summary>Holds when at least one fact of type <typeparamref name="T"/> passes <paramref name="test"/>; binds nothing.</summary>
    public RuleBuilder Exists<T>(string description, Expression<Func<T, bool>>? test = null)
        where T : class
        => Add(PatternMode.Exists, typeof(T), description, test);

    /// <summary>
    /// Collects every fact of type <typeparamref name="T"/> that passes <paramref name="test"/> into one
    /// <see cref="IEnumerable{T}"/>, and holds when there is at least one. The collection is declared in the plural of
    /// the test's parameter (<c>lab =&gt; …</c> declares <c>labs</c>), or of the type's name without a test. A rule with a collection fires once for
    /// each combination of its other declarations (NRules has no "once": an aggregate, and the rule is made
    /// non-repeatable so a growing collection does not fire it again).
    /// </summary>
    public RuleBuilder Collect<T>(string description, Expression<Func<T, bool>>? test = null)
        where T : class
        => Add(PatternMode.Collect, typeof(T), description, test);

    /// <summary>Collects the facts that pass a test joined to an earlier declaration (see <see cref="Collect{T}(string, Expression{Func{T, bool}}?)"/>).</summary>
    public RuleBuilder Collect<T, T1>(string description, Expression<Func<T, T1, bool>> test)
        where T : class
        => Add(PatternMode.Collect, typeof(T), description, test);

    /// <summary>Finishes the rule with an action that reads no declaration.</summary>
    public IRuleDefinition Then(Action<Firing> action) => Build(action.Method, _ => (f, _) => action(f));

    /// <summary>Finishes the rule with an action that reads one declaration, bound by its parameter's name.</summary>
    public IRuleDefinition Then<T1>(Action<Firing, T1> action) =>
        Build(action.Method, b => (f, a) => action(f, (T1)a[b[0]]!));

    /// <summary>Finishes the rule with an action that reads two declarations, bound by their parameters' names.</summary>
    public IRuleDefinition Then<T1, T2>(Action<Firing, T1, T2> action) =>
        Build(action.Method, b => (f, a) => action(f, (T1)a[b[0]]!, (T2)a[b[1]]!));

    /// <summary>Finishes the rule with an action that reads three declarations, bound by their parameters' names.</summary>
    public IRuleDefinition Then<T1, T2, T3>(Action<Firing, T1, T2, T3> action) =>
        Build(action.Method, b => (f, a) => action(f, (T1)a[b[0]]!, (T2)a[b[1]]!, (T3)a[b[2]]!));

    /// <summary>The declaration name of a pattern written without a test: the type's name in camel case, without a <c>Fact</c> or <c>Context</c> suffix.</summary>
    internal static string DefaultName(Type type)
    {
        var name = type.Name;
        foreach (var suffix in new[] { "Fact", "Context" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
            }
        }

        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private RuleBuilder Add(PatternMode mode, Type type, string description, LambdaExpression? test)
    {
        // A collection is declared in the plural of its item: Collect<LabFact>(…, lab => …) declares "labs".
        var item = test?.Parameters[0].Name ?? DefaultName(type);
        _patterns.Add(new PatternDraft(mode, type, mode == PatternMode.Collect ? item + "s" : item, item, description, test));
        return this;
    }

    private IRuleDefinition Build(MethodInfo method, Func<int[], Action<Firing, object?[]>> invoker)
    {
        var metadata = new RuleMetadata
        {
            Id = _id,
            Version = _version,
            Title = _title,
            Topic = _topic,
            RelatedTopics = _relatedTopics,
            Kind = _kind,
            Severity = _severity,
            Logic = _logic,
            Summary = _summary,
            Detail = _detail,
            Review = _review,
            Sources = _sources,
            Conditions = _patterns.ConvertAll(p => p.Description),
            IsDerivation = _derivation,
            ReportsUnknownData = _reportsUnknownData,
        };

        if (_patterns.Count == 0)
        {
            throw Invalid("the rule has no condition.");
        }

        // Declarations visible to later patterns and to the action: the bound patterns (Match and Collect).
        var declarations = new List<Declaration>();
        var names = new HashSet<string>(StringComparer.Ordinal) { ContextName };
        var lhs = new List<RuleElement>();
        foreach (var p in _patterns)
        {
            if (!names.Add(p.Name))
            {
                throw Invalid($"the declaration name '{p.Name}' is used twice (or is reserved); name each pattern's lambda parameter differently.");
            }

            var boundType = p.Mode == PatternMode.Collect ? typeof(IEnumerable<>).MakeGenericType(p.FactType) : p.FactType;
            CheckJoins(p, declarations);
            switch (p.Mode)
            {
                case PatternMode.Match:
                {
                    var pattern = Pattern(p.FactType, p.Name, p.Test);
                    declarations.Add(pattern.Declaration);
                    lhs.Add(pattern);
                    break;
                }

                case PatternMode.Not:
                    lhs.Add(Element.Not(Pattern(p.FactType, p.Name, p.Test)));
                    break;

                case PatternMode.Exists:
                    lhs.Add(Element.Exists(Pattern(p.FactType, p.Name, p.Test)));
                    break;

                case PatternMode.Collect:
                {
                    if (!names.Add(p.ItemName))
                    {
                        throw Invalid($"the declaration name '{p.ItemName}' is used twice (or is reserved).");
                    }

                    var item = Pattern(p.FactType, p.ItemName, p.Test);
                    var collection = Element.Declaration(boundType, p.Name);
                    var any = typeof(Enumerable).GetMethods().First(m => m.Name == nameof(Enumerable.Any) && m.GetParameters().Length == 1).MakeGenericMethod(p.FactType);
                    var parameter = Expression.Parameter(boundType, p.Name);
                    var nonEmpty = Expression.Lambda(Expression.Call(any, parameter), parameter);
                    var pattern = Element.Pattern(collection, Conditions(nonEmpty), Element.Collect(boundType, item));
                    declarations.Add(collection);
                    lhs.Add(pattern);
                    break;
                }
            }
        }

        // The action: (IContext context, every declaration in order) => RuleAction.Run(context, new object[] { ... }).
        var action = new RuleAction(metadata, invoker(BindAction(method, declarations)));
        var context = Expression.Parameter(typeof(IContext), ContextName);
        var parameters = new List<ParameterExpression> { context };
        parameters.AddRange(declarations.Select(d => Expression.Parameter(d.Type, d.Name)));
        var facts = Expression.NewArrayInit(typeof(object), parameters.Skip(1).Select(p => Expression.Convert(p, typeof(object))));
        var body = Expression.Call(Expression.Constant(action), RuleAction.RunMethod, context, facts);
        var rhs = Element.ActionGroup(Element.Action(Expression.Lambda(body, parameters)));

        var builder = new NRules.RuleModel.Builders.RuleBuilder();
        builder.Name(_id);
        builder.Description(_title);
        builder.Priority(_salience);
        builder.Tags(RuleProperties.TagsOf(metadata));
        builder.Properties(RuleProperties.Of(metadata));
        if (_patterns.Any(p => p.Mode == PatternMode.Collect))
        {
            builder.Repeatability(RuleRepeatability.NonRepeatable);
        }

        builder.LeftHandSide(new GroupBuilder());
        var group = builder.LeftHandSide();
        foreach (var element in lhs)
        {
            switch (element)
            {
                case PatternElement pe: group.Pattern(pe); break;
                case NotElement ne: group.Not(ne); break;
                case ExistsElement ee: group.Exists(ee); break;
            }
        }

        builder.RightHandSide(new ActionGroupBuilder());
        builder.RightHandSide().Action(rhs.Actions[0].Expression);
        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw Invalid("NRules rejected the definition: " + ex.Message);
        }
    }

    /// <summary>Each later parameter of a condition must name an earlier bound declaration of a matching type.</summary>
    private void CheckJoins(PatternDraft p, List<Declaration> declarations)
    {
        if (p.Test is null)
        {
            return;
        }

        foreach (var parameter in p.Test.Parameters.Skip(1))
        {
            var declaration = declarations.FirstOrDefault(d => d.Name == parameter.Name);
            if (declaration is null)
            {
                throw Invalid($"the condition '{p.Description}' reads '{parameter.Name}', which is not an earlier pattern of the rule.");
            }

            if (!parameter.Type.IsAssignableFrom(declaration.Type))
            {
                throw Invalid($"the condition '{p.Description}' reads '{parameter.Name}' as {parameter.Type.Name}, but that pattern binds {declaration.Type.Name}.");
            }
        }
    }

    /// <summary>For each parameter of the action after the <see cref="Firing"/>, the position of the declaration it reads.</summary>
    private int[] BindAction(MethodInfo method, List<Declaration> declarations)
    {
        var parameters = method.GetParameters().Skip(1).ToArray();
        var positions = new int[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var at = declarations.FindIndex(d => d.Name == parameter.Name && parameter.ParameterType.IsAssignableFrom(d.Type));
            if (at < 0)
            {
                var ofType = declarations.Select((d, index) => (d, index)).Where(x => parameter.ParameterType.IsAssignableFrom(x.d.Type)).ToList();
                if (ofType.Count != 1)
                {
                    throw Invalid($"the action reads '{parameter.Name}' ({parameter.ParameterType.Name}), which names no pattern of the rule and is not the only pattern of its type.");
                }

                at = ofType[0].index;
            }

            positions[i] = at;
        }

        return positions;
    }

    private RuleSetValidationException Invalid(string message) => new(_id, message);

    private static PatternElement Pattern(Type type, string name, LambdaExpression? test) =>
        Element.Pattern(type, name, Conditions(test));

    private static KeyValuePair<string, LambdaExpression>[] Conditions(LambdaExpression? test) =>
        test is null ? Array.Empty<KeyValuePair<string, LambdaExpression>>() : new[] { new KeyValuePair<string, LambdaExpression>(PatternElement.ConditionName, test) };

    private sealed record PatternDraft(PatternMode Mode, Type FactType, string Name, string ItemName, string Description, LambdaExpression? Test);
}

/// <summary>How a pattern takes part in a match.</summary>
internal enum PatternMode
{
    /// <summary>Binds each fact that passes the test; the rule fires per combination.</summary>
    Match = 0,

    /// <summary>Holds when no fact passes the test; binds nothing.</summary>
    Not = 1,

    /// <summary>Holds when at least one fact passes; binds nothing (the rule fires once for any number).</summary>
    Exists = 2,

    /// <summary>Binds every fact that passes, as one collection; holds when there is at least one.</summary>
    Collect = 3,
}
