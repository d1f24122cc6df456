using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli.Tests;

public class CohortCommandTests
{
    [Fact]
    public void Cohort_SameSeed_GivesTheSameOutput()
    {
        var first = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "200", "--seed", "42");
        var second = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "200", "--seed", "42");

        first.ExitCode.Should().Be(ExitCodes.Ok);
        first.Out.Should().Be(second.Out);
        first.OutLines.Should().HaveCount(200);
    }

    [Fact]
    public void Cohort_DifferentSeed_GivesDifferentPatients()
    {
        var a = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "50", "--seed", "1").OutLines;
        var b = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "50", "--seed", "2").OutLines;

        // Compare without the ids, which carry the seed.
        a.Select(StripId).Should().NotEqual(b.Select(StripId));
    }

    [Fact]
    public void Cohort_SmallerCount_IsAPrefixOfTheLargerOne()
    {
        var small = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "10", "--seed", "5").OutLines;
        var large = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "30", "--seed", "5").OutLines;

        large.Take(10).Should().Equal(small);
    }

    [Fact]
    public void Cohort_DefaultSeed_IsOne()
    {
        ResearchCliRunner.Run(string.Empty, "cohort", "-n", "5").Out.Should().Be(ResearchCliRunner.Run(string.Empty, "cohort", "-n", "5", "--seed", "1").Out);
    }

    [Fact]
    public void Cohort_Ids_AreNumberedWithTheSeed()
    {
        var lines = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "3", "--seed", "9").OutLines;

        lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("patientId").GetString()).Should().Equal("cohort-9-000001", "cohort-9-000002", "cohort-9-000003");
    }

    [Fact]
    public void Cohort_ThroughBatch_EveryPatientIsValidAndEvaluated()
    {
        var cohort = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "1500", "--seed", "11");

        var batch = ResearchCliRunner.Run(cohort.Out, "batch");

        batch.ExitCode.Should().Be(ExitCodes.Ok, batch.OutLines.FirstOrDefault(l => l.Contains("\"error\"")) ?? string.Empty);
        batch.OutLines.Should().HaveCount(1500);
        batch.Error.Should().StartWith("batch: 1500 lines read; 1500 patients evaluated (0 incomplete); 0 invalid lines");
    }

    [Fact]
    public void Cohort_DefaultPrevalences_AreRoughlyTheDocumentedOnes()
    {
        var patients = Generate(CohortOptions.Default, 20000, seed: 1);
        var tpmt = patients.SelectMany(p => p.Pharmacogenomics).Where(r => r.Gene == Gene.Tpmt && r.Diplotype is not null).Select(r => r.Diplotype!).ToList();

        Share(tpmt, d => d is "*1/*3A" or "*1/*3C").Should().BeApproximately(0.1, 0.01, "TPMT intermediate is about 1 in 10");
        Share(tpmt, d => d == "*3A/*3A").Should().BeApproximately(1.0 / 300, 0.0015, "TPMT poor is about 1 in 300");
        Share(patients, p => p.Sex == Sex.Female).Should().BeApproximately(0.5, 0.02);
        Share(patients, p => p.Medications.Any(m => m.Name == "allopurinol")).Should().BeApproximately(0.03, 0.005);
        Share(patients, p => p.PregnancyStatus == PregnancyStatus.Pregnant).Should().BeGreaterThan(0).And.BeLessThan(0.02);
        patients.Where(p => p.PregnancyStatus == PregnancyStatus.Pregnant).Should().OnlyContain(p => p.Sex == Sex.Female);
        var older = patients.Where(p => Age(p) >= 60).ToList();
        var younger = patients.Where(p => Age(p) is < 60).ToList();
        Share(older, HasCkd).Should().BeApproximately(0.2, 0.02, "CKD depends on age");
        Share(younger, HasCkd).Should().BeApproximately(0.05, 0.01);
    }

    [Fact]
    public void Cohort_AncestryMix_DrivesNudt15Genotypes()
    {
        var eastAsian = CohortOptions.Default.WithAncestry("eastAsian=1", out var e1)!;
        var european = CohortOptions.Default.WithAncestry("european=1", out var e2)!;
        e1.Should().BeNull();
        e2.Should().BeNull();

        static double Risk(IEnumerable<PatientFacts> ps) =>
            Share(ps.SelectMany(p => p.Pharmacogenomics).Where(r => r.Gene == Gene.Nudt15).ToList(), r => r.Diplotype is "*1/*3" or "*3/*3");

        // Hardy-Weinberg: 2pq + q^2 with q = 0.10 is about 0.19; with q = 0.003 about 0.006.
        Risk(Generate(eastAsian, 8000, 2)).Should().BeApproximately(0.19, 0.02);
        Risk(Generate(european, 8000, 2)).Should().BeLessThan(0.02);
    }

    [Fact]
    public void Cohort_SetOption_ChangesAPrevalence()
    {
        var run = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "100", "--set", "tpmtPoor=1", "--set", "noPharmacogenomicResult=0", "--set", "tpmtActivityTest=0");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        var tpmt = run.OutLines.Select(l => PatientFactsJson.Read(l).Facts!).SelectMany(p => p.Pharmacogenomics).Where(r => r.Gene == Gene.Tpmt).ToList();
        tpmt.Should().HaveCount(100).And.OnlyContain(r => r.Diplotype == "*3A/*3A");
    }

    [Theory]
    [InlineData("--set", "tpmtPoor=2")]
    [InlineData("--set", "tpmtPoor")]
    [InlineData("--set", "noSuchThing=0.5")]
    [InlineData("--ancestry", "martian=1")]
    [InlineData("--ancestry", "european=0")]
    [InlineData("--set", "tpmtPoor=NaN")] // stop 28: NaN passed both bounds (a comparison with NaN is false) and was used
    [InlineData("--set", "tpmtPoor=-nan")]
    [InlineData("--ancestry", "european=NaN,african=1")]
    [InlineData("--evaluation-date", "2026-13-01")]
    [InlineData("--evaluation-date", "0001-06-01")] // QA, 2 Dec: "internal error: ArgumentOutOfRangeException", exit 1
    [InlineData("--evaluation-date", "9500-01-01")] // QA, 2 Dec: exit 0 with patients every check refuses (after 9000-12-31)
    public void Cohort_BadOption_Exits2AndWritesNothing(string option, string value)
    {
        var run = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "5", option, value);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().StartWith("error: ");
    }

    [Fact]
    public void Cohort_MissingCount_Exits2()
    {
        var run = ResearchCliRunner.Run(string.Empty, "cohort");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("-n");
    }

    [Fact]
    public void Cohort_NegativeCount_Exits2()
    {
        ResearchCliRunner.Run(string.Empty, "cohort", "-n", "-3").ExitCode.Should().Be(ExitCodes.InvalidInput);
    }

    [Fact]
    public void Cohort_ZeroCount_WritesNothing()
    {
        var run = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "0");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public void Cohort_ShowOptions_ListsEverySettingWithItsSource()
    {
        var run = ResearchCliRunner.Run(string.Empty, "cohort", "--show-options", "--set", "allopurinol=0.5");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.Out.Should().Contain("| tpmtPoor | 0.0033 | issue: about 1 in 300 |");
        run.Out.Should().Contain("| allopurinol | 0.5 | illustrative |");
        run.Out.Should().Contain("| eastAsian | 0.08 | 0.1 |");
        foreach (var s in CohortOptions.Settings)
        {
            run.Out.Should().Contain("| " + s.Name + " |");
        }
    }

    [Fact]
    public void Cohort_EvaluationDate_SetsEveryPatientsDate()
    {
        var lines = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "20", "--evaluation-date", "2030-06-01").OutLines;

        lines.Select(l => PatientFactsJson.Read(l).Facts!.EvaluationDate).Should().OnlyContain(d => d == new ClinicalDate(2030, 6, 1));
    }

    [Fact]
    public void Cohort_ThroughBatchAndCoverage_ReportsAlertBurden()
    {
        var cohort = ResearchCliRunner.Run(string.Empty, "cohort", "-n", "400", "--seed", "3");

        var coverage = ResearchCliRunner.Run(cohort.Out, "coverage", "--format", "json");

        coverage.ExitCode.Should().Be(ExitCodes.Ok);
        var json = JsonDocument.Parse(coverage.Out).RootElement;
        json.GetProperty("input").GetProperty("patients").GetInt32().Should().Be(400);
        json.GetProperty("ruleCoverage").GetProperty("fired").GetInt32().Should().BeGreaterThan(30);
        json.GetProperty("bySeverity").EnumerateArray().Sum(g => g.GetProperty("findingsPer1000Patients").GetDouble()).Should().BeGreaterThan(1000);
    }

    private static List<PatientFacts> Generate(CohortOptions options, int n, int seed)
    {
        var g = new CohortGenerator(options, seed);
        return Enumerable.Range(0, n).Select(_ => g.Next()).ToList();
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> test) => items.Count == 0 ? 0 : (double)items.Count(test) / items.Count;

    private static int? Age(PatientFacts p) => p.BirthDate?.YearsUntil(p.EvaluationDate);

    private static bool HasCkd(PatientFacts p) => p.Conditions.Any(c => c.Code == "N18.3");

    private static string StripId(string line) => line.Substring(line.IndexOf(",", StringComparison.Ordinal));
}
