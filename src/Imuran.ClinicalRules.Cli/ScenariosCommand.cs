using System;
using System.CommandLine;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli;

/// <summary>
/// <c>imuran-rules scenarios</c>: a scenario set, as NDJSON of patients, that fires every rule at least once and puts
/// each condition on both sides of its boundary (a firing patient and near misses per rule).
/// </summary>
internal static class ScenariosCommand
{
    public static Command Create(CliIO io)
    {
        var date = CommonOptions.EvaluationDate();
        date.Description = "The evaluation date of the generated patients (yyyy-MM-dd); every date in them is relative to it. Default " + ScenarioGenerator.DefaultEvaluationDate + ".";
        var list = new Option<bool>("--list") { Description = "Print a Markdown table of the scenarios (id, rule, fires or near miss, purpose) instead of the patients." };
        var command = new Command("scenarios", "Generate a scenario set that fires every rule and tests each condition's boundary, as NDJSON of patient facts.") { date, list };
        command.SetAction(parse => Run(io, parse.GetValue(date), parse.GetValue(list)));
        return command;
    }

    internal static int Run(CliIO io, string? evaluationDate, bool list)
    {
        if (!CommonOptions.TryParseDate(evaluationDate, io, out var date))
        {
            return ExitCodes.InvalidInput;
        }

        if (date is { } d && Research.Internal.GeneratedDates.Problem(d) is { } problem)
        {
            io.Error.WriteLine("error: --evaluation-date: " + problem);
            return ExitCodes.InvalidInput;
        }

        var count = 0;
        if (list)
        {
            io.Out.Write("| Patient id | Rule | Expect | Purpose |\n| --- | --- | --- | --- |\n");
        }

        foreach (var s in ScenarioGenerator.Generate(ClinicalRuleSet.Default, date ?? ScenarioGenerator.DefaultEvaluationDate))
        {
            if (list)
            {
                io.Out.Write($"| {s.Id} | {s.RuleId} | {(s.Fires ? "fires" : "near miss: does not fire")} | {s.Purpose} |\n");
            }
            else
            {
                io.Out.Write(PatientFactsJsonWriter.ToJson(s.Facts));
                io.Out.Write('\n');
            }

            count++;
        }

        io.Out.Flush();
        io.Error.WriteLine($"scenarios: {count} patients for {ClinicalRuleSet.Default.Rules.Count} rules");
        return ExitCodes.Ok;
    }
}
