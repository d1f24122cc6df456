using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli;

/// <summary>
/// <c>imuran-rules cohort -n N [--seed S]</c>: a synthetic cohort of N patients as NDJSON, drawn with documented,
/// configurable prevalences, deterministic by seed, streamed one patient at a time.
/// </summary>
internal static class CohortCommand
{
    public static Command Create(CliIO io)
    {
        var count = new Option<int?>("--count", "-n") { Description = "How many patients to generate." };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed and options give the same cohort.", DefaultValueFactory = _ => 1 };
        var date = CommonOptions.EvaluationDate();
        date.Description = "The evaluation date of every patient (yyyy-MM-dd); all dates are drawn relative to it. Default " + CohortOptions.Default.EvaluationDate + ".";
        var ancestry = new Option<string?>("--ancestry") { Description = "The ancestry mix as NAME=SHARE,… (european, african, eastAsian, southAsian, admixedAmerican); shares are normalised. NUDT15 genotypes follow it." };
        var set = new Option<string[]>("--set") { Description = "Change a prevalence: NAME=VALUE, a probability from 0 to 1 (repeatable). See --show-options.", AllowMultipleArgumentsPerToken = false };
        var show = new Option<bool>("--show-options") { Description = "Print the prevalences (with any --set and --ancestry applied) and their sources as Markdown, and generate nothing." };
        var command = new Command("cohort", "Generate a synthetic cohort of patients (NDJSON) with documented prevalences, deterministic by seed.")
        {
            count, seed, date, ancestry, set, show,
        };
        command.SetAction(parse => Run(
            io,
            parse.GetValue(count),
            parse.GetValue(seed),
            parse.GetValue(date),
            parse.GetValue(ancestry),
            parse.GetValue(set) ?? System.Array.Empty<string>(),
            parse.GetValue(show)));
        return command;
    }

    internal static int Run(CliIO io, int? count, int seed, string? evaluationDate, string? ancestry, IReadOnlyList<string> settings, bool showOptions)
    {
        if (!CommonOptions.TryParseDate(evaluationDate, io, out var date))
        {
            return ExitCodes.InvalidInput;
        }

        var options = CohortOptions.Default;
        if (date is { } d)
        {
            if (Research.Internal.GeneratedDates.Problem(d) is { } problem)
            {
                io.Error.WriteLine("error: --evaluation-date: " + problem);
                return ExitCodes.InvalidInput;
            }

            options = options with { EvaluationDate = d };
        }

        string? error;
        if (ancestry is not null)
        {
            options = options.WithAncestry(ancestry, out error)!;
            if (error is not null)
            {
                io.Error.WriteLine("error: " + error);
                return ExitCodes.InvalidInput;
            }
        }

        foreach (var s in settings)
        {
            options = options.With(s, out error)!;
            if (error is not null)
            {
                io.Error.WriteLine("error: " + error);
                return ExitCodes.InvalidInput;
            }
        }

        if (showOptions)
        {
            io.Out.Write(Describe(options));
            return ExitCodes.Ok;
        }

        if (count is not { } n || n < 0)
        {
            io.Error.WriteLine(count is null ? "error: -n (the number of patients) is required." : "error: -n must not be negative.");
            return ExitCodes.InvalidInput;
        }

        var generator = new CohortGenerator(options, seed);
        var written = 0L;
        try
        {
            for (var i = 0; i < n; i++)
            {
                io.Out.Write(PatientFactsJsonWriter.ToJson(generator.Next()));
                io.Out.Write('\n');
                if ((i & 1023) == 1023)
                {
                    // Flushed every 1,024 patients, so a reader that went away stops the run early.
                    io.Out.Flush();
                    written = i + 1;
                }
            }

            io.Out.Flush();
        }
        catch (OutputClosedException ex)
        {
            io.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "cohort: stopped: standard output closed ({0}); {1} records written of {2}.", ex.Message, written, n));
            return ExitCodes.InternalError;
        }

        io.Error.WriteLine(string.Format(CultureInfo.InvariantCulture, "cohort: {0} patients, seed {1}, evaluation date {2}; synthetic test data, not a model of a real population", n, seed, options.EvaluationDate));
        return ExitCodes.Ok;
    }

    /// <summary>The prevalences and ancestry mix as Markdown.</summary>
    internal static string Describe(CohortOptions o)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("# Cohort prevalences\n\n");
        sb.Append("Probabilities from 0 to 1. \"Illustrative\" numbers are round numbers for testing alert burden, not clinical estimates.\n\n");
        sb.Append($"Evaluation date: {o.EvaluationDate}\n\n");
        sb.Append("| Setting | Value | Source |\n| --- | ---: | --- |\n");
        foreach (var s in CohortOptions.Settings)
        {
            sb.Append($"| {s.Name} | {s.Get(o).ToString("0.####", c)} | {s.Source} |\n");
        }

        sb.Append("\n## Ancestry mix and NUDT15 no-function allele frequency (illustrative)\n\n");
        sb.Append("| Group | Share | NUDT15 allele frequency |\n| --- | ---: | ---: |\n");
        foreach (var g in o.Ancestry)
        {
            sb.Append($"| {g.Name} | {g.Share.ToString("0.###", c)} | {g.Nudt15AlleleFrequency.ToString("0.###", c)} |\n");
        }

        return sb.ToString();
    }
}
