using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>--policy, --disable and --threshold on check, batch and coverage.</summary>
public class PolicyOptionsTests
{
    private static readonly string Policy = RepoPaths.InRepo("samples", "policies", "st-elsewhere-pharmacy.json");
    private static readonly string Mesalamine = RepoPaths.InRepo("samples", "patients", "mesalamine-uc.json");

    private static string MesalamineLine => PatientFactsJsonWriter.ToJson(PatientFactsJson.Read(File.ReadAllText(Mesalamine)).Facts!);

    [Fact]
    public void Check_WithPolicy_SuppressesTheRuleAndTheResultNamesThePolicy()
    {
        var (exit, output, _) = CliRunner.Run("check", Mesalamine, "--format", "json", "--policy", Policy);

        exit.Should().Be(ExitCodes.Ok);
        var root = JsonDocument.Parse(output).RootElement;
        RuleIds(root).Should().NotContain("AZA-INT-003");
        root.GetProperty("disabledRules").EnumerateArray().Select(e => e.GetString()).Should().Equal("AZA-HND-001", "AZA-INT-003");
        root.GetProperty("policy").GetProperty("name").GetString().Should().Be("st-elsewhere-pharmacy");
        root.GetProperty("policy").GetProperty("version").GetString().Should().Be("2026-12");
        RuleIds(JsonDocument.Parse(CliRunner.Run("check", Mesalamine, "--format", "json").Out).RootElement).Should().Contain("AZA-INT-003");
    }

    [Fact]
    public void Check_WithPolicy_TextReportNamesThePolicyAndWhatItLeftOut()
    {
        var output = CliRunner.Run("check", Mesalamine, "--policy", Policy).Out;

        output.Should().Contain("Site policy: st-elsewhere-pharmacy 2026-12 (sha256:").And.Contain("Disabled by configuration: AZA-HND-001, AZA-INT-003");
    }

    [Fact]
    public void Check_WithPolicy_TextReportNamesTheThresholdsItChanged()
    {
        // Stop 28: the report named the policy and the rules left out, but not the thresholds it changed, while each
        // finding's logic names the default (AZA-LFT-001: "the host's liver-test window (default 90 days ...)").
        var output = CliRunner.Run("check", Mesalamine, "--policy", Policy).Out;

        output.Should().Contain("Thresholds changed from the defaults: liverTestWindowDays 60 (default 90)");
        CliRunner.Run("check", Mesalamine).Out.Should().NotContain("Thresholds changed");
    }

    [Fact]
    public void Check_DisableAndOptionTrial_IsAPolicyMarkedAsACommandLineTrial()
    {
        var (exit, output, _) = CliRunner.Run("check", Mesalamine, "--format", "json", "--disable", "aza-int-003", "--threshold", "LiverTestWindowDays=30");

        exit.Should().Be(ExitCodes.Ok);
        var root = JsonDocument.Parse(output).RootElement;
        RuleIds(root).Should().NotContain("AZA-INT-003").And.Contain("AZA-LFT-001", "the ALT 35 days before is outside a 30-day window");
        root.GetProperty("policy").GetProperty("version").GetString().Should().Be("unversioned+command-line");
    }

