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
    public void Escape_MarkupCharacters_AreBackslashEscaped(string text, string expected) =>
        Markdown.Escape(text).Should().Be(expected);
}
