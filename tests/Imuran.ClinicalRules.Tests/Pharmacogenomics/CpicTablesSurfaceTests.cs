using System.IO;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Pharmacogenomics;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Pharmacogenomics;

/// <summary>
/// The public surface of <see cref="CpicTables"/> and <see cref="CpicCategory"/> beyond the phenotype translation:
/// the plain-words descriptions, versions, citation, allele lists, normalisation and the non-ASCII path (these tests
/// were written to kill surviving Stryker.NET mutants).
/// </summary>
public class CpicTablesSurfaceTests
{
    [Theory]
    [InlineData(MetabolizerPhenotype.Normal, MetabolizerPhenotype.Normal, "usual starting regimen (CPIC, strong)")]
    [InlineData(MetabolizerPhenotype.Normal, MetabolizerPhenotype.Intermediate, "prescriber review of the starting regimen, then blood-count guided (CPIC, strong)")]
    [InlineData(MetabolizerPhenotype.Intermediate, MetabolizerPhenotype.Intermediate, "prescriber review of the starting regimen, then blood-count guided; both pathways reduced: more caution than for one gene (CPIC, strong)")]
    [InlineData(MetabolizerPhenotype.Poor, MetabolizerPhenotype.Normal, "for non-malignant conditions consider a non-thiopurine alternative (CPIC, strong)")]
    [InlineData(MetabolizerPhenotype.Indeterminate, MetabolizerPhenotype.Intermediate, "prescriber review of the starting regimen, then blood-count guided; consider a red-cell TPMT activity test (CPIC, strong)")]
    [InlineData(MetabolizerPhenotype.Normal, null, "usual starting regimen; close toxicity monitoring (CPIC, strong)")]
    [InlineData(null, null, "test both genes (CPIC, strong)")]
    public void Describe_EveryCategoryWord_IsSpelledOutInPlainWords(MetabolizerPhenotype? tpmt, MetabolizerPhenotype? nudt15, string expected) =>
        CpicTables.Default.CategoryFor(tpmt, nudt15).Describe().Should().Be(expected);

    [Fact]
    public void Describe_UnknownCategoryWord_IsShownAsGiven() =>
        new CpicCategory("NEWWORD+TEST", "moderate").Describe().Should().Be("NEWWORD; test both genes (CPIC, moderate)");

    [Fact]
    public void Versions_AndCitation_NameTheEmbeddedData()
    {
        CpicTables.Default.AlleleFunctionVersion.Should().Be("2025-11-05-00-25");
        CpicTables.Default.CategoryVersion.Should().Be("cpic-2018/2025-11-05");
        CpicTables.Default.Citation.Should().Be(
            "CPIC Guideline for Thiopurine Dosing Based on TPMT and NUDT15 Genotypes, 2018 update (Relling et al., "
            + "Clin Pharmacol Ther 2019;105:1095-1105, PMID 30447069); allele functions as published 2025-11-05-00-25");
    }

