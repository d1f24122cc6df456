using System.Threading.Tasks;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Serialization;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// Sessions are pooled per thread and reused: nothing of one evaluation may leak into the next, whatever happened in
/// it (a rule error, the firing limit, a listener that throws or evaluates another patient), and threads never share.
/// </summary>
public sealed class SessionPoolTests
{
    private sealed class Flag
    {
        public Flag(string name) => Name = name;

        public string Name { get; }
    }

    private static string Json(EvaluationResult r) => EvaluationResultJson.ToJson(r, indented: false);

    [Fact]
    public void Rent_AfterReturn_GivesBackTheResetSession()
    {
        var compiled = CompiledRules.Compile(RuleCatalog.All());
        var first = Session.Rent(compiled, null, 1000);
        first.Insert(new Flag("ignored"));
        first.WorkingFacts.Add("x");
        Session.Return(first);

        var second = Session.Rent(compiled, null, 50);

        second.Should().BeSameAs(first);
        second.SortedFindings().Should().BeEmpty();
        second.Errors.Should().BeEmpty();
        second.WorkingFacts.Should().BeEmpty();
        second.FiringCount.Should().Be(0);
        second.MaxFirings.Should().Be(50);
    }

    [Fact]
    public void RentScope_AfterReturn_GivesBackTheResetScope()
    {
        var order = new Dictionary<string, int> { ["AZA-HND-001"] = 0 };
        var first = EvaluationScope.Rent(order, null, insertsFindingFacts: true);
        first.Inserting(new Flag("seen"));
        first.Fail("AZA-HND-001", "failed");
        first.Fault("AZA-HND-001", new InvalidOperationException("failed again"));
        EvaluationScope.Return(first);

        var second = EvaluationScope.Rent(order, null, insertsFindingFacts: false);

        second.Should().BeSameAs(first);
        second.Errors.Should().BeEmpty();
        second.Inserted.Should().BeEmpty();
        second.Findings.Count.Should().Be(0);
        second.FiringCount.Should().Be(0);
        second.InsertsFindingFacts.Should().BeFalse();
        EvaluationScope.Rent(order, null, insertsFindingFacts: true).Should().NotBeSameAs(second, "a rented scope is not handed out twice");
    }

