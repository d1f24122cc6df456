using System.Collections.Generic;
using System.Text;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Engine;

/// <summary>What a rule's action sees when it fires: the bound facts, and ways to insert facts and raise findings.</summary>
internal sealed class Firing
{
    private readonly Session _session;

    public Firing(Session session) => _session = session;

    public RuleDefinition Rule { get; private set; } = null!;

    /// <summary>The bound facts by pattern position (unbound positions are null).</summary>
    public object?[] Slots { get; private set; } = System.Array.Empty<object?>();

    /// <summary>For a rule that fires once: every matching combination. Otherwise the one combination.</summary>
    public IReadOnlyList<object?[]> Matches { get; private set; } = System.Array.Empty<object?[]>();

    internal void Reset(RuleDefinition rule, object?[] slots, IReadOnlyList<object?[]> matches)
    {
        Rule = rule;
        Slots = slots;
        Matches = matches;
    }

    /// <summary>The fact bound at pattern <paramref name="index"/>.</summary>
    public T Get<T>(int index) => (T)Slots[index]!;

    /// <summary>Inserts a derived fact; later rules in this evaluation match it.</summary>
    public void Insert(object fact) => _session.Insert(fact);

    /// <summary>Raises the rule's finding with this basis.</summary>
    public Finding Raise(IReadOnlyList<BasisFact> basis) => Raise(basis, null);

    /// <summary>Raises the rule's finding with this basis, filling <c>{name}</c> placeholders in its texts.</summary>
    public Finding Raise(IReadOnlyList<BasisFact> basis, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        var m = Rule.Metadata;
        var finding = new Finding
        {
            RuleId = m.Id,
            Kind = m.Kind,
            Severity = m.Severity,
            Topic = m.Topic,
            Summary = Fill(m.Summary, values),
            Detail = Fill(m.Detail, values),
            Review = m.Review,
            Basis = new FindingBasis { Facts = basis, Logic = m.Logic },
            Sources = m.Sources,
        };
        _session.AddFinding(finding);
        return finding;
    }

    private static string Fill(string template, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        if (values is null || values.Count == 0 || template.IndexOf('{') < 0)
        {
            return template;
        }

        var sb = new StringBuilder(template);
        for (var i = 0; i < values.Count; i++)
        {
            sb.Replace("{" + values[i].Key + "}", values[i].Value);
        }

        return sb.ToString();
    }
}
