using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Tests.Benchmarks;
using Imuran.ClinicalRules.Tests.Rules;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// AZA-DRV-003/004 derive a missing gene result only for a patient none of whose results of that gene gives a
/// phenotype (<see cref="PatientContext.AnyResultGivesPhenotype"/>, set when loading) and who has no phenotype call
/// for it; on both executors, the derived facts and the finding that reads them are the same.
/// </summary>
public sealed class MissingResultDerivationTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    private static readonly ClinicalRuleSet OnNRules = ClinicalRuleSet.Default;
    private static readonly ClinicalRuleSet OnCompiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

    public static TheoryData<RuleEngine> Engines => new() { RuleEngine.NRules, RuleEngine.Compiled };

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_NoResultOnFile_BothGenesMissing(RuleEngine engine)
    {
        var (result, recorder) = Run(engine, Quiet.WithoutPgx());

        recorder.Missing.Should().Equal(Gene.Tpmt, Gene.Nudt15);
        recorder.Fired.Should().Contain(new[] { "AZA-DRV-003", "AZA-DRV-004" });
        var finding = result.ShouldRaise("AZA-PGX-009");
        finding.Summary.Should().Be("No TPMT or NUDT15 result on file for a patient on azathioprine: consider testing.");
        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics", "no result on file");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_ActivityResultWithinTransfusionWindow_TpmtMissing(RuleEngine engine)
    {
        // A red-cell activity result 30 days after a transfusion is not used for the phenotype (AZA-PGX-011).
        var activity = Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity, Patients.DaysAgo(10));
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(40) }).WithPgx(activity, Patients.Nudt15("*1/*1"));

        var (result, recorder) = Run(engine, patient);

        recorder.Missing.Should().Equal(Gene.Tpmt);
        recorder.Context.AnyResultGivesPhenotype(Gene.Tpmt).Should().BeFalse();
        recorder.Context.AnyResultGivesPhenotype(Gene.Nudt15).Should().BeTrue();
        result.ShouldRaise("AZA-PGX-009").Summary.Should().Be("No TPMT result on file for a patient on azathioprine: consider testing.");
        result.ShouldRaise("AZA-PGX-011");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_ActivityResultAfterTheWindow_NothingMissing(RuleEngine engine)
    {
        var activity = Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity, Patients.DaysAgo(10));
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(200) }).WithPgx(activity, Patients.Nudt15("*1/*1"));

        var (result, recorder) = Run(engine, patient);

        recorder.Missing.Should().BeEmpty();
        recorder.Fired.Should().NotContain(new[] { "AZA-DRV-003", "AZA-DRV-004" });
        result.ShouldNotRaise("AZA-PGX-009");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_UnreadableDiplotypeWithoutPhenotype_TpmtMissing(RuleEngine engine)
    {
        var (result, recorder) = Run(engine, Quiet.WithPgx(Patients.Tpmt("c.719A>G het"), Patients.Nudt15("*1/*1")));

        recorder.Missing.Should().Equal(Gene.Tpmt);
        var finding = result.ShouldRaise("AZA-PGX-009");
        finding.Summary.Should().Be("No TPMT result on file for a patient on azathioprine: consider testing.");
        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics", "no usable result: a result is on file but cannot be read (pharmacogenomics[0])");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_UnreadableDiplotypeWithReportedPhenotype_NothingMissing(RuleEngine engine)
    {
        var tpmt = Patients.Tpmt("c.719A>G het", MetabolizerPhenotype.Intermediate);

        var (result, recorder) = Run(engine, Quiet.WithPgx(tpmt, Patients.Nudt15("*1/*1")));

        recorder.Missing.Should().BeEmpty();
        result.ShouldNotRaise("AZA-PGX-009");
        result.ShouldRaise("AZA-PGX-003");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_UsableGenotypes_NothingMissing(RuleEngine engine)
    {
        var (result, recorder) = Run(engine, Quiet);

        recorder.Missing.Should().BeEmpty();
        recorder.Fired.Should().NotContain(new[] { "AZA-DRV-003", "AZA-DRV-004" });
        recorder.Context.AnyResultGivesPhenotype(Gene.Tpmt).Should().BeTrue();
        recorder.Context.AnyResultGivesPhenotype(Gene.Nudt15).Should().BeTrue();
        result.ShouldNotRaise("AZA-PGX-009");
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void DeriveMissing_AlleleNotInTable_IndeterminateNotMissing(RuleEngine engine)
    {
        var (result, recorder) = Run(engine, Quiet.WithPgx(Patients.Tpmt("*1/*99"), Patients.Nudt15("*1/*1")));

        recorder.Missing.Should().BeEmpty();
        result.ShouldNotRaise("AZA-PGX-009");
        result.ShouldRaise("AZA-PGX-006");
    }

    /// <summary>
    /// The loaded flag and the derivation are one truth: over the fuzz patients (transfusions, activity results,
    /// unreadable diplotypes), a gene has a phenotype call exactly when a result of it gives a phenotype.
    /// </summary>
    [Fact]
    public void AnyResultGivesPhenotype_FuzzPatients_HoldsExactlyWhenAPhenotypeIsDerived()
    {
        var fuzzer = new PatientFuzzer(11);
        var checkedPatients = 0;
        var withoutCall = 0;
        for (var i = 0; i < 1500; i++)
        {
            var facts = fuzzer.Next(i);
            var recorder = new Recorder();
            var result = OnCompiled.Evaluate(facts, new EvaluationOptions { Listener = recorder });
            if (result.Validation.Count > 0 || recorder.Inserted.Count == 0)
            {
                continue;
            }

            foreach (var gene in new[] { Gene.Tpmt, Gene.Nudt15 })
            {
                var derived = recorder.Inserted.OfType<PhenotypeCall>().Any(c => c.Gene == gene);
                recorder.Context.AnyResultGivesPhenotype(gene).Should().Be(derived, "patient {0}, {1}", i, gene);
                withoutCall += derived ? 0 : 1;
            }

            checkedPatients++;
        }

        checkedPatients.Should().BeGreaterThan(500);
        withoutCall.Should().BeGreaterThan(50);
    }

    private static (EvaluationResult Result, Recorder Recorder) Run(RuleEngine engine, PatientFacts patient)
    {
        var recorder = new Recorder();
        var result = (engine == RuleEngine.Compiled ? OnCompiled : OnNRules).Evaluate(patient, new EvaluationOptions { Listener = recorder });
        result.Validation.Should().BeEmpty();
        result.RuleErrors.Should().BeEmpty();
        return (result, recorder);
    }

    private sealed class Recorder : IRuleEventListener
    {
        public List<string> Fired { get; } = new();

        public List<object> Inserted { get; } = new();

        public PatientContext Context => Inserted.OfType<PatientContext>().Single();

        public List<Gene> Missing => Inserted.OfType<MissingGeneResult>().Select(m => m.Gene).ToList();

        public void FactInserted(object fact) => Inserted.Add(fact);

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts) => Fired.Add(rule.Id);

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds)
        {
        }
    }
}
