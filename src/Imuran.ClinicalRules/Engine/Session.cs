using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Engine;

/// <summary>A rule that threw while being evaluated; the evaluation that reports it is incomplete.</summary>
/// <param name="RuleId">The rule that failed.</param>
/// <param name="Message">What went wrong.</param>
public sealed record RuleError(string RuleId, string Message);

/// <summary>
/// The per-evaluation state: facts by type, the agenda, the findings. Cheap to create; never shared between threads.
/// </summary>
/// <remarks>
/// Semantics: a rule fires once per distinct combination of bound facts (or once per evaluation in
/// <see cref="FiringMode.Once"/>); the agenda picks the highest salience, then the lowest id; facts an action inserts
/// are matched by later firings in the same evaluation, and activations they invalidate (through a negated
/// condition) are withdrawn before they fire. Facts are matched by their exact runtime type.
/// </remarks>
internal sealed class Session
{
    private readonly CompiledRules _rules;
    private readonly List<object>?[] _facts;
    private readonly List<object?[]>?[] _pending;
    private readonly List<object?[]>?[] _fired;
    private readonly bool[] _dirty;
    private readonly bool[] _faulted;
    private readonly bool[] _firedOnce;
    private readonly int[] _fireCounts;
    private readonly IRuleEventListener? _listener;
    private readonly Firing _firing;
    private readonly List<Finding> _findings = new();
    private List<RuleError>? _errors;
    private int _earliestDirty;

    public Session(CompiledRules rules, IRuleEventListener? listener = null, int maxFirings = 1000)
    {
        _rules = rules;
        var n = rules.Rules.Count;
        _facts = new List<object>?[rules.TypeCount];
        _pending = new List<object?[]>?[n];
        _fired = new List<object?[]>?[n];
        _dirty = new bool[n];
        _faulted = new bool[n];
        _firedOnce = new bool[n];
        _fireCounts = new int[n];
        _listener = listener;
        MaxFirings = maxFirings;
        _firing = new Firing(this);
        for (var i = 0; i < n; i++)
        {
            _dirty[i] = true;
        }
    }

    public int MaxFirings { get; }

    public IReadOnlyList<Finding> Findings => _findings;

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

    internal void AddFinding(Finding finding) => _findings.Add(finding);

    /// <summary>Fires rules until the agenda is empty or the firing limit is reached.</summary>
    public void Fire()
    {
        var rules = _rules.Rules;
        var r = 0;
        while (r < rules.Count)
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

            object?[] slots;
            IReadOnlyList<object?[]> matches;
            if (rule.Mode == FiringMode.Once)
            {
                matches = pending.ToArray();
                slots = pending[0];
                pending.Clear();
                _firedOnce[r] = true;
            }
            else
            {
                slots = pending[0];
                pending.RemoveAt(0);
                matches = new[] { slots };
                (_fired[r] ??= new List<object?[]>()).Add(slots);
            }

            FiringCount++;
            _fireCounts[r]++;
            _firing.Reset(rule, slots, matches);
            try
            {
                rule.Action(_firing);
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

    private bool TryRecompute(int r, RuleDefinition rule)
    {
        try
        {
            var pending = _pending[r];
            pending?.Clear();
            if (rule.Mode == FiringMode.Once && _firedOnce[r])
            {
                return true;
            }

            var slots = new object?[rule.Patterns.Count];
            Enumerate(r, rule, 0, slots);
            return true;
        }
        catch (Exception ex)
        {
            Fault(r, rule, ex);
            return false;
        }
    }

    private void Enumerate(int r, RuleDefinition rule, int p, object?[] slots)
    {
        var patterns = rule.Patterns;
        if (p == patterns.Count)
        {
            if (rule.Mode == FiringMode.PerMatch && AlreadyFired(r, slots))
            {
                return;
            }

            (_pending[r] ??= new List<object?[]>()).Add((object?[])slots.Clone());
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

    private bool AlreadyFired(int r, object?[] slots)
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
                same = ReferenceEquals(f[i], slots[i]);
            }

            if (same)
            {
                return true;
            }
        }

        return false;
    }

    private void Fault(int r, RuleDefinition rule, Exception ex)
    {
        _faulted[r] = true;
        _pending[r]?.Clear();
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
        return $"the firing limit of {MaxFirings} was reached, so a chain of rules may be running away; rules firing most: {string.Join(", ", top)}.";
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
