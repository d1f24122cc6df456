using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Tests.Rules;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Conventions;

public class RuleCatalogConventionTests
{
    // Built afresh by each test (not the process-wide definitions), so each test runs the rule builders it checks.
    private static IReadOnlyList<RuleMetadata> Rules => FreshRuleDefinitions.Metadata();

    [Fact]
    public void Catalogue_Ids_AreUniqueAndWellFormed()
    {
        Rules.Select(r => r.Id).Should().OnlyHaveUniqueItems();
        Rules.Should().OnlyContain(r => Regex.IsMatch(r.Id, "^AZA-[A-Z]{2,5}-[0-9]{3}$"));
    }

    [Fact]
    public void Catalogue_EveryRule_HasKnownTopicSourceAndTexts()
    {
        foreach (var r in Rules)
        {
            Topics.IsKnown(r.Topic).Should().BeTrue(r.Id);
            r.Sources.Should().NotBeEmpty(r.Id);
            r.Sources.Should().OnlyContain(s => s.Document.Length > 0 && s.Section.Length > 0, r.Id);
            r.Summary.Length.Should().BeInRange(1, 139, r.Id);
            r.Review.Should().NotBeNullOrWhiteSpace(r.Id);
            r.Logic.Should().NotBeNullOrWhiteSpace(r.Id);
            r.Conditions.Should().NotBeEmpty(r.Id);
        }
    }

    [Fact]
    public void Catalogue_EveryRule_TextsAreWholeSentences()
    {
        // A clinician reads the summary, detail and review as sentences, the title as a heading and the logic as the
        // clause after "fires when": a text cut short, left empty or replaced shows up here.
        foreach (var r in Rules)
        {
            foreach (var (field, text) in new[] { ("Summary", r.Summary), ("Detail", r.Detail), ("Review", r.Review) })
            {
                text.Should().MatchRegex(@"^[A-Z{].{18,}\.$", $"{r.Id} {field} is a sentence beginning with a capital letter and ending with a full stop");
            }

            r.Title.Should().MatchRegex(@"^[A-Z0-9].{3,}[^.]$", $"{r.Id} Title is a heading (capital first, no full stop)");
            r.Logic.Should().MatchRegex(@"^[a-zA-Z].{8,}[^.]$", $"{r.Id} Logic is a clause (no full stop)");
        }
    }

    [Fact]
    public void Catalogue_NoText_StatesADose()
    {
        foreach (var r in Rules)
        {
            foreach (var text in new[] { r.Title, r.Summary, r.Detail, r.Review, r.Logic }.Concat(r.Sources.Select(s => s.Note ?? string.Empty)))
            {
                NoDosePolicy.FindViolation(text).Should().BeNull($"{r.Id}: {text}");
            }
        }
    }

    [Fact]
    public void Catalogue_SourcesOnRecalledOrUncertainKnowledge_CarryANote()
    {
        foreach (var s in Rules.SelectMany(r => r.Sources.Select(s => (r.Id, s))))
        {
            if (s.s.Confidence is Confidence.Recalled or Confidence.Uncertain)
            {
                s.s.Note.Should().NotBeNullOrWhiteSpace($"{s.Id} rests on [{s.s.ConfidenceTag}] and must say so in its source note");
            }
        }
    }

    [Fact]
    public void Topics_MatchTheVocabulary()
    {
        var text = File.ReadAllText(RepoPaths.InRepo("docs", "reference", "topics.md"));
        var vocabulary = Regex.Matches(text, @"^\| `([a-z0-9-]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();

        Topics.All.Should().Equal(vocabulary);
    }

    [Fact]
    public void Catalogue_EveryTopic_HasAtLeastOneRule()
    {
        var rules = Rules;
        Topics.All.Should().OnlyContain(t => rules.Any(r => r.Topic == t));
    }

    [Fact]
    public void Catalogue_EveryRuleGroupClass_IsRegistered()
    {
        var registered = RuleCatalog.All().Select(r => r.Name).ToHashSet();
        var groups = typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleCatalog).Namespace && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetMethod("All", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m is not null && m.ReturnType == typeof(IEnumerable<NRules.RuleModel.IRuleDefinition>) && m.DeclaringType != typeof(RuleCatalog))
            .ToList();

        groups.Should().HaveCountGreaterThan(5);
        foreach (var m in groups)
        {
            var ids = ((IEnumerable<NRules.RuleModel.IRuleDefinition>)m!.Invoke(null, null)!).Select(r => r.Name);
            registered.Should().Contain(ids, m.DeclaringType!.Name + " must be registered in RuleCatalog.All()");
        }
    }

    [Fact]
    public void Catalogue_EveryRule_HasFiresDoesNotFireAndBoundaryTests()
    {
        var names = typeof(RuleCatalogConventionTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes().Any(a => a is FactAttribute))
            .Select(m => m.Name)
            .ToList();
        var missing = new List<string>();
        foreach (var r in Rules)
        {
            var prefix = r.Id.Replace('-', '_');
            var mine = names.Where(n => n.Contains(prefix, StringComparison.Ordinal)).ToList();
            foreach (var kind in new[] { "Fires", "DoesNotFire", "Boundary" })
            {
                var found = kind == "Fires"
                    ? mine.Any(n => Regex.IsMatch(n, "(?<!Not)Fires"))
                    : mine.Any(n => n.Contains(kind, StringComparison.Ordinal));
                if (!found)
                {
                    missing.Add($"{r.Id} {kind}");
                }
            }
        }

        missing.Should().BeEmpty("every rule needs a test where it fires, one where it must not, and a boundary test");
    }
}
