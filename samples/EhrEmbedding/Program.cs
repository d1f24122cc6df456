// An EHR embeds the rule set in-process: one shared, thread-safe ClinicalRuleSet; FHIR in, findings out.
using System;
using System.IO;
using Imuran.ClinicalRules;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir;

namespace EhrEmbedding;

public static class Program
{
    // Build once and share; in a Microsoft.Extensions host, services.AddImuranClinicalRules() registers it.
    private static readonly IClinicalRuleEvaluator Evaluator = ClinicalRuleSet.Default;

    public static int Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "fhir", "09-ibd-infliximab.json");
        var mapped = FhirPatientReader.Read(File.ReadAllText(path), new ClinicalDate(2025, 6, 1));
        if (!mapped.Succeeded)
        {
            Console.Error.WriteLine("Cannot read the bundle: " + mapped.Error?.Message);
            return 2;
        }

        var result = Evaluator.Evaluate(mapped.Facts);
        if (!result.IsComplete)
        {
            Console.Error.WriteLine("Incomplete evaluation: show no 'all clear' to the clinician.");
            return 1;
        }

        foreach (var f in result.Findings)
        {
            Console.WriteLine($"[{f.Severity}] {f.RuleId} ({f.Topic}) {f.Summary}");
            Console.WriteLine($"    review: {f.Review}");
            Console.WriteLine($"    basis:  {f.Basis.Logic}");
        }

        Console.WriteLine($"{mapped.Unrecognised.Count} FHIR resources not recognised; {result.Unrecognised.Count} facts not recognised.");
        return 0;
    }
}