    [Theory]
    [InlineData("tpmt-alleles.tsv", Gene.Tpmt)]
    [InlineData("nudt15-alleles.tsv", Gene.Nudt15)]
    public void AllelesOf_ListsExactlyTheAllelesOfTheDataFile(string file, Gene gene)
    {
        var expected = File.ReadAllLines(RepoPaths.InRepo("src", "Imuran.ClinicalRules", "Pharmacogenomics", "Data", file))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split('\t')[0])
            .Where(a => a != "version")
            .ToList();
        expected.Should().NotBeEmpty();
        CpicTables.Default.AllelesOf(gene).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData(Gene.Tpmt, " *3a ", AlleleFunction.None)]
    [InlineData(Gene.Tpmt, "*1", AlleleFunction.Normal)]
    [InlineData(Gene.Nudt15, "*4", AlleleFunction.Uncertain)]
    [InlineData(Gene.Nudt15, "*3A", AlleleFunction.NotInTable)]
    [InlineData(Gene.Tpmt, "*99", AlleleFunction.NotInTable)]
    public void FunctionOf_TrimsAndIgnoresCase_AndKeepsTheGenesApart(Gene gene, string allele, AlleleFunction expected) =>
        CpicTables.Default.FunctionOf(gene, allele).Should().Be(expected);

    [Fact]
    public void Translate_NormalisesTheDiplotype_AndReportsEachAllele()
    {
        var t = CpicTables.Default.Translate(Gene.Tpmt, " *3a /*1 ")!;
        t.Gene.Should().Be(Gene.Tpmt);
        t.Diplotype.Should().Be("*3A/*1");
        t.Allele1.Should().Be("*3A");
        t.Function1.Should().Be(AlleleFunction.None);
        t.Allele2.Should().Be("*1");
        t.Function2.Should().Be(AlleleFunction.Normal);
        t.HasAlleleNotInTable.Should().BeFalse();
    }

    [Fact]
    public void Translate_SameTextTwice_GivesTheSameAnswer()
    {
        var first = CpicTables.Default.Translate(Gene.Nudt15, "*1/*3");
        var second = CpicTables.Default.Translate(Gene.Nudt15, "*1/*3");
        second.Should().Be(first);
        second!.Phenotype.Should().Be(MetabolizerPhenotype.Intermediate);
        CpicTables.Default.Translate(Gene.Tpmt, "*1/*3")!.Phenotype.Should().Be(MetabolizerPhenotype.Indeterminate, "TPMT has no plain *3");
    }

    [Fact]
    public void Translate_FirstAlleleNotInTable_IsFlagged()
    {
        var t = CpicTables.Default.Translate(Gene.Tpmt, "*42/*1")!;
        t.Function1.Should().Be(AlleleFunction.NotInTable);
        t.HasAlleleNotInTable.Should().BeTrue();
        t.Phenotype.Should().Be(MetabolizerPhenotype.Indeterminate);
    }

    [Fact]
    public void Translate_UnknownFunctionAllele_IsNotFlaggedAsNotInTable()
    {
        var unknown = File.ReadAllLines(RepoPaths.InRepo("src", "Imuran.ClinicalRules", "Pharmacogenomics", "Data", "tpmt-alleles.tsv"))
            .Select(l => l.Split('\t'))
            .First(r => r.Length == 2 && r[1] == "Unknown function")[0];
        var t = CpicTables.Default.Translate(Gene.Tpmt, "*1/" + unknown)!;
        t.Function2.Should().Be(AlleleFunction.Unknown);
        t.HasAlleleNotInTable.Should().BeFalse();
        t.Phenotype.Should().Be(MetabolizerPhenotype.Indeterminate);
    }

    [Fact]
    public void Translate_NonAsciiWhiteSpace_IsReadByThePattern()
    {
        var t = CpicTables.Default.Translate(Gene.Tpmt, "\u00a0*1\u2009/\u2009*3a\u00a0")!;
        t.Diplotype.Should().Be("*1/*3A");
        t.Allele1.Should().Be("*1");
        t.Allele2.Should().Be("*3A");
        t.Phenotype.Should().Be(MetabolizerPhenotype.Intermediate);
        CpicTables.IsWellFormedDiplotype("\u00a0*1/*3A").Should().BeTrue();
    }

    [Theory]
    [InlineData("*1/*3\u00c4")]
    [InlineData("\u2605*1/*3A")]
    public void Translate_NonAsciiMalformed_ReturnsNull(string text)
    {
        CpicTables.Default.Translate(Gene.Tpmt, text).Should().BeNull();
        CpicTables.IsWellFormedDiplotype(text).Should().BeFalse();
    }

    [Fact]
    public void Translate_Null_ReturnsNull_AndIsNotWellFormed()
    {
        CpicTables.Default.Translate(Gene.Tpmt, null).Should().BeNull();
        CpicTables.IsWellFormedDiplotype(null).Should().BeFalse();
        CpicTables.IsWellFormedDiplotype("*1/*3A").Should().BeTrue();
    }

    [Fact]
    public void UnsupportedGene_IsRefused()
    {
        var act = () => CpicTables.Default.FunctionOf((Gene)99, "*1");
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("gene").WithMessage("Only TPMT and NUDT15 are supported.*");
        var translate = () => CpicTables.Default.Translate((Gene)99, "*1/*1");
        translate.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void HasAlleleNotInTable_EitherSide()
    {
        new PhenotypeTranslation(Gene.Tpmt, "*x/*1", MetabolizerPhenotype.Indeterminate, "*X", AlleleFunction.NotInTable, "*1", AlleleFunction.Normal)
            .HasAlleleNotInTable.Should().BeTrue();
        new PhenotypeTranslation(Gene.Tpmt, "*1/*x", MetabolizerPhenotype.Indeterminate, "*1", AlleleFunction.Normal, "*X", AlleleFunction.NotInTable)
            .HasAlleleNotInTable.Should().BeTrue();
        new PhenotypeTranslation(Gene.Tpmt, "*1/*1", MetabolizerPhenotype.Normal, "*1", AlleleFunction.Normal, "*1", AlleleFunction.Normal)
            .HasAlleleNotInTable.Should().BeFalse();
    }
}
