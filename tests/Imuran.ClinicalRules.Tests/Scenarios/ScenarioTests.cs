using System.IO;
using FluentAssertions.Execution;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Scenarios;

/// <summary>
/// The scenario patients of <c>samples/patients/</c> run end to end (JSON reader, validation, rule set, CLI) and are
/// compared with their golden files. Set <c>IMURAN_UPDATE_GOLDEN=1</c> to rewrite the golden files instead of
/// comparing, after checking the new output clinically.
/// </summary>
public sealed class ScenarioTests
{
    /// <summary>The issue asks for at least this many realistic stories.</summary>
    private const int MinimumValidSamples = 22;

    private const string InvalidSample = "invalid-lab-unit-diplotype";

    public static TheoryData<string> ValidSamples() => ToTheoryData(ScenarioSamples.ValidNames());

    public static TheoryData<string> AllSamples() => ToTheoryData(ScenarioSamples.AllNames());

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Evaluate_Sample_MatchesGoldenFile(string name)
    {
        var actual = Golden.From(ScenarioSamples.Evaluate(name));
        var goldenPath = ScenarioSamples.GoldenPath(name);
        if (ScenarioSamples.UpdateRequested)
        {
            Directory.CreateDirectory(ScenarioSamples.ExpectedDirectory);
            File.WriteAllText(goldenPath, actual.ToJson());
            return;
        }

        File.Exists(goldenPath).Should().BeTrue("sample {0} needs the golden file {1}", name, goldenPath);
        var expected = Golden.Parse(File.ReadAllText(goldenPath));

        using (new AssertionScope(name))
        {
            actual.Findings.Select(f => f.ToString()).Should().Equal(
                expected.Findings.Select(f => f.ToString()),
                "the findings of {0} (rule id, severity, topic) must match its golden file in result order",
                name);
            actual.IsComplete.Should().Be(expected.IsComplete, "completeness of {0} must match its golden file", name);
            actual.Unrecognised.Should().Equal(expected.Unrecognised, "the unrecognised input fields of {0} must match its golden file", name);
        }
    }

    [Fact]
    public void Samples_Folder_HoldsTheRequiredScenarios()
    {
        ScenarioSamples.ValidNames().Should().HaveCountGreaterThanOrEqualTo(MinimumValidSamples);
        ScenarioSamples.InvalidNames().Should().Contain(InvalidSample);
    }

    [Fact]
    public void Samples_EveryValidSample_HasGoldenFile()
    {
        var missing = ScenarioSamples.ValidNames().Except(ScenarioSamples.GoldenNames()).ToList();

        missing.Should().BeEmpty(
            "every valid sample needs samples/patients/expected/<name>.expected.json (write it by hand, or with {0}=1 after a clinical check)",
            ScenarioSamples.UpdateVariable);
    }

    [Fact]
    public void GoldenFiles_EveryGoldenFile_HasValidSample()
    {
        var orphans = ScenarioSamples.GoldenNames().Except(ScenarioSamples.ValidNames()).ToList();

        orphans.Should().BeEmpty("a golden file without a valid sample of the same name is stale (invalid samples have none)");
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Read_Sample_HasStablePatientIdAndEvaluationDateIn2026(string name)
    {
        var facts = ScenarioSamples.Read(name);

        facts.PatientId.Should().Be(name, "a sample's patientId is its file name without extension");
        facts.EvaluationDate.Year.Should().Be(2026, "samples carry a fixed evaluation date in 2026");
    }

    [Fact]
    public void Evaluate_InvalidSample_ReportsEachProblemWithFieldPathAndCode()
    {
        var facts = ScenarioSamples.Read(InvalidSample);

        var result = ClinicalRuleSet.Default.Evaluate(facts);

        result.IsValid.Should().BeFalse();
        result.IsComplete.Should().BeFalse();
        result.Findings.Should().BeEmpty("no rule runs on invalid input");
        // The unreadable diplotype *1-*3A is no longer invalid input (issue 11 item 5: a data-quality finding when evaluated).
        result.Validation.Select(p => p.Field + " " + p.Code).Should().BeEquivalentTo(
            "labResults[0].unit " + ErrorCodes.LabUnitMissing);
        result.Validation.Should().OnlyContain(p => !string.IsNullOrWhiteSpace(p.Message));
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Evaluate_Sample_NoOutputTextBreaksNoDosePolicy(string name)
    {
        var result = ScenarioSamples.Evaluate(name);
        var violations = new List<string>();
        void Check(string where, string? text)
        {
            if (NoDosePolicy.FindViolation(text) is { } violation)
            {
                violations.Add($"{where}: {violation} in \"{text}\"");
            }
        }

        foreach (var f in result.Findings)
        {
            Check(f.RuleId + " summary", f.Summary);
            Check(f.RuleId + " detail", f.Detail);
            Check(f.RuleId + " review", f.Review);
            Check(f.RuleId + " basis logic", f.Basis.Logic);
            foreach (var b in f.Basis.Facts)
            {
                Check(f.RuleId + " basis name", b.Name);
                Check(f.RuleId + " basis value", b.Value);
            }
        }

        foreach (var u in result.Unrecognised)
        {
            Check("unrecognised " + u.Field, u.Text);
        }

        // Sources are citations, not advice: their titles quote documents verbatim (the CPIC guideline's title says
        // "Dosing", a label section is "DOSAGE AND ADMINISTRATION"), so they are deliberately not scanned here.

        violations.Should().BeEmpty("no output of sample {0} may state a dose, strength, percentage or fraction", name);
    }

    [Fact]
    public void Samples_Inputs_CarryStrengthsTheOutputMustNotRepeat()
    {
        // Guards the no-dose theory against going vacuous: the inputs must contain text the policy forbids in output.
        var withStrengths = ScenarioSamples.ValidNames()
            .Where(n => NoDosePolicy.FindViolation(File.ReadAllText(ScenarioSamples.SamplePath(n))) is not null)
            .ToList();

        withStrengths.Should().HaveCountGreaterThan(ScenarioSamples.ValidNames().Count / 2);
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Evaluate_Sample_EveryFindingShowsItsBasisAndSources(string name)
    {
        var result = ScenarioSamples.Evaluate(name);

        using var scope = new AssertionScope(name);
        foreach (var f in result.Findings)
        {
            f.Basis.Logic.Should().NotBeNullOrWhiteSpace("{0} states its logic", f.RuleId);
            f.Basis.Facts.Should().NotBeEmpty("{0} shows the facts that matched", f.RuleId);
            f.Basis.Facts.Should().OnlyContain(b => !string.IsNullOrWhiteSpace(b.Name) && !string.IsNullOrWhiteSpace(b.Value), "{0} names each fact and its value", f.RuleId);
            f.Sources.Should().NotBeEmpty("{0} names a source", f.RuleId);
            f.Sources.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Document) && !string.IsNullOrWhiteSpace(s.Section), "{0} names each source's document and section", f.RuleId);
        }
    }

    private static TheoryData<string> ToTheoryData(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var n in names)
        {
            data.Add(n);
        }

        return data;
    }
}
