using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Tests.Terminology;

public class MedicineNamesTests
{
    [Theory]
    [InlineData("Allopurinol 300 mg - reduce azathioprine to one quarter", "allopurinol")]
    [InlineData("Imuran 50 mg (azathioprine)", "azathioprine")]
    [InlineData("ZYLOPRIM", "allopurinol")]
    [InlineData("Sulfamethoxazole 400 MG / Trimethoprim 80 MG Oral Tablet", "sulfamethoxazole / trimethoprim")]
    public void TryGetIngredient_ReadsTheNameAsTheRulesDo(string name, string expected)
    {
        MedicineNames.TryGetIngredient(name, out var ingredient).Should().BeTrue();

        ingredient.Should().Be(expected);
        ingredient.Should().Be(MedicationTerminology.Classify(null, name).Ingredient);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("vitamin D 1000 units")]
    [InlineData("Preazathioprinexyz")]
    public void TryGetIngredient_NameOfNoKnownMedicine_IsFalse(string? name)
    {
        MedicineNames.TryGetIngredient(name, out var ingredient).Should().BeFalse();

        ingredient.Should().BeEmpty();
        MedicineNames.Ingredients(name).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Allopurinol 300 mg - reduce azathioprine", new[] { "allopurinol", "azathioprine" })]
    [InlineData("warfarin; on Imuran, stop Zyloprim", new[] { "warfarin", "azathioprine", "allopurinol" })]
    [InlineData("co-trimoxazole after Bactrim", new[] { "sulfamethoxazole / trimethoprim" })]
    [InlineData("azathioprine (Imuran), azathioprine", new[] { "azathioprine" })]
    [InlineData("sulfamethoxazole / trimethoprim", new[] { "sulfamethoxazole / trimethoprim" })]
    [InlineData("Fébuxostat, puis azathioprine", new[] { "azathioprine" })]
    public void Ingredients_ListsEveryMedicineNamedOnceWithTheOneReadFirst(string name, string[] expected) =>
        MedicineNames.Ingredients(name).Should().Equal(expected);
}
