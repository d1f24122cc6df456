using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;

namespace Imuran.ClinicalRules.Research.Tests.Coverage;

/// <summary>
/// A researcher's run without the tool: generate patients with the library, measure coverage, read the report. Only
/// the public surface is used here (as in a notebook).
/// </summary>
public sealed class CoverageStudyTests
{
    private static readonly ClinicalRuleSet Compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

    [Fact]
    public void Run_ScenarioSet_FiresEveryRuleAndSeesEveryConditionOutcomeItCan()
    {
        var scenarios = ScenarioGenerator.Generate(Compiled, ScenarioGenerator.DefaultEvaluationDate).Select(s => s.Facts).ToList();

        var study = CoverageStudy.Run(scenarios, Compiled);

        study.Patients.Should().Be(scenarios.Count);
        study.InvalidPatients.Should().Be(0);
        study.IncompleteEvaluations.Should().Be(0);
        study.RulesNeverFired.Should().BeEmpty();
        study.RuleCoveragePercent.Should().Be(100);
        study.RulesFired.Should().Be(study.RuleCount).And.Be(Compiled.Rules.Count);
        study.ConditionCoveragePercent.Should().BeGreaterThan(90, "the near misses show each condition false");
    }

    [Fact]
    public void Run_GeneratedCohort_CountsEveryPatientAndWritesEachReport()
    {
        var generator = new CohortGenerator(CohortOptions.Default with { Allopurinol = 0.5 }, seed: 3);
        var cohort = Enumerable.Range(0, 400).Select(_ => generator.Next()).ToList();

        var study = CoverageStudy.Run(cohort);

        study.Patients.Should().Be(400);
        study.InvalidPatients.Should().Be(0);
        study.IncompleteEvaluations.Should().Be(0);
        study.TimesFired("AZA-INT-001").Should().BeGreaterThan(100, "half the cohort takes allopurinol");
        study.PatientsAffected("AZA-INT-001").Should().BeLessThanOrEqualTo(study.TimesFired("AZA-INT-001"));
        study.RulesNeverFired.Should().OnlyContain(id => study.TimesFired(id) == 0);
        study.ToReport(CoverageFormat.Markdown).Should().Contain("AZA-INT-001");
        using (var json = JsonDocument.Parse(study.ToReport(CoverageFormat.Json)))
        {
            json.RootElement.ValueKind.Should().Be(JsonValueKind.Object);
        }

        study.ToReport(CoverageFormat.Csv).Split('\n').Should().Contain(l => l.StartsWith("AZA-INT-001", StringComparison.Ordinal) || l.Contains("AZA-INT-001"));
        study.ToReport(CoverageFormat.Html).Should().StartWith("<!DOCTYPE html>");
    }

    [Fact]
    public void Run_SamePatientsTwice_GivesTheSameReport()
    {
        PatientFacts[] Cohort()
        {
            var g = new CohortGenerator(CohortOptions.Default, seed: 11);
            return Enumerable.Range(0, 200).Select(_ => g.Next()).ToArray();
        }

        CoverageStudy.Run(Cohort()).ToReport(CoverageFormat.Json).Should().Be(CoverageStudy.Run(Cohort()).ToReport(CoverageFormat.Json));
    }

    [Fact]
    public void Run_InvalidPatient_IsCountedNotEvaluatedAndNotThrown()
    {
        var valid = new CohortGenerator(CohortOptions.Default, seed: 5).Next();
        var invalid = valid with { LabResults = new[] { new LabResult { LoincCode = "6690-2", Value = 3.1, Unit = "", Date = valid.EvaluationDate } } };

        var study = CoverageStudy.Run(new[] { valid, invalid });

        study.Patients.Should().Be(1);
        study.InvalidPatients.Should().Be(1);
    }

    [Fact]
    public void TimesFired_UnknownRule_ThrowsNamingIt()
    {
        var study = CoverageStudy.Run(Array.Empty<PatientFacts>());

        var act = () => study.TimesFired("AZA-NOPE-999");

        act.Should().Throw<ArgumentException>().WithMessage("*AZA-NOPE-999*");
        study.RuleCoveragePercent.Should().Be(0);
        study.RulesNeverFired.Should().HaveCount(study.RuleCount);
    }

    [Fact]
    public void Run_NullPatient_ThrowsNamingItsPosition()
    {
        var act = () => CoverageStudy.Run(new PatientFacts[] { new CohortGenerator(CohortOptions.Default, 1).Next(), null! });

        act.Should().Throw<ArgumentNullException>().WithMessage("*Patient 2*");
    }
}
