using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Research.Batch;

namespace Imuran.ClinicalRules.Research.Coverage;

/// <summary>
/// The layout coverage is recorded in: the finding rules of a rule set (derivation rules are internal and left out), in
/// id order, and a slot for each of their conditions. Immutable and thread-safe.
/// </summary>
internal sealed class CoverageLayout
{
    private readonly Dictionary<RuleMetadata, int> _index;

    public CoverageLayout(IReadOnlyList<RuleMetadata> rules)
    {
        Rules = rules;
        _index = new Dictionary<RuleMetadata, int>(ReferenceEqualityComparer.Instance);
        ConditionOffsets = new int[rules.Count];
        var offset = 0;
        for (var i = 0; i < rules.Count; i++)
        {
            _index[rules[i]] = i;
            ConditionOffsets[i] = offset;
            offset += rules[i].Conditions.Count;
        }

        ConditionCount = offset;
    }

    /// <summary>The layout of <see cref="ClinicalRuleSet.Default"/>.</summary>
    public static CoverageLayout Default { get; } = new(ClinicalRuleSet.Default.Rules);

    public IReadOnlyList<RuleMetadata> Rules { get; }

    /// <summary>For each rule, the slot of its first condition.</summary>
    public int[] ConditionOffsets { get; }

    public int ConditionCount { get; }

    /// <summary>The rule's position, or -1 for a rule not in the layout (a derivation rule). Matched by reference.</summary>
    public int IndexOf(RuleMetadata rule) => _index.TryGetValue(rule, out var i) ? i : -1;
}

/// <summary>Which outcomes a condition was seen with.</summary>
[Flags]
internal enum ConditionOutcomes : byte
{
    None = 0,
    True = 1,
    False = 2,
    Both = True | False,
}

/// <summary>
/// Records one evaluation's engine events: how often each finding rule fired and which outcomes each of its conditions
/// had. One instance per evaluation (the engine calls it on the evaluating thread only).
/// </summary>
internal sealed class CoverageListener : IRuleEventListener
{
    private readonly CoverageLayout _layout;
    private RuleMetadata? _lastRule;
    private int _lastIndex = -1;

    public CoverageListener(CoverageLayout layout)
    {
        _layout = layout;
        Fired = new int[layout.Rules.Count];
        Outcomes = new ConditionOutcomes[layout.ConditionCount];
    }

    /// <summary>Firings per rule, in layout order.</summary>
    public int[] Fired { get; }

    /// <summary>Outcomes per condition slot.</summary>
    public ConditionOutcomes[] Outcomes { get; }

    public void FactInserted(object fact)
    {
    }

    public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts)
    {
        var i = IndexOf(rule);
        if (i >= 0)
        {
            Fired[i]++;
        }
    }

    public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds)
    {
        var i = IndexOf(rule);
        if (i >= 0)
        {
            Outcomes[_layout.ConditionOffsets[i] + conditionIndex] |= holds ? ConditionOutcomes.True : ConditionOutcomes.False;
        }
    }

    private int IndexOf(RuleMetadata rule)
    {
        if (!ReferenceEquals(rule, _lastRule))
        {
            _lastRule = rule;
            _lastIndex = _layout.IndexOf(rule);
        }

        return _lastIndex;
    }
}

/// <summary>One line's contribution to coverage: its outcome and, when evaluated, what the listener saw.</summary>
/// <param name="Outcome">The line's outcome with the run's rule set.</param>
/// <param name="Listener">What the listener saw, when evaluated.</param>
/// <param name="Baseline">With a site policy: the same patient's result without it, for the burden the policy removes.</param>
internal sealed record CoverageItem(LineOutcome Outcome, CoverageListener? Listener, EvaluationResult? Baseline = null);

/// <summary>Adds up coverage line by line, in input order, holding only totals.</summary>
internal sealed class CoverageAccumulator
{
    private readonly CoverageLayout _layout;
    private readonly Dictionary<string, int> _topics = new(StringComparer.Ordinal);

