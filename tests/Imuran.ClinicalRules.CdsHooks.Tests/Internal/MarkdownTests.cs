using Imuran.ClinicalRules.CdsHooks.Internal;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Internal;

public class MarkdownTests
{
    [Theory]
    [InlineData("<b>bold</b>", "\\<b\\>bold\\</b\\>")]
    [InlineData("*3A/*3A", "\\*3A/\\*3A")]
    [InlineData("a & b", "a \\& b")]
    [InlineData("[link](javascript:x)", "\\[link\\](javascript:x)")]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("plain words", "plain words")]
    [InlineData("tab\there", "tab here")]
    [InlineData("bell\u0007 and next-line\u0085 dropped", "bell and next-line dropped")]
    [InlineData("\\ ` _ | ~ # !", "\\\\ \\` \\_ \\| \\~ \\# \\!")]
    public void Escape_MarkupCharacters_AreBackslashEscaped(string text, string expected) =>
        Markdown.Escape(text).Should().Be(expected);

    [Fact]
    public void Escape_PlainText_IsTheSameString()
    {
        var text = "TPMT poor metabolizer (phenotype 2026-01-05)";
        Markdown.Escape(text).Should().BeSameAs(text);
    }

    [Theory]
    [InlineData("<b>bold</b>")]
    [InlineData("plain")]
    [InlineData("a\r\nb\u0001c")]
    [InlineData("")]
    public void Append_WritesWhatEscapeReturns(string text) =>
        Markdown.Append(new System.Text.StringBuilder("x"), text).ToString().Should().Be("x" + Markdown.Escape(text));
}
