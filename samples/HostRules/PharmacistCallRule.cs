using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using NRules.Fluent.Dsl;

namespace HostRules;

/// <summary>The host's own fact: a pharmacist should call the prescriber about a finding.</summary>
/// <param name="RuleId">The finding's rule id.</param>
/// <param name="Reason">Why, in the host's words.</param>
public sealed record PharmacistCall(string RuleId, string Reason);

/// <summary>
/// The host's own rule, written with NRules.Fluent: every critical finding of the azathioprine rule set (a
/// <see cref="FindingFact"/> in the session) asks for a call to the prescriber. It runs in the same session as the
/// library's rules and reads their findings as facts.
/// </summary>
[Name("HOST-CALL-001")]
[Description("Call the prescriber about a critical azathioprine finding")]
[Priority(-100)]
public sealed class PharmacistCallRule : Rule
{
    public override void Define()
    {
        FindingFact finding = null!;

        When()
            .Match(() => finding, f => f.Severity == Severity.Critical);

        Then()
            .Do(ctx => ctx.Insert(new PharmacistCall(finding.RuleId, "critical: " + finding.Finding.Summary)));
    }
}
