using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Policy;

/// <summary>
/// No policy may silence the data-quality rules (principle 2, unknown is not normal): leaving out a data-quality rule
/// or the data-quality topic is refused, by the policy reader and by <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/> alike.
/// </summary>
public class DataQualityProtectionTests
{
    [Theory]
    [InlineData("rule", "AZA-DQ-001", "AZA-DQ-001")]
    [InlineData("rule", "aza-dq-002", "AZA-DQ-002")]
    [InlineData("rule", "AZA-DQ-003", "AZA-DQ-003")]
    [InlineData("topic", "data-quality", "data-quality")]
    [InlineData("topic", "DATA-QUALITY", "data-quality")]
    public void Read_PolicyLeavingOutDataQuality_IsRefusedNamingTheRuleOrTopic(string member, string value, string named)
    {
        // Stop 25: a policy could disable every topic, data-quality included; only disabledRules showed it.
        var read = SitePolicyJson.Read($$"""
            { "name": "x", "version": "1",
              "disable": [ { "rule": "AZA-INT-003", "reason": "own alert", "approvedBy": "P&T" },
                           { "{{member}}": "{{value}}", "reason": "too many prompts", "approvedBy": "P&T" } ] }
            """);

        read.Policy.Should().BeNull("a policy is used whole or not at all");
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Field == "disable[1]." + member && p.Code == ErrorCodes.PolicyDisablesDataQuality && p.Message.Contains(named) && p.Message.Contains("unknown is not normal"));
    }

    [Theory]
    [InlineData("AZA-DQ-001")]
    [InlineData("aza-dq-003")]
    public void Create_DisabledDataQualityRule_IsRefusedNamingIt(string id)
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { id } });

        act.Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.DisabledRules*{id.ToUpperInvariant()}*{ErrorCodes.PolicyDisablesDataQuality}*");
    }

    [Fact]
    public void Create_DisabledDataQualityTopic_IsRefusedNamingIt()
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { DisabledTopics = new[] { Topics.Handling, "Data-Quality" } });

        act.Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.DisabledTopics*data-quality*{ErrorCodes.PolicyDisablesDataQuality}*");
    }

    [Fact]
    public void Create_PolicyFromCodeLeavingOutDataQuality_IsRefused()
    {
        // A host can build a SitePolicy itself, or amend a reviewed one (the tool's --disable, the DI host's configuration).
        var policy = new SitePolicy { Name = "x", Version = "1", ContentHash = "sha256:" + new string('0', 64) };

        var act = () => ClinicalRuleSet.Create(policy.Amend("command-line", new[] { "AZA-DQ-002" }, null).ToRuleSetOptions());

        act.Should().Throw<ArgumentException>().WithMessage("*AZA-DQ-002*");
    }

    [Fact]
    public void Create_EveryOtherTopicLeftOut_StillBuildsWithTheDataQualityRules()
    {
        var rules = ClinicalRuleSet.Create(new RuleSetOptions { DisabledTopics = Topics.All.Where(t => t != Topics.DataQuality).ToList() });

        rules.Rules.Select(r => r.Id).Should().Equal("AZA-DQ-001", "AZA-DQ-002", "AZA-DQ-003");
    }

    [Fact]
    public void DataQualityRules_AreExactlyTheRulesOfTheDataQualityTopic()
    {
        // The refusal is keyed on the topic; the ids the brief and the docs name must be the same rules.
        ClinicalRuleSet.Default.Rules.Where(r => r.Topic == Topics.DataQuality).Select(r => r.Id)
            .Should().Equal(ClinicalRuleSet.Default.Rules.Where(r => r.Id.StartsWith("AZA-DQ-", StringComparison.Ordinal)).Select(r => r.Id))
            .And.NotBeEmpty();
    }
}
