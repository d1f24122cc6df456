using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Rules;
using NRules.Diagnostics;
using Xunit.Abstractions;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// Long lists are not a denial of service on NRules either: a patient with thousands of medicines and conditions
/// evaluates completely, gives the compiled executor's result, and the next evaluation on the thread is unaffected.
/// Their cost is about linear. No wall-clock bound (the machine is shared; time is the benchmarks' job, ScalingBenchmarks):
/// for a list and one twice as long, the engine's work is counted (conditions tested and activations, through NRules'
/// events or the listener) and so are the bytes the evaluation allocates; doubling the entries must at most about
/// double both, where a cross join (a rule matching every medicine against every condition) or a list rebuilt for every
/// entry would quadruple them. Repeated entries are grouped into one fact per medicine or condition, so the engine's
/// work hardly grows at all; the loader's does, linearly.
/// </summary>
public sealed class ExecutorScaleTests
{
    private readonly ITestOutputHelper _output;

    public ExecutorScaleTests(ITestOutputHelper output) => _output = output;

    private static readonly string[] Names = { "allopurinol", "mesalamine", "warfarin", "lisinopril", "tacrolimus" };
    private static readonly string[] ConditionNames = { "rheumatoid arthritis", "gout" };

    /// <summary>
    /// A continuing patient with <paramref name="entries"/> recognised medicines no longer taken and as many entries of a
    /// recognised indication: many facts, few findings.
    /// </summary>
    private static PatientFacts LongLists(int entries) => Patients.Quiet()
        .WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart)
        .WithMedications(Enumerable.Range(0, entries).Select(i => new Medication { Name = Names[i % Names.Length], Active = false }).ToArray())
        .WithConditions(Enumerable.Range(0, entries).Select(i => new Condition { Name = ConditionNames[i % ConditionNames.Length], Status = ConditionStatus.Active }).ToArray());

    [Fact]
    public void Evaluate_ThousandsOfMedicinesAndConditions_CompleteOnBothExecutorsAndAgree()
    {
        var patient = LongLists(4000);
        var compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

        var onNRules = ClinicalRuleSet.Default.Evaluate(patient);

        onNRules.IsComplete.Should().BeTrue();
        EvaluationResultJson.ToJson(onNRules, indented: false).Should().Be(EvaluationResultJson.ToJson(compiled.Evaluate(patient), indented: false));
        var quiet = Patients.Quiet();
        EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(quiet), indented: false)
            .Should().Be(EvaluationResultJson.ToJson(compiled.Evaluate(quiet), indented: false));
    }

    [Fact]
    public void Evaluate_TwiceTheEntriesOnNRules_AtMostAboutTwiceTheEngineWorkAndTheBytes()
    {
        // A rule set of its own: the factory's events then count this test's evaluations only.
        var rules = ClinicalRuleSet.Create();
        var work = new NRulesWork(rules.SessionFactory!.Events);
        rules.Evaluate(LongLists(500)); // one-off costs land here

        var (two, four) = (LongLists(2000), LongLists(4000));

        var small = work.Count(() => rules.Evaluate(two));
        var large = work.Count(() => rules.Evaluate(four));

        AssertLinear(small, large);
    }

    [Fact]
    public void Evaluate_TwiceTheEntriesOnTheCompiledExecutor_AtMostAboutTwiceTheConditionsTestedAndTheBytes()
    {
        var compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
        compiled.Evaluate(LongLists(500), new EvaluationOptions { Listener = new ConditionCount() });

        var (two, four) = (LongLists(2000), LongLists(4000));

        var small = ConditionCount.Count(listener => compiled.Evaluate(two, new EvaluationOptions { Listener = listener }));
        var large = ConditionCount.Count(listener => compiled.Evaluate(four, new EvaluationOptions { Listener = listener }));

        AssertLinear(small, large);
    }

    /// <summary>
    /// Twice the entries: the engine's work (<see cref="Measured.Work"/>) and the bytes the evaluation allocates (the
    /// loader's work: a fact, a path, a basis entry per entry) at most about double; a cross join or a list rebuilt for
    /// every entry would quadruple them.
    /// </summary>
    private void AssertLinear(Measured small, Measured large)
    {
        _output.WriteLine($"engine work {small.Work} then {large.Work}; bytes {small.Bytes} then {large.Bytes}");
        small.Result.IsComplete.Should().BeTrue();
        large.Result.IsComplete.Should().BeTrue();
        small.Work.Should().BePositive();
        ((double)large.Work / small.Work).Should().BeLessThan(2.5, "twice the entries is at most about twice the engine's work ({0} then {1}), not four times", small.Work, large.Work);
        ((double)large.Bytes / small.Bytes).Should().BeLessThan(2.5, "twice the entries allocates about twice the bytes ({0} then {1}), not four times", small.Bytes, large.Bytes);
    }

    /// <summary>One evaluation: its result, the engine's work counted and the bytes allocated on this thread (evaluation is synchronous).</summary>
    private sealed record Measured(EvaluationResult Result, long Work, long Bytes);

    /// <summary>
    /// Counts what NRules reports doing in the sessions of one factory: conditions (and bindings and aggregates)
    /// evaluated, activations created, updated and deleted, and agenda filters evaluated.
    /// </summary>
    private sealed class NRulesWork
    {
        private long _count;

        public NRulesWork(IEventProvider events)
        {
            events.LhsExpressionEvaluatedEvent += (_, _) => _count++;
            events.AgendaExpressionEvaluatedEvent += (_, _) => _count++;
            events.ActivationCreatedEvent += (_, _) => _count++;
            events.ActivationUpdatedEvent += (_, _) => _count++;
            events.ActivationDeletedEvent += (_, _) => _count++;
        }

        public Measured Count(Func<EvaluationResult> evaluate)
        {
            var before = _count;
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var result = evaluate();
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            return new Measured(result, _count - before, bytes);
        }
    }

    /// <summary>Counts the conditions the compiled executor reports testing.</summary>
    private sealed class ConditionCount : IRuleEventListener
    {
        public long Tested { get; private set; }

        public static Measured Count(Func<ConditionCount, EvaluationResult> evaluate)
        {
            var listener = new ConditionCount();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var result = evaluate(listener);
            bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
            return new Measured(result, listener.Tested, bytes);
        }

        public void FactInserted(object fact)
        {
        }

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts)
        {
        }

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds) => Tested++;
    }
}
