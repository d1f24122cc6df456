using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Every rule of the azathioprine rule set, registered in one place.</summary>
internal static class RuleCatalog
{
    public const string RuleSetId = "imuran-azathioprine";

    public const string RuleSetVersion = "1.0.0";

    /// <summary>Ids that belonged to retired rules; never reused.</summary>
    public static readonly IReadOnlyCollection<string> RetiredIds = new string[0];

    /// <summary>
    /// Every rule's NRules definition, built once per process (definitions are immutable), so every rule set of the
    /// process shares the same definitions and metadata instances.
    /// </summary>
    public static IEnumerable<NRules.RuleModel.IRuleDefinition> All() => Definitions.Value;

    private static readonly System.Lazy<IReadOnlyList<NRules.RuleModel.IRuleDefinition>> Definitions = new(() => Build().ToList());

    /// <summary>
    /// Every rule group's definitions, built now, in catalogue order: what <see cref="All"/> caches. Tests that read
    /// every rule call it themselves, so the catalogue's own composition runs in each of them.
    /// </summary>
    internal static IEnumerable<NRules.RuleModel.IRuleDefinition> Build() =>
        PharmacogenomicRules.All()
            .Concat(ContraindicationRules.All())
            .Concat(MalignancyRules.All())
            .Concat(InteractionRules.All())
            .Concat(InfectionRules.All())
            .Concat(BloodCountRules.All())
            .Concat(MonitoringRules.All())
            .Concat(PediatricRules.All())
            .Concat(HandlingRules.All())
            .Concat(DataQualityRules.All());

    public static RuleSetPolicy Policy { get; } = new()
    {
        IsKnownTopic = Topics.IsKnown,
        FindForbiddenText = NoDosePolicy.FindViolation,
        RetiredIds = RetiredIds,
    };
}