    [Fact]
    public void Rent_WithoutReturn_GivesANewSession()
    {
        var compiled = CompiledRules.Compile(RuleCatalog.All());

        var first = Session.Rent(compiled, null, 1000);
        var second = Session.Rent(compiled, null, 1000);

        second.Should().NotBeSameAs(first);
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Evaluate_AfterARuleError_NextEvaluationIsClean(RuleEngine engine)
    {
        var broken = Rule("AZA-TST-001").Title("broken").Topic(Topics.Tpmt).Caution(Severity.Info).Logic("l").Summary("s").Review("r")
            .Source("doc", "section", Confidence.Verified)
            .Match<PatientContext>("a patient with a transfusion", p => p.Facts.LastRedCellTransfusion != null)
            .Then(_ => throw new InvalidOperationException("boom"));
        var rules = ClinicalRuleSet.Create(RuleCatalog.All().Append(broken), new RuleSetOptions { Engine = engine });
        var typical = BenchmarkPatients.Typical();
        var expected = Json(rules.Evaluate(typical));

        var failed = rules.Evaluate(typical with { LastRedCellTransfusion = typical.EvaluationDate.AddDays(-400) });
        var after = rules.Evaluate(typical);

        failed.RuleErrors.Should().ContainSingle().Which.RuleId.Should().Be("AZA-TST-001");
        Json(after).Should().Be(expected);
        after.RuleErrors.Should().BeEmpty();
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Evaluate_RuleThatFailedForOnePatient_FiresForTheNextOnTheSameThread(RuleEngine engine)
    {
        // Stop 31 (mutation testing of Engine/): the thread's reused evaluation scope is emptied of the rules that
        // failed. If it kept them, a rule that failed once would be skipped, in silence, for every later patient on the
        // thread, and a second failure would go unreported. Nothing tested it: the next evaluation never matched the rule.
        var flaky = Rule("AZA-TST-001").Title("flaky").Topic(Topics.Tpmt).Caution(Severity.Info).Logic("l").Summary("s").Review("r")
            .Source("doc", "section", Confidence.Verified)
            .Match<PatientContext>("a patient with a transfusion", p => p.Facts.LastRedCellTransfusion != null)
            .Then<PatientContext>((f, p) =>
            {
                if (p.Facts.PatientId == "fails")
                {
                    throw new InvalidOperationException("boom");
                }

                f.Raise(Array.Empty<BasisFact>());
            });
        var rules = ClinicalRuleSet.Create(RuleCatalog.All().Append(flaky), new RuleSetOptions { Engine = engine });
        var typical = BenchmarkPatients.Typical() with { LastRedCellTransfusion = BenchmarkPatients.Typical().EvaluationDate.AddDays(-30) };

        rules.Evaluate(typical with { PatientId = "fails" }).RuleErrors.Should().ContainSingle().Which.RuleId.Should().Be("AZA-TST-001");
        var next = rules.Evaluate(typical);
        var again = rules.Evaluate(typical with { PatientId = "fails" });

        next.RuleErrors.Should().BeEmpty();
        next.Findings.Should().ContainSingle(f => f.RuleId == "AZA-TST-001", "the rule fires for the next patient");
        again.RuleErrors.Should().ContainSingle("a rule that fails again is reported again").Which.RuleId.Should().Be("AZA-TST-001");
        again.IsComplete.Should().BeFalse();
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Evaluate_AfterTheFiringLimit_NextEvaluationIsClean(RuleEngine engine)
    {
        var loop = Rule("AZA-DRV-901").Title("loop").Derivation().Logic("loop")
            .Match<PatientContext>("a breastfeeding patient", p => p.Facts.Breastfeeding == true)
            .Then(f => f.Insert(new Flag("start")));
        var chain = Rule("AZA-DRV-902").Title("chain").Derivation().Logic("chain")
            .Match<Flag>("any flag").Then<Flag>((f, flag) => f.Insert(new Flag(flag.Name + "!")));
        var rules = ClinicalRuleSet.Create(
            RuleCatalog.All().Append(loop).Append(chain),
            new RuleSetOptions { Thresholds = new RuleThresholds { MaxFirings = 200 }, Engine = engine });
        var typical = BenchmarkPatients.Typical();
        var expected = Json(rules.Evaluate(typical));

        var runaway = rules.Evaluate(typical with { Breastfeeding = true });
        var after = rules.Evaluate(typical);

        runaway.RuleErrors.Should().ContainSingle().Which.Message.Should().Contain("firing limit of 200");
        Json(after).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_ListenerThrows_ExceptionReachesTheCallerAndNextEvaluationIsClean()
    {
        var typical = BenchmarkPatients.Typical();
        var expected = Json(ClinicalRuleSet.Default.Evaluate(typical));

        var act = () => ClinicalRuleSet.Default.Evaluate(BenchmarkPatients.WorstCase(), new EvaluationOptions { Listener = new ThrowingListener() });

        act.Should().Throw<InvalidOperationException>().WithMessage("listener failed");
        Json(ClinicalRuleSet.Default.Evaluate(typical)).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_ListenerEvaluatesAnotherPatient_BothResultsAreAsAlone()
    {
        var typical = BenchmarkPatients.Typical();
        var worst = BenchmarkPatients.WorstCase();
        var expectedTypical = Json(ClinicalRuleSet.Default.Evaluate(typical));
        var expectedWorst = Json(ClinicalRuleSet.Default.Evaluate(worst));
        var nested = new NestingListener(typical);

        var outer = ClinicalRuleSet.Default.Evaluate(worst, new EvaluationOptions { Listener = nested });

        Json(outer).Should().Be(expectedWorst);
        nested.Results.Should().NotBeEmpty();
        nested.Results.Should().OnlyContain(r => r == expectedTypical);
        Json(ClinicalRuleSet.Default.Evaluate(typical)).Should().Be(expectedTypical);
    }

    [Fact]
    public void Evaluate_OnManyThreads_GivesTheSameResultsAsOneThread()
    {
        var cohort = BenchmarkCohort.Make(4000, 11);
        var expected = cohort.Select(p => Json(ClinicalRuleSet.Default.Evaluate(p))).ToArray();
        var actual = new string[cohort.Length];

        Parallel.For(0, cohort.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Json(ClinicalRuleSet.Default.Evaluate(cohort[i])));

        actual.Should().Equal(expected);
    }

    [Fact]
    public void Evaluate_RulesStartingWithACollection_FireForEveryPatientOnAReusedSession()
    {
        // AZA-PGX-009 starts with the collection of missing gene results, which NRules anchors once per session rather
        // than per patient: a reused session must fire it for each patient that lacks a result (naming the genes
        // missing now, not before), and never for one that has both.
        var quiet = Rules.Patients.Quiet();
        var sequence = new[]
        {
            (quiet with { Pharmacogenomics = new[] { Rules.Patients.Nudt15("*1/*1") } }, "TPMT"),
            (quiet, null),
            (quiet with { Pharmacogenomics = new[] { Rules.Patients.Tpmt("*1/*1") } }, "NUDT15"),
            (quiet with { Pharmacogenomics = Array.Empty<PharmacogenomicResult>() }, "TPMT or NUDT15"),
            (quiet with { Pharmacogenomics = Array.Empty<PharmacogenomicResult>() }, "TPMT or NUDT15"),
            (quiet, null),
        };

        for (var round = 0; round < 2; round++)
        {
            foreach (var (patient, genes) in sequence)
            {
                var findings = ClinicalRuleSet.Default.Evaluate(patient).Findings.Where(f => f.RuleId == "AZA-PGX-009").ToList();
                if (genes is null)
                {
                    findings.Should().BeEmpty();
                }
                else
                {
                    findings.Should().ContainSingle().Which.Summary.Should().Be($"No {genes} result on file for a patient on azathioprine: consider testing.");
                }
            }
        }
    }

    [Fact]
    public void Evaluate_AlternatingRuleSets_EachGivesItsOwnResult()
    {
        var withoutHandling = ClinicalRuleSet.Create(new RuleSetOptions { DisabledTopics = new[] { Topics.Handling } });
        var typical = BenchmarkPatients.Typical();

        for (var i = 0; i < 3; i++)
        {
            ClinicalRuleSet.Default.Evaluate(typical).Findings.Should().Contain(f => f.RuleId == "AZA-HND-001");
            withoutHandling.Evaluate(typical).Findings.Should().NotContain(f => f.RuleId == "AZA-HND-001");
        }
    }

    private sealed class ThrowingListener : IRuleEventListener
    {
        public void FactInserted(object fact)
        {
        }

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => throw new InvalidOperationException("listener failed");

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds)
        {
        }
    }

    /// <summary>Evaluates another patient from inside the engine's callbacks, on the same thread.</summary>
    private sealed class NestingListener : IRuleEventListener
    {
        private readonly PatientFacts _other;

        public NestingListener(PatientFacts other) => _other = other;

        public List<string> Results { get; } = new();

        public void FactInserted(object fact)
        {
        }

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => Results.Add(Json(ClinicalRuleSet.Default.Evaluate(_other)));

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds)
        {
        }
    }
}
