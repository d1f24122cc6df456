using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for AZA-PED-001.</summary>
public class PediatricRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    // AZA-PED-001 patient under 18

    [Fact]
    public void AZA_PED_001_Aged15_Fires()
    {
        var finding = Evaluate(Quiet.Aged(15)).ShouldRaise("AZA-PED-001").ShouldBe(Severity.Info, Topics.Pediatric);

        finding.Summary.Should().Be("Patient aged 15: safety and efficacy of azathioprine in children are not established.");
        finding.ShouldHaveBasis("age", "birthDate", "15 years (born 2011-06-15)");
    }

    [Fact]
    public void AZA_PED_001_Adult_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-PED-001");
    }

    [Theory]
    [InlineData(17, true)]
    [InlineData(18, false)] // the 18th birthday is today
    public void AZA_PED_001_Age17Versus18_Boundary(int age, bool fires)
    {
        Evaluate(Quiet.Aged(age)).ShouldRaiseIf("AZA-PED-001", fires);
    }

    [Fact]
    public void AZA_PED_001_DayBefore18thBirthday_Boundary_Fires()
    {
        Evaluate(Quiet.TurningTomorrow(18)).ShouldRaise("AZA-PED-001").Summary.Should().StartWith("Patient aged 17:");
    }

    [Fact]
    public void AZA_PED_001_NoBirthDate_Boundary_DoesNotFireButFlagsTheMissingDate()
    {
        var result = Evaluate(Quiet with { BirthDate = null });

        result.ShouldNotRaise("AZA-PED-001");
        result.ShouldRaise("AZA-DQ-001");
    }
}
