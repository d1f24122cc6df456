using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// The authoring DSL: metadata as data, then conditions (<c>Match</c>, <c>Not</c>, <c>Exists</c>), then the action.
/// Each condition carries its description in plain words, which the catalogue and coverage reports show.
/// </summary>
internal sealed class RuleBuilder
{
    private readonly List<Pattern> _patterns = new();
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
    private FiringMode _mode = FiringMode.PerMatch;

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

    public RuleBuilder Salience(int salience) { _salience = salience; return this; }

    /// <summary>Marks a rule that only derives facts for other rules and raises no finding.</summary>
    public RuleBuilder Derivation() { _derivation = true; return this; }

    /// <summary>Fires once per evaluation, with every matching combination, instead of once per combination.</summary>
    public RuleBuilder Once() { _mode = FiringMode.Once; return this; }

    public RuleBuilder Source(string document, string section, Confidence confidence, string? note = null)
    {
        _sources.Add(new SourceReference(document, section, confidence, note));
        return this;
    }

    /// <summary>Binds each fact of type <typeparamref name="T"/> that passes <paramref name="test"/>.</summary>
    public RuleBuilder Match<T>(string description, Func<T, bool>? test = null)
        where T : class
        => Add<T>(PatternMode.Match, description, test);

    /// <summary>Binds each fact of type <typeparamref name="T"/> that passes a test joined to earlier bindings.</summary>
    public RuleBuilder Match<T>(string description, Func<T, Bindings, bool> test)
        where T : class
        => Add(PatternMode.Match, description, test);

    /// <summary>Holds when no fact of type <typeparamref name="T"/> passes <paramref name="test"/>.</summary>
    public RuleBuilder Not<T>(string description, Func<T, bool>? test = null)
        where T : class
        => Add<T>(PatternMode.Not, description, test);

    /// <summary>Holds when no fact of type <typeparamref name="T"/> passes a test joined to earlier bindings.</summary>
    public RuleBuilder Not<T>(string description, Func<T, Bindings, bool> test)
        where T : class
        => Add(PatternMode.Not, description, test);

    /// <summary>Holds when at least one fact of type <typeparamref name="T"/> passes <paramref name="test"/>; binds nothing.</summary>
    public RuleBuilder Exists<T>(string description, Func<T, bool>? test = null)
        where T : class
        => Add<T>(PatternMode.Exists, description, test);

    /// <summary>Finishes the rule with its action.</summary>
    public RuleDefinition Then(Action<Firing> action)
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
        };
        return new RuleDefinition(metadata, _patterns.ToArray(), action, _salience, _mode);
    }

    private RuleBuilder Add<T>(PatternMode mode, string description, Func<T, bool>? test)
        where T : class
    {
        _patterns.Add(new Pattern(typeof(T), mode, description, test is null ? AnyFact.Instance : new FactTest<T>(test)));
        return this;
    }

    private RuleBuilder Add<T>(PatternMode mode, string description, Func<T, Bindings, bool> test)
        where T : class
    {
        _patterns.Add(new Pattern(typeof(T), mode, description, new JoinedTest<T>(test)));
        return this;
    }
}
