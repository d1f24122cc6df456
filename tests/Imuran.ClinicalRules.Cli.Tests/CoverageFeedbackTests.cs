using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Feedback;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary><c>coverage --feedback FILE</c>: clinician feedback beside the cohort's firings.</summary>
public class CoverageFeedbackTests
{
    /// <summary>Patient A (TPMT poor) fires AZA-PGX-001; patient B does not.</summary>
    private static readonly string Cohort = BatchCommandTests.PatientA + "\n" + BatchCommandTests.PatientB + "\n";

    private static string FeedbackFile(ClinicianFeedbackExport? export = null) =>
        ResearchCliRunner.TempFile(ClinicianFeedbackJson.ToJson(export ?? (FeedbackSample.Export() with { RuleSetVersion = ClinicalRuleSet.Default.Version })), ".json");

    [Fact]
    public void Coverage_WithFeedback_JsonShowsFiringsBesideAcceptedOverriddenAndReasons()
    {
        var file = FeedbackFile();

        var run = ResearchCliRunner.Run(Cohort, "coverage", "--format", "json", "--feedback", file);

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
        run.Error.Should().NotContain("warning");
        var feedback = JsonDocument.Parse(run.Out).RootElement.GetProperty("clinicianFeedback");
        feedback.GetProperty("ruleSetVersionMatches").GetBoolean().Should().BeTrue();
        var rules = feedback.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        rules["AZA-PGX-001"].GetProperty("timesFired").GetInt32().Should().Be(1);
        rules["AZA-PGX-001"].GetProperty("accepted").GetInt32().Should().Be(1);
        rules["AZA-PGX-001"].GetProperty("overrideRate").GetDouble().Should().Be(0);
        var interaction = rules["AZA-INT-001"];
        interaction.GetProperty("timesFired").GetInt32().Should().Be(0, "no patient of the cohort takes allopurinol");
        interaction.GetProperty("overridden").GetInt32().Should().Be(3);
        interaction.GetProperty("overrideRate").GetDouble().Should().Be(0.75);
        interaction.GetProperty("topOverrideReasons")[0].GetProperty("code").GetString().Should().Be("recipient-concerns-outcomes");
        interaction.GetProperty("topOverrideReasons")[0].GetProperty("count").GetInt32().Should().Be(2);
        feedback.GetProperty("otherCards").EnumerateArray().Single().GetProperty("id").GetString().Should().Be(ClinicianFeedbackExport.UnknownRule);
    }

    [Fact]
    public void Coverage_WithFeedback_MarkdownHasTheFeedbackTable()
    {
        var run = ResearchCliRunner.Run(Cohort, "coverage", "--feedback", FeedbackFile());

        run.ExitCode.Should().Be(ExitCodes.Ok, run.Error);
        run.Out.Should().Contain("## Clinician feedback")
            .And.Contain("| AZA-INT-001 | 0 | 0 | 1 | 3 | 75.0 % | recipient-concerns-outcomes (2); other (1) |")
            .And.Contain("| unknown (not in this rule set) | – | – | 0 | 1 | 100.0 % | – |");
    }

    [Fact]
    public void Coverage_WithoutFeedback_HasNoFeedbackSection()
    {
        var run = ResearchCliRunner.Run(Cohort, "coverage", "--format", "json");

        JsonDocument.Parse(run.Out).RootElement.TryGetProperty("clinicianFeedback", out _).Should().BeFalse();
    }

    [Fact]
    public void Coverage_FeedbackOfAnotherRuleSetVersion_Warns()
    {
        var file = FeedbackFile(FeedbackSample.Export() with { RuleSetVersion = "0.0.1-other" });

        var run = ResearchCliRunner.Run(Cohort, "coverage", "--format", "json", "--feedback", file);

        run.ExitCode.Should().Be(ExitCodes.Ok);
        run.Error.Should().Contain("warning: the feedback in").And.Contain("0.0.1-other");
        JsonDocument.Parse(run.Out).RootElement.GetProperty("clinicianFeedback").GetProperty("ruleSetVersionMatches").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Coverage_BadFeedbackFile_Exits2NamingTheProblemAndWritesNoReport()
    {
        var file = ResearchCliRunner.TempFile("""{"format":"imuran-clinicalrules-feedback","formatVersion":7}""", ".json");

        var run = ResearchCliRunner.Run(Cohort, "coverage", "--feedback", file);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain($"the feedback file '{file}'").And.Contain("formatVersion: Feedback export format version 7 is not supported").And.Contain("[UNKNOWN_VALUE]");
    }

    [Fact]
    public void Coverage_FeedbackFileMissing_Exits2()
    {
        var missing = Path.Combine(Path.GetTempPath(), "imuran-tests-" + Guid.NewGuid().ToString("N") + ".json");

        var run = ResearchCliRunner.Run(Cohort, "coverage", "--feedback", missing);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("cannot read the feedback file").And.Contain(missing);
    }

    [Fact]
    public void Coverage_FeedbackWithCsv_Exits2()
    {
        var run = ResearchCliRunner.Run(Cohort, "coverage", "--format", "csv", "--feedback", FeedbackFile());

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("--feedback is shown in md and json output");
    }
}
