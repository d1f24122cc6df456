using System.Text;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Pharmacogenomics;

namespace Imuran.ClinicalRules.Tests.Pharmacogenomics;

/// <summary>The hand-written diplotype reader accepts exactly what the diplotype pattern accepts.</summary>
public sealed class DiplotypeTextTests
{
    // The pattern CpicTables used before the hand-written reader, kept here as the reference.
    // Stop 28: each allele may follow its gene symbol (TPMT*1/TPMT*3A); groups 2 and 4 are the alleles.
    private static readonly Regex Reference = new(@"^\s*(?:(TPMT|NUDT15)\s*)?(\*[0-9]+[A-Z]?)\s*/\s*(?:(TPMT|NUDT15)\s*)?(\*[0-9]+[A-Z]?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("*1/*1")]
    [InlineData(" *1 / *3b ")]
    [InlineData("*3A/*3C\n")]
    [InlineData("\t*12/*2\r\n")]
    [InlineData("*1/*3A/*2")]
    [InlineData("3A/1")]
    [InlineData("*1*3")]
    [InlineData("*/*1")]
    [InlineData("*1a /*2Z")]
    [InlineData("*1ab/*2")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*1/*1\u00a0")]
    [InlineData("*3\u212a/*1")]
    [InlineData("\u3000*1/*2")]
    [InlineData("*1/*٣")]
    [InlineData("TPMT*1/TPMT*3A")]
    [InlineData("tpmt *1 / Tpmt *3a")]
    [InlineData("NUDT15*1/*3")]
    [InlineData("TPMT/*1")]
    [InlineData("TPMT*1TPMT/*3")]
    [InlineData("TPM*1/*3")]
    [InlineData("NUDT1*1/*3")]
    [InlineData("TPMTT*1/*3")]
    [InlineData("TPMT\u00a0*1/*3A")]
    public void IsWellFormedDiplotype_Examples_AgreesWithThePattern(string text)
    {
        CpicTables.IsWellFormedDiplotype(text).Should().Be(Reference.IsMatch(text));
    }

    [Fact]
    public void Parse_RandomAsciiText_AgreesWithThePattern()
    {
        const string alphabet = "*/0123456789aAbZz \t\n\r\v\f.-TPMNUDtpmnud";
        var random = new Random(3);
        var matches = 0;
        for (var i = 0; i < 20000; i++)
        {
            var sb = new StringBuilder();
            var length = random.Next(12);
            for (var j = 0; j < length; j++)
            {
                sb.Append(alphabet[random.Next(alphabet.Length)]);
            }

            // Half the cases start from a well-formed diplotype (a third of those with gene symbols) and change one character.
            var symbol = (i / 2) % 3 == 0 ? (random.Next(2) == 0 ? "TPMT" : "nudt15 ") : string.Empty;
            var text = i % 2 == 0 ? sb.ToString() : Mutate(symbol + "*" + random.Next(30) + "/" + symbol + "*" + random.Next(30) + (random.Next(2) == 0 ? "A" : string.Empty), random, alphabet);
            var expected = Reference.Match(text);
            var outcome = DiplotypeText.Parse(text, out var alleles);

            outcome.Should().Be(expected.Success ? DiplotypeText.Outcome.Match : DiplotypeText.Outcome.NoMatch, "for '{0}'", text);
            if (expected.Success)
            {
                matches++;
                text.Substring(alleles.Start1, alleles.Length1).Should().Be(expected.Groups[2].Value);
                text.Substring(alleles.Start2, alleles.Length2).Should().Be(expected.Groups[4].Value);
                SymbolText(alleles.Symbol1).Should().Be(expected.Groups[1].Value.ToUpperInvariant());
                SymbolText(alleles.Symbol2).Should().Be(expected.Groups[3].Value.ToUpperInvariant());
            }
        }

        matches.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void Translate_SameTextTwice_GivesTheSameTranslation()
    {
        var first = CpicTables.Default.Translate(Gene.Tpmt, " *1 / *3a ");
        var second = CpicTables.Default.Translate(Gene.Tpmt, " *1 / *3a ");

        first.Should().NotBeNull();
        first!.Diplotype.Should().Be("*1/*3A");
        first.Phenotype.Should().Be(MetabolizerPhenotype.Intermediate);
        second.Should().BeSameAs(first);
    }

    [Fact]
    public void Translate_NonAsciiText_FallsBackToThePattern()
    {
        CpicTables.Default.Translate(Gene.Nudt15, "\u3000*3/*3")!.Phenotype.Should().Be(MetabolizerPhenotype.Poor);
        CpicTables.Default.Translate(Gene.Nudt15, "*3/*3\u00a0x").Should().BeNull();
    }

    private static string SymbolText(DiplotypeText.Symbol symbol) => symbol switch
    {
        DiplotypeText.Symbol.Tpmt => "TPMT",
        DiplotypeText.Symbol.Nudt15 => "NUDT15",
        _ => string.Empty,
    };

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
