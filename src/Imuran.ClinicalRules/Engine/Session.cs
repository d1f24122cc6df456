using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// The per-evaluation state: facts by type, the agenda, the findings. Cheap to create; never shared between threads.
/// </summary>
/// <remarks>
/// The compiled executor's session. Semantics, as on NRules: a rule fires once per distinct combination of bound
/// facts (a non-repeatable rule with a collection, once per combination of its other declarations however the
/// collection grows); the agenda picks the highest priority, then the lowest id; facts an action inserts are matched
/// by later firings in the same evaluation, and activations they invalidate (through a negated condition) are
/// withdrawn before they fire. Facts are matched by their exact runtime type.
/// <para>
/// Sessions are pooled, one spare per thread (<see cref="Rent"/>, <see cref="Return"/>): a returned session is reset
/// to the state of a new one, and keeps its arrays and lists, so an evaluation allocates little beyond its facts and
/// findings.
/// </para>
/// </remarks>
internal sealed class Session : IFiringHost
{
    /// <summary>A session with more facts than this of one type gives its list back to the collector on reset.</summary>
    private const int LargestKeptFactList = 256;

    [ThreadStatic]
    private static Session? t_spare;

    private readonly CompiledRules _rules;
    private readonly List<object>?[] _facts;
    private readonly List<object?[]>?[] _pending;
    private readonly List<object?[]>?[] _fired;
    private readonly bool[] _dirty;
    private readonly bool[] _faulted;
    private readonly int[] _fireCounts;
    private readonly Firing _firing;
    private readonly FindingCollector _findings = new();
    private readonly int _findingFactType;

    // Reused storage: a scratch binding array per pattern count, spare binding arrays by length, and the match lists
    // handed to actions.
    private readonly object?[][] _scratch;
    private readonly List<object?[]>[] _spareSlots;
    private readonly object?[][] _factsScratch;

    // Collections bound by Collect patterns: spare lists by fact-store index, and the ones this evaluation handed out.
    private readonly List<System.Collections.IList>?[] _spareLists;
    private readonly List<(int TypeIndex, System.Collections.IList List)> _rentedLists = new();
    private IRuleEventListener? _listener;
    private List<RuleError>? _errors;
    private int _earliestDirty;

    public Session(CompiledRules rules, IRuleEventListener? listener = null, int maxFirings = 1000)
    {
        _rules = rules;
        var n = rules.Rules.Length;
        _facts = new List<object>?[rules.TypeCount];
        _pending = new List<object?[]>?[n];
        _fired = new List<object?[]>?[n];
        _dirty = new bool[n];
        _faulted = new bool[n];
        _fireCounts = new int[n];
        _listener = listener;
        MaxFirings = maxFirings;
        _firing = new Firing(this, Firing.NoRule, Array.Empty<object?>());
        _findingFactType = rules.TypeIndexOf(typeof(FindingFact));
        var widest = 0;
        for (var i = 0; i < n; i++)
        {
            _dirty[i] = true;
            widest = Math.Max(widest, rules.Rules[i].Patterns.Length);
        }

        _scratch = new object?[widest + 1][];
        _factsScratch = new object?[widest + 1][];
        _spareLists = new List<System.Collections.IList>?[rules.TypeCount];
        _spareSlots = new List<object?[]>[widest + 1];
        for (var w = 0; w <= widest; w++)
        {
            _scratch[w] = new object?[w];
            _factsScratch[w] = new object?[w];
            _spareSlots[w] = new List<object?[]>();
        }
    }

    public int MaxFirings { get; private set; }

    /// <summary>A session for <paramref name="rules"/>: this thread's spare when it has one for them, else a new one.</summary>
    public static Session Rent(CompiledRules rules, IRuleEventListener? listener, int maxFirings)
    {
        var spare = t_spare;
        if (spare is not null && ReferenceEquals(spare._rules, rules))
        {
            t_spare = null;
            spare._listener = listener;
            spare.MaxFirings = maxFirings;
            return spare;
        }

        return new Session(rules, listener, maxFirings);
    }

