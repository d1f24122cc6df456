using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Pharmacogenomics;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Pharmacogenomics;

public class CpicTablesTests
{
    public static TheoryData<string, Gene, int> Genes => new()
    {
        { "TPMT.phenotypes.json", Gene.Tpmt, 946 },
        { "NUDT15.phenotypes.json", Gene.Nudt15, 45 },
    };

    [Theory]
    [MemberData(nameof(Genes))]
    public void Translate_EveryCpicDiplotypeInBothOrders_AgreesWithPublishedPhenotype(string file, Gene gene, int expectedCount)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "Imuran.ClinicalRules.Tests", "Pharmacogenomics", "CpicData", file)));
        var diplotypes = doc.RootElement.GetProperty("diplotypes").EnumerateArray().ToList();
        diplotypes.Should().HaveCount(expectedCount);
        var disagreements = new List<string>();
        foreach (var d in diplotypes)
        {
            var diplotype = d.GetProperty("diplotype").GetString()!;
            var expected = Map(d.GetProperty("phenotype").GetString()!);
            var parts = diplotype.Split('/');
            foreach (var text in new[] { diplotype, parts[1] + "/" + parts[0] })
            {
                var actual = CpicTables.Default.Translate(gene, text)!.Phenotype;
                if (actual != expected)
                {
                    disagreements.Add($"{text}: expected {expected}, got {actual}");
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Genes))]
    public void FunctionOf_EveryPublishedAllele_MatchesTheDataFile(string file, Gene gene, int _)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.InRepo("tests", "Imuran.ClinicalRules.Tests", "Pharmacogenomics", "CpicData", file)));
        foreach (var p in doc.RootElement.GetProperty("haplotypes").EnumerateObject())
        {
            var expected = p.Value.GetString() switch
            {
                "Normal function" => AlleleFunction.Normal,
                "No function" => AlleleFunction.None,
                "Uncertain function" => AlleleFunction.Uncertain,
                _ => AlleleFunction.Unknown,
            };
            CpicTables.Default.FunctionOf(gene, p.Name).Should().Be(expected, p.Name);
        }

        CpicTables.Default.AlleleFunctionVersion.Should().Be(doc.RootElement.GetProperty("version").GetString());
    }

    [Theory]
    [InlineData("*1/*3A", MetabolizerPhenotype.Intermediate)]
    [InlineData("*3A/*3A", MetabolizerPhenotype.Poor)]
    [InlineData("*3A/*3C", MetabolizerPhenotype.Poor)]
    [InlineData("*1/*5", MetabolizerPhenotype.Indeterminate)]
    [InlineData("*3A/*5", MetabolizerPhenotype.PossibleIntermediate)]
    [InlineData(" *3a / *1 ", MetabolizerPhenotype.Intermediate)]
    public void Translate_PharmacogenomicsReferenceExamples_Tpmt(string diplotype, MetabolizerPhenotype expected) =>
        CpicTables.Default.Translate(Gene.Tpmt, diplotype)!.Phenotype.Should().Be(expected);

    [Theory]
    [InlineData("*1/*3", MetabolizerPhenotype.Intermediate)]
    [InlineData("*3/*3", MetabolizerPhenotype.Poor)]
    [InlineData("*1/*4", MetabolizerPhenotype.Indeterminate)]
    [InlineData("*3/*4", MetabolizerPhenotype.PossibleIntermediate)]
    public void Translate_PharmacogenomicsReferenceExamples_Nudt15(string diplotype, MetabolizerPhenotype expected) =>
        CpicTables.Default.Translate(Gene.Nudt15, diplotype)!.Phenotype.Should().Be(expected);

    [Fact]
    public void Translate_AlleleNotInTable_IsIndeterminateAndFlagged()
    {
        var t = CpicTables.Default.Translate(Gene.Tpmt, "*1/*42")!;
        t.Phenotype.Should().Be(MetabolizerPhenotype.Indeterminate);
        t.HasAlleleNotInTable.Should().BeTrue();
        t.Function2.Should().Be(AlleleFunction.NotInTable);
    }

    [Fact]
    public void Translate_NoFunctionWithAlleleNotInTable_IsPossibleIntermediate() =>
        CpicTables.Default.Translate(Gene.Nudt15, "*3/*10")!.Phenotype.Should().Be(MetabolizerPhenotype.PossibleIntermediate);

    [Theory]
    [InlineData(Gene.Tpmt, "TPMT*3A/TPMT*3A", "*3A/*3A", MetabolizerPhenotype.Poor)]
    [InlineData(Gene.Tpmt, "TPMT *1/*3A", "*1/*3A", MetabolizerPhenotype.Intermediate)]
    [InlineData(Gene.Tpmt, " tpmt *1 / tpmt *3a ", "*1/*3A", MetabolizerPhenotype.Intermediate)]
    [InlineData(Gene.Nudt15, "NUDT15*1/NUDT15*3", "*1/*3", MetabolizerPhenotype.Intermediate)]
    public void Translate_AllelesWithTheirGeneSymbol_AreRead(Gene gene, string text, string diplotype, MetabolizerPhenotype phenotype)
    {
        var t = CpicTables.Default.Translate(gene, text)!;

        t.Diplotype.Should().Be(diplotype);
        t.Phenotype.Should().Be(phenotype);
        CpicTables.IsWellFormedDiplotype(text).Should().BeTrue();
    }

    [Theory]
    [InlineData(Gene.Tpmt, "NUDT15*3/NUDT15*3")]
    [InlineData(Gene.Tpmt, "TPMT*1/NUDT15*3")]
    [InlineData(Gene.Nudt15, "TPMT*1/*3")]
    [InlineData(Gene.Tpmt, "TPMT1*1/*3A")]
    [InlineData(Gene.Tpmt, "TPM*1/*3A")]
    public void Translate_AnotherGenesSymbolOrAMisspeltOne_ReturnsNull(Gene gene, string text) =>
        CpicTables.Default.Translate(gene, text).Should().BeNull();

    [Theory]
    [InlineData("*1-*3A")]
    [InlineData("1/3A")]
    [InlineData("*1/*3A/*2")]
    [InlineData("")]
    public void Translate_MalformedDiplotype_ReturnsNull(string text)
    {
        CpicTables.Default.Translate(Gene.Tpmt, text).Should().BeNull();
        CpicTables.IsWellFormedDiplotype(text).Should().BeFalse();
    }

    [Theory]
    [InlineData(MetabolizerPhenotype.Poor, null, "ALT+MONITOR")]
    [InlineData(null, null, "TEST")]
    [InlineData(MetabolizerPhenotype.Intermediate, MetabolizerPhenotype.PossibleIntermediate, "REVIEW+BOTH")]
    [InlineData(MetabolizerPhenotype.Indeterminate, MetabolizerPhenotype.Normal, "NORMAL+ACTIVITY")]
    public void CategoryFor_CombinedPhenotypes_FollowsCpicTable(MetabolizerPhenotype? tpmt, MetabolizerPhenotype? nudt15, string code) =>
        CpicTables.Default.CategoryFor(tpmt, nudt15).Code.Should().Be(code);

    [Fact]
    public void CategoryFor_EveryCombination_IsDefinedAndDescribedWithoutDoses()
    {
        var values = new MetabolizerPhenotype?[] { null }.Concat(Enum.GetValues<MetabolizerPhenotype>().Cast<MetabolizerPhenotype?>()).ToList();
        foreach (var t in values)
        {
            foreach (var n in values)
            {
                var description = CpicTables.Default.CategoryFor(t, n).Describe();
                Imuran.ClinicalRules.Rules.NoDosePolicy.FindViolation(description).Should().BeNull(description);
            }
        }
    }

    private static MetabolizerPhenotype Map(string text) => text switch
    {
        "Normal Metabolizer" => MetabolizerPhenotype.Normal,
        "Intermediate Metabolizer" => MetabolizerPhenotype.Intermediate,
        "Possible Intermediate Metabolizer" => MetabolizerPhenotype.PossibleIntermediate,
        "Poor Metabolizer" => MetabolizerPhenotype.Poor,
        "Indeterminate" => MetabolizerPhenotype.Indeterminate,
        _ => throw new InvalidOperationException("Unexpected phenotype " + text),
    };
}
