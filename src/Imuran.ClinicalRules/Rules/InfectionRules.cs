using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Infection: serious infection, latent infection, live vaccines, progressive multifocal leukoencephalopathy.</summary>
internal static class InfectionRules
{
    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-INF-001")
            .Title("Active serious infection")
            .Topic(Topics.Infection).Caution(Severity.Warning)
            .Logic("a current serious infection is recorded")
            .Summary("Active serious infection: infections, including reactivation, are more serious under azathioprine.")
            .Detail("Serious and fatal infections, including reactivation of latent infections, occur in patients on azathioprine, more so with other immunosuppressants.")
            .Review("Review infection management and the level of immunosuppression while the infection is active.")
            .Source(Sources.Label, "WARNINGS: Serious Infections", Confidence.VerifiedSecondary)
            .Match<ConditionFact>("a current serious infection", c => c.Active && c.Kind == ConditionKind.SeriousInfection)
            .Then<ConditionFact>((f, c) => MalignancyRules.RaiseCondition(f, c));

        yield return Rule("AZA-INF-002")
            .Title("Hepatitis B or tuberculosis")
            .Topic(Topics.Infection).Caution(Severity.Warning)
            .Logic("hepatitis B (chronic or past) or tuberculosis (active or latent) is recorded")
            .Summary("{condition} on record: risk of reactivation under immunosuppression; screening and specialist review.")
            .Detail("Immunosuppression can reactivate latent infections. Patients with hepatitis B or tuberculosis, past or present, need screening and specialist review of prophylaxis and monitoring.")
            .Review("Confirm screening status and arrange specialist review of reactivation risk.")
            .Source(Sources.Label, "WARNINGS: Serious Infections (reactivation of latent infections)", Confidence.VerifiedSecondary, "Hepatitis B named in the US label is uncertain [?].")
            .Match<ConditionFact>("hepatitis B or tuberculosis, current or past", c => c.Kind == ConditionKind.HepatitisB || c.Kind == ConditionKind.Tuberculosis)
            .Then<ConditionFact>((f, c) =>
            {
                f.Raise(
                    c.Basis(),
                    "condition", c.Kind == ConditionKind.HepatitisB ? "Hepatitis B" : "Tuberculosis");
            });

        yield return Rule("AZA-VAC-001")
            .Title("Live vaccine")
            .Topic(Topics.LiveVaccine).Caution(Severity.Warning)
            .Logic("a live vaccine was given within the lookback window (default 28 days) or is planned")
            .Summary("Live vaccine {vaccine}: a live vaccine in an immunosuppressed patient needs review.")
            .Detail("Live vaccines can cause infection in immunosuppressed patients. Review with current immunization guidance for immunocompromised hosts. The vaccine is live per the CDC live-virus list.")
            .Review("Review the live vaccine against immunization guidance for immunocompromised hosts.")
            .Source(Sources.CdcLiveVaccines, "live-virus vaccines", Confidence.Verified)
            .Source(Sources.Label, "vaccines", Confidence.Uncertain, "US label text on vaccines was not found [?]; the rule rests on the CDC live-virus list and general guidance.")
            .Match<VaccineFact>("a live vaccine planned, or given within the lookback window", v => v.Live && IsRecentOrPlanned(v, v.Patient))
            .Then<VaccineFact>((f, v) =>
            {
                f.Raise(
                    v.Basis(),
                    "vaccine", SummaryName(v.Source));
            });

        yield return Rule("AZA-PML-001")
            .Title("New neurological signs: consider PML")
            .Topic(Topics.Pml).Caution(Severity.Critical)
            .Logic("new neurological signs reported while on azathioprine (or therapy status unknown)")
            .Summary("New neurological signs on azathioprine: consider progressive multifocal leukoencephalopathy.")
            .Detail("Progressive multifocal leukoencephalopathy, a JC-virus infection of the brain, has been reported with azathioprine. New confusion, weakness, vision or speech change needs prompt neurological assessment.")
            .Review("Urgent neurology review and review of the immunosuppression.")
            .Source(Sources.Label, "WARNINGS: Serious Infections, PML (2014)", Confidence.VerifiedSecondary)
            .Match<PatientContext>("new neurological signs, not merely considering azathioprine", p =>
                p.Facts.NewNeurologicalSigns.Count > 0 && p.TherapyStatus != TherapyStatus.Considering)
            .Then<PatientContext>((f, p) =>
            {
                f.Raise(new[]
                {
                    new BasisFact("new neurological signs", string.Join(", ", p.Facts.NewNeurologicalSigns.Select(s => s.ToString())), "newNeurologicalSigns"),
                    new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"),
                });
            });
    }

    /// <summary>
    /// The vaccine as the summary names it: the name as given when it is short and passes the no-dose policy, else its
    /// CVX code, else "on record". The basis keeps the name as given.
    /// </summary>
    private static string SummaryName(Vaccination v) =>
        NoDosePolicy.SafeEcho(v.Name, 40)
        ?? (v.CvxCode is { } cvx ? NoDosePolicy.SafeEcho("CVX " + cvx.Trim(), 40) : null)
        ?? "on record";

    private static bool IsRecentOrPlanned(VaccineFact v, PatientContext p)
    {
        if (v.Source.Status == VaccinationStatus.Planned)
        {
            return true;
        }

        if (v.Source.Date is not { } given)
        {
            return true;
        }

        var days = given.DaysUntil(p.Date);
        return days >= 0 && days <= p.Options.LiveVaccineLookbackDays;
    }
}
