using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Tests.Engine;

public class RuleSetValidatorTests
{
    private static RuleBuilder Valid(string id = "AZA-TST-001") =>
        Rule(id).Title("title").Topic(Topics.Tpmt).Caution(Severity.Warning).Logic("logic").Summary("A summary.").Detail("Detail.")
            .Review("Review the regimen.").Source("doc", "section", Confidence.Verified);

    private static Action Build(params RuleDefinition[] rules) => () => CompiledRules.Compile(rules, RuleCatalog.Policy);

    [Fact]
    public void Compile_ValidRule_Builds() => Build(Valid().Match<string>("x").Then(_ => { })).Should().NotThrow();

    [Fact]
    public void Compile_DuplicateId_RefusesNamingRule() =>
        Build(Valid().Match<string>("x").Then(_ => { }), Valid().Match<string>("y").Then(_ => { }))
            .Should().Throw<RuleSetValidationException>().WithMessage("Rule AZA-TST-001: the id is used by more than one rule.");

    [Theory]
    [InlineData("AZA-1")]
    [InlineData("aza-tst-001")]
    [InlineData("AZA-TST-01")]
    public void Compile_MalformedId_Refuses(string id) =>
        Build(Valid(id).Match<string>("x").Then(_ => { })).Should().Throw<RuleSetValidationException>().Which.RuleId.Should().Be(id);

    [Fact]
    public void Compile_UnknownTopic_Refuses() =>
        Build(Valid().Topic("kidneys").Match<string>("x").Then(_ => { }))
            .Should().Throw<RuleSetValidationException>().WithMessage("*topic 'kidneys' is not in the topic vocabulary*");

    [Fact]
    public void Compile_NoSource_Refuses() =>
        Build(Rule("AZA-TST-001").Title("t").Topic(Topics.Tpmt).Logic("l").Summary("s").Review("r").Match<string>("x").Then(_ => { }))
            .Should().Throw<RuleSetValidationException>().WithMessage("*names no source*");

    [Fact]
    public void Compile_SummaryOf140Characters_Refuses() =>
        Build(Valid().Summary(new string('a', 140)).Match<string>("x").Then(_ => { }))
            .Should().Throw<RuleSetValidationException>().WithMessage("*summary has 140 characters; the limit is 139*");

    [Fact]
    public void Compile_SummaryOf139Characters_Builds() =>
        Build(Valid().Summary(new string('a', 139)).Match<string>("x").Then(_ => { })).Should().NotThrow();

    [Theory]
    [InlineData("Reduce the dose by half.")]
    [InlineData("Give 50 mg daily.")]
    [InlineData("Use 30% of the usual amount.")]
    [InlineData("Give 1/3 of the usual.")]
    [InlineData("Lower the regimen now.")]
    [InlineData("Stop azathioprine.")]
    public void Compile_DoseTextInDetail_RefusesNamingRuleAndField(string detail) =>
        Build(Valid().Detail(detail).Match<string>("x").Then(_ => { }))
            .Should().Throw<RuleSetValidationException>().WithMessage("Rule AZA-TST-001: the detail breaks the no-dose policy*");

    [Fact]
    public void Compile_NoCondition_Refuses() =>
        Build(Valid().Then(_ => { })).Should().Throw<RuleSetValidationException>().WithMessage("*has no condition*");

    [Fact]
    public void Compile_RetiredId_Refuses()
    {
        var policy = new RuleSetPolicy { RetiredIds = new[] { "AZA-TST-001" } };
        var act = () => CompiledRules.Compile(new[] { Valid().Match<string>("x").Then(_ => { }) }, policy);
        act.Should().Throw<RuleSetValidationException>().WithMessage("*retired*");
    }
}
