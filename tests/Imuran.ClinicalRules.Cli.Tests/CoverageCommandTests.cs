using System.IO;
using System.Text.Json;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli.Tests;

public class CoverageCommandTests
{
    /// <summary>Two patients, a malformed line and a blank line.</summary>
    private static readonly string TinySet = BatchCommandTests.PatientA + "\n" + BatchCommandTests.NotJson + "\n\n" + BatchCommandTests.PatientB + "\n";

    private static readonly string ValidPair = BatchCommandTests.PatientA + "\n" + BatchCommandTests.PatientB + "\n";

    [Theory]
    [InlineData("md")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    public void Coverage_TinySet_MatchesGolden(string format)
    {
        var run = ResearchCliRunner.Run(TinySet, "coverage", "--format", format);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput, "one line is not JSON");
        ResearchCliRunner.MatchesGolden(run.Out, "coverage-tiny." + format);
    }

    [Fact]
    public void Coverage_DefaultFormat_IsMarkdown()
    {
        var md = ResearchCliRunner.Run(TinySet, "coverage", "--format", "md").Out;

        ResearchCliRunner.Run(TinySet, "coverage").Out.Should().Be(md).And.StartWith("# Rule coverage report");
    }

    [Fact]
    public void Coverage_TinySet_CountsPatientsInvalidLinesAndFirings()
    {
        var json = Json(TinySet);

        json.GetProperty("input").GetProperty("lines").GetInt32().Should().Be(4);
        json.GetProperty("input").GetProperty("patients").GetInt32().Should().Be(2);
        json.GetProperty("input").GetProperty("invalidLines").GetInt32().Should().Be(1);
        var pgx001 = Rule(json, "AZA-PGX-001");
        pgx001.GetProperty("timesFired").GetInt32().Should().Be(1);
        pgx001.GetProperty("patientsAffected").GetInt32().Should().Be(1);
        pgx001.GetProperty("firstExample").GetString().Should().Be("a");
        Rule(json, "AZA-PRG-001").GetProperty("firstExample").ValueKind.Should().Be(JsonValueKind.Null);
        json.GetProperty("ruleCoverage").GetProperty("neverFired").EnumerateArray().Select(e => e.GetString()).Should().Contain("AZA-PRG-001").And.NotContain("AZA-PGX-001");
    }

    [Fact]
    public void Coverage_FiredCounts_AgreeWithTheEvaluationResults()
    {
        var json = Json(ValidPair);
        var findings = new[] { BatchCommandTests.PatientA, BatchCommandTests.PatientB }
            .SelectMany(l => ClinicalRuleSet.Default.Evaluate(PatientFactsJson.Read(l).Facts!).Findings)
            .ToList();

        foreach (var rule in ClinicalRuleSet.Default.Rules)
        {
            Rule(json, rule.Id).GetProperty("timesFired").GetInt32().Should().Be(findings.Count(f => f.RuleId == rule.Id), rule.Id);
        }

        json.GetProperty("ruleCoverage").GetProperty("fired").GetInt32().Should().Be(findings.Select(f => f.RuleId).Distinct().Count()).And.BeGreaterThan(2);
    }

    [Fact]
    public void Coverage_AlertBurden_IsFindingsPerThousandPatients()
    {
        var json = Json(ValidPair);
        var findings = new[] { BatchCommandTests.PatientA, BatchCommandTests.PatientB }
            .SelectMany(l => ClinicalRuleSet.Default.Evaluate(PatientFactsJson.Read(l).Facts!).Findings)
            .ToList();

        var critical = json.GetProperty("bySeverity").EnumerateArray().Single(g => g.GetProperty("severity").GetString() == "critical");
        critical.GetProperty("findings").GetInt32().Should().Be(findings.Count(f => f.Severity == Severity.Critical)).And.BeGreaterThan(0);
        critical.GetProperty("findingsPer1000Patients").GetDouble().Should().Be(Math.Round(1000.0 * findings.Count(f => f.Severity == Severity.Critical) / 2, 1));
        var tpmt = json.GetProperty("byTopic").EnumerateArray().Single(g => g.GetProperty("topic").GetString() == Topics.Tpmt);
        tpmt.GetProperty("findings").GetInt32().Should().Be(1);
        tpmt.GetProperty("findingsPer1000Patients").GetDouble().Should().Be(500.0);
        tpmt.GetProperty("patientsPer1000").GetDouble().Should().Be(500.0);
    }

    [Fact]
    public void Coverage_ConditionOutcomes_AreRecordedPerCondition()
    {
        var json = Json(BatchCommandTests.PatientA + "\n");

        // Patient A is TPMT poor: "TPMT intermediate" (AZA-PGX-003, condition 1) was tested and was false, never true.
        var condition = Rule(json, "AZA-PGX-003").GetProperty("conditions")[0];
        condition.GetProperty("trueSeen").GetBoolean().Should().BeFalse();
        condition.GetProperty("falseSeen").GetBoolean().Should().BeTrue();
        var fired = Rule(json, "AZA-PGX-001").GetProperty("conditions")[0];
        fired.GetProperty("trueSeen").GetBoolean().Should().BeTrue();
        fired.GetProperty("falseSeen").GetBoolean().Should().BeTrue("the NUDT15 phenotype call was tested against the TPMT-poor condition too");
    }

