using System.Collections.Generic;
using System.Text;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Engine;

/// <summary>What a rule's action sees when it fires: the bound facts, and ways to insert facts and raise findings.</summary>
internal sealed class Firing : IFactSink
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
    /// <remarks>
    /// The finding takes over a basis array or list the action made for it (it is wrapped, not copied), so the action
    /// must not change it afterwards.
    /// </remarks>
    public Finding Raise(IReadOnlyList<BasisFact> basis, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        var m = Rule.Metadata;
        var finding = new Finding
        {
            RuleId = m.Id,
            Kind = m.Kind,
            Severity = m.Severity,
            Topic = m.Topic,
            RelatedTopics = m.RelatedTopics,
            Summary = Fill(m.Summary, values),
            Detail = Fill(m.Detail, values),
            Review = m.Review,
            Basis = new FindingBasis { Facts = Own(basis), Logic = m.Logic },
            Sources = m.Sources,
        };
        _session.AddFinding(finding);
        return finding;
    }

    /// <summary>An array or list the action made is wrapped read-only; any other list is copied when the basis is made.</summary>
    private static IReadOnlyList<BasisFact> Own(IReadOnlyList<BasisFact> basis) => basis switch
    {
        BasisFact[] array => ReadOnly.Freeze(array),
        List<BasisFact> list => ReadOnly.Freeze(list),
        _ => basis,
    };

    [System.ThreadStatic]
    private static char[]? t_text;

    [System.ThreadStatic]
    private static char[]? t_spare;

    /// <summary>
    /// Replaces each <c>{key}</c> of <paramref name="values"/>, in the order given, everywhere in the text so far (as
    /// successive <see cref="StringBuilder.Replace(string, string)"/> calls would), in two reused buffers.
    /// </summary>
    internal static string Fill(string template, IReadOnlyList<KeyValuePair<string, string>>? values)
    {
        if (values is null || values.Count == 0 || template.IndexOf('{') < 0)
        {
            return template;
        }

        var text = t_text ??= new char[256];
        var spare = t_spare ??= new char[256];
        if (text.Length < template.Length)
        {
            text = new char[template.Length * 2];
        }

        template.CopyTo(0, text, 0, template.Length);
        var length = template.Length;
        var replaced = false;
        for (var v = 0; v < values.Count; v++)
        {
            var key = Placeholders.Of(values[v].Key);
            var value = values[v].Value ?? string.Empty;
            var at = IndexOf(text, length, key, 0);
            if (at < 0)
            {
                continue;
            }

            replaced = true;
            var written = 0;
            var from = 0;
            while (at >= 0)
            {
                Copy(text, from, at - from, ref spare, ref written);
                Copy(value, ref spare, ref written);
                from = at + key.Length;
                at = IndexOf(text, length, key, from);
            }

            Copy(text, from, length - from, ref spare, ref written);
            (text, spare) = (spare, text);
            length = written;
        }

        var result = replaced ? new string(text, 0, length) : template;
        t_text = text.Length <= 4096 ? text : null;
        t_spare = spare.Length <= 4096 ? spare : null;
        return result;
    }

    private static int IndexOf(char[] text, int length, string key, int from)
    {
        for (var i = from; i <= length - key.Length; i++)
        {
            if (text[i] != key[0])
            {
                continue;
            }

            var k = 1;
            while (k < key.Length && text[i + k] == key[k])
            {
                k++;
            }

            if (k == key.Length)
            {
                return i;
            }
        }

        return -1;
    }

    private static void Copy(char[] source, int start, int count, ref char[] target, ref int written)
    {
        Ensure(ref target, written, written + count);
        System.Array.Copy(source, start, target, written, count);
        written += count;
    }

    private static void Copy(string source, ref char[] target, ref int written)
    {
        Ensure(ref target, written, written + source.Length);
        source.CopyTo(0, target, written, source.Length);
        written += source.Length;
    }

    private static void Ensure(ref char[] buffer, int used, int needed)
    {
        if (needed > buffer.Length)
        {
            var larger = new char[System.Math.Max(needed, buffer.Length * 2)];
            System.Array.Copy(buffer, larger, used);
            buffer = larger;
        }
    }
}
