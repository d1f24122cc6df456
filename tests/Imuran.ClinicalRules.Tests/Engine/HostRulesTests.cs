using System.IO;
using HostRules;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Scenarios;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// A host compiles our NRules definitions with a rule of its own (samples/HostRules, written with NRules.Fluent) into
/// one session factory; its rule reads our findings as facts.
/// </summary>
public sealed class HostRulesTests
{
    private static readonly NRules.ISessionFactory Factory = HostSession.Compile(ClinicalRuleSet.Default);

    private static PatientFacts Sample(string name) =>
        PatientFactsJson.Read(File.ReadAllText(Path.Combine(ScenarioSamples.PatientsDirectory, name + ".json"))).Facts!;

    [Fact]
    public void HostSession_CriticalFindings_HostRuleAsksForACallForEach()
    {
        var patient = Sample("tpmt-poor-allopurinol");

        var outcome = HostSession.Run(Factory, ClinicalRuleSet.Default, patient);

        var critical = ClinicalRuleSet.Default.Evaluate(patient).Findings.Where(f => f.Severity == Severity.Critical).Select(f => f.RuleId).ToList();
        critical.Should().Contain(new[] { "AZA-PGX-001", "AZA-INT-001" });
        outcome.Calls.Select(c => c.RuleId).Should().Equal(critical.OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void HostSession_OurFindings_AreTheFindingsEvaluateGives()
    {
        foreach (var name in new[] { "tpmt-poor-allopurinol", "gout-allopurinol", "crohns-infliximab", "wbc-marked-fall" })
        {
            var patient = Sample(name);

            var outcome = HostSession.Run(Factory, ClinicalRuleSet.Default, patient);

            var expected = ClinicalRuleSet.Default.Evaluate(patient).Findings;
            outcome.Findings.Select(f => f.Finding).Should().BeEquivalentTo(expected, name);
        }
    }

    [Fact]
    public void HostSession_NoCriticalFinding_HostRuleStaysQuiet()
    {
        var patient = Sample("mesalamine-uc");
        ClinicalRuleSet.Default.Evaluate(patient).Findings.Should().NotContain(f => f.Severity == Severity.Critical);

        var outcome = HostSession.Run(Factory, ClinicalRuleSet.Default, patient);

        outcome.Findings.Should().NotBeEmpty();
        outcome.Calls.Should().BeEmpty();
    }

    [Fact]
    public void LoadFacts_InvalidPatient_ThrowsWithTheProblems()
    {
        var act = () => ClinicalRuleSet.Default.LoadFacts(new PatientFacts());

        act.Should().Throw<InvalidPatientFactsException>().Which.Problems.Should().NotBeEmpty();
    }

    [Fact]
    public void HostRulesSample_Main_PrintsFindingsAndTheHostsCalls()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            HostRules.Program.Main(new[] { Path.Combine(ScenarioSamples.PatientsDirectory, "tpmt-poor-allopurinol.json") }).Should().Be(0);
        }
        finally
        {
            Console.SetOut(previous);
        }

        output.ToString().Should().Contain("AZA-PGX-001").And.Contain("host: call the prescriber about AZA-PGX-001");
    }
}
