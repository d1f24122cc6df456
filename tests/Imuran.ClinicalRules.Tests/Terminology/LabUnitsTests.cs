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
    [InlineData("{cells}/uL", 0.001)] // UCUM annotations carry no meaning (QA, 2 Dec: read as an unknown unit)
    [InlineData("10*3/uL{cells}", 1)]
    [InlineData("{absolute} 10^9 / L", 1)]
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
    [InlineData("{cells}")] // an annotation alone is the unit 1, not a count per volume
    [InlineData("{cells/uL")] // an unclosed brace is read as a character
    [InlineData("bananas")]
    public void Normalise_UnitNotInTheTable_IsNull(string unit) =>
        LabUnits.Normalise(LabKind.Neutrophils, 4, unit).Should().BeNull();

    [Theory]
    [InlineData("mL/min/{1.73_m2}", "ml/min/{1.73_m2}", true)]
    [InlineData("umol/L", "µmol / l", true)]
    [InlineData("x10*9/L", "10^9/L", true)]
    [InlineData("x", "", false)] // a lone x is the unit, not a prefix
    [InlineData("g/L", "g/dL", false)]
    [InlineData("mL/min/{1.73_m2}", "mL/min/{1.73m2}", true)]
    [InlineData("{cells}/uL", "/uL", true)]
    public void SameUnit_ComparesTheComparableForm(string a, string b, bool same) =>
        LabUnits.SameUnit(a, b).Should().Be(same);

    [Theory]
    [InlineData(LabKind.Platelets, "10*9/L", true)]
    [InlineData(LabKind.Platelets, "fL", false)]
    [InlineData(LabKind.Neutrophils, "%", false)]
    [InlineData(LabKind.Neutrophils, null, false)]
    [InlineData(LabKind.TpmtActivity, "U/mL RBC", true)] // no unit table for the kind: any unit fits
    public void Fits_UnitOfTheKindOrAKindWithoutATable(LabKind kind, string? unit, bool fits) =>
        LabUnits.Fits(kind, unit).Should().Be(fits);
}
