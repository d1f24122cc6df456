using System.Reflection;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Rules;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// The rule set's definitions built afresh by the calling test, in catalogue order. <c>RuleCatalog.All()</c> builds the
/// definitions once per process, so a test reading rule texts through it reads whatever an earlier test built; a test
/// that checks the texts of every rule builds them here instead, so each such test runs the rule builders and the
/// catalogue's composition itself (and mutation testing credits every builder, and <c>RuleCatalog.Build()</c>, to it).
/// </summary>
internal static class FreshRuleDefinitions
{
    /// <summary>
    /// Every rule's definition, built now by the catalogue's own <c>RuleCatalog.Build()</c> (so its composition runs in
    /// the calling test), checked against the rule groups found by reflection and against the process-wide copy.
    /// </summary>
    public static IReadOnlyList<IRuleDefinition> Build()
    {
        var fresh = RuleCatalog.Build().ToList();
        var grouped = RuleGroups().SelectMany(m => (IEnumerable<IRuleDefinition>)m.Invoke(null, null)!).Select(d => d.Name);
        fresh.Select(d => d.Name).Should().BeEquivalentTo(grouped, "the catalogue registers every rule group found here, each once");
        fresh.Select(d => d.Name).Should().Equal(RuleCatalog.All().Select(d => d.Name), "the process-wide copy is the catalogue's build, in its order");
        return fresh;
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