    /// <summary>
    /// Resets <paramref name="session"/> and keeps it as this thread's spare. The caller must have copied out
    /// everything it needs (findings, errors) and must not use the session again. A session whose evaluation ended in
    /// an error is not returned but dropped, as the NRules executor drops its session.
    /// </summary>
    public static void Return(Session session)
    {
        session.Reset();
        t_spare = session;
    }

    /// <summary>The findings so far, in their order (see <see cref="FindingCollector"/>).</summary>
    public Finding[] SortedFindings() => _findings.Sorted();

    /// <summary>A list the caller may fill with the facts to insert; emptied when the session is reset.</summary>
    public List<object> WorkingFacts { get; } = new(32);

    /// <summary>A list the caller may fill with the input items no classifier recognised; emptied when the session is reset.</summary>
    public List<UnrecognisedInput> Unrecognised { get; } = new();

    /// <summary>
    /// Working facts the caller may take for this evaluation instead of making them new; every fact taken is cleared
    /// when the session is reset, and handed out again by the next evaluation on this thread.
    /// </summary>
    public Rules.Model.WorkingFactPool FactPool { get; } = new();

    public IReadOnlyList<RuleError> Errors => (IReadOnlyList<RuleError>?)_errors ?? Array.Empty<RuleError>();

    public int FiringCount { get; private set; }

    /// <summary>Inserts a fact. Facts of a type no rule reads are accepted and ignored.</summary>
    public void Insert(object fact)
    {
        if (fact is null)
        {
            throw new ArgumentNullException(nameof(fact));
        }

        _listener?.FactInserted(fact);
        _findings.Register(fact);
        var ti = _rules.TypeIndexOf(fact.GetType());
        if (ti < 0)
        {
            return;
        }

        (_facts[ti] ??= new List<object>()).Add(fact);
        foreach (var r in _rules.RulesByType[ti])
        {
            _dirty[r] = true;
            if (r < _earliestDirty)
            {
                _earliestDirty = r;
            }
        }
    }

    /// <inheritdoc />
    public void AddFinding(Finding finding, object?[] facts)
    {
        _findings.Add(finding, facts);
        if (_findingFactType >= 0)
        {
            Insert(new FindingFact(finding));
        }
    }

    /// <summary>Fires rules until the agenda is empty or the firing limit is reached.</summary>
    public void Fire()
    {
        var rules = _rules.Rules;
        var r = 0;
        while (r < rules.Length)
        {
            _earliestDirty = int.MaxValue;
            if (_faulted[r])
            {
                r++;
                continue;
            }

            var rule = rules[r];
            if (_dirty[r])
            {
                _dirty[r] = false;

                // Indexed by fact type: a rule with no fact of a type it needs has nothing to match (facts are never
                // removed, so it never had). With a listener the conditions are still evaluated, for its trace.
                if (_listener is null && LacksRequiredFacts(rule))
                {
                    r++;
                    continue;
                }

                if (!TryRecompute(r, rule))
                {
                    r++;
                    continue;
                }
            }

            var pending = _pending[r];
            if (pending is null || pending.Count == 0)
            {
                r++;
                continue;
            }

            if (FiringCount >= MaxFirings)
            {
                Fail("(engine)", FiringLimitMessage());
                return;
            }

            var slots = pending[0];
            pending.RemoveAt(0);
            (_fired[r] ??= new List<object?[]>()).Add(slots);

            FiringCount++;
            _fireCounts[r]++;
            // The declarations the action is called with, in a reused array (valid while the action runs).
            var facts = _factsScratch[rule.BoundSlots.Length];
            for (var i = 0; i < facts.Length; i++)
            {
                facts[i] = slots[rule.BoundSlots[i]];
            }

            _firing.Reset(rule.Metadata, facts);
            try
            {
                rule.Action.Invoke(_firing, facts);
            }
            catch (Exception ex)
            {
                Fault(r, rule, ex);
            }

            if (_listener is not null)
            {
                _listener.RuleFired(rule.Metadata, BoundFacts(slots));
            }

            // A fact inserted by the action may have given a higher-priority rule something to do.
            if (_earliestDirty < r)
            {
                r = _earliestDirty;
            }
        }
    }

