using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>The quiet baseline patient, so that every near-miss test starts from a known set of findings.</summary>
public class PatientsTests
{
    [Fact]
    public void Quiet_Evaluated_RaisesOnlyNextBloodCountDue()
    {
        var result = Evaluate(Patients.Quiet());

        result.ShouldRaiseExactly("AZA-CBC-002");
        result.Unrecognised.Should().BeEmpty();
        var due = result.ShouldRaise("AZA-CBC-002").ShouldBe(Severity.Info, Topics.CbcMonitoring, FindingKind.Monitoring);
        due.Summary.Should().Be("Next blood count due by 2026-07-02 (monthly after month three).");
    }
}
