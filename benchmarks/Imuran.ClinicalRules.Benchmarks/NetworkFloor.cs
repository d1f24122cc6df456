using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using NRules;
using NRules.RuleModel;
using NRules.RuleModel.Builders;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// What NRules 1.0.4 costs before any of our logic (command <c>floor [typical|worst]</c>): the least a network of our
/// rule set's size can cost per evaluation, timed side by side with the real evaluations. Two stripped networks are
/// built from <see cref="ClinicalRuleSet.Definitions"/> itself, so they follow the rule set as it changes:
/// <list type="bullet">
/// <item><b>same facts</b>: one rule per definition, matching the fact type of the definition's first pattern with one
/// condition of its own that is never true (no joins, no <c>Not</c>, no aggregates, nothing fires); the patient's
/// facts, the derived ones included, are inserted in one batch and retracted, as the pooled session does.</item>
/// <item><b>one rich fact</b>: every rule on the patient context, and only it inserted: the limit of "fewer and richer
/// facts", where each rule still needs a node of its own.</item>
/// </list>
/// Each round times every subject once, in turn, so the machine's noise falls on all of them alike; it prints the
/// median and the range of the rounds' times, and the bytes per evaluation.
/// </summary>
internal sealed class NetworkFloor
{
    private static readonly MethodInfo NeverMethod = typeof(NetworkFloor).GetMethod(nameof(Never), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly List<object> _working;
    private readonly List<object> _loaded;
    private readonly List<object> _justContext;
    private readonly ISession _ours;
    private readonly ISession _withFirings;
    private readonly ISession _sameFacts;
    private readonly ISession _oneFact;

    /// <summary>Builds the stripped networks for <paramref name="facts"/> (the rule set's own network is built too).</summary>
    public NetworkFloor(PatientFacts facts)
    {
        var definitions = ClinicalRuleSet.Default.Definitions;
        RuleCount = definitions.Count;
        var (loaded, firings, fired) = Firings(facts);
        _loaded = loaded;
        _working = loaded.Concat(firings.Values.SelectMany(f => f.Values).SelectMany(d => d)).ToList();
        var context = _working.First(f => f is Rules.Model.PatientContext);
        _justContext = new List<object> { context };
        Type TypeOf(IRuleDefinition d) => FirstPatternType(d.LeftHandSide) ?? context.GetType();

        _ours = new Engine.NRulesExecutor(definitions).Factory.CreateSession();
        FiringCount = fired;
        FloorFiringCount = firings.Values.Sum(f => f.Count);
        _withFirings = Session(definitions.Select((d, i) => firings.TryGetValue(d.Name, out var firedOn) ? Rule(i, TypeOf(d), firedOn) : Rule(i, TypeOf(d))));
        _sameFacts = Session(definitions.Select((d, i) => Rule(i, TypeOf(d))));
        _oneFact = Session(definitions.Select((_, i) => Rule(i, context.GetType())));
    }

    /// <summary>The number of rules (one stripped rule for each definition).</summary>
    public int RuleCount { get; }

    /// <summary>How many rule firings the real evaluation of the patient has (findings and derivations).</summary>
    public int FiringCount { get; }

    /// <summary>How many rule firings the stripped network has: one for each rule and fact its first pattern matched in the real evaluation.</summary>
    public int FloorFiringCount { get; }

    /// <summary>How many facts one evaluation puts in the session, derived ones included.</summary>
    public int FactCount => _working.Count;

    /// <summary>Our rule set's own network: the evaluation's facts (the derived ones among them) inserted and retracted, nothing fired.</summary>
    public void OurNetworkInAndOut()
    {
        _ours.InsertAll(_working);
        _ours.RetractAll(_working);
    }

    /// <summary>The stripped network in which the rules that fire for the patient fire (doing nothing but insert what they derived).</summary>
    /// <returns>How many rules fired.</returns>
    public int FloorWithFirings() => Cycle(_withFirings, _loaded, _working);

    /// <summary>The stripped network with every condition false: the evaluation's facts in, then out.</summary>
    /// <returns>How many rules fired (none).</returns>
    public int FloorNoFirings() => Cycle(_sameFacts, _working, _working);

    /// <summary>Every stripped rule on the patient context, and only it inserted.</summary>
    /// <returns>How many rules fired (none).</returns>
    public int FloorOneRichFact() => Cycle(_oneFact, _justContext, _justContext);

    public static int Run(string patient)
    {
        var facts = patient == "worst" ? BenchmarkPatients.WorstCase() : BenchmarkPatients.Typical();
        var floor = new NetworkFloor(facts);
        var nrules = ClinicalRuleSet.Default;
        var compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
        var baseline = new Baseline.TypicalPatientBaseline(ClinicalRuleSet.Default);
        var subjects = new (string Name, int Evaluations, Action Evaluate)[]
        {
            ("NRules, our rule set", 5_000, () => nrules.Evaluate(facts)),
            ("compiled executor", 20_000, () => compiled.Evaluate(facts)),
            ("hand-written baseline (no engine)", 20_000, () => baseline.Evaluate(facts)),
            ("NRules, our network: the same facts in, none fired, out", 10_000, floor.OurNetworkInAndOut),
            ($"NRules floor, same facts, {floor.FloorFiringCount} of our {floor.FiringCount} firings, their derived facts", 10_000, () => floor.FloorWithFirings()),
            ($"NRules floor, same facts ({floor.FactCount}), {floor.RuleCount} one-condition rules", 10_000, () => floor.FloorNoFirings()),
            ($"NRules floor, one rich fact, {floor.RuleCount} one-condition rules", 10_000, () => floor.FloorOneRichFact()),
        };
        const int rounds = 11;
        var times = subjects.Select(_ => new List<double>()).ToArray();
        var bytes = new double[subjects.Length];
        for (var s = 0; s < subjects.Length; s++)
        {
            for (var i = 0; i < subjects[s].Evaluations; i++)
            {
                subjects[s].Evaluate();
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var s = 0; s < subjects.Length; s++)
            {
                var (_, n, evaluate) = subjects[s];
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < n; i++)
                {
                    evaluate();
                }

                sw.Stop();
                bytes[s] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
                times[s].Add(sw.Elapsed.TotalMilliseconds * 1000 / n);
            }
        }

        Console.WriteLine($"{patient} patient, {rounds} rounds (median, range of rounds; bytes per evaluation):");
        for (var s = 0; s < subjects.Length; s++)
        {
            var t = times[s].OrderBy(x => x).ToList();
            Console.WriteLine($"  {subjects[s].Name,-62} {t[rounds / 2],7:F1} µs  ({t[0]:F1}–{t[rounds - 1]:F1})  {bytes[s],8:F0} B");
        }

        return 0;
    }

