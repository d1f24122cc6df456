using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli;

/// <summary><c>imuran-rules check FILE|-</c>: evaluate one patient.</summary>
internal static class CheckCommand
{
    public static Command Create(CliIO io)
    {
        var input = new Argument<string>("input") { Description = "Patient facts JSON (or a FHIR R4 Bundle): a file path, or '-' for standard input." };
        var format = Suggestions.Choice("--format", "Output: text (a report for a pharmacist) or json (the stable contract); any case.", "text", "text", "json");
        var failOn = Suggestions.OptionalChoice("--fail-on", "Exit 3 when a finding at or above this severity is present: critical or warning.", "critical", "warning");
        var date = CommonOptions.EvaluationDate();
        var policy = new PolicyOptions();

        var engine = CommonOptions.Engine(RuleEngines.NRules);
        var command = new Command("check", "Check one patient against the azathioprine rule set.") { input, format, failOn, date, engine };
        policy.AddTo(command);
        command.SetAction(parse =>
        {
            var (file, disable, thresholds) = policy.Values(parse);
            if (!PolicyOptions.TryBuild(io, file, disable, thresholds, parse.GetValue(engine) ?? RuleEngines.NRules, out var rules))
            {
                return ExitCodes.InvalidInput;
            }

            return Run(io, parse.GetValue(input)!, parse.GetValue(format) ?? "text", parse.GetValue(failOn), parse.GetValue(date), rules);
        });
        return command;
    }

    /// <summary>
    /// The lines of <paramref name="text"/> as batch counts them: each line feed, carriage return or CR LF ends one, and
    /// text after the last one is a line too.
    /// </summary>
    internal static long LineCount(string text)
    {
        long lines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || text[i] == '\r')
            {
                lines++;
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
        }

        return text.Length > 0 && text[^1] is not ('\n' or '\r') ? lines + 1 : lines;
    }

    /// <summary>Today's date for FHIR input without --evaluation-date (the tool may read the clock; the library never does).</summary>
    internal static ClinicalDate Today() => ClinicalDate.FromDateTime(DateTime.Now);

    internal static int Run(CliIO io, string source, string format, string? failOn, string? evaluationDate, ClinicalRuleSet? rules = null)
    {
        rules ??= ClinicalRuleSet.Default;
        if (!CommonOptions.TryParseDate(evaluationDate, io, out var date))
        {
            return ExitCodes.InvalidInput;
        }

        if (!io.TryReadAll(source, CliIO.MaxDocumentBytes, out var json))
        {
            return ExitCodes.InvalidInput;
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            // No document at all, as batch and coverage say it (the JSON reader's "does not contain any JSON tokens" named
            // neither the input nor the problem); exit 2, as for any input that cannot be read.
            io.Error.WriteLine(BatchCommand.NoPatients(source == "-" ? "standard input" : "'" + source + "'", LineCount(json), "patient"));
            return ExitCodes.InvalidInput;
        }

        var patient = PatientInput.Read(json, date, Today());
        if (patient.Mapping is { } mapping)
        {
            FhirReport.Write(mapping, date is null, io.Error);
        }

        // Data that were missing or not all read (a current order whose medicine could not be identified, an incomplete
        // search, an issue the server reported, ...: MappingProblem.MeansIncompleteData, as the CDS Hooks service reads
        // them) make the evaluation incomplete, whatever the rules did with the rest (QA, 2 Dec: "Complete: yes" and
        // exit 0 hid a missing interaction check): the result carries them as DataNotRead, so its JSON says
        // "isComplete":false too. Same exit code as a failed rule: an evaluation that could not be completed.
        var result = patient.Succeeded
            ? patient.WithDataNotRead(rules.Evaluate(patient.Facts))
            : rules.InvalidInputResult(patient.Facts, patient.Problems);

        if (format == "json")
        {
            io.Out.WriteLine(EvaluationResultJson.ToJson(result));
        }
        else
        {
            TextReport.Write(result, io.Out);
        }

        if (!result.IsValid)
        {
            if (format == "json")
            {
                TextReport.WriteProblems(result.Validation, io.Error);
            }

            return ExitCodes.InvalidInput;
        }

        if (!result.IsComplete)
        {
            io.Error.WriteLine("error: the evaluation is incomplete: " + string.Join("; ", result.RuleErrors.Select(e => e.ToString()).Concat(result.DataNotRead.Select(p => p.Message))));
            return ExitCodes.InternalError;
        }

        var threshold = failOn switch
        {
            "critical" => Severity.Critical,
            "warning" => Severity.Warning,
            _ => (Severity?)null,
        };
        return threshold is { } t && result.HighestSeverity is { } h && h >= t ? ExitCodes.ThresholdReached : ExitCodes.Ok;
    }
}

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary><c>--engine nrules|compiled</c>: which executor runs the rule set's definitions (identical results).</summary>
    public static Option<string> Engine(string defaultEngine)
    {
        var option = new Option<string>("--engine")
        {
            Description = "The executor: nrules (NRules, the default for check and batch) or compiled (the same definitions compiled by this library: several times faster, and it reports condition outcomes). Results are identical.",
            DefaultValueFactory = _ => defaultEngine,
        };
        option.AcceptOnlyFromAmong(RuleEngines.NRules, RuleEngines.Compiled);
        return option;
    }

    public static Option<string?> EvaluationDate() =>
        new("--evaluation-date") { Description = "The evaluation date (yyyy-MM-dd). Overrides the input's date; for FHIR input the default is today, printed in the output." };

    public static bool TryParseDate(string? text, CliIO io, out ClinicalDate? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (ClinicalDate.TryParse(text, out var d))
        {
            if (d == default)
            {
                // The value of an unset date: the rules would read it as no evaluation date at all ("missing").
                io.Error.WriteLine($"error: --evaluation-date '{text}' cannot be used: 0001-01-01 is the value of an unset date, which the rules read as no date; give the date the facts are evaluated for.");
                return false;
            }

            date = d;
            return true;
        }

        io.Error.WriteLine($"error: --evaluation-date '{text}' is not a date in the form yyyy-MM-dd.");
        return false;
    }
}

/// <summary>The rule sets the tool evaluates with, one per executor, each built once per process.</summary>
internal static class RuleEngines
{
    public const string NRules = "nrules";

    public const string Compiled = "compiled";

    private static readonly Lazy<ClinicalRuleSet> CompiledRuleSet = new(() => ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled }));

    /// <summary>The default rule set on the named executor.</summary>
    public static ClinicalRuleSet RuleSet(string engine) => engine == Compiled ? CompiledRuleSet.Value : ClinicalRuleSet.Default;
}
