// A host brings its own NRules rule (NRules.Fluent) and runs it beside the azathioprine rule set in one session.
using System;
using System.IO;
using Imuran.ClinicalRules;
using Imuran.ClinicalRules.Serialization;

namespace HostRules;

public static class Program
{
    public static int Main(string[] args)
    {
        var path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "patients", "tpmt-poor-allopurinol.json");
        var read = PatientFactsJson.Read(File.ReadAllText(path));
        if (!read.Succeeded)
        {
            Console.Error.WriteLine("Cannot read the patient: " + read.Problems[0].Message);
            return 2;
        }

        var rules = ClinicalRuleSet.Default;
        var factory = HostSession.Compile(rules);
        var outcome = HostSession.Run(factory, rules, read.Facts!);
        foreach (var f in outcome.Findings)
        {
            Console.WriteLine($"{f.Severity,-8} {f.RuleId}  {f.Finding.Summary}");
        }

        foreach (var call in outcome.Calls)
        {
            Console.WriteLine($"host: call the prescriber about {call.RuleId} ({call.Reason})");
        }

        return 0;
    }
}
