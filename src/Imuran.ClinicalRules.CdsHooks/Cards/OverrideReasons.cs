using System.Collections.Generic;
using Imuran.ClinicalRules.CdsHooks.Contract;

namespace Imuran.ClinicalRules.CdsHooks.Cards;

/// <summary>
/// The override reasons every card offers: the six categories of HL7's non-adherence reason codes
/// (<c>http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes</c>, CDS Hooks 3.0.0 ballot content, trial use),
/// with their displays as published.
/// </summary>
internal static class OverrideReasons
{
    public const string System = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes";

    public static readonly IReadOnlyList<Coding> All = new[]
    {
        Code("cds-not-applicable", "PC CDS does not apply to patient"),
        Code("cds-suboptimal-context", "PC CDS delivered in suboptimal context"),
        Code("recipient-disagrees-evidence", "Recipient disagrees with recommendation because of issues with the evidence"),
        Code("recipient-concerns-outcomes", "Recipient has concerns regarding potential health outcomes"),
        Code("does-not-align-preferences", "Recommendation does not align with patient preferences or values"),
        Code("not-convenient-feasible", "Recommendation is not convenient or feasible"),
    };

    private static Coding Code(string code, string display) => new() { System = System, Code = code, Display = display };
}
