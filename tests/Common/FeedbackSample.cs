using System;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.Tests.Common;

/// <summary>
/// One clinician-feedback export the tests share (the core's format tests and the CLI's <c>coverage --feedback</c>
/// tests): six cards, four on AZA-INT-001 (three overridden, two with the same HL7 reason), one accepted AZA-PGX-001,
/// and one overridden card whose rule the host no longer knew.
/// </summary>
internal static class FeedbackSample
{
    /// <summary>The HL7 code system of the override reasons used here.</summary>
    public const string Hl7 = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes";

    /// <summary>When the sample was exported; each outcome is five minutes later.</summary>
    public static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    /// <summary>The export (rule set <c>imuran-azathioprine</c> 1.2.3).</summary>
    public static ClinicianFeedbackExport Export() => ClinicianFeedbackExport.Create("imuran-azathioprine", "1.2.3", At, new[]
    {
        Entry("c3", "AZA-INT-001", CardOutcome.Overridden, "recipient-concerns-outcomes"),
        Entry("c1", "AZA-PGX-001", CardOutcome.Accepted),
        Entry("c2", "AZA-INT-001", CardOutcome.Overridden, "recipient-concerns-outcomes"),
        Entry("c4", "AZA-INT-001", CardOutcome.Overridden, "other"),
        Entry("c5", "AZA-INT-001", CardOutcome.Accepted),
        Entry("c6", null, CardOutcome.Overridden),
    });

    /// <summary>One entry of the sample's service.</summary>
    public static ClinicianFeedbackEntry Entry(string card, string? rule, CardOutcome outcome, string? reason = null) => new()
    {
        ServiceId = "imuran-azathioprine-order-sign",
        CardUuid = card,
        RuleId = rule,
        Outcome = outcome,
        OverrideReason = reason is null ? null : new OverrideReason(Hl7, reason),
        OutcomeTimestamp = At.AddMinutes(5),
    };
}
