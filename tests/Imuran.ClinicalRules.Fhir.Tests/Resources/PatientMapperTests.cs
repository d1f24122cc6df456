using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

public class PatientMapperTests
{
    [Theory]
    [InlineData("female", Sex.Female)]
    [InlineData("male", Sex.Male)]
    [InlineData("other", Sex.Other)]
    [InlineData("unknown", Sex.Unknown)]
    public void Read_Gender_SetsSex(string gender, Sex expected)
    {
        var result = Read($$"""{"resourceType":"Patient","id":"p","gender":"{{gender}}","birthDate":"2001-02-03"}""");

        result.Facts!.Sex.Should().Be(expected);
        result.Facts.BirthDate.Should().Be(new ClinicalDate(2001, 2, 3));
    }

    [Fact]
    public void Read_NoGenderOrBirthDate_LeavesThemUnknown()
    {
        var result = Read("""{"resourceType":"Patient","id":"p"}""");

        result.Facts!.Sex.Should().Be(Sex.Unknown);
        result.Facts.BirthDate.Should().BeNull();
        result.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Read_UnknownGenderCode_IsAProblem()
    {
        var result = Read("""{"resourceType":"Patient","id":"p","gender":"F"}""");

        result.Facts!.Sex.Should().Be(Sex.Unknown);
        result.Problems.Should().ContainSingle(p => p.Path == "Patient.gender");
    }

    [Theory]
    [InlineData("1974")]
    [InlineData("1974-12")]
    public void Read_PartialBirthDate_LeavesItUnsetWithAProblem(string birthDate)
    {
        var result = Read($$"""{"resourceType":"Patient","id":"p","birthDate":"{{birthDate}}"}""");

        result.Facts!.BirthDate.Should().BeNull();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.InvalidDate).Which.Message.Should().Contain(birthDate);
    }

    [Theory]
    [InlineData("1974-13-01")]
    [InlineData("1974-02-30")]
    [InlineData("yesterday")]
    public void Read_InvalidBirthDate_LeavesItUnsetWithAProblem(string birthDate)
    {
        var result = Read($$"""{"resourceType":"Patient","id":"p","birthDate":"{{birthDate}}"}""");

        result.Facts!.BirthDate.Should().BeNull();
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.InvalidDate && p.Path == "Patient.birthDate");
    }
}
