using System.Text;
using Imuran.ClinicalRules.Engine;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>Placeholder filling gives exactly what successive <see cref="StringBuilder.Replace(string, string)"/> calls give.</summary>
public sealed class FiringFillTests
{
    [Theory]
    [InlineData("No placeholder here.", "a", "x")]
    [InlineData("{a} and {a} again", "a", "x")]
    [InlineData("{a}{a}{a}", "a", "")]
    [InlineData("{b} stays", "a", "x")]
    [InlineData("nested {{a}}", "a", "x")]
    [InlineData("{a", "a", "x")]
    public void Fill_OneValue_AsStringBuilderReplace(string template, string key, string value)
    {
        var values = new[] { new KeyValuePair<string, string>(key, value) };

        Firing.Fill(template, values).Should().Be(Reference(template, values));
    }

    [Fact]
    public void Fill_ValueHoldingALaterPlaceholder_IsReplacedInTurnAsBefore()
    {
        var values = new[] { new KeyValuePair<string, string>("a", "{b}"), new KeyValuePair<string, string>("b", "B") };

        Firing.Fill("{a} {b}", values).Should().Be("B B");
    }

    [Fact]
    public void Fill_RandomTemplatesAndValues_AsStringBuilderReplace()
    {
        var random = new Random(5);
        const string alphabet = "{}ab x.";
        for (var i = 0; i < 5000; i++)
        {
            var template = Text(random, alphabet, random.Next(60));
            var values = new KeyValuePair<string, string>[random.Next(4)];
            for (var v = 0; v < values.Length; v++)
            {
                values[v] = new KeyValuePair<string, string>(Text(random, "ab", 1 + random.Next(2)), Text(random, alphabet, random.Next(400)));
            }

            Firing.Fill(template, values).Should().Be(Reference(template, values), "template '{0}'", template);
        }
    }

    [Fact]
    public void Fill_NoValues_ReturnsTheTemplateItself()
    {
        const string template = "Next count by {date}.";

        Firing.Fill(template, null).Should().BeSameAs(template);
        Firing.Fill(template, Array.Empty<KeyValuePair<string, string>>()).Should().BeSameAs(template);
    }

    [Fact]
    public void Fill_OneOrTwoValuesGivenDirectly_AsTheListOfThem()
    {
        var random = new Random(7);
        const string alphabet = "{}ab x.";
        for (var i = 0; i < 5000; i++)
        {
            var template = Text(random, alphabet, random.Next(60));
            var (k1, v1) = (Text(random, "ab", 1 + random.Next(2)), Text(random, alphabet, random.Next(80)));
            var (k2, v2) = (Text(random, "ab", 1 + random.Next(2)), Text(random, alphabet, random.Next(80)));

            Firing.Fill(template, k1, v1).Should().Be(Reference(template, new[] { Pair(k1, v1) }), "template '{0}'", template);
            Firing.Fill(template, k1, v1, k2, v2).Should().Be(Reference(template, new[] { Pair(k1, v1), Pair(k2, v2) }), "template '{0}'", template);
        }
    }

    [Fact]
    public void Fill_ValueGivenDirectlyWithNoPlaceholder_ReturnsTheTemplateItself()
    {
        const string template = "No placeholder here.";

        Firing.Fill(template, "a", "x").Should().BeSameAs(template);
        Firing.Fill(template, "a", "x", "b", "y").Should().BeSameAs(template);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static string Reference(string template, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        var sb = new StringBuilder(template);
        foreach (var v in values)
        {
            sb.Replace("{" + v.Key + "}", v.Value);
        }

        return sb.ToString();
    }

    private static string Text(Random random, string alphabet, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
