using System.Linq;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// The no-dose policy reads text from outside (names, free text) with backtracking patterns and no match timeout, so
/// its output never depends on the machine's load: each pattern must be linear in the length of the text. That is
/// checked on the patterns' shape (<see cref="RegexShape"/>), not by timing a long input: a pattern a long run of
/// spaces made quadratic (a leading <c>\s*</c>) fails here whatever the machine.
/// </summary>
public class NoDosePolicyShapeTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [Fact]
    public void Patterns_NoneHasAShapeThatIsMoreThanLinear()
    {
        var patterns = NoDosePolicy.Patterns().ToList();

        patterns.Should().HaveCount(17);
        foreach (var pattern in patterns)
        {
            RegexShape.Problems(pattern.ToString(), pattern.Options).Should().BeEmpty("each pattern must be linear: {0}", pattern);
        }
    }

    // The reading itself can fail: each of these is quadratic or exponential on some text.
    [Theory]
    [InlineData(@"\s*x")] // tried at every space of a run, reading the rest of it each time
    [InlineData(@"azathioprine|\s+\d+\s*mg")]
    [InlineData(@"\d+\s*tablets")] // the same on a long run of digits
    [InlineData(@"(?<![a-z])\d+x")] // the look-behind does not stop a start inside a run of digits
    [InlineData(@"\b\s*x")] // \b stops a start inside a word, not inside a run of spaces
    [InlineData(@"(?:oral\s+)?\s*tablets")]
    [InlineData(@"(?=\s*x)y")]
    [InlineData(@"(?<!\d\s*)tablets")] // a look-behind of unbounded length tried at every character
    [InlineData(@"(a+)+b")]
    [InlineData(@"(?:\s*/\s*)*x")] // iterations that can share the spaces between them
    [InlineData(@"(?:\d+\s*)+x")]
    public void Problems_AShapeThatIsMoreThanLinear_IsReported(string pattern) =>
        RegexShape.Problems(pattern, Options).Should().NotBeEmpty();

    [Theory]
    [InlineData(@"(?<![\w.])\d+\s*mg")]
    [InlineData(@"\b\d+x")]
    [InlineData(@"^\s*x")]
    [InlineData(@"\s{2,}")]
    [InlineData(@"\btake\s+\d+")]
    [InlineData(@"\b(?<!\d\s*)tablets")]
    [InlineData(@"(?<![\w.])\d+(?:\s*/\s*\d+)*x")]
    [InlineData(@"\d(?:\s*-\s*\d){2,3}")]
    public void Problems_ALinearShape_IsNotReported(string pattern) =>
        RegexShape.Problems(pattern, Options).Should().BeEmpty();

    [Theory]
    [InlineData(@"(a)\1")]
    [InlineData(@"(?(a)b|c)")]
    [InlineData(@"[a-z-[aeiou]]")]
    public void Problems_SyntaxItCannotRead_IsRefusedNotPassed(string pattern)
    {
        var read = () => RegexShape.Problems(pattern, Options);

        read.Should().Throw<NotSupportedException>();
    }
}
