using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Tests.Terminology;

/// <summary>The public RxNorm lookup gives readers the same answer as the rules (issue 11 item 0, FHIR follow-up).</summary>
public class RxNormIngredientsTests
{
    [Theory]
    [InlineData("197388", "azathioprine")] // azathioprine 50 MG oral tablet (SCD)
    [InlineData("1256", "azathioprine")] // ingredient
    [InlineData(" 197388 ", "azathioprine")]
    [InlineData("197319", "allopurinol")] // allopurinol 100 MG oral tablet (SCD)
    [InlineData("519", "allopurinol")]
    public void TryGetIngredient_KnownIngredientOrProductCode_GivesTheIngredient(string code, string expected)
    {
        RxNormIngredients.TryGetIngredient(code, out var ingredient).Should().BeTrue();
        ingredient.Should().Be(expected);
    }

    [Theory]
    [InlineData("99999999")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("azathioprine")] // names are not looked up
    public void TryGetIngredient_UnknownCodeOrName_IsFalseWithEmptyIngredient(string? code)
    {
        RxNormIngredients.TryGetIngredient(code, out var ingredient).Should().BeFalse();
        ingredient.Should().BeEmpty();
    }

    [Fact]
    public void TryGetIngredient_AgreesWithTheRulesClassification()
    {
        foreach (var code in new[] { "197388", "197319", "1256", "519" })
        {
            RxNormIngredients.TryGetIngredient(code, out var ingredient).Should().BeTrue();
            ingredient.Should().Be(MedicationTerminology.Classify(code, null).Ingredient);
        }
    }
}
