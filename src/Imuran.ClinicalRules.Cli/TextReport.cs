using System.IO;
using System.Linq;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Cli;

/// <summary>The human-readable report: critical first, each finding with what to review, its basis and sources.</summary>
internal static class TextReport
{
    /// <param name="result">The evaluation.</param>
    /// <param name="w">Where to write.</param>
    public static void Write(EvaluationResult result, TextWriter w)
    {
        var complete = result.IsComplete;
        var notChecked = result.DataNotRead;
        w.WriteLine($"Azathioprine (Imuran) check: rule set {result.RuleSetId} {result.RuleSetVersion}");
        w.WriteLine($"Patient: {result.PatientId ?? "(no id)"}    Evaluation date: {(result.EvaluationDate == default ? "(not read)" : result.EvaluationDate.ToString())}    Complete: {(complete ? "yes" : "NO")}");
        w.WriteLine("These are cautions and monitoring prompts for clinician review. They are not dosing decisions.");
        w.WriteLine();
        if (result.IsValid && notChecked.Count > 0)
        {
            w.WriteLine("Not checked (the input could not be read, so no rule saw it; the findings below are not a complete review):");
            foreach (var item in notChecked)
            {
                w.WriteLine("  " + item.Message);
            }

            w.WriteLine();
        }
        if (!result.IsValid)
        {
            WriteProblems(result.Validation, w);
            return;
        }

        var counts = string.Join(", ", new[] { Severity.Critical, Severity.Warning, Severity.Info }
            .Select(s => $"{result.Findings.Count(f => f.Severity == s)} {Label(s).ToLowerInvariant()}"));
        w.WriteLine($"Findings: {result.Findings.Count} ({counts})");
        w.WriteLine();
        if (result.Findings.Count > 0)
        {
            w.WriteLine($"{"SEVERITY",-9} {"KIND",-11} {"TOPIC",-28} {"RULE",-12} SUMMARY");
            foreach (var f in result.Findings)
            {
                w.WriteLine($"{Label(f.Severity),-9} {f.Kind.ToString().ToLowerInvariant(),-11} {f.Topic,-28} {f.RuleId,-12} {f.Summary}");
            }

            w.WriteLine();
            w.WriteLine("Details");
            foreach (var f in result.Findings)
            {
                w.WriteLine();
                w.WriteLine($"[{Label(f.Severity)}] {f.RuleId} ({f.Topic}): {f.Summary}");
                w.WriteLine($"  Review: {f.Review}");
                w.WriteLine($"  Why:    {f.Detail}");
                w.WriteLine($"  Logic:  {f.Basis.Logic}");
                foreach (var b in f.Basis.Facts)
                {
                    w.WriteLine($"  Fact:   {b.Name} = {b.Value}{(b.Path is null ? string.Empty : $"  [{b.Path}]")}");
                }

                foreach (var s in f.Sources)
                {
                    w.WriteLine($"  Source: {s.Document}, {s.Section} [{s.ConfidenceTag}]{(s.Note is null ? string.Empty : " - " + s.Note)}");
                }
            }
        }

        if (result.Unrecognised.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Not recognised (kept, not evaluated by any rule):");
            foreach (var u in result.Unrecognised)
            {
                w.WriteLine($"  {u.Field} ({u.Category}): {u.Text}");
            }
        }

        if (result.RuleErrors.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("INCOMPLETE: these rules failed and their checks are missing:");
            foreach (var e in result.RuleErrors)
            {
                w.WriteLine($"  {e.RuleId}: {e.Message}");
            }
        }

        if (result.Policy is { } policy)
        {
            w.WriteLine();
            w.WriteLine($"Site policy: {policy.Name} {policy.Version} ({policy.ContentHash})");
        }

        // Each finding's logic names the default ("default 90 days"): the values used are said beside it (stop 28).
        var changed = result.Thresholds.DescribeChanges();
        if (changed is not null)
        {
            if (result.Policy is null)
            {
                w.WriteLine();
            }

            w.WriteLine("Thresholds changed from the defaults: " + changed);
        }

        if (result.DisabledRules.Count > 0)
        {
            if (result.Policy is null && changed is null)
            {
                w.WriteLine();
            }

            w.WriteLine("Disabled by configuration: " + string.Join(", ", result.DisabledRules));
        }
    }

    public static void WriteProblems(System.Collections.Generic.IReadOnlyList<ValidationProblem> problems, TextWriter w)
    {
        w.WriteLine($"The input is invalid and was not evaluated ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}):");
        foreach (var p in problems)
        {
            w.WriteLine($"  {p.Field}: {p.Message} [{p.Code}]");
        }
    }

    public static string Label(Severity s) => s switch
    {
        Severity.Critical => "CRITICAL",
        Severity.Warning => "WARNING",
        _ => "INFO",
    };
}
