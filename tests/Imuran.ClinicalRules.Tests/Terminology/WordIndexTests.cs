using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Tests.Terminology;

/// <summary>The in-place matching of ASCII text finds exactly what splitting the text into words finds.</summary>
public sealed class WordIndexTests
{
    private static readonly string[] Terms =
    {
        "azathioprine", "Imuran", "Crohn's", "Crohns", "ulcerative colitis", "hepatitis B", "HBV", "TB", "co-trimoxazole",
        "sulfamethoxazole trimethoprim", "white blood", "WBC", "live", "yellow fever", "B", "5", "transplant of kidney", "kidney",
    };

    private static WordIndex<int> Index()
    {
        var index = new WordIndex<int>();
        for (var i = 0; i < Terms.Length; i++)
        {
            index.Add(Terms[i], i);
        }

        return index;
    }

    [Theory]
    [InlineData("Azathioprine 50 MG Oral Tablet", 0)]
    [InlineData("IMURAN", 1)]
    [InlineData("Crohn's disease", 3)] // "Crohn's" and "Crohns" are the same term; the later one added wins
    [InlineData("crohn''s", 3)]
    [InlineData("Chronic Hepatitis B", 5)]
    [InlineData("Hepatitis-B carrier", 5)]
    [InlineData("Co-trimoxazole 960", 8)]
    [InlineData("Sulfamethoxazole/Trimethoprim", 9)]
    [InlineData("White blood cell count", 10)]
    [InlineData("Yellow  fever", 13)]
    [InlineData("Transplant of kidney (procedure)", 16)] // three words, before the single word "kidney"
    [InlineData("Transplant of the kidney", 17)]
    [InlineData("Kidney", 17)]
    public void TryFind_Examples_FindTheTerm(string text, int expected)
    {
        Index().TryFind(text, out var value, out _).Should().BeTrue();

        value.Should().Be(expected);
    }

    [Theory]
    [InlineData("No chronic hepatitis B", 0, 22, 5, 11, 22)]
    [InlineData("No chronic hepatitis B", 0, 10, -1, -1, -1)]
    [InlineData("TB, hepatitis B", 3, 15, 5, 4, 15)]
    [InlineData("Crohn's, TB", 8, 11, 7, 9, 11)]
    [InlineData("Crohn's – TB", 7, 12, 7, 10, 12)]
    [InlineData("Crohn's – TB", 0, 12, 3, 0, 7)]
    public void TryFind_InARange_SaysWhereTheTermStands(string text, int from, int to, int expected, int start, int end)
    {
        var found = Index().TryFind(text, from, to, out var value, out _, out var foundStart, out var foundEnd);

        found.Should().Be(expected >= 0);
        (found ? value : -1, foundStart, foundEnd).Should().Be((expected, start, end));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("atorvastatin")]
    [InlineData("tuberculous")]
    [InlineData("'")]
    public void TryFind_NoTerm_IsFalse(string? text)
    {
        Index().TryFind(text, out _, out _).Should().BeFalse();
    }

    [Fact]
    public void TryFind_RandomAsciiText_AgreesWithSplitting()
    {
        var index = Index();
        var words = new[] { "azathioprine", "IMURAN", "crohn's", "Crohn", "s", "ulcerative", "Colitis", "hepatitis", "b", "TB", "tb's", "co", "trimoxazole", "live", "yellow", "Fever", "5", "'", "x", "transplant", "of", "Kidney" };
        const string separators = " -/,.()'\t";
        var random = new Random(9);
        var found = 0;
        for (var i = 0; i < 20000; i++)
        {
            var sb = new System.Text.StringBuilder();
            for (var w = random.Next(5); w >= 0; w--)
            {
                sb.Append(words[random.Next(words.Length)]).Append(separators[random.Next(separators.Length)]);
            }

            var text = sb.ToString();
            var fast = index.TryFind(text, out var fastValue, out var fastTerm);
            var slow = index.TryFindSplitting(text, out var slowValue, out var slowTerm);

            fast.Should().Be(slow, "for '{0}'", text);
            fastValue.Should().Be(slowValue, "for '{0}'", text);
            fastTerm.Should().Be(slowTerm, "for '{0}'", text);
            found += fast ? 1 : 0;
        }

        found.Should().BeGreaterThan(5000);
    }

    [Fact]
    public void TryFind_NonAsciiText_UsesTheSplittingPath()
    {
        var index = Index();

        index.TryFind("Azathioprine\u00a0comprimé", out var value, out _).Should().BeTrue();
        value.Should().Be(0);
        index.TryFind("ÍMURAN", out _, out _).Should().BeFalse();
    }

    [Fact]
    public void Add_TermOfMoreThanThreeWords_IsRefused()
    {
        var index = new WordIndex<int>();

        FluentActions.Invoking(() => index.Add("transplant of the kidney", 1)).Should().Throw<ArgumentException>().WithMessage("*one to 3 words*");
        FluentActions.Invoking(() => index.Add("--", 1)).Should().Throw<ArgumentException>();
    }
}
