using System;
using System.Globalization;
using System.Linq;
using Imuran.ClinicalRules;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;

namespace RuleCoverageResearch;

/// <summary>
/// A cohort study from code, as from a notebook: the scenario gate (every rule fires), then a synthetic cohort and its
/// coverage and alert-burden report. Usage: <c>dotnet run --project samples/RuleCoverageResearch -f net10.0 -- [N] [SEED]</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        var (gate, report) = Run(n, seed);
        Console.Error.WriteLine(gate);
        Console.Out.Write(report);
        return gate.StartsWith("ok", StringComparison.Ordinal) ? 0 : 3;
    }

    /// <summary>The gate's one-line verdict and the cohort's Markdown report.</summary>
    public static (string Gate, string Report) Run(int patients, int seed)
    {
        // The compiled executor reports each condition's outcome (condition coverage); results equal NRules'.
        var rules = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

        // 1. The scenario set must fire every rule.
        var scenarios = ScenarioGenerator.Generate(rules, ScenarioGenerator.DefaultEvaluationDate).Select(s => s.Facts);
        var gate = CoverageStudy.Run(scenarios, rules);
        var verdict = gate.RulesNeverFired.Count == 0
            ? $"ok: the scenario set fires all {gate.RuleCount} rules"
            : "rules never fired: " + string.Join(", ", gate.RulesNeverFired);

        // 2. A synthetic cohort (deterministic by seed; change a prevalence with `with`), and its report.
        var generator = new CohortGenerator(CohortOptions.Default with { Allopurinol = 0.05 }, seed);
        var cohort = CoverageStudy.Run(Enumerable.Range(0, patients).Select(_ => generator.Next()), rules);
        return (verdict, cohort.ToReport(CoverageFormat.Markdown));
    }
}