    private static ISession Session(IEnumerable<IRuleDefinition> rules) => new RuleCompiler().Compile(rules).CreateSession();

    /// <summary>Inserts <paramref name="facts"/>, fires, and retracts <paramref name="all"/> (the facts and what the firings derived), as the pooled session is reset.</summary>
    private static int Cycle(ISession session, List<object> facts, List<object> all)
    {
        session.InsertAll(facts);
        var fired = session.Fire();
        session.RetractAll(all);
        return fired;
    }

    /// <summary>One rule matching facts of <paramref name="type"/> with a condition of its own (rule <paramref name="index"/>) that never holds.</summary>
    private static IRuleDefinition Rule(int index, Type type)
    {
        var builder = new RuleBuilder();
        builder.Name("FLOOR-" + index);
        var fact = Expression.Parameter(type, "fact");
        builder.LeftHandSide().Pattern(type, "fact").Condition(
            Expression.Lambda(Expression.Call(NeverMethod, Expression.Convert(fact, typeof(object)), Expression.Constant(index)), fact));
        var ctx = Expression.Parameter(typeof(NRules.RuleModel.IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Empty(), ctx));
        return builder.Build();
    }

    private static bool Never(object fact, int index) => index < 0 && fact is null;

    /// <summary>
    /// The facts a real evaluation loads, and for each rule that fired: the fact each of its activations matched first
    /// (its first pattern's) with the facts that activation derived.
    /// </summary>
    private static (List<object> Loaded, Dictionary<string, Dictionary<object, List<object>>> Firings, int Fired) Firings(PatientFacts facts)
    {
        var definitions = ClinicalRuleSet.Default.Definitions;
        var session = new Engine.NRulesExecutor(definitions).Factory.CreateSession();
        var scope = new Engine.EvaluationScope(Engine.NRulesExecutor.AgendaOrder(definitions), null) { InsertsFindingFacts = false };
        session.DependencyResolver = scope;
        var loaded = new List<object>();
        Rules.Model.FactLoader.Load(facts, RuleThresholds.Default, loaded, new List<UnrecognisedInput>());
        var firings = new Dictionary<string, Dictionary<object, List<object>>>(StringComparer.Ordinal);
        List<object>? derived = null;
        session.Events.RuleFiringEvent += (_, e) =>
        {
            var type = FirstPatternType(e.Rule.LeftHandSide)!;
            var first = e.Facts.Select(f => f.Value).First(v => v is not null && type.IsInstanceOfType(v))!;
            if (!firings.TryGetValue(e.Rule.Name, out var byFact))
            {
                firings[e.Rule.Name] = byFact = new Dictionary<object, List<object>>(ReferenceEqualityComparer.Instance);
            }

            if (!byFact.TryGetValue(first, out derived))
            {
                byFact[first] = derived = new List<object>();
            }
        };
        session.Events.RuleFiredEvent += (_, _) => derived = null;
        session.Events.FactInsertedEvent += (_, e) => derived?.Add(e.Fact.Value!);
        foreach (var f in loaded)
        {
            scope.Inserting(f);
        }

        session.InsertAll(loaded);
        var fired = session.Fire();
        foreach (var byFact in firings.Values)
        {
            foreach (var list in byFact.Values)
            {
                list.RemoveAll(f => f is Engine.FindingFact);
            }
        }

        return (loaded, firings, fired);
    }