    [Fact]
    public void Coverage_ManyLinesInSmallChunks_FirstExampleFollowsInputOrder()
    {
        var lines = Enumerable.Range(1, 200).Select(i => BatchCommandTests.PatientB.Replace("\"b\"", "\"p" + i + "\""));
        var output = new StringWriter { NewLine = "\n" };
        var io = new CliIO(new StringReader(string.Join("\n", lines)), output, new StringWriter(), null);

        var code = CoverageCommand.Run(io, "-", "json", null, null, chunkSize: 16);

        code.Should().Be(ExitCodes.Ok);
        var handling = Rule(JsonDocument.Parse(output.ToString()).RootElement, "AZA-HND-001");
        handling.GetProperty("firstExample").GetString().Should().Be("p1");
        handling.GetProperty("patientsAffected").GetInt32().Should().Be(200);
    }

    [Fact]
    public void Coverage_MinRuleCoverage100WithRulesNeverFired_Exits3AndNamesThem()
    {
        var run = ResearchCliRunner.Run(ValidPair, "coverage", "--min-rule-coverage", "100");

        run.ExitCode.Should().Be(ExitCodes.ThresholdReached);
        run.Out.Should().StartWith("# Rule coverage report", "the report is still written");
        run.Error.Should().Contain("is below the minimum 100 %").And.Contain("AZA-PRG-001");
    }

    [Fact]
    public void Coverage_MinRuleCoverage_PassesAtExactlyTheCoverageAndFailsJustAbove()
    {
        var json = Json(ValidPair);
        var exact = 100.0 * json.GetProperty("ruleCoverage").GetProperty("fired").GetInt32() / json.GetProperty("ruleCoverage").GetProperty("rules").GetInt32();

        var atCoverage = ResearchCliRunner.Run(ValidPair, "coverage", "--min-rule-coverage", exact.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        var above = ResearchCliRunner.Run(ValidPair, "coverage", "--min-rule-coverage", (exact + 0.01).ToString(System.Globalization.CultureInfo.InvariantCulture));

        atCoverage.ExitCode.Should().Be(ExitCodes.Ok);
        above.ExitCode.Should().Be(ExitCodes.ThresholdReached);
    }

    [Fact]
    public void Coverage_GateMetButInvalidLines_Exits2()
    {
        var run = ResearchCliRunner.Run(TinySet, "coverage", "--min-rule-coverage", "0");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("-1")]
    public void Coverage_MinRuleCoverageOutOfRange_Exits2(string value)
    {
        var run = ResearchCliRunner.Run(ValidPair, "coverage", "--min-rule-coverage", value);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("--min-rule-coverage");
    }

    [Fact]
    public void Coverage_UnknownFormat_Exits2()
    {
        var run = ResearchCliRunner.Run(ValidPair, "coverage", "--format", "pdf");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
    }

    [Fact]
    public void Coverage_Html_IsSelfContainedWithABarChart()
    {
        var html = ResearchCliRunner.Run(ValidPair, "coverage", "--format", "html").Out;

        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("<rect").And.EndWith("</html>\n");
        html.Should().NotContain("<script").And.NotContain("src=").And.NotContain("href=").And.NotContain("@import");
        html.Split("<rect").Length.Should().Be(ClinicalRuleSet.Default.Rules.Count + 1, "one bar per rule");
    }

    [Fact]
    public void Coverage_Csv_HasOneRowPerRule()
    {
        var csv = ResearchCliRunner.Run(ValidPair, "coverage", "--format", "csv").Out.TrimEnd('\n').Split('\n');

        csv[0].Should().StartWith("ruleId,title,topic,severity,kind,timesFired,patientsAffected");
        csv.Skip(1).Select(l => l.Split(',')[0]).Should().Equal(ClinicalRuleSet.Default.Rules.Select(r => r.Id));
    }

    [Fact]
    public void Coverage_NoPatients_ReportsZeroCoverageAndNoBurden()
    {
        // The tool refuses input with no patient (EmptyInputTests); the report of nobody still divides by no one.
        var json = JsonDocument.Parse(CoverageReportWriter.Render(CoverageReport.From(new CoverageAccumulator(CoverageLayout.Default), ClinicalRuleSet.Default), "json")).RootElement;

        json.GetProperty("ruleCoverage").GetProperty("fired").GetInt32().Should().Be(0);
        json.GetProperty("bySeverity")[0].GetProperty("findingsPer1000Patients").ValueKind.Should().Be(JsonValueKind.Null);
    }

    private static JsonElement Json(string input)
    {
        var run = ResearchCliRunner.Run(input, "coverage", "--format", "json");
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static JsonElement Rule(JsonElement report, string id) =>
        report.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
}
