using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Findings;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// How a rule's metadata travels inside its NRules definition, so a host that sees only the definitions sees it all:
/// name = rule id, description = title, priority = salience, tags = topic and kind, properties = the rest (keys
/// below, each prefixed <c>imuran.</c>).
/// </summary>
public static class RuleProperties
{
    /// <summary>The rule's version (<see cref="int"/>).</summary>
    public const string Version = "imuran.version";

    /// <summary>The severity of its findings (<see cref="Findings.Severity"/>).</summary>
    public const string Severity = "imuran.severity";

    /// <summary>Caution or monitoring (<see cref="FindingKind"/>).</summary>
    public const string Kind = "imuran.kind";

    /// <summary>The topic id (<see cref="string"/>), also a tag.</summary>
    public const string Topic = "imuran.topic";

    /// <summary>Further topics the findings belong to (<see cref="IReadOnlyList{T}"/> of <see cref="string"/>), also tags.</summary>
    public const string RelatedTopics = "imuran.relatedTopics";

    /// <summary>The trigger in plain words (<see cref="string"/>).</summary>
    public const string Logic = "imuran.logic";

    /// <summary>The summary template (<see cref="string"/>, may hold <c>{placeholders}</c>).</summary>
    public const string Summary = "imuran.summary";

    /// <summary>The detail template (<see cref="string"/>).</summary>
    public const string Detail = "imuran.detail";

    /// <summary>What to review (<see cref="string"/>).</summary>
    public const string Review = "imuran.review";

    /// <summary>The sources (<see cref="IReadOnlyList{T}"/> of <see cref="SourceReference"/>).</summary>
    public const string Sources = "imuran.sources";

    /// <summary>Each condition in plain words, in order (<see cref="IReadOnlyList{T}"/> of <see cref="string"/>).</summary>
    public const string Conditions = "imuran.conditions";

    /// <summary><see langword="true"/> for a rule that only derives facts (<see cref="bool"/>).</summary>
    public const string IsDerivation = "imuran.derivation";

    /// <summary>
    /// <see langword="true"/> for a rule that reports missing, stale, unreadable or contradictory data (<see cref="bool"/>),
    /// which no policy may leave out (<see cref="RuleMetadata.ReportsUnknownData"/>).
    /// </summary>
    public const string ReportsUnknownData = "imuran.reportsUnknownData";

    /// <summary>The tag of a rule that derives facts and raises no finding.</summary>
    public const string DerivationTag = "derivation";

    /// <summary>Reads a rule's metadata back from its definition.</summary>
    /// <exception cref="ArgumentException">The definition was not made by this library (a property is missing).</exception>
    public static RuleMetadata Read(IRuleDefinition definition)
    {
        if (definition is null)
        {
            throw new ArgumentNullException(nameof(definition));
        }

        // A definition made by this library's builder: the one metadata instance its action raises findings with.
        if (ActionOf(definition) is { } action)
        {
            return action.Metadata;
        }

        var p = definition.Properties;
        T Get<T>(string key) => p.TryGetProperty(key, out var property) && property.Value is T value
            ? value
            : throw new ArgumentException($"Rule {definition.Name}: the definition has no '{key}' property of type {typeof(T).Name}; it was not built by Imuran.ClinicalRules.", nameof(definition));

        return new RuleMetadata
        {
            Id = definition.Name,
            Title = definition.Description,
            Version = Get<int>(Version),
            Topic = Get<string>(Topic),
            RelatedTopics = Get<IReadOnlyList<string>>(RelatedTopics),
            Kind = Get<FindingKind>(Kind),
            Severity = Get<Severity>(Severity),
            Logic = Get<string>(Logic),
            Summary = Get<string>(Summary),
            Detail = Get<string>(Detail),
            Review = Get<string>(Review),
            Sources = Get<IReadOnlyList<SourceReference>>(Sources),
            Conditions = Get<IReadOnlyList<string>>(Conditions),
            IsDerivation = Get<bool>(IsDerivation),
            ReportsUnknownData = Get<bool>(ReportsUnknownData),
        };
    }

    /// <summary>Whether a definition was made by this library (it carries the metadata properties).</summary>
    public static bool IsClinicalRule(IRuleDefinition definition) => definition is not null && definition.Properties.TryGetProperty(Severity, out _);

    internal static IEnumerable<string> TagsOf(RuleMetadata m) =>
        m.IsDerivation
            ? new[] { DerivationTag }
            : new[] { m.Topic }.Concat(m.RelatedTopics).Append(m.Kind == FindingKind.Caution ? "caution" : "monitoring");

    internal static IEnumerable<RuleProperty> Of(RuleMetadata m) => new[]
    {
        new RuleProperty(Version, m.Version),
        new RuleProperty(Severity, m.Severity),
        new RuleProperty(Kind, m.Kind),
        new RuleProperty(Topic, m.Topic),
        new RuleProperty(RelatedTopics, m.RelatedTopics),
        new RuleProperty(Logic, m.Logic),
        new RuleProperty(Summary, m.Summary),
        new RuleProperty(Detail, m.Detail),
        new RuleProperty(Review, m.Review),
        new RuleProperty(Sources, m.Sources),
        new RuleProperty(Conditions, m.Conditions),
        new RuleProperty(IsDerivation, m.IsDerivation),
        new RuleProperty(ReportsUnknownData, m.ReportsUnknownData),
    };

    /// <summary>The action a definition made by this library runs (read from its right-hand side).</summary>
    internal static RuleAction? ActionOf(IRuleDefinition definition) =>
        definition.RightHandSide.Actions.Count == 1
        && definition.RightHandSide.Actions[0].Expression.Body is System.Linq.Expressions.MethodCallExpression call
        && call.Object is System.Linq.Expressions.ConstantExpression { Value: RuleAction action }
            ? action
            : null;
}
