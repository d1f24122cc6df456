using Imuran.ClinicalRules.CdsHooks.Internal;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Internal;

public class StrengthsTests
{
    [Theory]
    [InlineData("Azathioprine 50 MG Oral Tablet", "Azathioprine Oral Tablet")]
    [InlineData("Allopurinol 300 MG Oral Tablet", "Allopurinol Oral Tablet")]
    [InlineData("Amoxicillin 120 MG/ML / clavulanate potassium 8.58 MG/ML Oral Suspension", "Amoxicillin / clavulanate potassium Oral Suspension")]
    [InlineData("Methotrexate 2.5 mg tablet", "Methotrexate tablet")]
    [InlineData("Insulin glargine 100 UNT/ML Injectable Solution", "Insulin glargine Injectable Solution")]
    [InlineData("Hydrocortisone 1 % Topical Cream", "Hydrocortisone Topical Cream")]
    [InlineData("Fentanyl 25 MCG/HR Transdermal System", "Fentanyl Transdermal System")]
    [InlineData("azathioprine 0,5mg", "azathioprine")]
    [InlineData("50 MG", "(strength only, name not given)")]
    public void Remove_StrengthInAMedicineName_IsTakenOut(string name, string expected) =>
        Strengths.Remove(name).Should().Be(expected);

    [Theory]
    [InlineData("azathioprine")]
    [InlineData("Vitamin B12")]
    [InlineData("TPMT *3A/*3A")]
    [InlineData("COVID-19 vaccine")]
    [InlineData("5-aminosalicylic acid")]
    public void Remove_NameWithoutAStrength_IsLeftAlone(string name) =>
        Strengths.Remove(name).Should().Be(name);
}
