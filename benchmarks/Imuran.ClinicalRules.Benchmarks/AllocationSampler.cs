using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using Imuran.ClinicalRules.Benchmarks.Patients;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// Where an evaluation's bytes go, by type: the runtime's allocation-tick events (one about every 100 KB, naming the
/// type whose allocation crossed the mark), counted over many evaluations of one patient. A sample, not a census:
/// shares are good to a few per cent. Command: <c>allocs [typical|worst] [nrules|compiled]</c>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
    private bool _on;

    public static int Run(string which, string engine)
    {
        var facts = which == "worst" ? BenchmarkPatients.WorstCase() : BenchmarkPatients.Typical();
        var set = engine == "compiled" ? ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled }) : ClinicalRuleSet.Default;
        for (var i = 0; i < 20_000; i++)
        {
            set.Evaluate(facts);
        }

        const int n = 100_000;
        using var sampler = new AllocationSampler();
        var before = GC.GetAllocatedBytesForCurrentThread();
        sampler._on = true;
        for (var i = 0; i < n; i++)
        {
            set.Evaluate(facts);
        }

        sampler._on = false;
        var perEvaluation = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        var total = sampler._bytes.Values.Sum();
        Console.WriteLine($"{which} on {engine}: {perEvaluation:F0} B per evaluation; by type (sampled):");
        foreach (var (type, bytes) in sampler._bytes.OrderByDescending(kv => kv.Value).Take(40))
        {
            Console.WriteLine($"  {bytes * 100.0 / total,5:F1} %  {perEvaluation * bytes / total,7:F0} B  {type}");
        }

        return 0;
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

/// <summary>The shape of the NRules network of the default rule set: nodes by type (command <c>network</c>).</summary>
internal static class NetworkShape
{
    public static int Run()
    {
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
}
