using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Tests.Terminology;

/// <summary>
/// Units are matched in their comparable form (no spaces, any case, µ or μ as u, ^ as *, a leading "x" dropped), read
/// character by character rather than built per lab.
/// </summary>
public class LabUnitsTests
{
    [Theory]
    [InlineData("10*9/L", 1)]
    [InlineData("10^9/L", 1)]
    [InlineData("x10^9/L", 1)]
    [InlineData("X10^9/l", 1)]
    [InlineData(" 10 ^ 9 / L ", 1)]
    [InlineData("10^3/µL", 1)]
    [InlineData("10^3/μL", 1)]
    [InlineData("K/uL", 1)]
    [InlineData("cells/uL", 0.001)]
    public void Normalise_CellCountInATableUnitWrittenAnyWay_GivesTheCanonicalValue(string unit, double factor)
    {
        var normalised = LabUnits.Normalise(LabKind.Neutrophils, 4000, unit);

        normalised.Should().NotBeNull();
        normalised!.Value.Value.Should().Be(4000 * factor);
        normalised.Value.Unit.Should().Be("10*9/L");
    }

    [Theory]
    [InlineData("10^6/L")]
    [InlineData("x")]
    [InlineData("xx10^9/L")] // only one leading x is dropped
    [InlineData("")]
    public void Normalise_UnitNotInTheTable_IsNull(string unit) =>
        LabUnits.Normalise(LabKind.Neutrophils, 4, unit).Should().BeNull();

    [Theory]
    [InlineData("mL/min/{1.73_m2}", "ml/min/{1.73_m2}", true)]
    [InlineData("umol/L", "µmol / l", true)]
    [InlineData("x10*9/L", "10^9/L", true)]
    [InlineData("x", "", false)] // a lone x is the unit, not a prefix
    [InlineData("g/L", "g/dL", false)]
    public void SameUnit_ComparesTheComparableForm(string a, string b, bool same) =>
        LabUnits.SameUnit(a, b).Should().Be(same);
}
