using System.CommandLine;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli;

/// <summary><c>imuran-rules catalog [--format md|json|csv]</c>: the rule catalogue, without running any rule.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliIO io)
    {
        var format = Suggestions.Choice("--format", "md (Markdown, as docs/rules.md), json or csv; any case.", "md", "md", "json", "csv");
        var command = new Command("catalog", "Print the rule catalogue: id, version, title, topic, kind, severity, trigger and sources.") { format };
        command.SetAction(parse =>
        {
            io.Out.Write(Render(ClinicalRuleSet.Default, parse.GetValue(format) ?? "md"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Renders the catalogue in <paramref name="format"/> (md, json or csv).</summary>
    public static string Render(ClinicalRuleSet rules, string format) => format switch
    {
        "json" => RuleCatalogExport.ToJson(rules),
        "csv" => RuleCatalogExport.ToCsv(rules),
        _ => RuleCatalogExport.ToMarkdown(rules),
    };
}
