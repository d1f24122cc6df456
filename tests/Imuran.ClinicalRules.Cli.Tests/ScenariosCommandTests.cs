using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli.Tests;

public class ScenariosCommandTests
{
    private static readonly Lazy<IReadOnlyList<Scenario>> Scenarios = new(() =>
        ScenarioGenerator.Generate(ClinicalRuleSet.Default, ScenarioGenerator.DefaultEvaluationDate).ToList());

    [Fact]
    public void Scenarios_PipedIntoCoverageWithMinRuleCoverage100_Exits0()
    {
        var scenarios = ResearchCliRunner.Run(string.Empty, "scenarios");

        var coverage = ResearchCliRunner.Run(scenarios.Out, "coverage", "--min-rule-coverage", "100");

        scenarios.ExitCode.Should().Be(ExitCodes.Ok);
        coverage.ExitCode.Should().Be(ExitCodes.Ok, coverage.Error);
        var rules = ClinicalRuleSet.Default.Rules.Count;
        coverage.Out.Should().Contain($"| Rules fired at least once | {rules} | {rules} | 100.0 % |");
        coverage.Out.Should().Contain("Rules never fired: none.");
    }

    [Fact]
    public void Scenarios_EveryLine_IsValidPatientFactsWithAUniqueId()
    {
        var lines = ResearchCliRunner.Run(string.Empty, "scenarios").OutLines;

        lines.Should().HaveCount(Scenarios.Value.Count);
        var ids = new List<string>();
        foreach (var line in lines)
        {
            var read = PatientFactsJson.Read(line);
            read.Problems.Should().BeEmpty(line);
            ClinicalRuleSet.Default.Evaluate(read.Facts!).Validation.Should().BeEmpty(line);
            ids.Add(read.Facts!.PatientId!);
        }

        ids.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Generate_EveryFiringScenario_FiresItsRule()
    {
        foreach (var s in Scenarios.Value.Where(s => s.Fires))
        {
            Fired(s).Should().Contain(s.RuleId, $"{s.Id} ({s.Purpose}) must fire its rule");
        }
    }

    [Fact]
    public void Generate_EveryNearMiss_DoesNotFireItsRule()
    {
        Scenarios.Value.Count(s => !s.Fires).Should().BeGreaterThanOrEqualTo(ClinicalRuleSet.Default.Rules.Count);
        foreach (var s in Scenarios.Value.Where(s => !s.Fires))
        {
            Fired(s).Should().NotContain(s.RuleId, $"{s.Id} ({s.Purpose}) is a near miss");
        }
    }

    [Fact]
    public void Generate_EveryRule_HasAFiringScenarioAndANearMiss()
    {
        foreach (var rule in ClinicalRuleSet.Default.Rules)
        {
            Scenarios.Value.Should().Contain(s => s.RuleId == rule.Id && s.Fires, rule.Id);
            Scenarios.Value.Should().Contain(s => s.RuleId == rule.Id && !s.Fires, rule.Id);
        }
    }

    [Fact]
    public void Table_HasNoEntryForARuleThatDoesNotExist()
    {
        ScenarioGenerator.Table().Keys.Should().BeEquivalentTo(ClinicalRuleSet.Default.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Generate_RuleWithoutATableEntry_Throws()
    {
        var table = ScenarioGenerator.Table().Where(e => e.Key != "AZA-PML-001").ToDictionary(e => e.Key, e => e.Value);

        var act = () => ScenarioGenerator.Generate(ClinicalRuleSet.Default, ScenarioGenerator.DefaultEvaluationDate, table).ToList();

        act.Should().Throw<InvalidOperationException>().WithMessage("*AZA-PML-001*");
    }

    [Fact]
    public void Generate_EveryCondition_SeesBothOutcomesExceptThoseThatTestNothing()
    {
        var listeners = Scenarios.Value.Select(s =>
        {
            var l = new CoverageListener(CoverageLayout.Default);
            RuleEngines.RuleSet(RuleEngines.Compiled).Evaluate(s.Facts, new EvaluationOptions { Listener = l });
            return l;
        }).ToList();
        var layout = CoverageLayout.Default;
        var table = ScenarioGenerator.Table();

        for (var r = 0; r < layout.Rules.Count; r++)
        {
            var rule = layout.Rules[r];
            var unconditional = table[rule.Id].UnconditionalConditions;
            for (var c = 0; c < rule.Conditions.Count; c++)
            {
                var seen = listeners.Aggregate(ConditionOutcomes.None, (acc, l) => acc | l.Outcomes[layout.ConditionOffsets[r] + c]);
                if (unconditional.Contains(c))
                {
                    // Claimed to test nothing: it must then be seen true only, or the claim is wrong.
                    seen.Should().Be(ConditionOutcomes.True, $"{rule.Id} condition {c + 1} ('{rule.Conditions[c]}') is listed as testing nothing");
                }
                else
                {
                    seen.Should().Be(ConditionOutcomes.Both, $"{rule.Id} condition {c + 1} ('{rule.Conditions[c]}') must be seen true and false");
                }
            }
        }
    }

    [Theory]
    [InlineData("2024-02-29")]
    [InlineData("2031-12-31")]
    public void Scenarios_AnotherEvaluationDate_StillFiresEveryRule(string date)
    {
        var scenarios = ResearchCliRunner.Run(string.Empty, "scenarios", "--evaluation-date", date);

        var coverage = ResearchCliRunner.Run(scenarios.Out, "coverage", "--min-rule-coverage", "100", "--format", "json");

        coverage.ExitCode.Should().Be(ExitCodes.Ok, coverage.Error);
        JsonDocument.Parse(scenarios.OutLines[0]).RootElement.GetProperty("evaluationDate").GetString().Should().Be(date);
    }

    [Fact]
    public void Scenarios_TwoRuns_GiveTheSameOutput()
    {
        ResearchCliRunner.Run(string.Empty, "scenarios").Out.Should().Be(ResearchCliRunner.Run(string.Empty, "scenarios").Out);
    }

    [Fact]
    public void Scenarios_List_PrintsATableOfIdsRulesAndPurposes()
    {
        var run = ResearchCliRunner.Run(string.Empty, "scenarios", "--list");

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.OutLines[0].Should().Be("| Patient id | Rule | Expect | Purpose |");
        run.OutLines.Should().HaveCount(Scenarios.Value.Count + 2);
        run.Out.Should().Contain("| AZA-CBC-001:miss:1 | AZA-CBC-001 | near miss: does not fire | continuing, last blood count 31 days ago |");
    }

    [Theory]
    [InlineData("tomorrow")]
    [InlineData("0001-06-01")] // QA, 2 Dec: "internal error: ArgumentOutOfRangeException", exit 1
    [InlineData("9500-01-01")] // QA, 2 Dec: exit 1 after writing patients every check refuses (after 9000-12-31)
    public void Scenarios_BadEvaluationDate_Exits2(string date)
    {
        var run = ResearchCliRunner.Run(string.Empty, "scenarios", "--evaluation-date", date);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("--evaluation-date").And.NotContain("internal error");
    }

    private static IReadOnlyList<string> Fired(Scenario s)
    {
        var result = ClinicalRuleSet.Default.Evaluate(s.Facts);
        result.IsComplete.Should().BeTrue(s.Id);
        return result.Findings.Select(f => f.RuleId).ToList();
    }
}