    private bool LacksRequiredFacts(CompiledRule rule)
    {
        foreach (var ti in rule.RequiredTypeIndexes)
        {
            if (_facts[ti] is not { Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private bool TryRecompute(int r, CompiledRule rule)
    {
        try
        {
            var pending = _pending[r];
            if (pending is not null)
            {
                GiveBack(pending);
            }

            // The scratch bindings are empty here: Enumerate unbinds each slot after it, and a condition that throws
            // leaves them to the catch below.
            Enumerate(r, rule, 0, _scratch[rule.Patterns.Length]);
            return true;
        }
        catch (Exception ex)
        {
            Empty(_scratch[rule.Patterns.Length]);
            Fault(r, rule, ex);
            return false;
        }
    }

    private void Enumerate(int r, CompiledRule rule, int p, object?[] slots)
    {
        var patterns = rule.Patterns;
        if (p == patterns.Length)
        {
            if (AlreadyFired(r, rule, slots))
            {
                return;
            }

            var copy = RentSlots(slots.Length);
            for (var i = 0; i < slots.Length; i++)
            {
                copy[i] = slots[i];
            }
            (_pending[r] ??= new List<object?[]>()).Add(copy);
            return;
        }

        var pattern = patterns[p];
        var facts = _facts[pattern.TypeIndex];
        var count = facts?.Count ?? 0;
        switch (pattern.Mode)
        {
            case PatternMode.Match:
                for (var i = 0; i < count; i++)
                {
                    var fact = facts![i];
                    var holds = pattern.Test(fact, slots);
                    _listener?.ConditionEvaluated(rule.Metadata, p, holds);
                    if (holds)
                    {
                        slots[p] = fact;
                        Enumerate(r, rule, p + 1, slots);
                        slots[p] = null;
                    }
                }

                if (count == 0)
                {
                    _listener?.ConditionEvaluated(rule.Metadata, p, false);
                }

                break;

            case PatternMode.Collect:
                var collected = RentList(pattern);
                for (var i = 0; i < count; i++)
                {
                    if (pattern.Test(facts![i], slots))
                    {
                        collected.Add(facts[i]);
                    }
                }

                var collectionHolds = pattern.TestCollection(collected, slots);
                _listener?.ConditionEvaluated(rule.Metadata, p, collectionHolds);
                if (collectionHolds)
                {
                    slots[p] = collected;
                    Enumerate(r, rule, p + 1, slots);
                    slots[p] = null;
                }

                break;

            case PatternMode.Not:
            case PatternMode.Exists:
                var any = false;
                for (var i = 0; i < count && !any; i++)
                {
                    any = pattern.Test(facts![i], slots);
                }

                var conditionHolds = pattern.Mode == PatternMode.Not ? !any : any;
                _listener?.ConditionEvaluated(rule.Metadata, p, conditionHolds);
                if (conditionHolds)
                {
                    Enumerate(r, rule, p + 1, slots);
                }

                break;
        }
    }

    /// <summary>
    /// Whether the rule already fired with these facts (by reference). A non-repeatable rule compares only its
    /// per-fact declarations: a collection that changed is still the same activation.
    /// </summary>
    private bool AlreadyFired(int r, CompiledRule rule, object?[] slots)
    {
        var fired = _fired[r];
        if (fired is null)
        {
            return false;
        }

        foreach (var f in fired)
        {
            var same = true;
            for (var i = 0; i < slots.Length && same; i++)
            {
                same = ReferenceEquals(f[i], slots[i]) || (rule.NonRepeatable && rule.Patterns[i].Mode == PatternMode.Collect);
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private void Fault(int r, CompiledRule rule, Exception ex)
    {
        _faulted[r] = true;
        if (_pending[r] is { } pending)
        {
            GiveBack(pending);
        }

        Fail(rule.Metadata.Id, $"{ex.GetType().Name}: {ex.Message}");
    }

    private void Fail(string ruleId, string message) => (_errors ??= new List<RuleError>()).Add(new RuleError(ruleId, message));

    private string FiringLimitMessage()
    {
        var top = Enumerable.Range(0, _fireCounts.Length)
            .Where(i => _fireCounts[i] > 0)
            .OrderByDescending(i => _fireCounts[i])
            .ThenBy(i => i)
            .Take(5)
            .Select(i => $"{_rules.Rules[i].Metadata.Id} ({_fireCounts[i]})");
        return FiringLimit.Message(MaxFirings, top);
    }

    /// <summary>Back to the state of a new session, keeping the storage.</summary>
    private void Reset()
    {
        for (var t = 0; t < _facts.Length; t++)
        {
            if (_facts[t] is { } facts)
            {
                if (facts.Count > LargestKeptFactList)
                {
                    _facts[t] = null;
                }
                else
                {
                    facts.Clear();
                }
            }
        }

        for (var r = 0; r < _dirty.Length; r++)
        {
            if (_pending[r] is { Count: > 0 } pending)
            {
                GiveBack(pending);
            }

            if (_fired[r] is { Count: > 0 } fired)
            {
                GiveBack(fired);
            }

            _dirty[r] = true;
            _faulted[r] = false;
            _fireCounts[r] = 0;
        }

        foreach (var scratch in _scratch)
        {
            Empty(scratch);
        }

        foreach (var scratch in _factsScratch)
        {
            Empty(scratch);
        }

        foreach (var (ti, list) in _rentedLists)
        {
            if (list.Count <= LargestKeptFactList)
            {
                list.Clear();
                (_spareLists[ti] ??= new List<System.Collections.IList>()).Add(list);
            }
        }

        _rentedLists.Clear();
        _findings.Clear();
        WorkingFacts.Clear();
        Unrecognised.Clear();
        FactPool.Clear();
        _errors = null;
        _listener = null;
        _earliestDirty = 0;
        FiringCount = 0;
        _firing.Reset(Firing.NoRule, Array.Empty<object?>());
    }

    /// <summary>An empty list for a Collect pattern, valid until the session is reset.</summary>
    private System.Collections.IList RentList(Pattern pattern)
    {
        var spares = _spareLists[pattern.TypeIndex];
        System.Collections.IList list;
        if (spares is { Count: > 0 })
        {
            list = spares[spares.Count - 1];
            spares.RemoveAt(spares.Count - 1);
        }
        else
        {
            list = pattern.NewList();
        }

        _rentedLists.Add((pattern.TypeIndex, list));
        return list;
    }

    private object?[] RentSlots(int length)
    {
        var spares = _spareSlots[length];
        if (spares.Count == 0)
        {
            return new object?[length];
        }

        var slots = spares[spares.Count - 1];
        spares.RemoveAt(spares.Count - 1);
        return slots;
    }

    /// <summary>Clears <paramref name="matches"/>, keeping its binding arrays (emptied) as spares.</summary>
    private void GiveBack(List<object?[]> matches)
    {
        for (var i = 0; i < matches.Count; i++)
        {
            var slots = matches[i];
            Empty(slots);
            _spareSlots[slots.Length].Add(slots);
        }

        matches.Clear();
    }

    /// <summary>Clears a binding array (a few slots: a loop, where <see cref="Array.Clear(Array, int, int)"/> is a call per array).</summary>
    private static void Empty(object?[] slots)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = null;
        }
    }

    private static IReadOnlyList<object> BoundFacts(object?[] slots)
    {
        var list = new List<object>(slots.Length);
        foreach (var s in slots)
        {
            if (s is not null)
            {
                list.Add(s);
            }
        }

        return list;
    }
}
