using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Imuran.ClinicalRules.Feedback;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;

namespace Imuran.ClinicalRules.Cli;

/// <summary>
/// <c>imuran-rules coverage [FILE|-] [--format md|json|csv|html] [--min-rule-coverage PERCENT]</c>: evaluates a scenario
/// set or cohort (the same NDJSON as <c>batch</c>) and reports, per rule, how often it fired, for how many patients and
/// the first example; rules never fired; coverage and alert burden per topic and severity; and condition coverage.
/// With <c>--feedback FILE</c> (a clinician feedback export, e.g. from the CDS Hooks service), also what clinicians did
/// with each rule's cards beside its cohort firings.
/// </summary>
internal static class CoverageCommand
{
    public static Command Create(CliIO io)
    {
        var input = new Argument<string>("input")
        {
            Description = "NDJSON of patients (as for batch): a file path, or '-' (the default) for standard input.",
            DefaultValueFactory = _ => "-",
        };
        var format = Suggestions.Choice("--format", "md (Markdown), json, csv (one row per rule) or html (a self-contained page with a bar chart); any case.", "md", "md", "json", "csv", "html");
        var min = new Option<double?>("--min-rule-coverage")
        {
            Description = "Exit 3 when fewer than this share of rules (0 to 100) fired at least once; 100 gates CI on every rule firing.",
        };
        var feedback = new Option<string?>("--feedback")
        {
            Description = "A clinician feedback export (format imuran-clinicalrules-feedback, version 1; e.g. from the CDS Hooks service's GET /cds-services/feedback/export): shows, per rule, accepted and overridden cards, the override rate and the top override reasons beside the cohort's firings (md and json output).",
        };
        var date = CommonOptions.EvaluationDate();
        var policy = new PolicyOptions();
        var engine = CommonOptions.Engine(RuleEngines.Compiled);
        var command = new Command("coverage", "Rule and condition coverage, and alert burden (findings per 1,000 patients), of a scenario set or cohort; with a site policy, the burden with and without it. Runs on the compiled executor unless --engine says otherwise.")
        {
            input, format, min, feedback, date, engine,
        };
        policy.AddTo(command);
        command.SetAction(parse =>
        {
            var (file, disable, thresholds) = policy.Values(parse);
            if (!PolicyOptions.TryBuild(io, file, disable, thresholds, parse.GetValue(engine) ?? RuleEngines.Compiled, out var rules))
            {
                return ExitCodes.InvalidInput;
            }

            return Run(io, parse.GetValue(input) ?? "-", parse.GetValue(format) ?? "md", parse.GetValue(min), parse.GetValue(date), rules: rules, feedbackFile: parse.GetValue(feedback));
        });
        return command;
    }

