using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Rules.Model;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// <see cref="LabFact"/> stores its normalised value, low threshold and marked fall without nullable wrappers; what it
/// reports is what nullable properties would.
/// </summary>
public sealed class LabFactTests
{
    private static readonly PatientContext Patient = new(new PatientFacts { EvaluationDate = new ClinicalDate(2026, 6, 15) }, RuleThresholds.Default);

    private static LabFact Fact(double value, string? unit) =>
        new(new LabResult { Kind = LabKind.WhiteCells, Name = "WBC", Value = value, Unit = unit, Date = new ClinicalDate(2026, 6, 1) }, 0, LabKind.WhiteCells, Patient);

    [Fact]
    public void Normalised_UnitInTheTable_IsTheValueInTheCanonicalUnit()
    {
        var fact = Fact(3500, "/uL");

        fact.Normalised.Should().NotBeNull();
        fact.Normalised!.Value.Value.Should().BeApproximately(3.5, 1e-9);
        fact.Normalised.Value.Unit.Should().Be("10*9/L");
    }

    [Fact]
    public void Normalised_UnitNotInTheTable_IsNullAndNeverLowByThreshold()
    {
        var fact = Fact(0.1, "furlongs");
        fact.LowThreshold = 3.0;

        fact.Normalised.Should().BeNull();
        fact.LowByThreshold.Should().BeFalse();
    }

    [Theory]
    [InlineData(2.9, 3.0, true)]
    [InlineData(3.0, 3.0, false)]
    [InlineData(3.1, 3.0, false)]
    public void LowByThreshold_BelowTheThreshold_Boundary(double value, double threshold, bool low)
    {
        var fact = Fact(value, "10*9/L");
        fact.LowThreshold = threshold;

        fact.LowByThreshold.Should().Be(low);
    }

    [Fact]
    public void LowThresholdAndMarkedFall_NoneUntilSet_ThenWhatWasSet()
    {
        var fact = Fact(2.0, "10*9/L");

        fact.LowThreshold.Should().BeNull();
        fact.MarkedFall.Should().BeNull();
        fact.LowByThreshold.Should().BeFalse("no threshold applies");
        fact.FellWithinNormalRange.Should().BeFalse();

        fact.LowThreshold = 3.0;
        fact.MarkedFall = 0.0;

        fact.LowThreshold.Should().Be(3.0);
        fact.MarkedFall.Should().Be(0.0);
        fact.LowByThreshold.Should().BeTrue();

        fact.LowThreshold = null;
        fact.MarkedFall = null;

        fact.LowThreshold.Should().BeNull();
        fact.MarkedFall.Should().BeNull();
        fact.LowByThreshold.Should().BeFalse();
    }
}
