using System.Text;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Pharmacogenomics;

namespace Imuran.ClinicalRules.Tests.Pharmacogenomics;

/// <summary>The hand-written diplotype reader accepts exactly what the diplotype pattern accepts.</summary>
public sealed class DiplotypeTextTests
{
    // The pattern CpicTables used before the hand-written reader, kept here as the reference.
    private static readonly Regex Reference = new(@"^\s*(\*[0-9]+[A-Z]?)\s*/\s*(\*[0-9]+[A-Z]?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

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
    public void IsWellFormedDiplotype_Examples_AgreesWithThePattern(string text)
    {
        CpicTables.IsWellFormedDiplotype(text).Should().Be(Reference.IsMatch(text));
    }

    [Fact]
    public void Parse_RandomAsciiText_AgreesWithThePattern()
    {
        const string alphabet = "*/0123456789aAbZz \t\n\r\v\f.-";
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

            // Half the cases start from a well-formed diplotype and change one character.
            var text = i % 2 == 0 ? sb.ToString() : Mutate("*" + random.Next(30) + "/*" + random.Next(30) + (random.Next(2) == 0 ? "A" : string.Empty), random, alphabet);
            var expected = Reference.Match(text);
            var outcome = DiplotypeText.Parse(text, out var alleles);

            outcome.Should().Be(expected.Success ? DiplotypeText.Outcome.Match : DiplotypeText.Outcome.NoMatch, "for '{0}'", text);
            if (expected.Success)
            {
                matches++;
                text.Substring(alleles.Start1, alleles.Length1).Should().Be(expected.Groups[1].Value);
                text.Substring(alleles.Start2, alleles.Length2).Should().Be(expected.Groups[2].Value);
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

    private static string Mutate(string text, Random random, string alphabet)
    {
        var chars = text.ToCharArray();
        chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }
}
