using System.Collections.Generic;
using System.Text;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// What a rule's action sees when it fires: ways to insert derived facts and raise the rule's finding. The facts it
/// matched come to the action as its parameters, bound by declaration name.
/// </summary>
internal sealed class Firing : IFactSink
{
    /// <summary>The rule of a firing that is not running one (a session between firings): shared, never changed.</summary>
    internal static readonly RuleMetadata NoRule = new();

    private IFiringHost _host;
    private object?[] _facts;

    public Firing(IFiringHost host, RuleMetadata rule, object?[] facts)
    {
        _host = host;
        Rule = rule;
        _facts = facts;
    }

    public RuleMetadata Rule { get; private set; }

    /// <summary>Reuses this firing for another rule firing on the same host.</summary>
    internal void Reset(RuleMetadata rule, object?[] facts)
    {
        Rule = rule;
        _facts = facts;
    }

    /// <summary>Inserts a derived fact; later rules in this evaluation match it.</summary>
    public void Insert(object fact) => _host.Insert(fact);

    /// <summary>Raises the rule's finding with this basis.</summary>
    public Finding Raise(IReadOnlyList<BasisFact> basis) => Raise(basis, null);

    /// <summary>Raises the rule's finding with this basis, filling <c>{name}</c> placeholders in its texts.</summary>
    /// <remarks>
    /// The finding takes over a basis array or list the action made for it (it is wrapped, not copied), so the action
    /// must not change it afterwards.
    /// </remarks>
    public Finding Raise(IReadOnlyList<BasisFact> basis, IReadOnlyList<KeyValuePair<string, string>>? values) =>
        Raise(basis, new Pairs(values));

    /// <summary>Raises the rule's finding with this basis, filling the <c>{name}</c> placeholder (no list of values is made).</summary>
    public Finding Raise(IReadOnlyList<BasisFact> basis, string name, string value) =>
        Raise(basis, new Pairs(name, value));

    /// <summary>Raises the rule's finding with this basis, filling two placeholders in turn (no list of values is made).</summary>
    public Finding Raise(IReadOnlyList<BasisFact> basis, string name, string value, string name2, string value2) =>
        Raise(basis, new Pairs(name, value, name2, value2));

    private Finding Raise(IReadOnlyList<BasisFact> basis, in Pairs values)
    {
        var m = Rule;
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
        _host.AddFinding(finding, _facts);
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
    internal static string Fill(string template, IReadOnlyList<KeyValuePair<string, string>>? values) => Fill(template, new Pairs(values));

    /// <summary>As <see cref="Fill(string, IReadOnlyList{KeyValuePair{string, string}}?)"/>, with one or two values given directly.</summary>
    internal static string Fill(string template, string name, string value, string? name2 = null, string? value2 = null) =>
        Fill(template, name2 is null ? new Pairs(name, value) : new Pairs(name, value, name2, value2 ?? string.Empty));

    private static string Fill(string template, in Pairs values)
    {
        if (values.Count == 0 || template.IndexOf('{') < 0)
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
            var pair = values[v];
            var key = Placeholders.Of(pair.Key);
            var value = pair.Value ?? string.Empty;
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

    /// <summary>The placeholder values of one finding: a caller's list, or one or two pairs held without a list.</summary>
    private readonly struct Pairs
    {
        private readonly IReadOnlyList<KeyValuePair<string, string>>? _list;
        private readonly KeyValuePair<string, string> _first;
        private readonly KeyValuePair<string, string> _second;

        public Pairs(IReadOnlyList<KeyValuePair<string, string>>? list)
        {
            _list = list;
            _first = default;
            _second = default;
            Count = list?.Count ?? 0;
        }

        public Pairs(string name, string value)
        {
            _list = null;
            _first = new KeyValuePair<string, string>(name, value);
            _second = default;
            Count = 1;
        }

        public Pairs(string name, string value, string name2, string value2)
        {
            _list = null;
            _first = new KeyValuePair<string, string>(name, value);
            _second = new KeyValuePair<string, string>(name2, value2);
            Count = 2;
        }

        public int Count { get; }

        public KeyValuePair<string, string> this[int index] => _list is not null ? _list[index] : index == 0 ? _first : _second;
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
