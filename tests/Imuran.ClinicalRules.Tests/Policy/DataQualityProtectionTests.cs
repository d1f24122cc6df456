using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Policy;

/// <summary>
/// No policy may silence the rules that report unknown data (principle 2, unknown is not normal): leaving out a
/// data-quality rule, another rule that reports missing, stale or unreadable data, or a topic holding one, is refused,
/// by the policy reader, <see cref="SitePolicy.Amend"/> and <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/> alike.
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

    /// <summary>The rules outside the data-quality topic that report missing, stale or unreadable data.</summary>
    private static readonly string[] UnknownDataIds =
    {
        "AZA-PGX-006", "AZA-PGX-007", "AZA-PGX-008", "AZA-PGX-009", "AZA-PGX-010", "AZA-PGX-011", "AZA-CBC-001", "AZA-LFT-001",
    };

    /// <summary>The same, as theory rows.</summary>
    public static IEnumerable<object[]> UnknownDataRules() => UnknownDataIds.Select(id => new object[] { id });

    [Theory]
    [MemberData(nameof(UnknownDataRules))]
    public void Read_PolicyLeavingOutAnUnknownDataRule_IsRefusedNamingIt(string id)
    {
        // Stop 28: only the data-quality topic was protected; a policy could silence "no TPMT or NUDT15 result on file"
        // (AZA-PGX-008/009), "blood count overdue" (AZA-CBC-001) or "liver tests not on file" (AZA-LFT-001).
        var read = SitePolicyJson.Read($$"""
            { "name": "x", "version": "1",
              "disable": [ { "rule": "{{id.ToLowerInvariant()}}", "reason": "too many prompts", "approvedBy": "P&T" } ] }
            """);

        read.Policy.Should().BeNull("a policy is used whole or not at all");
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Field == "disable[0].rule" && p.Code == ErrorCodes.PolicyDisablesDataQuality && p.Message.Contains(id) && p.Message.Contains("unknown is not normal"));
    }

    [Theory]
    [MemberData(nameof(UnknownDataRules))]
    public void Create_DisabledUnknownDataRule_IsRefusedNamingIt(string id)
    {
        var act = () => ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { id } });

        act.Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.DisabledRules*{id}*{ErrorCodes.PolicyDisablesDataQuality}*");
    }

    [Fact]
    public void Amend_LeavingOutAnUnknownDataRule_IsRefused()
    {
        var policy = new SitePolicy { Name = "x", Version = "1", ContentHash = "sha256:" + new string('0', 64) };

        var act = () => policy.Amend("command-line", new[] { "aza-lft-001" }, null);

        act.Should().Throw<ArgumentException>().WithMessage($"*AZA-LFT-001*{ErrorCodes.PolicyDisablesDataQuality}*");
    }

    [Theory]
    [InlineData("pgx-testing", "AZA-PGX-008, AZA-PGX-009, AZA-PGX-010, AZA-PGX-011")]
    [InlineData("lft-monitoring", "AZA-LFT-001")]
    [InlineData("cbc-monitoring", "AZA-CBC-001")]
    [InlineData("TPMT", "AZA-PGX-006")]
    [InlineData("nudt15", "AZA-PGX-007")]
    public void LeavingOutATopicHoldingAnUnknownDataRule_IsRefusedNamingTheRules(string topic, string named)
    {
        var read = SitePolicyJson.Read($$"""
            { "name": "x", "version": "1",
              "disable": [ { "topic": "{{topic}}", "reason": "too many prompts", "approvedBy": "P&T" } ] }
            """);
        var create = () => ClinicalRuleSet.Create(new RuleSetOptions { DisabledTopics = new[] { topic } });
        var amend = () => new SitePolicy { Name = "x", Version = "1", ContentHash = "sha256:" + new string('0', 64) }.Amend("command-line", new[] { topic }, null);

        read.Policy.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Field == "disable[0].topic" && p.Code == ErrorCodes.PolicyDisablesDataQuality && p.Message.Contains(named) && p.Message.Contains("by id"));
        create.Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.DisabledTopics*{named}*{ErrorCodes.PolicyDisablesDataQuality}*");
        amend.Should().Throw<ArgumentException>().WithMessage($"*{named}*{ErrorCodes.PolicyDisablesDataQuality}*");
    }

    [Theory]
    [InlineData("AZA-CBC-002")]
    [InlineData("AZA-CBC-003")]
    [InlineData("AZA-PGX-001")]
    public void Create_DisabledRuleBesideAnUnknownDataRuleInItsTopic_IsAllowed(string id)
    {
        // Boundary: the protection is per rule; the other rules of those topics may still be left out by id.
        ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = new[] { id } }).DisabledRules.Should().Equal(id);
    }

    [Fact]
    public void Create_EveryOtherTopicLeftOut_StillBuildsWithTheDataQualityRules()
    {
        // Every rule that may be left out, left out: by topic where the topic holds no protected rule, else by id.
        var protectedIds = UnknownDataIds;
        var protectedTopics = ClinicalRuleSet.Default.Rules.Where(r => protectedIds.Contains(r.Id)).Select(r => r.Topic).Append(Topics.DataQuality).ToList();
        var rules = ClinicalRuleSet.Create(new RuleSetOptions
        {
            DisabledTopics = Topics.All.Where(t => !protectedTopics.Contains(t)).ToList(),
            DisabledRules = ClinicalRuleSet.Default.Rules.Where(r => protectedTopics.Contains(r.Topic) && r.Topic != Topics.DataQuality && !protectedIds.Contains(r.Id)).Select(r => r.Id).ToList(),
        });

        rules.Rules.Select(r => r.Id).Should().BeEquivalentTo(protectedIds.Concat(new[] { "AZA-DQ-001", "AZA-DQ-002", "AZA-DQ-003" }));
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