    /// <summary>A rule that fires once for each fact in <paramref name="fired"/> (by reference), inserting the facts it derived (as our derivations do: not linked).</summary>
    private static IRuleDefinition Rule(int index, Type type, Dictionary<object, List<object>> fired)
    {
        var builder = new RuleBuilder();
        builder.Name("FLOOR-" + index);
        var fact = Expression.Parameter(type, "fact");
        var asObject = Expression.Convert(fact, typeof(object));
        builder.LeftHandSide().Pattern(type, "fact").Condition(
            Expression.Lambda(Expression.Call(AmongMethod, asObject, Expression.Constant(fired)), fact));
        var ctx = Expression.Parameter(typeof(NRules.RuleModel.IContext), "ctx");
        builder.RightHandSide().Action(Expression.Lambda(Expression.Call(DeriveMethod, ctx, asObject, Expression.Constant(fired)), ctx, fact));
        return builder.Build();
    }

    private static readonly MethodInfo AmongMethod = typeof(NetworkFloor).GetMethod(nameof(Among), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo DeriveMethod = typeof(NetworkFloor).GetMethod(nameof(Derive), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static bool Among(object fact, Dictionary<object, List<object>> fired) => fired.ContainsKey(fact);

    private static void Derive(NRules.RuleModel.IContext ctx, object fact, Dictionary<object, List<object>> fired)
    {
        var derived = fired[fact];
        for (var i = 0; i < derived.Count; i++)
        {
            ctx.Insert(derived[i]);
        }
    }

    private static Type? FirstPatternType(RuleElement element) => element switch
    {
        PatternElement { Source: { } source } => FirstPatternType(source),
        PatternElement p => p.ValueType,
        GroupElement g => g.ChildElements.Select(FirstPatternType).FirstOrDefault(t => t is not null),
        AggregateElement a => FirstPatternType(a.Source),
        NotElement n => FirstPatternType(n.Source),
        ExistsElement e => FirstPatternType(e.Source),
        _ => null,
    };
}
