using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Data quality: a fact the rules need is missing, unreadable, contradictory or out of date (unknown is not normal).</summary>
internal static class DataQualityRules
{
    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-DQ-001")
            .Title("A fact the rules need is missing or contradictory")
            .Topic(Topics.DataQuality).ReportsUnknownData().Monitoring(Severity.Warning)
            .Logic("a fact the rules need is missing, unreadable or contradicts another")
            .Summary("Check the {fact}: {problem}.")
            .Detail("Unknown is not normal: {consequence}.")
            .Review("Complete or correct the record so the checks can be applied.")
            .Source(Sources.Principles, "principle 2: unknown is not normal", Confidence.Verified)
            .Match<DataQualityIssue>("a data-quality issue was found")
            .Then<DataQualityIssue>((f, dataQualityIssue) =>
            {
                var i = dataQualityIssue;
                f.Raise(
                    new[] { new BasisFact(i.Fact, i.Evidence, i.Path) },
                    new[]
                    {
                        PharmacogenomicRules.Value("fact", i.Fact),
                        PharmacogenomicRules.Value("problem", i.Problem),
                        PharmacogenomicRules.Value("consequence", i.Consequence),
                    });
            });

        foreach (var (id, warning) in new[] { ("AZA-DQ-002", true), ("AZA-DQ-003", false) })
        {
            yield return Rule(id)
                .Title(warning ? "Pregnancy status unknown" : "Pregnancy status unknown during established therapy")
                .Topic(Topics.DataQuality).ReportsUnknownData().Monitoring(warning ? Severity.Warning : Severity.Info).Version(warning ? 4 : 3)
                .Logic(warning
                    ? "of reproductive potential (female, or sex not recorded or other; about 12 to 55, or age unknown) with pregnancy status unknown or out of date, while azathioprine is being considered, newly started, of unknown status, or being prescribed"
                    : "of reproductive potential (female, or sex not recorded or other) with pregnancy status unknown or out of date, on continuing (or stopped) azathioprine outside the prescribing setting")
                .Summary("Pregnancy status {status} for a {patient} {age}: establish it (hCG) before relying on these checks.")
                .Detail(warning
                    ? "Azathioprine can cause fetal harm. The pregnancy checks cannot be applied while pregnancy status is unknown or out of date, and a new start or a prescription is when it matters most."
                    : "Azathioprine can cause fetal harm. The pregnancy checks cannot be applied while pregnancy status is unknown or out of date; during established therapy this is a prompt to record it at the next contact.")
                .Review("Establish pregnancy status, for example with an hCG test, and record it with its date.")
                .Source(Sources.Principles, "principle 2: unknown is not normal", Confidence.Verified, "A patient whose sex is not recorded, or recorded as other, is read as possibly of reproductive potential (local choice [L]).")
                .Source(Sources.Label, "WARNINGS: Pregnancy", Confidence.Verified)
                .Match<PatientContext>(
                    warning ? "of reproductive potential (not recorded as male), pregnancy status unknown, at or before a start or when prescribing" : "of reproductive potential (not recorded as male), pregnancy status unknown, established or stopped therapy, not prescribing",
                    p => p.OfReproductivePotential && p.PregnancyStatus == PregnancyStatus.Unknown && PregnancyPromptIsWarning(p) == warning)
                .Then<PatientContext>((f, p) =>
                {
                    f.Raise(
                        new[]
                        {
                            new BasisFact("sex and age", p.SexText + ", " + p.AgeText, "sex"),
                            p.UnknownPregnancyBasis,
                            new BasisFact("azathioprine therapy", p.TherapyBasis + ", setting " + p.Facts.Setting.ToString().ToLowerInvariant(), "therapy"),
                        },
                        new[]
                        {
                            PharmacogenomicRules.Value("status", p.PregnancyStaleDays is { } d ? "out of date (" + d.ToString(System.Globalization.CultureInfo.InvariantCulture) + " days old)" : "unknown"),
                            PharmacogenomicRules.Value("patient", p.PatientWords),
                            PharmacogenomicRules.Value("age", p.Age is { } a ? "aged " + a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "of unknown age"),
                        });
                });
        }
    }

    /// <summary>Warning when azathioprine is being considered, newly started, of unknown status, or prescribed; otherwise information.</summary>
    internal static bool PregnancyPromptIsWarning(PatientContext p) => p.AtOrBeforeStart || p.Facts.Setting == CareSetting.Prescribing;
}
