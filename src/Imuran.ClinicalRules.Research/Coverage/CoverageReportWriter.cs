using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Research.Coverage;

/// <summary>Renders a <see cref="CoverageReport"/> as Markdown, JSON, CSV (one row per rule) or a self-contained HTML page.</summary>
internal static class CoverageReportWriter
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(CoverageReport report, string format, FeedbackCoverage? feedback = null) => format switch
    {
        "json" => Json(report, feedback),
        "csv" => Csv(report),
        "html" => Html(report),
        _ => Markdown(report, feedback),
    };

    public static string Markdown(CoverageReport r, FeedbackCoverage? feedback = null)
    {
        var sb = new StringBuilder();
        sb.Append("# Rule coverage report\n\n");
        sb.Append($"Rule set `{r.RuleSetId}` version {r.RuleSetVersion}. {InputLine(r)}\n\n");
        sb.Append("## Summary\n\n");
        sb.Append("| Measure | Covered | Total | Coverage |\n| --- | ---: | ---: | ---: |\n");
        foreach (var (measure, covered, total, percent) in SummaryRows(r))
        {
            sb.Append($"| {measure} | {covered} | {total} | {Percent(percent)} |\n");
        }

        sb.Append('\n');
        sb.Append(r.NeverFired.Count == 0 ? "Rules never fired: none.\n\n" : "Rules never fired: " + NeverFiredList(r, id => "`" + id + "`") + ".\n\n");

        sb.Append("## By severity: coverage and alert burden\n\n");
        sb.Append(BurdenNote(r)).Append("\n\n");
        GroupTable(sb, r, "Severity", r.BySeverity);
        if (r.BySeverityWithoutPolicy is { } without && r.Policy is { } policy)
        {
            sb.Append("## Alert burden with and without the site policy\n\n");
            sb.Append($"Policy `{policy.Name}` version {policy.Version} ({policy.ContentHash}); rules left out: {(r.DisabledRules.Count == 0 ? "none" : string.Join(", ", r.DisabledRules))}. Findings per 1,000 evaluated patients.\n\n");
            sb.Append("| Severity | With policy | Without policy | Difference |\n| --- | ---: | ---: | ---: |\n");
            for (var i = 0; i < without.Count; i++)
            {
                var with = r.PerThousand(r.BySeverity[i].Findings);
                var wo = r.PerThousand(without[i].Findings);
                sb.Append($"| {without[i].Key} | {Number(with)} | {Number(wo)} | {Number(with - wo)} |\n");
            }

            sb.Append('\n');
        }

        sb.Append("## By topic: coverage and alert burden\n\n");
        GroupTable(sb, r, "Topic", r.ByTopic);

        sb.Append("## Rules\n\n");
        sb.Append("| Rule | Title | Topic | Severity | Times fired | Patients affected | First example | Conditions with both outcomes |\n");
        sb.Append("| --- | --- | --- | --- | ---: | ---: | --- | ---: |\n");
        foreach (var rule in r.Rules)
        {
            var m = rule.Rule;
            sb.Append($"| {m.Id} | {Md(m.Title)} | {m.Topic} | {JsonNames.Of(m.Severity)} | {rule.TimesFired} | {rule.PatientsAffected} | {Md(rule.FirstExample ?? "-")} | {rule.ConditionsWithBothOutcomes} of {rule.Conditions.Count} |\n");
        }

        sb.Append("\n## Condition coverage\n\n");
        sb.Append(ConditionNote).Append("\n\n");
        sb.Append("| Rule | # | Condition | True seen | False seen |\n| --- | ---: | --- | --- | --- |\n");
        foreach (var rule in r.Rules)
        {
            for (var i = 0; i < rule.Conditions.Count; i++)
            {
                var o = rule.Conditions[i];
                sb.Append($"| {rule.Rule.Id} | {i + 1} | {Md(rule.Rule.Conditions[i])} | {YesNo(o, ConditionOutcomes.True)} | {YesNo(o, ConditionOutcomes.False)} |\n");
            }
        }

        feedback?.WriteMarkdown(sb);
        return sb.ToString();
    }

    public static string Json(CoverageReport r, FeedbackCoverage? feedback = null)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("ruleSet");
            w.WriteString("id", r.RuleSetId);
            w.WriteString("version", r.RuleSetVersion);
            w.WriteEndObject();
            if (r.Policy is { } policy)
            {
                w.WriteStartObject("policy");
                w.WriteString("name", policy.Name);
                w.WriteString("version", policy.Version);
                w.WriteString("contentHash", policy.ContentHash);
                w.WriteStartArray("disabledRules");
                foreach (var id in r.DisabledRules)
                {
                    w.WriteStringValue(id);
                }

                w.WriteEndArray();
                w.WriteStartArray("burdenWithoutPolicy");
                foreach (var g in r.BySeverityWithoutPolicy!)
                {
                    w.WriteStartObject();
                    w.WriteString("severity", g.Key);
                    w.WriteNumber("findings", g.Findings);
                    WriteRate(w, "findingsPerThousand", r.PerThousand(g.Findings));
                    w.WriteNumber("patientsWithFindings", g.PatientsWithFindings);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteStartObject("input");
            w.WriteNumber("lines", r.Lines);
            w.WriteNumber("patients", r.Patients);
            w.WriteNumber("invalidLines", r.InvalidLines);
            w.WriteNumber("incomplete", r.Incomplete);
            w.WriteNumber("internalErrors", r.InternalErrors);
            w.WriteEndObject();

            w.WriteStartObject("ruleCoverage");
            w.WriteNumber("rules", r.Rules.Count);
            w.WriteNumber("fired", r.RulesFired);
            w.WriteNumber("percent", Math.Round(r.RuleCoveragePercent, 1));
            w.WriteStartArray("neverFired");
            foreach (var n in r.NeverFired)
            {
                w.WriteStringValue(n.Rule.Id);
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("conditionCoverage");
            w.WriteNumber("conditions", r.Conditions);
            w.WriteNumber("withBothOutcomes", r.ConditionsWithBothOutcomes);
            w.WriteNumber("outcomes", 2 * r.Conditions);
            w.WriteNumber("outcomesSeen", r.OutcomesSeen);
            w.WriteNumber("percent", Math.Round(r.ConditionCoveragePercent, 1));
            w.WriteEndObject();

            w.WriteStartArray("bySeverity");
            foreach (var g in r.BySeverity)
            {
                WriteGroup(w, r, "severity", g);
            }

            w.WriteEndArray();
            w.WriteStartArray("byTopic");
            foreach (var g in r.ByTopic)
            {
                WriteGroup(w, r, "topic", g);
            }

            w.WriteEndArray();

            w.WriteStartArray("rules");
            foreach (var rule in r.Rules)
            {
                var m = rule.Rule;
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("title", m.Title);
                w.WriteString("topic", m.Topic);
                w.WriteString("severity", JsonNames.Of(m.Severity));
                w.WriteString("kind", JsonNames.Of(m.Kind));
                w.WriteNumber("timesFired", rule.TimesFired);
                w.WriteNumber("patientsAffected", rule.PatientsAffected);
                if (rule.FirstExample is null)
                {
                    w.WriteNull("firstExample");
                }
                else
                {
                    w.WriteString("firstExample", rule.FirstExample);
                }

                w.WriteStartArray("conditions");
                for (var i = 0; i < rule.Conditions.Count; i++)
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", i + 1);
                    w.WriteString("condition", m.Conditions[i]);
                    w.WriteBoolean("trueSeen", (rule.Conditions[i] & ConditionOutcomes.True) != 0);
                    w.WriteBoolean("falseSeen", (rule.Conditions[i] & ConditionOutcomes.False) != 0);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            feedback?.WriteJson(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>One row per rule; the per-topic and per-severity tables are in the other formats.</summary>
    public static string Csv(CoverageReport r)
    {
        var sb = new StringBuilder("ruleId,title,topic,severity,kind,timesFired,patientsAffected,firedPer1000Patients,firstExample,conditions,conditionsWithBothOutcomes,outcomesNotSeen\n");
        foreach (var rule in r.Rules)
        {
            var m = rule.Rule;
            var missing = new List<string>();
            for (var i = 0; i < rule.Conditions.Count; i++)
            {
                var o = rule.Conditions[i];
                if ((o & ConditionOutcomes.True) == 0)
                {
                    missing.Add($"{i + 1}:true");
                }

                if ((o & ConditionOutcomes.False) == 0)
                {
                    missing.Add($"{i + 1}:false");
                }
            }

            var fields = new[]
            {
                m.Id, m.Title, m.Topic, JsonNames.Of(m.Severity), JsonNames.Of(m.Kind),
                rule.TimesFired.ToString(C), rule.PatientsAffected.ToString(C), Number(r.PerThousand(rule.TimesFired)),
                rule.FirstExample ?? string.Empty, rule.Conditions.Count.ToString(C), rule.ConditionsWithBothOutcomes.ToString(C),
                string.Join(" ", missing),
            };
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append(CsvField(fields[i]));
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A self-contained page: inline style, an inline SVG bar chart of firings per rule, no scripts.</summary>
    public static string Html(CoverageReport r)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<title>Rule coverage report: ").Append(H(r.RuleSetId)).Append(' ').Append(H(r.RuleSetVersion)).Append("</title>\n");
        sb.Append("<style>\n");
        sb.Append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#1b1b1b}\n");
        sb.Append("table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\n");
        sb.Append("th{background:#f2f2f2}td.n{text-align:right;font-variant-numeric:tabular-nums}.no{color:#b00020;font-weight:600}.yes{color:#1b5e20}\n");
        sb.Append("svg text{font-size:12px;font-family:ui-monospace,monospace}.critical{fill:#c62828;background:#c62828}.warning{fill:#ef8f00;background:#ef8f00}.info{fill:#1565c0;background:#1565c0}.zero{fill:#b00020}\n");
        sb.Append(".sw{display:inline-block;width:.8rem;height:.8rem;vertical-align:middle}\n");
        sb.Append("</style>\n</head>\n<body>\n");
        sb.Append("<h1>Rule coverage report</h1>\n");
        sb.Append("<p>Rule set <code>").Append(H(r.RuleSetId)).Append("</code> version ").Append(H(r.RuleSetVersion)).Append(". ").Append(H(InputLine(r))).Append("</p>\n");

        sb.Append("<h2>Summary</h2>\n<table>\n<tr><th>Measure</th><th>Covered</th><th>Total</th><th>Coverage</th></tr>\n");
        foreach (var (measure, covered, total, percent) in SummaryRows(r))
        {
            sb.Append("<tr><td>").Append(H(measure)).Append("</td><td class=\"n\">").Append(covered).Append("</td><td class=\"n\">").Append(total)
                .Append("</td><td class=\"n\">").Append(H(Percent(percent))).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
        sb.Append("<p>Rules never fired: ").Append(r.NeverFired.Count == 0 ? "none" : NeverFiredList(r, id => "<code class=\"no\">" + H(id) + "</code>")).Append(".</p>\n");

        sb.Append("<h2>Firings per rule</h2>\n<p>Bar colour is the rule's severity: <span class=\"sw critical\"></span> critical, <span class=\"sw warning\"></span> warning, <span class=\"sw info\"></span> info. Rule ids in red never fired.</p>\n");
        Chart(sb, r);

        sb.Append("<h2>By severity: coverage and alert burden</h2>\n<p>").Append(H(BurdenNote(r))).Append("</p>\n");
        HtmlGroupTable(sb, r, "Severity", r.BySeverity);
        if (r.BySeverityWithoutPolicy is { } without && r.Policy is { } policy)
        {
            sb.Append("<h2>Alert burden with and without the site policy</h2>\n<p>Policy <code>").Append(H(policy.Name)).Append("</code> version ").Append(H(policy.Version))
                .Append(" (").Append(H(policy.ContentHash)).Append("); rules left out: ").Append(H(r.DisabledRules.Count == 0 ? "none" : string.Join(", ", r.DisabledRules)))
                .Append(". Findings per 1,000 evaluated patients.</p>\n<table>\n<tr><th>Severity</th><th>With policy</th><th>Without policy</th><th>Difference</th></tr>\n");
            for (var i = 0; i < without.Count; i++)
            {
                var with = r.PerThousand(r.BySeverity[i].Findings);
                var wo = r.PerThousand(without[i].Findings);
                sb.Append("<tr><td>").Append(H(without[i].Key)).Append("</td><td class=\"n\">").Append(Number(with)).Append("</td><td class=\"n\">").Append(Number(wo))
                    .Append("</td><td class=\"n\">").Append(Number(with - wo)).Append("</td></tr>\n");
            }

            sb.Append("</table>\n");
        }

        sb.Append("<h2>By topic: coverage and alert burden</h2>\n");
        HtmlGroupTable(sb, r, "Topic", r.ByTopic);

        sb.Append("<h2>Rules</h2>\n<table>\n<tr><th>Rule</th><th>Title</th><th>Topic</th><th>Severity</th><th>Times fired</th><th>Patients affected</th><th>First example</th><th>Conditions with both outcomes</th></tr>\n");
        foreach (var rule in r.Rules)
        {
            var m = rule.Rule;
            sb.Append("<tr><td>").Append(rule.Fired ? H(m.Id) : "<span class=\"no\">" + H(m.Id) + "</span>").Append("</td><td>").Append(H(m.Title))
                .Append("</td><td>").Append(H(m.Topic)).Append("</td><td>").Append(JsonNames.Of(m.Severity))
                .Append("</td><td class=\"n\">").Append(rule.TimesFired).Append("</td><td class=\"n\">").Append(rule.PatientsAffected)
                .Append("</td><td>").Append(H(rule.FirstExample ?? "-")).Append("</td><td class=\"n\">").Append(rule.ConditionsWithBothOutcomes)
                .Append(" of ").Append(rule.Conditions.Count).Append("</td></tr>\n");
        }

        sb.Append("</table>\n<h2>Condition coverage</h2>\n<p>").Append(H(ConditionNote)).Append("</p>\n");
        sb.Append("<table>\n<tr><th>Rule</th><th>#</th><th>Condition</th><th>True seen</th><th>False seen</th></tr>\n");
        foreach (var rule in r.Rules)
        {
            for (var i = 0; i < rule.Conditions.Count; i++)
            {
                var o = rule.Conditions[i];
                sb.Append("<tr><td>").Append(H(rule.Rule.Id)).Append("</td><td class=\"n\">").Append(i + 1).Append("</td><td>").Append(H(rule.Rule.Conditions[i]))
                    .Append("</td>").Append(HtmlYesNo(o, ConditionOutcomes.True)).Append(HtmlYesNo(o, ConditionOutcomes.False)).Append("</tr>\n");
            }
        }

        sb.Append("</table>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private const string ConditionNote =
        "A rule's conditions are tested in order, and a condition is tested only when those before it hold, so a condition may be never reached. " +
        "A condition that tests nothing (\"the patient\") cannot be false while a patient is being evaluated.";

    private static string InputLine(CoverageReport r) =>
        $"Input: {r.Lines} lines; {r.Patients} patients evaluated ({r.Incomplete} incomplete); {r.InvalidLines} invalid lines; {r.InternalErrors} internal errors.";

    private static string BurdenNote(CoverageReport r) =>
        $"Alert burden: findings per 1,000 evaluated patients ({r.Patients} patients), and patients with at least one such finding per 1,000.";

    private static IEnumerable<(string Measure, int Covered, int Total, double Percent)> SummaryRows(CoverageReport r)
    {
        yield return ("Rules fired at least once", r.RulesFired, r.Rules.Count, r.RuleCoveragePercent);
        yield return ("Condition outcomes seen (true and false)", r.OutcomesSeen, 2 * r.Conditions, r.ConditionCoveragePercent);
        yield return ("Conditions seen with both outcomes", r.ConditionsWithBothOutcomes, r.Conditions, r.Conditions == 0 ? 0 : 100.0 * r.ConditionsWithBothOutcomes / r.Conditions);
    }

    private static string NeverFiredList(CoverageReport r, Func<string, string> format)
    {
        var ids = new List<string>(r.NeverFired.Count);
        foreach (var n in r.NeverFired)
        {
            ids.Add(format(n.Rule.Id));
        }

        return string.Join(", ", ids);
    }

    private static void GroupTable(StringBuilder sb, CoverageReport r, string title, IReadOnlyList<GroupCoverage> groups)
    {
        sb.Append($"| {title} | Rules | Rules fired | Times fired | Findings | Findings per 1,000 patients | Patients with one or more | Patients per 1,000 |\n");
        sb.Append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        foreach (var g in groups)
        {
            sb.Append($"| {g.Key} | {g.Rules} | {g.RulesFired} | {g.TimesFired} | {g.Findings} | {Number(r.PerThousand(g.Findings))} | {g.PatientsWithFindings} | {Number(r.PerThousand(g.PatientsWithFindings))} |\n");
        }

        sb.Append('\n');
    }

    private static void HtmlGroupTable(StringBuilder sb, CoverageReport r, string title, IReadOnlyList<GroupCoverage> groups)
    {
        sb.Append("<table>\n<tr><th>").Append(title).Append("</th><th>Rules</th><th>Rules fired</th><th>Times fired</th><th>Findings</th><th>Findings per 1,000 patients</th><th>Patients with one or more</th><th>Patients per 1,000</th></tr>\n");
        foreach (var g in groups)
        {
            sb.Append("<tr><td>").Append(H(g.Key)).Append("</td><td class=\"n\">").Append(g.Rules).Append("</td><td class=\"n\">").Append(g.RulesFired)
                .Append("</td><td class=\"n\">").Append(g.TimesFired).Append("</td><td class=\"n\">").Append(g.Findings)
                .Append("</td><td class=\"n\">").Append(Number(r.PerThousand(g.Findings))).Append("</td><td class=\"n\">").Append(g.PatientsWithFindings)
                .Append("</td><td class=\"n\">").Append(Number(r.PerThousand(g.PatientsWithFindings))).Append("</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Chart(StringBuilder sb, CoverageReport r)
    {
        const int row = 18, label = 100, barWidth = 560;
        long max = 1;
        foreach (var rule in r.Rules)
        {
            max = Math.Max(max, rule.TimesFired);
        }

        var height = (r.Rules.Count * row) + 8;
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Firings per rule\" width=\"").Append(label + barWidth + 80)
            .Append("\" height=\"").Append(height).Append("\" viewBox=\"0 0 ").Append(label + barWidth + 80).Append(' ').Append(height).Append("\">\n");
        for (var i = 0; i < r.Rules.Count; i++)
        {
            var rule = r.Rules[i];
            var y = (i * row) + 4;
            var width = rule.TimesFired == 0 ? 0 : Math.Max(1, (int)Math.Round((double)rule.TimesFired / max * barWidth));
            var css = rule.Fired ? JsonNames.Of(rule.Rule.Severity) : "zero";
            sb.Append("<g><title>").Append(H(rule.Rule.Id + ": " + rule.Rule.Title + " (" + rule.TimesFired.ToString(C) + " firings)")).Append("</title>");
            sb.Append("<text x=\"0\" y=\"").Append(y + 12).Append("\"").Append(rule.Fired ? string.Empty : " class=\"zero\"").Append('>').Append(H(rule.Rule.Id)).Append("</text>");
            sb.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(label).Append("\" y=\"").Append(y + 2).Append("\" width=\"").Append(width).Append("\" height=\"").Append(row - 5).Append("\"/>");
            sb.Append("<text x=\"").Append(label + width + 6).Append("\" y=\"").Append(y + 12).Append("\">").Append(rule.TimesFired).Append("</text></g>\n");
        }

        sb.Append("</svg>\n");
    }

    private static void WriteGroup(Utf8JsonWriter w, CoverageReport r, string keyName, GroupCoverage g)
    {
        w.WriteStartObject();
        w.WriteString(keyName, g.Key);
        w.WriteNumber("rules", g.Rules);
        w.WriteNumber("rulesFired", g.RulesFired);
        w.WriteNumber("timesFired", g.TimesFired);
        w.WriteNumber("findings", g.Findings);
        WriteRate(w, "findingsPer1000Patients", r.PerThousand(g.Findings));
        w.WriteNumber("patientsWithFindings", g.PatientsWithFindings);
        WriteRate(w, "patientsPer1000", r.PerThousand(g.PatientsWithFindings));
        w.WriteEndObject();
    }

    private static void WriteRate(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, Math.Round(v, 1));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Percent(double value) => value.ToString("0.0", C) + " %";

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", C) : "n/a";

    private static string YesNo(ConditionOutcomes o, ConditionOutcomes which) => (o & which) != 0 ? "yes" : "**no**";

    private static string HtmlYesNo(ConditionOutcomes o, ConditionOutcomes which) =>
        (o & which) != 0 ? "<td class=\"yes\">yes</td>" : "<td class=\"no\">no</td>";

    private static string Md(string text) => text.Replace("|", "\\|").Replace("\n", " ");

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string CsvField(string value) =>
        value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}
