using Imuran.ClinicalRules.Tests.Common;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Policy;

public class SitePolicyJsonTests
{
    private static readonly string SamplePolicy = RepoPaths.InRepo("samples", "policies", "st-elsewhere-pharmacy.json");

    private const string Trial = """
        { "name": "trial", "version": "1",
          "disable": [ { "rule": "aza-int-003", "reason": "own alert", "approvedBy": "P&T" },
                       { "topic": "HANDLING", "reason": "on the label", "approvedBy": "P&T" } ],
          "thresholds": { "LiverTestWindowDays": 30, "egfrThreshold": null } }
        """;

    [Fact]
    public void Read_SamplePolicy_HasItsEntriesAndTheHashOfItsBytes()
    {
        var bytes = File.ReadAllBytes(SamplePolicy);

        var read = SitePolicyJson.Read(bytes);

        read.Succeeded.Should().BeTrue(string.Join("; ", read.Problems));
        var policy = read.Policy!;
        policy.Name.Should().Be("st-elsewhere-pharmacy");
        policy.Version.Should().Be("2026-12");
        policy.ContentHash.Should().Be("sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant());
        policy.Disable.Select(d => d.Rule ?? d.Topic).Should().Equal("AZA-INT-003", "handling");
        policy.Thresholds.Should().ContainKey("liverTestWindowDays").WhoseValue.Should().Be("60");
    }

    [Fact]
    public void ToRuleSetOptions_TrialPolicy_RulesLeftOutThresholdSetAndEveryResultNamesThePolicy()
    {
        var policy = SitePolicyJson.Read(Trial).Policy!;
        var rules = ClinicalRuleSet.Create(policy.ToRuleSetOptions());
        var facts = PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "mesalamine-uc.json"))).Facts!;

        var without = ClinicalRuleSet.Default.Evaluate(facts);
        var with = rules.Evaluate(facts);

        without.Findings.Select(f => f.RuleId).Should().Contain("AZA-INT-003").And.NotContain("AZA-LFT-001", "the ALT of 35 days ago is inside the default 90-day window");
        with.Findings.Select(f => f.RuleId).Should().NotContain("AZA-INT-003").And.Contain("AZA-LFT-001", "the policy's 30-day window leaves that ALT outside");
        with.DisabledRules.Should().Equal("AZA-HND-001", "AZA-INT-003");
        with.Policy.Should().Be(policy.Reference);
        with.Thresholds.LiverTestWindowDays.Should().Be(30);
        using var json = JsonDocument.Parse(EvaluationResultJson.ToJson(with));
        var stamped = json.RootElement.GetProperty("policy");
        stamped.GetProperty("name").GetString().Should().Be("trial");
        stamped.GetProperty("version").GetString().Should().Be("1");
        stamped.GetProperty("contentHash").GetString().Should().StartWith("sha256:").And.HaveLength(7 + 64);
        json.RootElement.GetProperty("thresholds").GetProperty("liverTestWindowDays").GetDouble().Should().Be(30, "a result lists every threshold the policy changed");
        json.RootElement.GetProperty("thresholds").GetProperty("egfrThreshold").ValueKind.Should().Be(JsonValueKind.Null, "the policy turned the eGFR check off");
        JsonDocument.Parse(EvaluationResultJson.ToJson(without)).RootElement.TryGetProperty("policy", out _).Should().BeFalse("no policy, no member: the documented contract is unchanged");
    }

    [Fact]
    public void Read_UnknownRuleTopicAndOption_ProblemsListTheValidValues()
    {
        var read = SitePolicyJson.Read("""
            { "name": "x", "version": "1",
              "disable": [ { "rule": "AZA-INT-999", "reason": "r", "approvedBy": "a" }, { "topic": "kidneys", "reason": "r", "approvedBy": "a" } ],
              "thresholds": { "liverWindow": 60 } }
            """);

        read.Succeeded.Should().BeFalse();
        read.Policy.Should().BeNull("a policy is used whole or not at all");
        read.Problems.Should().HaveCount(3);
        read.Problems[0].Should().Match<ValidationProblem>(p => p.Field == "disable[0].rule" && p.Code == ErrorCodes.UnknownValue && p.Message.Contains("AZA-INT-003"));
        read.Problems[1].Should().Match<ValidationProblem>(p => p.Field == "disable[1].topic" && p.Message.Contains("Valid topics: tpmt"));
        read.Problems[2].Should().Match<ValidationProblem>(p => p.Field == "thresholds.liverWindow" && p.Message.Contains("liverTestWindowDays"));
    }

    [Fact]
    public void Read_OptionsMemberOfOlderPolicies_IsAProblemSayingItIsNowThresholds()
    {
        var read = SitePolicyJson.Read("""{ "name": "x", "version": "1", "options": { "liverTestWindowDays": 60 } }""");

        read.Succeeded.Should().BeFalse("an old policy must not be used without its thresholds");
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(
            p => p.Field == "options" && p.Code == ErrorCodes.UnknownField && p.Message.Contains("'thresholds'"));
    }

    [Theory]
    [InlineData("""{ "version": "1" }""", "name", ErrorCodes.Required)]
    [InlineData("""{ "name": "x" }""", "version", ErrorCodes.Required)]
    [InlineData("""{ "name": "x", "version": "1", "disable": [ { "rule": "AZA-INT-003", "approvedBy": "a" } ] }""", "disable[0].reason", ErrorCodes.Required)]
    [InlineData("""{ "name": "x", "version": "1", "disable": [ { "rule": "AZA-INT-003", "reason": "r" } ] }""", "disable[0].approvedBy", ErrorCodes.Required)]
    [InlineData("""{ "name": "x", "version": "1", "disable": [ { "rule": "AZA-INT-003", "topic": "handling", "reason": "r", "approvedBy": "a" } ] }""", "disable[0]", ErrorCodes.Required)]
    [InlineData("""{ "name": "x", "version": "1", "thresholds": { "liverTestWindowDays": 6.5 } }""", "thresholds.liverTestWindowDays", ErrorCodes.WrongType)]
    [InlineData("""{ "name": "x", "version": "1", "thresholds": { "liverTestWindowDays": null } }""", "thresholds.liverTestWindowDays", ErrorCodes.WrongType)]
    [InlineData("""{ "name": "x", "version": "1", "thresholds": { "liverTestWindowDays": "60" } }""", "thresholds.liverTestWindowDays", ErrorCodes.WrongType)]
    [InlineData("""{ "name": "x", "version": "1", "disabled": [] }""", "disabled", ErrorCodes.UnknownField)]
    [InlineData("""{ "name": "x", "version": "1", "thresholds": { "liverTestWindowDays": -5 } }""", "thresholds.liverTestWindowDays", ErrorCodes.OutOfRange)]
    [InlineData("""{ "name": "x", "version": "1", "thresholds": { "markedFallFraction": 1.5 } }""", "thresholds.markedFallFraction", ErrorCodes.OutOfRange)]
    [InlineData("""{ "name": "x", "version": "1", """, "$", ErrorCodes.MalformedInput)]
    public void Read_BadPolicy_NamesTheFieldAndGivesNoPolicy(string json, string field, string code)
    {
        var read = SitePolicyJson.Read(json);

        read.Policy.Should().BeNull();
        read.Problems.Should().Contain(p => p.Field == field && p.Code == code);
    }

    [Theory]
    [InlineData("""{ "name": "halve the azathioprine dose", "version": "1" }""", "name")]
    [InlineData("""{ "name": "st-elsewhere", "version": "50 mg twice daily" }""", "version")]
    public void Read_NameOrVersionReadingAsDosingText_IsRefused(string json, string field)
    {
        // QA, 2 Dec: both were accepted, and every result of the rule set echoed them (policy{name,version}, the
        // tool's "Site policy:" line), so an output carried a dose.
        var read = SitePolicyJson.Read(json);

        read.Policy.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(
            p => p.Field == field && p.Code == ErrorCodes.PolicyTextCarriesDosingText && p.Message.Contains("dosing text"));
    }

    [Fact]
    public void Read_NameAndVersionOfOrdinaryPolicies_AreAccepted()
    {
        var read = SitePolicyJson.Read("""{ "name": "St Elsewhere pharmacy (oncology ward 2)", "version": "2026-12 rev 3" }""");

        read.Problems.Should().BeEmpty();
        read.Policy!.Name.Should().Be("St Elsewhere pharmacy (oncology ward 2)");
    }

    [Fact]
    public void Create_PolicyReferenceReadingAsDosingText_IsRefusedNamingTheOption()
    {
        // A host can build the reference itself, without a policy file: the rule set checks it as the reader does.
        var hash = "sha256:" + new string('0', 64);

        FluentActions.Invoking(() => ClinicalRuleSet.Create(new RuleSetOptions { Policy = new PolicyReference("reduce the dose by half", "1", hash) }))
            .Should().Throw<ArgumentException>().WithMessage("*RuleSetOptions.Policy.Name*dosing text*");
        FluentActions.Invoking(() => ClinicalRuleSet.Create(new RuleSetOptions { Policy = new PolicyReference("trial", "take 2 tablets daily", hash) }))
            .Should().Throw<ArgumentException>().WithMessage("*RuleSetOptions.Policy.Version*dosing text*");
    }

    [Fact]
    public void Read_BytesOverTheLimit_AreRefusedAsReadAsyncRefusesThem()
    {
        // QA, 2 Dec: ReadAsync refused a policy over MaxBytes, Read took the same bytes (and the tool and the DI package
        // read the file whole, /dev/zero included); one limit for every way in.
        var padded = Encoding.UTF8.GetBytes("""{ "name": "x", "version": "1" }""" + new string(' ', (int)SitePolicyJson.MaxBytes));

        var read = SitePolicyJson.Read(padded);

        read.Policy.Should().BeNull();
        read.Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.InputTooLarge);
        SitePolicyJson.Read(padded.AsSpan(0, (int)SitePolicyJson.MaxBytes)).Problems.Should().BeEmpty("a policy of exactly the limit is read");
    }

    [Fact]
    public async Task ReadAsync_FileWithAByteOrderMark_HasTheHashOfItsBytesAsRead()
    {
        // QA, 2 Dec: ReadAsync hashed the bytes after the byte-order mark, Read (and sha256sum) the bytes as given, so a
        // host reading asynchronously stamped every result with a hash that matched no reviewed file.
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("""{ "name": "x", "version": "1" }""")).ToArray();
        var expected = "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant();

        var read = await SitePolicyJson.ReadAsync(new AsyncOnlyStream(bytes));

        read.Policy!.ContentHash.Should().Be(expected).And.Be(SitePolicyJson.Read(bytes).Policy!.ContentHash);
    }

    [Fact]
    public void Amend_CommandLineTrial_IsADifferentPolicyThatCannotPassForTheFile()
    {
        var file = SitePolicyJson.Read(File.ReadAllBytes(SamplePolicy)).Policy!;

        var trial = file.Amend("command-line", new[] { "aza-pgx-001", "Pregnancy" }, new Dictionary<string, string?> { ["EGFRTHRESHOLD"] = "45" });

        trial.Name.Should().Be("st-elsewhere-pharmacy");
        trial.Version.Should().Be("2026-12+command-line");
        trial.ContentHash.Should().NotBe(file.ContentHash).And.Be(SitePolicyJson.Read(SitePolicyJson.ToJson(trial)).Policy!.ContentHash);
        trial.Disable.Select(d => d.Rule ?? d.Topic).Should().Equal("AZA-INT-003", "handling", "AZA-PGX-001", "pregnancy");
        trial.ToRuleSetOptions().Thresholds.EgfrThreshold.Should().Be(45);
        trial.ToRuleSetOptions().Thresholds.LiverTestWindowDays.Should().Be(60);
    }

    [Fact]
    public void Amend_UnknownNames_ErrorListsTheValidOnes()
    {
        var empty = new SitePolicy();

        empty.Invoking(p => p.Amend("command-line", new[] { "kidneys" }, null)).Should().Throw<ArgumentException>().WithMessage("*'kidneys' is neither a rule id nor a topic*AZA-PGX-001*pgx-testing*");
        empty.Invoking(p => p.Amend("command-line", null, new Dictionary<string, string?> { ["window"] = "1" })).Should().Throw<ArgumentException>().WithMessage("*Valid thresholds: egfrThreshold*");
        empty.Invoking(p => p.Amend("command-line", null, new Dictionary<string, string?> { ["liverTestWindowDays"] = "soon" })).Should().Throw<ArgumentException>().WithMessage("*'soon' is not a whole number*");
    }

    [Fact]
    public async Task ReadAsync_SamplePolicy_SameAsRead()
    {
        var bytes = File.ReadAllBytes(SamplePolicy);

        var read = await SitePolicyJson.ReadAsync(new AsyncOnlyStream(bytes));

        read.Policy.Should().BeEquivalentTo(SitePolicyJson.Read(bytes).Policy);
    }

    [Theory]
    [InlineData("{\"name\":\"n\",\"version\":\"1\",\"thresholds\":{\"liverTestWindow\\ud800Days\":60}}", "thresholds")]
    [InlineData("{\"name\":\"n\",\"\\ud800version\":\"1\"}", "$")]
    [InlineData("{\"\\udfff\":1,\"name\":\"n\",\"version\":\"1\"}", "$")]
    [InlineData("{\"name\":\"n\",\"version\":\"1\",\"disable\":[{\"\\udffftopic\":\"handling\",\"reason\":\"r\",\"approvedBy\":\"a\"}]}", "disable[0]")]
    public void Read_AMemberNameWithALoneSurrogateEscape_IsAnInvalidTextProblem_NotAnException(string json, string field)
    {
        // Fuzzing, stop 30: a broken member name made the reader throw (InvalidOperationException) from a look-up or
        // from the thresholds' names, where reading promises never to throw for bad input.
        var read = SitePolicyJson.Read(Encoding.UTF8.GetBytes(json));

        read.Succeeded.Should().BeFalse();
        read.Problems.Should().Contain(p => p.Field == field && p.Code == ErrorCodes.InvalidText && p.Message.Contains("member name"));
    }

    [Fact]
    public void Read_AThresholdNameThatIsNotUtf8_IsAnInvalidTextProblem_NotAnException()
    {
        // Fuzzing, stop 30: bytes that are not UTF-8 in a threshold's name threw when the name was read.
        var bytes = Encoding.UTF8.GetBytes("{\"name\":\"n\",\"version\":\"1\",\"thresholds\":{\"liverTestWindow_Days\":60}}");
        bytes[Array.IndexOf(bytes, (byte)'_')] = 0xFE;

        var read = SitePolicyJson.Read(bytes);

        read.Succeeded.Should().BeFalse();
        read.Problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p => p.Field == "thresholds" && p.Code == ErrorCodes.InvalidText);
    }
}
