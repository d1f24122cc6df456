namespace Imuran.ClinicalRules.Research.Coverage;

/// <summary>The formats a coverage report is written in (the same as the tool's <c>coverage --format</c>).</summary>
public enum CoverageFormat
{
    /// <summary>Markdown tables: totals, per rule, rules never fired, by topic and severity, condition coverage.</summary>
    Markdown = 0,

    /// <summary>One JSON document with the same content (a stable contract for notebooks and dashboards).</summary>
    Json = 1,

    /// <summary>One CSV row per rule.</summary>
    Csv = 2,

    /// <summary>A self-contained HTML page with a bar per rule.</summary>
    Html = 3,
}
