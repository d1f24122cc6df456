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

    [Fact]
    public void Amend_VersionPushedOverTheLimitBySuffix_IsRefusedByAmendNamingTheSuffixAndTheFilesLength()
    {
        // Stop 28: a 195-character version passed the reader; --disable added "+command-line" (208 characters) and the
        // error came later from ClinicalRuleSet.Create, naming RuleSetOptions.Policy.Version, an option the user never set.
        var policy = new SitePolicy { Name = "x", Version = new string('1', 195), ContentHash = Hash };

        FluentActions.Invoking(() => policy.Amend("command-line", new[] { "AZA-INT-003" }, null))
            .Should().Throw<ArgumentException>().WithMessage("*'+command-line'*208 characters*limit is 200*195*[INPUT_TOO_LARGE]*")
            .Which.ParamName.Should().Be("changedBy");
    }

    [Fact]
    public void Amend_VersionReachingTheLimitExactly_IsAccepted()
    {
        var policy = new SitePolicy { Name = "x", Version = new string('1', 200 - "+command-line".Length), ContentHash = Hash };

        var amended = policy.Amend("command-line", new[] { "AZA-INT-003" }, null);

        amended.Version.Should().HaveLength(200);
        FluentActions.Invoking(() => ClinicalRuleSet.Create(amended.ToRuleSetOptions())).Should().NotThrow();
    }

    [Theory]
    [InlineData("command-line\nERROR all checks passed", "[INVALID_TEXT]")]
    [InlineData("give 50 mg daily", "[POLICY_TEXT_CARRIES_DOSING_TEXT]")]
    [InlineData(" ", "[REQUIRED]")]
    public void Amend_ChangedByUnfitToEcho_IsRefusedWithoutEchoingIt(string changedBy, string code)
    {
        // changedBy goes into the amended version and every exclusion's reason, which every result echoes.
        var policy = new SitePolicy { Name = "x", Version = "1", ContentHash = Hash };

        FluentActions.Invoking(() => policy.Amend(changedBy, new[] { "AZA-INT-003" }, null))
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "changedBy" && e.Message.Contains(code) && !e.Message.Contains("ERROR all") && !e.Message.Contains("50 mg"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("version")]
    public void Create_PolicyReferenceWithALoneSurrogate_IsRefusedNamingTheOption(string member)
    {
        // Stop 28: a lone surrogate is not text. The reader refuses it (below); a reference a host made was accepted, and
        // every result's JSON showed U+FFFD instead of the name or version given.
        var broken = "trial\uD800x";
        var reference = member == "name" ? new PolicyReference(broken, "1", Hash) : new PolicyReference("trial", broken, Hash);

        FluentActions.Invoking(() => ClinicalRuleSet.Create(new RuleSetOptions { Policy = reference }))
            .Should().Throw<ArgumentException>().WithMessage($"*RuleSetOptions.Policy.{(member == "name" ? "Name" : "Version")}*[INVALID_TEXT]*");
    }

    [Theory]
    [InlineData("""{ "name": "st\uD800elsewhere", "version": "1" }""")]
    [InlineData("""{ "name": "st-elsewhere", "version": "1\uDC00" }""")]
    public void Read_LoneSurrogateEscapeInNameOrVersion_IsAProblemNotAnException(string json)
    {
        var read = FluentActions.Invoking(() => SitePolicyJson.Read(json)).Should().NotThrow().Subject;

        read.Policy.Should().BeNull();
        read.Problems.Should().NotBeEmpty();
    }
}
