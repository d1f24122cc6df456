namespace Imuran.ClinicalRules.Research.Tests.Samples;

/// <summary>The researcher sample (samples/RuleCoverageResearch) runs a cohort from code, without the tool.</summary>
public sealed class RuleCoverageResearchSampleTests
{
    [Fact]
    public void Run_SmallCohort_PassesTheScenarioGateAndReportsTheCohort()
    {
        var (gate, report) = RuleCoverageResearch.Program.Run(patients: 300, seed: 1);

        gate.Should().StartWith("ok: the scenario set fires all");
        report.Should().Contain("AZA-INT-001").And.Contain("300");
    }
}