    public CoverageAccumulator(CoverageLayout layout)
    {
        _layout = layout;
        var n = layout.Rules.Count;
        TimesFired = new long[n];
        PatientsAffected = new long[n];
        FirstExample = new string?[n];
        Outcomes = new ConditionOutcomes[layout.ConditionCount];
        for (var t = 0; t < Topics.All.Count; t++)
        {
            _topics[Topics.All[t]] = t;
        }

        FindingsByTopic = new long[Topics.All.Count];
        PatientsByTopic = new long[Topics.All.Count];
        FindingsBySeverity = new long[4];
        PatientsBySeverity = new long[4];
        BaselineFindingsBySeverity = new long[4];
        BaselinePatientsBySeverity = new long[4];
    }

    /// <summary>With a site policy: findings per severity without it (indexed by the enum's value).</summary>
    public long[] BaselineFindingsBySeverity { get; }

    /// <summary>With a site policy: patients with at least one finding of the severity without it.</summary>
    public long[] BaselinePatientsBySeverity { get; }

    public CoverageLayout Layout => _layout;

    public long Lines { get; set; }

    public long Patients { get; private set; }

    public long Invalid { get; private set; }

    public long Incomplete { get; private set; }

    public long InternalErrors { get; private set; }

    public long[] TimesFired { get; }

    public long[] PatientsAffected { get; }

    public string?[] FirstExample { get; }

    public ConditionOutcomes[] Outcomes { get; }

    /// <summary>Findings per topic, in <see cref="Topics.All"/> order.</summary>
    public long[] FindingsByTopic { get; }

    /// <summary>Patients with at least one finding of the topic.</summary>
    public long[] PatientsByTopic { get; }

    /// <summary>Findings per severity, indexed by the enum's value.</summary>
    public long[] FindingsBySeverity { get; }

    /// <summary>Patients with at least one finding of the severity.</summary>
    public long[] PatientsBySeverity { get; }

    /// <summary>Where a topic sits in <see cref="FindingsByTopic"/>, or -1.</summary>
    public int TopicIndex(string topic) => _topics.TryGetValue(topic, out var t) ? t : -1;

    public void Add(CoverageItem item)
    {
        var o = item.Outcome;
        switch (o.Status)
        {
            case LineStatus.Invalid:
                Invalid++;
                return;
            case LineStatus.InternalError:
                InternalErrors++;
                return;
            case LineStatus.Incomplete:
                Incomplete++;
                break;
        }

        Patients++;
        var listener = item.Listener!;
        for (var i = 0; i < listener.Fired.Length; i++)
        {
            var fired = listener.Fired[i];
            if (fired > 0)
            {
                TimesFired[i] += fired;
                PatientsAffected[i]++;
                FirstExample[i] ??= o.Label;
            }
        }

        for (var c = 0; c < listener.Outcomes.Length; c++)
        {
            Outcomes[c] |= listener.Outcomes[c];
        }

        if (item.Baseline is { } baseline)
        {
            Span<bool> baselineSeen = stackalloc bool[4];
            foreach (var f in baseline.Findings)
            {
                var s = (int)f.Severity;
                BaselineFindingsBySeverity[s]++;
                if (!baselineSeen[s])
                {
                    baselineSeen[s] = true;
                    BaselinePatientsBySeverity[s]++;
                }
            }
        }

        Span<bool> severitySeen = stackalloc bool[4];
        Span<bool> topicSeen = stackalloc bool[FindingsByTopic.Length];
        foreach (var f in o.Result!.Findings)
        {
            var s = (int)f.Severity;
            FindingsBySeverity[s]++;
            if (!severitySeen[s])
            {
                severitySeen[s] = true;
                PatientsBySeverity[s]++;
            }

            var t = TopicIndex(f.Topic);
            if (t >= 0)
            {
                FindingsByTopic[t]++;
                if (!topicSeen[t])
                {
                    topicSeen[t] = true;
                    PatientsByTopic[t]++;
                }
            }
        }
    }
}
