using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// The findings of one evaluation and their order, the same on either executor: severity (critical first), then rule
/// id, then the facts the rule fired with, by the order they entered the session (input facts in the order loaded,
/// derived facts as inserted), then the order raised. It does not depend on either engine's agenda order.
/// </summary>
internal sealed class FindingCollector
{
    private readonly Dictionary<object, int> _ordinals = new(ReferenceComparer.Instance);
    private readonly List<Entry> _entries = new();
    private readonly List<int> _keys = new();

    public int Count => _entries.Count;

    /// <summary>Gives <paramref name="fact"/> the next position (facts already seen keep theirs).</summary>
    public void Register(object fact)
    {
#if NET8_0_OR_GREATER
        _ordinals.TryAdd(fact, _ordinals.Count);
#else
        if (!_ordinals.ContainsKey(fact))
        {
            _ordinals.Add(fact, _ordinals.Count);
        }
#endif
    }

    public void Add(Finding finding, object?[] facts)
    {
        // The key (each fact's position) goes into one shared list; the entry keeps where it starts.
        var start = _keys.Count;
        for (var i = 0; i < facts.Length; i++)
        {
            _keys.Add(facts[i] is { } f && _ordinals.TryGetValue(f, out var o) ? o : -1);
        }

        _entries.Add(new Entry(finding, start, facts.Length, _entries.Count));
    }

    /// <summary>The findings in their order.</summary>
    public Finding[] Sorted()
    {
        // An insertion sort in place: stable, and quick for the few findings an evaluation raises.
        var entries = _entries;
        for (var i = 1; i < entries.Count; i++)
        {
            var e = entries[i];
            var j = i - 1;
            while (j >= 0 && Precedes(e, entries[j]))
            {
                entries[j + 1] = entries[j];
                j--;
            }

            entries[j + 1] = e;
        }

        var findings = new Finding[entries.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            findings[i] = entries[i].Finding;
        }

        return findings;
    }

    /// <summary>
    /// Sorts findings raised outside a session (the benchmark's hand-written baseline) by severity and rule id only,
    /// keeping the order raised otherwise (a stable sort).
    /// </summary>
    public static void SortByRule(Finding[] findings)
    {
        for (var i = 1; i < findings.Length; i++)
        {
            var f = findings[i];
            var j = i - 1;
            while (j >= 0 && ByRule(f, findings[j]) < 0)
            {
                findings[j + 1] = findings[j];
                j--;
            }

            findings[j + 1] = f;
        }
    }

    /// <summary>Severity (critical first), then rule id: negative when <paramref name="a"/> comes first.</summary>
    private static int ByRule(Finding a, Finding b) =>
        a.Severity != b.Severity ? (a.Severity > b.Severity ? -1 : 1) : string.CompareOrdinal(a.RuleId, b.RuleId);

    public void Clear()
    {
        _ordinals.Clear();
        _entries.Clear();
        _keys.Clear();
    }

    private bool Precedes(Entry a, Entry b)
    {
        var byRule = ByRule(a.Finding, b.Finding);
        if (byRule != 0)
        {
            return byRule < 0;
        }

        var n = a.KeyLength < b.KeyLength ? a.KeyLength : b.KeyLength;
        for (var i = 0; i < n; i++)
        {
            var ka = _keys[a.KeyStart + i];
            var kb = _keys[b.KeyStart + i];
            if (ka != kb)
            {
                return ka < kb;
            }
        }

        return false;
    }

    private readonly struct Entry
    {
        public Entry(Finding finding, int keyStart, int keyLength, int sequence)
        {
            Finding = finding;
            KeyStart = keyStart;
            KeyLength = keyLength;
            Sequence = sequence;
        }

        public Finding Finding { get; }

        public int KeyStart { get; }

        public int KeyLength { get; }

        public int Sequence { get; }
    }

    /// <summary>Facts by reference: two equal facts are still two facts.</summary>
    private sealed class ReferenceComparer : IEqualityComparer<object>
    {
        public static readonly ReferenceComparer Instance = new();

        public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

        public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
    }
}
