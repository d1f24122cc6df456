using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// Evaluates test patients and asserts on their findings. Every evaluation also checks the texts of every finding
/// (no-dose policy, summary length, no unfilled placeholder), so the policy is checked across all test patients.
/// </summary>
internal static class RuleAssertions
{
    // A template placeholder such as {ingredient}; echoed input such as the UCUM unit mL/min/{1.73_m2} is not one.
    private static readonly Regex Placeholder = new(@"\{[A-Za-z]+\}", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, RuleMetadata> Metadata =
        ClinicalRuleSet.Default.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>
    /// Evaluates <paramref name="patient"/> with the default rule set (or one built from <paramref name="options"/>),
    /// asserting the input was valid, no rule failed, and every finding's texts are clean.
    /// </summary>
    public static EvaluationResult Evaluate(PatientFacts patient, RuleThresholds? options = null, IRuleEventListener? listener = null)
    {
        var ruleSet = options is null ? ClinicalRuleSet.Default : ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = options });
        var result = ruleSet.Evaluate(patient, listener is null ? null : new EvaluationOptions { Listener = listener });
        result.Validation.Should().BeEmpty("the test patient must be valid input");
        result.RuleErrors.Should().BeEmpty("no rule may fail while evaluating");
        result.Findings.Select(f => f.RuleId).Where(id => !Metadata.ContainsKey(id)).Should().BeEmpty("every finding comes from a finding rule of the catalogue");
        foreach (var finding in result.Findings)
        {
            ShouldHaveCleanTexts(finding);
        }

        return result;
    }

    /// <summary>Asserts the finding's texts and its rule's title pass the no-dose policy, and the summary is short and filled.</summary>
    public static void ShouldHaveCleanTexts(Finding finding)
    {
        var title = Metadata[finding.RuleId].Title;
        foreach (var (field, text) in new[] { ("Title", title), ("Summary", finding.Summary), ("Detail", finding.Detail), ("Review", finding.Review) })
        {
            NoDosePolicy.FindViolation(text).Should().BeNull($"{finding.RuleId} {field} must pass the no-dose policy: \"{text}\"");
            Placeholder.IsMatch(text).Should().BeFalse($"{finding.RuleId} {field} must have every placeholder filled: \"{text}\"");
        }

        finding.Summary.Length.Should().BeLessThan(140, $"{finding.RuleId} summary must be under 140 characters: \"{finding.Summary}\"");
    }

    /// <summary>Asserts the rule raised exactly one finding and returns it.</summary>
    public static Finding ShouldRaise(this EvaluationResult result, string ruleId) =>
        result.Findings.Should().ContainSingle(f => f.RuleId == ruleId, $"{ruleId} should fire once; findings were {Ids(result)}").Subject;

    /// <summary>Asserts the rule raised exactly <paramref name="count"/> findings and returns them in order.</summary>
    public static IReadOnlyList<Finding> ShouldRaise(this EvaluationResult result, string ruleId, int count)
    {
        var raised = result.Findings.Where(f => f.RuleId == ruleId).ToList();
        raised.Should().HaveCount(count, $"{ruleId} should fire {count} times; findings were {Ids(result)}");
        return raised;
    }

    /// <summary>Asserts the rule raised no finding.</summary>
    public static void ShouldNotRaise(this EvaluationResult result, string ruleId) =>
        result.Findings.Should().NotContain(f => f.RuleId == ruleId, $"{ruleId} should not fire; findings were {Ids(result)}");

    /// <summary>Asserts whether the rule raised a finding (for boundary theories).</summary>
    public static void ShouldRaiseIf(this EvaluationResult result, string ruleId, bool fires)
    {
        if (fires)
        {
            result.ShouldRaise(ruleId);
        }
        else
        {
            result.ShouldNotRaise(ruleId);
        }
    }

    /// <summary>Asserts the rule ids raised, in order.</summary>
    public static void ShouldRaiseExactly(this EvaluationResult result, params string[] ruleIds) =>
        result.Findings.Select(f => f.RuleId).Should().Equal(ruleIds);

    /// <summary>Asserts severity, topic and kind, and that they match the rule's metadata.</summary>
    public static Finding ShouldBe(this Finding finding, Severity severity, string topic, FindingKind kind = FindingKind.Caution)
    {
        finding.Severity.Should().Be(severity, finding.RuleId);
        finding.Topic.Should().Be(topic, finding.RuleId);
        finding.Kind.Should().Be(kind, finding.RuleId);
        var m = Metadata[finding.RuleId];
        (m.Severity, m.Topic, m.Kind).Should().Be((severity, topic, kind), "the finding carries its rule's metadata");
        finding.Sources.Should().NotBeEmpty("every finding shows its basis");
        finding.Basis.Logic.Should().Be(m.Logic);
        return finding;
    }

    /// <summary>Asserts the basis holds a fact with this name (and path), and returns it.</summary>
    public static BasisFact ShouldHaveBasis(this Finding finding, string name, string? path)
    {
        var fact = finding.Basis.Facts.Should().ContainSingle(b => b.Name == name, $"{finding.RuleId} basis should name '{name}'").Subject;
        fact.Path.Should().Be(path, $"{finding.RuleId} basis '{name}' path");
        return fact;
    }

    /// <summary>Asserts the basis holds a fact with this name and path whose value contains <paramref name="valuePart"/>.</summary>
    public static BasisFact ShouldHaveBasis(this Finding finding, string name, string? path, string valuePart)
    {
        var fact = finding.ShouldHaveBasis(name, path);
        fact.Value.Should().Contain(valuePart);
        return fact;
    }

    private static string Ids(EvaluationResult result) =>
        result.Findings.Count == 0 ? "(none)" : string.Join(", ", result.Findings.Select(f => f.RuleId));
}
