using System.Text.Json;

namespace Imuran.ClinicalRules.Cli.Tests;

public class CatalogCommandTests
{
    [Fact]
    public void Catalog_Json_HasRuleSetAndEveryRule()
    {
        var (exit, output, _) = CliRunner.Run("catalog", "--format", "json");

        exit.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("ruleSet").GetProperty("id").GetString().Should().Be("imuran-azathioprine");
        var rules = doc.RootElement.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).Should().Equal(ClinicalRuleSet.Default.Rules.Select(r => r.Id));
        rules[0].EnumerateObject().Select(p => p.Name).Should().StartWith(new[] { "id", "version", "title", "topic", "kind", "severity", "trigger" });
    }

    [Fact]
    public void Catalog_Csv_HasHeaderAndOneLinePerRule()
    {
        var lines = CliRunner.Run("catalog", "--format", "csv").Out.TrimEnd('\n').Split('\n');

        lines[0].Should().Be("id,version,title,topic,kind,severity,trigger,sources");
        lines.Should().HaveCount(ClinicalRuleSet.Default.Rules.Count + 1);
        lines[1].Should().StartWith(ClinicalRuleSet.Default.Rules[0].Id + ",1,");
    }

    [Fact]
    public void Catalog_Markdown_ListsEveryTopicAndRule()
    {
        var md = CliRunner.Run("catalog").Out;

        foreach (var r in ClinicalRuleSet.Default.Rules)
        {
            md.Should().Contain($"### {r.Id} v{r.Version}: {r.Title}");
        }

        foreach (var t in Imuran.ClinicalRules.Findings.Topics.All)
        {
            md.Should().Contain($"## `{t}`");
        }
    }
}