    internal static int Run(CliIO io, string source, string format, double? minRuleCoverage, string? evaluationDate, int chunkSize = NdjsonPipeline.DefaultChunkSize, ClinicalRuleSet? rules = null, string? feedbackFile = null)
    {
        rules ??= RuleEngines.RuleSet(RuleEngines.Compiled);
        var unamended = rules.Policy is null ? null : RuleEngines.RuleSet(rules.Engine == RuleEngine.Compiled ? RuleEngines.Compiled : RuleEngines.NRules);
        var withPolicy = rules.Policy is not null;
        if (!CommonOptions.TryParseDate(evaluationDate, io, out var date))
        {
            return ExitCodes.InvalidInput;
        }

        long? length = null;
        if (minRuleCoverage is { } m && (double.IsNaN(m) || m < 0 || m > 100))
        {
            io.Error.WriteLine($"error: --min-rule-coverage must be a number from 0 to 100, not {m.ToString(CultureInfo.InvariantCulture)}.");
            return ExitCodes.InvalidInput;
        }

        // The feedback file first: a bad one is refused before the cohort is read.
        ClinicianFeedbackExport? feedback = null;
        if (feedbackFile is not null && !TryReadFeedback(io, feedbackFile, format, out feedback))
        {
            return ExitCodes.InvalidInput;
        }

        var reader = io.RefuseClosedInput(source) ? null : InputSource.Open(io, source, out length);
        if (reader is null)
        {
            return ExitCodes.InvalidInput;
        }

        var today = CheckCommand.Today();
        var layout = ReferenceEquals(rules, ClinicalRuleSet.Default) ? CoverageLayout.Default : new CoverageLayout(rules.Rules);
        var totals = new CoverageAccumulator(layout);
        var clock = Stopwatch.StartNew();
        try
        {
            ProgressDisplay.Run(io, "coverage", length, null, progress =>
            {
                using var utf8 = new Utf8TextStream(reader);
                totals.Lines = NdjsonPipeline.Run(
                    utf8,
                    chunkSize,
                    (chunk, i) =>
                    {
                        var listener = new CoverageListener(layout);
                        var outcome = LineOutcome.Evaluate(chunk, i, date, today, listener, rules);
                        // With a policy, the same patient without it, for the alert burden the policy removes.
                        var baseline = withPolicy && outcome.Result is not null ? LineOutcome.Evaluate(chunk, i, date, today, null, unamended).Result : null;
                        return new CoverageItem(outcome, outcome.Result is null ? null : listener, baseline);
                    },
                    totals.Add,
                    progress);
            });
        }
        finally
        {
            if (!ReferenceEquals(reader, io.In))
            {
                reader.Dispose();
            }
        }

        if (totals.Patients + totals.Invalid + totals.InternalErrors == 0)
        {
            // No patient line: no report (a coverage of nobody would read as a measurement) and no gate judged [L].
            io.Error.WriteLine(BatchCommand.NoPatients(source == "-" ? "standard input" : "'" + source + "'", totals.Lines));
            return ExitCodes.InvalidInput;
        }

        var report = CoverageReport.From(totals, rules);
        var feedbackCoverage = feedback is null ? null : FeedbackCoverage.Join(report, feedback);
        if (feedbackCoverage is { RuleSetVersionMatches: false })
        {
            io.Error.WriteLine($"warning: the feedback in '{feedbackFile}' is about cards of rule set version {feedback!.RuleSetVersion}; this run uses {report.RuleSetVersion}.");
        }

        io.Out.Write(CoverageReportWriter.Render(report, format, feedbackCoverage));
        io.Out.Flush();

        var c = CultureInfo.InvariantCulture;
        io.Error.WriteLine(string.Format(
            c,
            "coverage: {0} lines read; {1} patients evaluated; {2} invalid lines; {3} of {4} rules fired ({5:0.0} %); {6} of {7} condition outcomes seen; {8:0.00} seconds; {9}",
            report.Lines,
            report.Patients,
            report.InvalidLines,
            report.RulesFired,
            report.Rules.Count,
            report.RuleCoveragePercent,
            report.OutcomesSeen,
            2 * report.Conditions,
            clock.Elapsed.TotalSeconds,
            rules.Engine == RuleEngine.Compiled
                ? "executor: compiled (it reports each condition's outcome; its results are byte-identical to NRules')"
                : "executor: NRules (it reports no condition outcomes, so condition coverage is empty; use --engine compiled)"));

        if (report.InternalErrors > 0 || report.Incomplete > 0)
        {
            io.Error.WriteLine($"error: {report.InternalErrors} lines failed inside the tool and {report.Incomplete} evaluations were incomplete; the coverage is not reliable.");
            return ExitCodes.InternalError;
        }

        if (minRuleCoverage is { } min && !report.MeetsRuleCoverage(min))
        {
            var never = new System.Collections.Generic.List<string>();
            foreach (var n in report.NeverFired)
            {
                never.Add(n.Rule.Id);
            }

            io.Error.WriteLine(string.Format(
                c,
                "error: rule coverage {0:0.0} % is below the minimum {1} %; never fired: {2}",
                report.RuleCoveragePercent,
                min,
                string.Join(", ", never)));
            return ExitCodes.ThresholdReached;
        }

        return report.InvalidLines > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }

    /// <summary>Reads the feedback export; on any problem writes each one (field, message, code) and returns false.</summary>
    private static bool TryReadFeedback(CliIO io, string path, string format, out ClinicianFeedbackExport? export)
    {
        export = null;
        if (format is not ("md" or "json"))
        {
            io.Error.WriteLine($"error: --feedback is shown in md and json output, not {format}.");
            return false;
        }

        try
        {
            if (File.Exists(path) && new FileInfo(path).Length > ClinicianFeedbackJson.MaxBytes)
            {
                io.Error.WriteLine($"error: the feedback file '{path}' is larger than the limit of {ClinicianFeedbackJson.MaxBytes} bytes; it was not read.");
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            io.Error.WriteLine($"error: cannot read the feedback file '{path}': {ex.Message}");
            return false;
        }

        if (!InputSource.TryReadAllBytes(io, path, "feedback file", ClinicianFeedbackJson.MaxBytes, out var bytes))
        {
            return false;
        }

        if (bytes.Length > ClinicianFeedbackJson.MaxBytes)
        {
            // A file that grew, or a device that says it has no length (the check above saw none).
            io.Error.WriteLine($"error: the feedback file '{path}' is larger than the limit of {ClinicianFeedbackJson.MaxBytes} bytes; it was not read.");
            return false;
        }

        var read = ClinicianFeedbackJson.Read(bytes);
        if (!read.Succeeded)
        {
            io.Error.WriteLine($"error: the feedback file '{path}' has {read.Problems.Count} problem{(read.Problems.Count == 1 ? string.Empty : "s")} and was not used:");
            foreach (var p in read.Problems)
            {
                io.Error.WriteLine($"  {p.Field}: {p.Message} [{p.Code}]");
            }

            return false;
        }

        export = read.Export;
        return true;
    }
}
