using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for AZA-HND-001.</summary>
public class HandlingRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    // AZA-HND-001 cytotoxic handling at dispense

    [Fact]
    public void AZA_HND_001_Dispensing_Fires()
    {
        var finding = Evaluate(Quiet.WithSetting(CareSetting.Dispensing)).ShouldRaise("AZA-HND-001").ShouldBe(Severity.Info, Topics.Handling);

        finding.Summary.Should().Be("Cytotoxic medicine: follow hazardous-drug handling and disposal precautions.");
        finding.ShouldHaveBasis("setting", "setting", "dispensing");
    }

    // knowledge.md, handling row: "cytotoxic: handle and dispose of as hazardous; do not crush or split; carers avoid
    // contact with broken product". "Crush" and "split" stay out of every rule text (TextPolicyTests).
    [Fact]
    public void AZA_HND_001_Texts_CarryTheReferenceHandlingAdvice()
    {
        var finding = Evaluate(Quiet.WithSetting(CareSetting.Dispensing)).ShouldRaise("AZA-HND-001");

        finding.Detail.Should().Contain("hazardous (cytotoxic) drugs").And.Contain("carers avoid contact with broken product");
        finding.Review.Should().Contain("carers avoid contact with broken product");
    }

    [Fact]
    public void AZA_HND_001_Prescribing_DoesNotFire()
    {
        Evaluate(Quiet.WithSetting(CareSetting.Prescribing)).ShouldNotRaise("AZA-HND-001");
    }

    [Theory]
    [InlineData(CareSetting.Dispensing, TherapyStatus.Considering, true)] // the setting alone decides
    [InlineData(CareSetting.Unspecified, TherapyStatus.Continuing, false)] // a setting-specific finding needs the setting
    [InlineData(CareSetting.Review, TherapyStatus.Continuing, false)]
    public void AZA_HND_001_SettingOnly_Boundary(CareSetting setting, TherapyStatus status, bool fires)
    {
        var start = status == TherapyStatus.Continuing ? Patients.TherapyStart : (ClinicalDate?)null;

        Evaluate(Quiet.WithTherapy(status, start).WithSetting(setting)).ShouldRaiseIf("AZA-HND-001", fires);
    }
}