    [Fact]
    public void Check_PolicyFileOverTheLimit_Exit2AndNotRead()
    {
        // QA, 2 Dec: the file was read whole, whatever its size (a policy path of /dev/zero never came back).
        var path = Path.Combine(Path.GetTempPath(), "imuran-qa-policy-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{ "name": "big", "version": "1" }""" + new string(' ', (int)Imuran.ClinicalRules.Policy.SitePolicyJson.MaxBytes));
        try
        {
            var (exit, output, error) = CliRunner.Run("check", Mesalamine, "--policy", path);

            exit.Should().Be(ExitCodes.InvalidInput);
            output.Should().BeEmpty();
            error.Should().Contain("INPUT_TOO_LARGE").And.Contain("was not used");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--disable", "kidneys", "'kidneys' is neither a rule id nor a topic")]
    [InlineData("--threshold", "liverWindow=30", "Valid thresholds: egfrThreshold")]
    [InlineData("--threshold", "liverTestWindowDays", "is not name=value")]
    [InlineData("--threshold", "liverTestWindowDays=soon", "'soon' is not a whole number")]
    [InlineData("--threshold", "liverTestWindowDays=2147483648", "'2147483648' is not a whole number (at most 2,147,483,647)")] // stop 28: said "not a whole number" of a whole number too large
    [InlineData("--threshold", "egfrThreshold=", "has no value")]
    [InlineData("--threshold", "egfrThreshold=  ", "has no value")]
    public void Check_UnknownOrMalformedTrialSetting_Exit2WithTheValidValues(string option, string value, string message)
    {
        var (exit, _, error) = CliRunner.Run("check", Mesalamine, option, value);

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain(message).And.NotContain("(Parameter");
    }

    [Theory]
    [InlineData("AZA-DQ-001")]
    [InlineData("data-quality")]
    [InlineData("AZA-CBC-001")] // stop 28: "blood count overdue" reports stale data; no trial may silence it either
    [InlineData("pgx-testing")]
    public void Check_DisableDataQuality_Exit2NamingItAndTheCode(string value)
    {
        // Stop 25: a trial or a policy could leave out the data-quality rules (unknown is not normal, principle 2).
        var (exit, output, error) = CliRunner.Run("check", Mesalamine, "--disable", value);

        exit.Should().Be(ExitCodes.InvalidInput);
        output.Should().BeEmpty();
        error.Should().Contain(value).And.Contain("POLICY_DISABLES_DATA_QUALITY").And.NotContain("(Parameter");
    }

    [Fact]
    public void Check_PolicyFileDisablingTheDataQualityTopic_Exit2NamingTheEntry()
    {
        var path = ResearchCliRunner.TempFile("""{ "name": "x", "version": "1", "disable": [ { "topic": "data-quality", "reason": "noise", "approvedBy": "P&T" } ] }""", ".json");

        var (exit, _, error) = CliRunner.Run("check", Mesalamine, "--policy", path);

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("disable[0].topic:").And.Contain("[POLICY_DISABLES_DATA_QUALITY]");
    }

    [Fact]
    public void Check_PolicyVersionNearTheLimitWithDisable_Exit2NamingTheSuffixNotAnOption()
    {
        // Stop 28: the error named RuleSetOptions.Policy.Version and a length the file did not have.
        var path = ResearchCliRunner.TempFile($$"""{ "name": "x", "version": "{{new string('1', 195)}}" }""", ".json");

        var (exit, output, error) = CliRunner.Run("check", Mesalamine, "--policy", path, "--disable", "AZA-INT-003");

        exit.Should().Be(ExitCodes.InvalidInput);
        output.Should().BeEmpty();
        error.Should().Contain("'+command-line'").And.Contain("(it has 195 characters)").And.Contain("[INPUT_TOO_LARGE]").And.NotContain("RuleSetOptions");
    }

    [Fact]
    public void Check_LiverHighMultipleAboveTheCriticalOne_Exit2NamingBoth()
    {
        var (exit, _, error) = CliRunner.Run("check", Mesalamine, "--threshold", "liverEnzymeHighMultiple=6");

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("LiverEnzymeHighMultiple").And.Contain("LiverEnzymeCriticalMultiple");
    }

    [Fact]
    public void Check_ThresholdOff_IsStillTheWayToTurnACheckOff()
    {
        // The empty value is refused (below: an unset shell variable, egfrThreshold=$LIMIT, turned the eGFR check off in
        // silence); "off" says it on purpose.
        var (exit, output, _) = CliRunner.Run("check", Mesalamine, "--format", "json", "--threshold", "egfrThreshold=off");

        exit.Should().Be(ExitCodes.Ok);
        JsonDocument.Parse(output).RootElement.GetProperty("thresholds").GetProperty("egfrThreshold").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Check_PolicyWithProblems_Exit2ListingEachProblem()
    {
        var path = ResearchCliRunner.TempFile("""{ "name": "x", "disable": [ { "topic": "kidneys" } ] }""", ".json");

        var (exit, _, error) = CliRunner.Run("check", Mesalamine, "--policy", path);

        exit.Should().Be(ExitCodes.InvalidInput);
        error.Should().Contain("has 4 problems").And.Contain("version:").And.Contain("disable[0].topic:").And.Contain("disable[0].reason:").And.Contain("disable[0].approvedBy:");
    }

    [Fact]
    public void Batch_WithPolicy_EveryRecordNamesThePolicy()
    {
        var run = ResearchCliRunner.Run(MesalamineLine + "\n" + BatchCommandTests.PatientA + "\n", "batch", "--policy", Policy);

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.OutLines.Should().HaveCount(2).And.OnlyContain(l => JsonDocument.Parse(l).RootElement.GetProperty("result").GetProperty("policy").GetProperty("name").GetString() == "st-elsewhere-pharmacy");
        RuleIds(JsonDocument.Parse(run.OutLines[0]).RootElement.GetProperty("result")).Should().NotContain("AZA-INT-003");
    }

    [Fact]
    public void Coverage_WithPolicy_ShowsTheAlertBurdenWithAndWithoutIt()
    {
        var input = MesalamineLine + "\n" + BatchCommandTests.PatientA + "\n";

        var json = JsonDocument.Parse(ResearchCliRunner.Run(input, "coverage", "--format", "json", "--policy", Policy).Out).RootElement;
        var md = ResearchCliRunner.Run(input, "coverage", "--policy", Policy).Out;

        var policy = json.GetProperty("policy");
        policy.GetProperty("name").GetString().Should().Be("st-elsewhere-pharmacy");
        var without = policy.GetProperty("burdenWithoutPolicy").EnumerateArray().ToDictionary(e => e.GetProperty("severity").GetString()!, e => e.GetProperty("findings").GetInt32());
        var with = json.GetProperty("bySeverity").EnumerateArray().ToDictionary(e => e.GetProperty("severity").GetString()!, e => e.GetProperty("findings").GetInt32());
        without["warning"].Should().Be(with["warning"] + 1, "the policy removes the one AZA-INT-003 warning");
        json.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().NotContain("AZA-INT-003", "a rule left out is not in the rule set");
        md.Should().Contain("## Alert burden with and without the site policy").And.Contain("| warning | ");
        ResearchCliRunner.Run(input, "coverage", "--format", "html", "--policy", Policy).Out.Should().Contain("<h2>Alert burden with and without the site policy</h2>");
        ResearchCliRunner.Run(input, "coverage", "--format", "md").Out.Should().NotContain("site policy", "without a policy the report is unchanged");
    }

    private static IEnumerable<string?> RuleIds(JsonElement result) =>
        result.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("ruleId").GetString());
}
