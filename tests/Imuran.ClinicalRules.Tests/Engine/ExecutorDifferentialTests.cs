using System.IO;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Benchmarks;
using Imuran.ClinicalRules.Tests.Properties;
using Imuran.ClinicalRules.Tests.Scenarios;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// The two executors of the same NRules definitions must agree byte for byte: every sample, the generated scenarios,
/// the property-test and fuzz patients and 20,000 cohort patients go through NRules and the compiled executor, and
/// the result JSON must be identical.
/// </summary>
public sealed class ExecutorDifferentialTests
{
    private static readonly ClinicalRuleSet OnNRules = ClinicalRuleSet.Default;
    private static readonly ClinicalRuleSet OnCompiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

    private static readonly RuleSetOptions Variant = new()
    {
        DisabledTopics = new[] { "handling" },
        DisabledRules = new[] { "AZA-CBC-002" },
        Thresholds = new RuleThresholds { EgfrThreshold = null, MarkedFallFraction = 0.5, LiverTestWindowDays = 30, ReproductiveAgeTo = 45, TransfusionWindowDays = 30 },
    };

    [Fact]
    public void Executors_DefaultEngines_AreNRulesAndCompiled()
    {
        OnNRules.Engine.Should().Be(RuleEngine.NRules);
        OnCompiled.Engine.Should().Be(RuleEngine.Compiled);
    }

    [Fact]
    public void Executors_EverySample_GiveByteIdenticalResults()
    {
        var files = Directory.GetFiles(Path.Combine(ScenarioSamples.RepositoryRoot, "samples", "patients"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(ScenarioSamples.RepositoryRoot, "samples", "fhir"), "*.json"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        files.Should().HaveCountGreaterThan(30);
        var today = new ClinicalDate(2026, 6, 1);
        var compared = 0;
        foreach (var file in files)
        {
            var input = PatientInput.Read(File.ReadAllText(file), null, today);
            if (input.Succeeded)
            {
                Same(input.Facts!, Path.GetFileName(file));
                compared++;
            }
        }

        compared.Should().BeGreaterThan(30);
    }

    [Fact]
    public void Executors_GeneratedScenarios_GiveByteIdenticalResults()
    {
        var scenarios = ScenarioGenerator.Generate(ClinicalRuleSet.Default, ScenarioGenerator.DefaultEvaluationDate).ToList();
        scenarios.Should().HaveCountGreaterThan(100);
        foreach (var s in scenarios)
        {
            Same(s.Facts, "scenario " + s.Facts.PatientId);
        }
    }

    [Fact]
    public void Executors_PropertyAndFuzzPatients_GiveByteIdenticalResults()
    {
        var r = new Random(12);
        for (var i = 0; i < 3000; i++)
        {
            Same(RobustnessPropertyTests.RandomFacts(r), "property patient " + i);
        }

        var fuzzer = new PatientFuzzer(6);
        for (var i = 0; i < 3000; i++)
        {
            Same(fuzzer.Next(i), "fuzz patient " + i);
        }
    }

    [Fact]
    public void Executors_TwentyThousandCohortPatients_GiveByteIdenticalResults()
    {
        var cohort = new Imuran.ClinicalRules.Research.Cohorts.CohortGenerator(CohortOptions.Default, 2026);
        for (var i = 0; i < 20_000; i++)
        {
            Same(cohort.Next(), "cohort patient " + i);
        }
    }

    [Fact]
    public void Executors_VariantOptions_GiveByteIdenticalResults()
    {
        var nrules = ClinicalRuleSet.Create(Variant);
        var compiled = ClinicalRuleSet.Create(Variant with { Engine = RuleEngine.Compiled });
        var cohort = new Imuran.ClinicalRules.Research.Cohorts.CohortGenerator(CohortOptions.Default, 7);
        var fuzzer = new PatientFuzzer(9);
        for (var i = 0; i < 2000; i++)
        {
            Same(nrules, compiled, cohort.Next(), "variant cohort patient " + i);
            Same(nrules, compiled, fuzzer.Next(i), "variant fuzz patient " + i);
        }
    }

    private static void Same(PatientFacts facts, string label) => Same(OnNRules, OnCompiled, facts, label);

    private static void Same(ClinicalRuleSet nrules, ClinicalRuleSet compiled, PatientFacts facts, string label)
    {
        var a = EvaluationResultJson.ToJson(nrules.Evaluate(facts), indented: false);
        var b = EvaluationResultJson.ToJson(compiled.Evaluate(facts), indented: false);
        if (!string.Equals(a, b, StringComparison.Ordinal))
        {
            a.Should().Be(b, "{0} must give the same result on NRules as on the compiled executor", label);
        }
    }
}
