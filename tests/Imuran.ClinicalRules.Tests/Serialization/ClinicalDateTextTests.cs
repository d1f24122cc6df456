using System.Globalization;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Tests.Serialization;

/// <summary>
/// The hand-written date reader accepts exactly what <see cref="DateTime.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTime)"/>
/// accepts, and the remembered date texts are always the right ones.
/// </summary>
public sealed class ClinicalDateTextTests
{
    [Theory]
    [InlineData("2026-11-22", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-00-10", false)]
    [InlineData("2026-04-31", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("0001-01-01", true)]
    [InlineData("9999-12-31", true)]
    [InlineData("2026/11/22", false)]
    [InlineData("2026-1-22 ", false)]
    [InlineData("２０２６-11-22", false)]
    [InlineData("2026-11-2", false)]
    [InlineData(null, false)]
    public void TryParse_Examples_AsTryParseExact(string? text, bool valid)
    {
        ClinicalDate.TryParse(text, out var date).Should().Be(valid);
        Reference(text, out var expected).Should().Be(valid);
        date.Should().Be(expected);
    }

    [Fact]
    public void TryParse_RandomTenCharacterTexts_AsTryParseExact()
    {
        var random = new Random(4);
        const string alphabet = "0123456789-- /";
        var accepted = 0;
        for (var i = 0; i < 50000; i++)
        {
            var chars = new char[10];
            for (var k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            if (i % 2 == 0)
            {
                // Half are shaped like a date, with random digits.
                chars[4] = '-';
                chars[7] = '-';
                chars[5] = "01"[random.Next(2)];
                chars[8] = "0123"[random.Next(4)];
            }

            var text = new string(chars);
            ClinicalDate.TryParse(text, out var date).Should().Be(Reference(text, out var expected), "for '{0}'", text);
            date.Should().Be(expected);
            accepted += expected == default ? 0 : 1;
        }

        accepted.Should().BeGreaterThan(1000);
    }

    [Fact]
    public void ToString_ManyDatesTwice_GivesEachItsOwnText()
    {
        // Day numbers 2,048 apart share a slot of the cache; each must still get its own text.
        var start = new ClinicalDate(2000, 1, 1);
        for (var round = 0; round < 2; round++)
        {
            for (var d = 0; d < 9000; d += 7)
            {
                var date = start.AddDays(d);
                date.ToString().Should().Be(date.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
    }

    private static bool Reference(string? text, out ClinicalDate date)
    {
        if (text is { Length: 10 } && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = ClinicalDate.FromDateTime(parsed);
            return true;
        }

        date = default;
        return false;
    }
}
