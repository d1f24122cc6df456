using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Policy;

/// <summary>
/// A policy's name and version are echoed verbatim in every result, the tool's report and a host's logs: no control
/// characters (log forging), and at most <see cref="PolicyText.MaxLength"/> characters, by the reader and by
/// <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/> alike.
/// </summary>
public class PolicyNameAndVersionTests
{
    private static readonly string Hash = "sha256:" + new string('0', 64);

    [Theory]
    [InlineData("""{ "name": "st-elsewhere\n2026-01-01 ERROR all checks passed", "version": "1" }""", "name")]
    [InlineData("""{ "name": "st-elsewhere\r\n", "version": "1\r2" }""", "version")]
    [InlineData("""{ "name": "st-elsewhere", "version": "1\u001b[2Kforged" }""", "version")]
    [InlineData("""{ "name": "st\u0000elsewhere", "version": "1" }""", "name")]
    [InlineData("""{ "name": "st\telsewhere", "version": "1" }""", "name")]
    [InlineData("""{ "name": "st\u0085elsewhere", "version": "1" }""", "name")]
    [InlineData("""{ "name": "st\u2028elsewhere", "version": "1" }""", "name")]
    [InlineData("""{ "name": "st\u202Eerehwesle", "version": "1" }""", "name")]
    public void Read_ControlCharacterInNameOrVersion_IsRefusedNamingTheField(string json, string field)
    {
        // Stop 25: accepted, and echoed in every result and log line ("\n2026-01-01 ERROR ..." forges a log entry).
        var read = SitePolicyJson.Read(json);

        read.Policy.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Field == field && p.Code == ErrorCodes.InvalidText && p.Message.Contains("control character"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("version")]
    public void Read_NameOrVersionOverTheLimit_IsRefusedNamingTheFieldAndTheLimit(string field)
    {
        var text = new string('x', PolicyText.MaxLength + 1);
        var read = SitePolicyJson.Read(field == "name" ? $$"""{ "name": "{{text}}", "version": "1" }""" : $$"""{ "name": "x", "version": "{{text}}" }""");

        read.Policy.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.Field == field && p.Code == ErrorCodes.InputTooLarge && p.Message.Contains(PolicyText.MaxLength.ToString()));
    }

    [Fact]
    public void Read_NameAndVersionAtTheLimit_AreAccepted()
    {
        var text = new string('x', PolicyText.MaxLength);

        var read = SitePolicyJson.Read($$"""{ "name": "{{text}}", "version": "{{text}}" }""");

        read.Problems.Should().BeEmpty();
        read.Policy!.Name.Should().HaveLength(PolicyText.MaxLength);
        PolicyText.MaxLength.Should().Be(200);
    }

    [Fact]
    public void Read_OrdinaryUnicodeNames_AreAccepted()
    {
        var read = SitePolicyJson.Read("""{ "name": "Hôpital Saint-Éloi – pharmacie (Ω)", "version": "2026-12 rév. 3" }""");

        read.Problems.Should().BeEmpty();
    }

    [Fact]
    public void Create_PolicyReferenceWithAControlCharacter_IsRefusedNamingTheOption()
    {
        FluentActions.Invoking(() => ClinicalRuleSet.Create(new RuleSetOptions { Policy = new PolicyReference("trial\nERROR forged", "1", Hash) }))
            .Should().Throw<ArgumentException>().WithMessage("*RuleSetOptions.Policy.Name*control character*");
        FluentActions.Invoking(() => ClinicalRuleSet.Create(new RuleSetOptions { Policy = new PolicyReference("trial", "1\u001b[0m", Hash) }))
            .Should().Throw<ArgumentException>().WithMessage("*RuleSetOptions.Policy.Version*control character*");
    }

    [Fact]
    public void Create_PolicyReferenceOverTheLimit_IsRefusedNamingTheOption()
    {
        FluentActions.Invoking(() => ClinicalRuleSet.Create(new RuleSetOptions { Policy = new PolicyReference("trial", new string('1', 201), Hash) }))
            .Should().Throw<ArgumentException>().WithMessage("*RuleSetOptions.Policy.Version*200*");
    }
}
