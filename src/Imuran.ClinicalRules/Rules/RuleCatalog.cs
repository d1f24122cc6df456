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

    public static IEnumerable<RuleDefinition> All() =>
        PharmacogenomicRules.All()
            .Concat(ContraindicationRules.All())
            .Concat(MalignancyRules.All())
            .Concat(InteractionRules.All())
            .Concat(InfectionRules.All())
            .Concat(BloodCountRules.All())
            .Concat(MonitoringRules.All())
            .Concat(OtherRules.All());

    public static RuleSetPolicy Policy { get; } = new()
    {
        IsKnownTopic = Topics.IsKnown,
        FindForbiddenText = NoDosePolicy.FindViolation,
        RetiredIds = RetiredIds,
    };
}
