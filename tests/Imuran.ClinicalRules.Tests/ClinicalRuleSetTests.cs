using System.Threading.Tasks;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Serialization;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Tests;

public class ClinicalRuleSetTests
{
    private static PatientFacts Patient(int i) => new()
    {
        PatientId = "p" + i,
        EvaluationDate = new ClinicalDate(2026, 6, 15),
        BirthDate = new ClinicalDate(1950 + (i % 60), 1 + (i % 12), 1),
        Sex = i % 2 == 0 ? Sex.Female : Sex.Male,
        PregnancyStatus = i % 2 == 0 ? (i % 3 == 0 ? PregnancyStatus.Pregnant : PregnancyStatus.Unknown) : PregnancyStatus.Unknown,
        Therapy = new AzathioprineTherapy { Status = (TherapyStatus)(i % 4), StartDate = i % 4 >= 2 ? new ClinicalDate(2026, 1 + (i % 5), 1) : null },
        Pharmacogenomics = i % 5 == 0 ? Array.Empty<PharmacogenomicResult>() : new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = i % 7 == 0 ? "*1/*3A" : "*1/*1" } },
        Medications = i % 3 == 0 ? new[] { new Medication { Name = "allopurinol" }, new Medication { RxNormCode = "191831" } } : Array.Empty<Medication>(),
        LabResults = new[] { new LabResult { LoincCode = "751-8", Value = 1 + (i % 4), Unit = "10*9/L", Date = new ClinicalDate(2026, 6, 1 + (i % 14)), Flag = (LabFlag)(i % 4) } },
    };

    [Fact]
    public void Evaluate_ManyPatientsInParallel_SameResultsAsSequential()
    {
        var patients = Enumerable.Range(0, 400).Select(Patient).ToList();
        var sequential = patients.Select(p => EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(p), indented: false)).ToList();
        var parallel = new string[patients.Count];

        Parallel.For(0, patients.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            parallel[i] = EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(patients[i]), indented: false));

        parallel.Should().Equal(sequential);
        sequential.Distinct().Count().Should().BeGreaterThan(50, "the patients differ, so the check is not vacuous");
    }

    [Fact]
    public void Evaluate_FindingsOrder_IsSeverityThenRuleId()
    {
        foreach (var r in Enumerable.Range(0, 60).Select(i => ClinicalRuleSet.Default.Evaluate(Patient(i))))
        {
            var keys = r.Findings.Select(f => (-(int)f.Severity, f.RuleId)).ToList();
            keys.Should().BeInAscendingOrder(Comparer<(int, string)>.Create((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));
        }
    }

    [Fact]
    public void Create_DisabledRuleAndTopic_AreLeftOutAndListed()
    {
        var rules = ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { "AZA-PGX-001" }, DisabledTopics = new[] { Topics.Handling } });
        var facts = Patient(1) with { Setting = CareSetting.Dispensing, Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Poor } } };

        var result = rules.Evaluate(facts);

        result.DisabledRules.Should().Equal("AZA-HND-001", "AZA-PGX-001");
        result.Findings.Select(f => f.RuleId).Should().NotContain(new[] { "AZA-PGX-001", "AZA-HND-001" });
        ClinicalRuleSet.Default.Evaluate(facts).Findings.Select(f => f.RuleId).Should().Contain(new[] { "AZA-PGX-001", "AZA-HND-001" });
        rules.Rules.Select(r => r.Id).Should().NotContain("AZA-PGX-001");
    }

    [Theory]
    [InlineData("AZA-XXX-999", null)]
    [InlineData(null, "kidneys")]
    public void Create_UnknownRuleOrTopic_Throws(string? rule, string? topic)
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions
        {
            DisabledRules = rule is null ? Array.Empty<string>() : new[] { rule },
            DisabledTopics = topic is null ? Array.Empty<string>() : new[] { topic },
        });

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_IdsAndTopicsInAnotherCase_MatchTheCatalogue()
    {
        var rules = ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { "aza-pgx-001" }, DisabledTopics = new[] { "HANDLING" } });

        rules.DisabledRules.Should().Equal("AZA-HND-001", "AZA-PGX-001");
    }

    [Fact]
    public void Create_UnknownRule_MessageListsTheValidIds()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { "AZA-PGX-999" } });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("'AZA-PGX-999'").And.Contain("Valid rule ids: AZA-").And.Contain("AZA-PGX-001");
    }

    [Fact]
    public void Create_UnknownTopic_MessageListsTheValidTopics()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { DisabledTopics = new[] { "kidneys" } });

        act.Should().Throw<ArgumentException>().Which.Message.Should().Contain("'kidneys'").And.Contain("Valid topics: tpmt, nudt15");
    }

    [Fact]
    public void Evaluate_RuleThrows_ResultIsIncompleteAndNamesTheRule()
    {
        var broken = Rule("AZA-TST-001").Title("broken").Topic(Topics.Tpmt).Caution(Severity.Info).Logic("l").Summary("s").Review("r")
            .Source("doc", "section", Confidence.Verified)
            .Match<PatientContext>("anyone").Then(_ => throw new InvalidOperationException("boom"));
        var rules = ClinicalRuleSet.Create(RuleCatalog.All().Append(broken), new RuleSetOptions());

        var result = rules.Evaluate(Patient(2));

        result.IsValid.Should().BeTrue();
        result.IsComplete.Should().BeFalse();
        result.RuleErrors.Should().ContainSingle().Which.Should().Be(new RuleError("AZA-TST-001", "InvalidOperationException: boom"));
        result.Findings.Should().NotBeEmpty("the other rules still report");
    }

    [Fact]
    public void Rules_ListsFindingRulesOnly_OrderedById()
    {
        ClinicalRuleSet.Default.Rules.Should().OnlyContain(r => !r.IsDerivation);
        ClinicalRuleSet.Default.Rules.Select(r => r.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
        ClinicalRuleSet.Default.Rules.Should().HaveCountGreaterThanOrEqualTo(50);
    }

    [Fact]
    public void Evaluate_WithListener_ReportsFiredRules()
    {
        var listener = new Listener();

        var result = ClinicalRuleSet.Default.Evaluate(Patient(3), new EvaluationOptions { Listener = listener });

        listener.Fired.Where(id => !id.StartsWith("AZA-DRV", StringComparison.Ordinal)).Distinct().Should().BeEquivalentTo(result.Findings.Select(f => f.RuleId).Distinct());
        listener.Conditions.Should().BeGreaterThan(0);
    }

    private sealed class Listener : IRuleEventListener
    {
        public List<string> Fired { get; } = new();

        public int Conditions { get; private set; }

        public void FactInserted(object fact)
        {
        }

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => Fired.Add(rule.Id);

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds) => Conditions++;
    }
}
