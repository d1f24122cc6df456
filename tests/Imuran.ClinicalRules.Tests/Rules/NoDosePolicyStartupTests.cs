using System.Linq;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// Issue 12, cold build: the no-dose policy's patterns are source-generated on net8.0+, so building the rule set for
/// the first time in a process compiles no regex at run time. With <see cref="RegexOptions.Compiled"/> the ten patterns
/// cost a fresh process about 150-230 ms of CPU (Reflection.Emit and the JIT of the emitted code), more than half of
/// the cold build (docs/performance.md, "Rule-set build").
/// </summary>
public class NoDosePolicyStartupTests
{
    [Fact]
    public void Patterns_AreSourceGenerated_NotCompiledAtRunTime()
    {
        var patterns = NoDosePolicy.Patterns().ToList();

        patterns.Should().HaveCount(17, "eight forbidden phrases, the strength, seven echo-only patterns and the run of spaces");
        foreach (var pattern in patterns)
        {
            pattern.Options.Should().NotHaveFlag(RegexOptions.Compiled, "a compiled regex is built with Reflection.Emit when the rule set is first built: {0}", pattern);
            pattern.GetType().Should().NotBe(typeof(Regex), "the source generator makes a subclass of Regex: {0}", pattern);
        }
    }

    [Fact]
    public void Patterns_KeepTheirOptions()
    {
        var patterns = NoDosePolicy.Patterns().ToList();

        patterns.Take(patterns.Count - 1).Should().OnlyContain(p => p.Options == (RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        patterns[^1].Options.Should().Be(RegexOptions.CultureInvariant, "the run of spaces is last");
    }
}
