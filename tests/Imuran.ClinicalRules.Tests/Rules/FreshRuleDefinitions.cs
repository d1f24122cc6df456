using System.Reflection;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Rules;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// The rule set's definitions built afresh by the calling test, in catalogue order. <c>RuleCatalog.All()</c> builds the
/// definitions once per process, so a test reading rule texts through it reads whatever an earlier test built; a test
/// that checks the texts of every rule builds them here instead, so each such test runs the rule builders itself (and
/// mutation testing credits every builder to it).
/// </summary>
internal static class FreshRuleDefinitions
{
    /// <summary>Every rule group's definitions, built now, ordered as the catalogue registers them.</summary>
    public static IReadOnlyList<IRuleDefinition> Build()
    {
        var catalogue = RuleCatalog.All().Select((d, i) => (d.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var fresh = RuleGroups().SelectMany(m => (IEnumerable<IRuleDefinition>)m.Invoke(null, null)!).ToList();
        fresh.Select(d => d.Name).Should().BeEquivalentTo(catalogue.Keys, "the rule groups found here are the ones RuleCatalog registers");
        return fresh.OrderBy(d => catalogue[d.Name]).ToList();
    }

    /// <summary>Every finding rule's metadata, from definitions built now, ordered by id.</summary>
    public static IReadOnlyList<RuleMetadata> Metadata() =>
        Build().Where(RuleProperties.IsClinicalRule).Select(RuleProperties.Read).Where(m => !m.IsDerivation).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();

    /// <summary>The rule group classes: static classes beside <c>RuleCatalog</c> with a public static <c>All()</c>.</summary>
    public static IReadOnlyList<MethodInfo> RuleGroups() =>
        typeof(RuleCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(RuleCatalog).Namespace && t.IsAbstract && t.IsSealed)
            .Select(t => t.GetMethod("All", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m is not null && m.ReturnType == typeof(IEnumerable<IRuleDefinition>) && m.DeclaringType != typeof(RuleCatalog))
            .Select(m => m!)
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal)
            .ToList();
}
