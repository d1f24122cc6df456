using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Tests.ClinicalDepth;

/// <summary>Issue 11, texts: the no-dose policy catches instructions to adjust, reduce, increase or titrate the regimen.</summary>
public class TextPolicyTests
{
    [Theory]
    [InlineData("then adjustment guided by blood counts")]
    [InlineData("Adjust the regimen to the blood counts.")]
    [InlineData("titrated to response")]
    [InlineData("Reduce azathioprine when counts fall.")]
    [InlineData("reduction of the starting regimen")]
    [InlineData("increase the azathioprine regimen")]
    [InlineData("a decrease in the regimen")]
    [InlineData("lower the current amount")]
    public void FindViolation_ChangeOfRegimen_IsCaught(string text) =>
        NoDosePolicy.FindViolation(text).Should().StartWith("an instruction to change a medicine's amount");

    [Theory]
    [InlineData("Azathioprine may reduce the anticoagulant effect of warfarin.")]
    [InlineData("which may raise exposure to active thiopurine metabolites")]
    [InlineData("Both thiopurine inactivation pathways are reduced.")]
    [InlineData("prescriber review of the starting regimen with the result in view, and blood counts guide every later review of the regimen")]
    public void FindViolation_ReviewWording_IsClean(string text) => NoDosePolicy.FindViolation(text).Should().BeNull();

    [Fact]
    public void RuleTexts_NoRuleSaysAdjustmentOrCrushOrSplit()
    {
        foreach (var m in ClinicalRuleSet.Default.Rules)
        {
            foreach (var text in new[] { m.Summary, m.Detail, m.Review })
            {
                text.Should().NotContainAny(new[] { "adjust", "crush", "split" }, m.Id);
            }
        }
    }

    [Fact]
    public void ThresholdCatalog_ListsEveryThresholdAndWindow_AndTheCatalogueShowsThem()
    {
        var listed = ThresholdCatalog.All.Select(o => o.Name).ToHashSet();
        var properties = typeof(RuleThresholds).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Select(p => p.Name).Where(n => n is not (nameof(RuleThresholds.MaxFirings) or nameof(RuleThresholds.MaxListLength) or nameof(RuleThresholds.MaxTextLength))); // engine and input limits, not clinical thresholds

        properties.Should().BeSubsetOf(listed, "every threshold or window needs its documented default and source in the catalogue");
        var markdown = Imuran.ClinicalRules.Serialization.RuleCatalogExport.ToMarkdown(ClinicalRuleSet.Default);
        markdown.Should().Contain("| `WhiteCellLowThreshold` | 3.5 | 10*9/L |").And.Contain("BSR/BHPR 2017").And.Contain("| `LiverEnzymeCriticalMultiple` | 5 |");
    }

    [Fact]
    public void ThresholdCatalog_ShowsTheRuleSetsOwnValues()
    {
        var custom = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { PlateletLowThreshold = 100, WhiteCellLowThreshold = null } });

        var markdown = Imuran.ClinicalRules.Serialization.RuleCatalogExport.ToMarkdown(custom);

        markdown.Should().Contain("| `PlateletLowThreshold` | 100 |").And.Contain("| `WhiteCellLowThreshold` | off |");
    }
}
