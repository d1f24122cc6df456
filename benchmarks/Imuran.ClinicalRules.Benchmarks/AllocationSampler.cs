using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// Where an evaluation's bytes go, by type: the runtime's allocation-tick events (one about every 100 KB, naming the
/// type whose allocation crossed the mark), counted over many evaluations of one patient. A sample, not a census:
/// shares are good to a few per cent. Command: <c>allocs [typical|worst] [nrules|compiled|baseline]</c> (baseline: the
/// hand-written evaluation of the benchmarks, no engine). It also prints the bytes the result itself keeps (measured by
/// keeping 20,000 results alive): what any executor must allocate to return that result, whatever its engine.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private bool _on;

    public static int Run(string which, string engine)
    {
        var facts = which == "worst" ? BenchmarkPatients.WorstCase() : BenchmarkPatients.Typical();
        Func<PatientFacts, EvaluationResult> evaluate;
        if (engine == "baseline")
        {
            evaluate = new Baseline.TypicalPatientBaseline(ClinicalRuleSet.Default).Evaluate;
        }
        else
        {
            var set = engine == "compiled" ? ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled }) : ClinicalRuleSet.Default;
            evaluate = p => set.Evaluate(p);
        }

        for (var i = 0; i < 20_000; i++)
        {
            evaluate(facts);
        }

        const int n = 100_000;
        using var sampler = new AllocationSampler();
        var before = GC.GetAllocatedBytesForCurrentThread();
        sampler._on = true;
        for (var i = 0; i < n; i++)
        {
            evaluate(facts);
        }

        sampler._on = false;
        var perEvaluation = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        var total = sampler._bytes.Values.Sum();
        Console.WriteLine($"{which} on {engine}: {perEvaluation:F0} B per evaluation; by type (sampled):");
        foreach (var (type, bytes) in sampler._bytes.OrderByDescending(kv => kv.Value).Take(40))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:F1} %  {perEvaluation * bytes / total,7:F0} B  {type}");
        }

        Console.WriteLine($"kept by the result: {Retained(evaluate, facts):F0} B per evaluation (strings, findings and their basis, lists; shared texts not counted)");
        return 0;
    }

    /// <summary>Bytes per result still reachable from 20,000 kept results: the heap after, less the heap before, each after a full collection.</summary>
    private static double Retained(Func<PatientFacts, EvaluationResult> evaluate, PatientFacts facts)
    {
        var kept = new EvaluationResult[20_000];
        var before = GC.GetTotalMemory(forceFullCollection: true);
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] = evaluate(facts);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(kept);
        return (after - before - (kept.Length * (double)IntPtr.Size)) / kept.Length;
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
        {
            return;
        }

        var type = (string?)e.Payload[e.PayloadNames!.IndexOf("TypeName")] ?? "?";
        var at = e.PayloadNames.IndexOf("AllocationAmount64");
        var amount = at >= 0 ? Convert.ToInt64(e.Payload[at], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        lock (_bytes)
        {
            _bytes[type] = (_bytes.TryGetValue(type, out var b) ? b : 0) + amount;
        }
    }
}

/// <summary>
/// The shape of the NRules network of the default rule set: nodes by type (command <c>network</c>); with
/// <c>network typical|worst</c>, also how often each node was activated by one evaluation of that patient (NRules' own
/// per-node metrics of a fresh session: inputs on insert and fire, then on the retraction that resets a pooled session).
/// </summary>
internal static class NetworkShape
{
    public static int Run(string? patient = null)
    {
        if (patient is not null)
        {
            return Activations(patient == "worst" ? BenchmarkPatients.WorstCase() : BenchmarkPatients.Typical());
        }

        var executor = new Engine.NRulesExecutor(ClinicalRuleSet.Default.Definitions);
        var schema = executor.Factory.GetSchema();
        foreach (var g in schema.Nodes.GroupBy(n => n.NodeType).OrderBy(g => g.Key.ToString()))
        {
            Console.WriteLine($"{g.Key}: {g.Count()}");
        }

        foreach (var n in schema.Nodes.Where(n => n.NodeType.ToString() is "Type" or "Selection"))
        {
            var line = $"  {n.NodeType} {n.OutputType?.Name} {string.Join("; ", n.Expressions.Select(e => e.Value.ToString()))}";
            Console.WriteLine(line.Length > 160 ? line.Substring(0, 160) : line);
        }

        return 0;
    }

    private static int Activations(Facts.PatientFacts facts)
    {
        var definitions = ClinicalRuleSet.Default.Definitions;
        var executor = new Engine.NRulesExecutor(definitions);
        var schema = executor.Factory.GetSchema();
        var session = executor.Factory.CreateSession();
        Engine.EvaluationScope scope = null!;
        for (var round = 0; round < 2; round++)
        {
            // The first round leaves the session as a pooled one is (used, then emptied); the second is measured.
            if (round == 1)
            {
                session.RetractAll(scope.Inserted);
                session.Metrics.Reset();
            }

            scope = new Engine.EvaluationScope(Engine.NRulesExecutor.AgendaOrder(definitions), null) { InsertsFindingFacts = false };
            session.DependencyResolver = scope;
            var working = new List<object>();
            Rules.Model.FactLoader.Load(facts, RuleThresholds.Default, working, new List<UnrecognisedInput>());
            foreach (var f in working)
            {
                scope.Inserting(f);
            }

            session.InsertAll(working);
            session.Fire();
        }

        var afterFire = schema.Nodes.ToDictionary(n => n.Id, n => Copy(session.Metrics.FindByNodeId(n.Id)));
        session.RetractAll(scope.Inserted);
        Console.WriteLine($"facts inserted: {string.Join(", ", scope.Inserted.GroupBy(f => f.GetType().Name).Select(g => g.Key + " " + g.Count()))}");
        Console.WriteLine("node activations (inputs on insert and fire / outputs; inputs on retract / outputs), nodes with any:");
        var totals = new Dictionary<string, (int Nodes, int Insert, int Retract)>();
        foreach (var n in schema.Nodes)
        {
            var m = session.Metrics.FindByNodeId(n.Id);
            var a = afterFire[n.Id];
            if (m is null || (a.InsertIn == 0 && m.RetractInputCount == 0))
            {
                continue;
            }

            var key = n.NodeType.ToString();
            var t = totals.TryGetValue(key, out var x) ? x : default;
            totals[key] = (t.Nodes + 1, t.Insert + a.InsertIn, t.Retract + m.RetractInputCount);
            var what = string.Join("; ", n.Expressions.Select(e => e.Value.ToString()));
            var rules = string.Join(",", n.Rules.Select(r => r.Name).Take(6)) + (n.Rules.Count > 6 ? ",…" : string.Empty);
            var line = $"  #{n.Id,-3} {key,-11} {n.OutputType?.Name,-22} ins {a.InsertIn,3}/{a.InsertOut,-3} ret {m.RetractInputCount,3}/{m.RetractOutputCount,-3} [{rules}] {what}";
            Console.WriteLine(line.Length > 220 ? line.Substring(0, 220) : line);
        }

        Console.WriteLine("totals by node type (nodes activated, insert inputs, retract inputs):");
        foreach (var (k, v) in totals.OrderBy(kv => kv.Key))
        {
            Console.WriteLine($"  {k,-11} {v.Nodes,3} {v.Insert,4} {v.Retract,4}");
        }

        return 0;
    }

    private static (int InsertIn, int InsertOut) Copy(NRules.Diagnostics.INodeMetrics? m) => m is null ? (0, 0) : (m.InsertInputCount, m.InsertOutputCount);
}
