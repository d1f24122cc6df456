using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using Imuran.ClinicalRules.Terminology;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Interactions with active co-medications: one rule per interaction class.</summary>
internal static class InteractionRules
{
    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Interaction("AZA-INT-001", MedicationClass.Allopurinol, Topics.XanthineOxidaseInhibitor, Severity.Critical)
            .Version(2)
            .Title("Allopurinol or oxypurinol")
            .Logic("an active medicine is allopurinol or oxypurinol (xanthine-oxidase inhibition), while azathioprine has not stopped")
            .Summary("Co-prescribed {ingredient}: xanthine-oxidase inhibition raises azathioprine exposure; severe myelosuppression can follow.")
            .Detail("Allopurinol blocks xanthine oxidase, one of the routes that inactivates azathioprine, so active metabolites rise and severe myelosuppression can follow, more so with low TPMT activity. The label asks the prescriber to reassess the azathioprine regimen and monitor blood counts closely.")
            .Review("Prescriber reassessment of the azathioprine regimen with the combination in view, and close blood-count monitoring.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with xanthine oxidase (XO) inhibitors", Confidence.Verified)
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-002", MedicationClass.Febuxostat, Topics.XanthineOxidaseInhibitor, Severity.Critical)
            .Version(2)
            .Title("Febuxostat")
            .Logic("an active medicine is febuxostat (xanthine-oxidase inhibitor), while azathioprine has not stopped")
            .Summary("Co-prescribed febuxostat: a xanthine-oxidase inhibitor whose label contraindicates use with azathioprine.")
            .Detail("Febuxostat inhibits xanthine oxidase, as the Imuran label notes, raising exposure to active metabolites. The febuxostat label lists co-administration with azathioprine or mercaptopurine as contraindicated.")
            .Review("Review the combination with the prescriber: the febuxostat label contraindicates it.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with xanthine oxidase (XO) inhibitors", Confidence.Verified)
            .Source(Sources.FebuxostatLabel, "CONTRAINDICATIONS", Confidence.VerifiedSecondary)
            .Then<MedicationFact>(Raise);

        yield return CoTherapy("AZA-INT-003", MedicationClass.Aminosalicylate, Topics.Aminosalicylate, longStanding: false)
            .Title("Aminosalicylate")
            .Logic("an active medicine is sulfasalazine, mesalamine, olsalazine or balsalazide, while azathioprine has not stopped; and the combination is new (either began within the host's window, default 90 days, or its start is unknown) or the blood counts are low or falling")
            .Summary("Co-prescribed {ingredient}: aminosalicylates inhibit TPMT; caution and blood counts.")
            .Detail("Aminosalicylates inhibit TPMT in vitro, which may raise exposure to active thiopurine metabolites and the risk of marrow suppression. Interaction references rate this moderate.")
            .Review("Blood-count monitoring with the combination in view.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with Aminosalicylates", Confidence.VerifiedSecondary, "Read via interaction databases citing the label. New versus long-standing is a local host window.")
            .Then<MedicationFact>(RaiseCoTherapy);

        yield return CoTherapy("AZA-INT-010", MedicationClass.Aminosalicylate, Topics.Aminosalicylate, longStanding: true)
            .Title("Long-standing aminosalicylate on stable counts")
            .Logic("an active aminosalicylate begun before the host's window (default 90 days) with azathioprine continuing, and no latest white-cell, neutrophil, platelet or haemoglobin result low or falling markedly")
            .Summary("Long-standing {ingredient} with azathioprine on stable blood counts: aminosalicylates inhibit TPMT.")
            .Detail("Aminosalicylates inhibit TPMT in vitro, which may raise exposure to active thiopurine metabolites. The combination is long-standing and the latest counts are stable, so this is information; it becomes a warning when either drug is new or the counts fall.")
            .Review("Keep the routine blood-count schedule with the combination in view.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with Aminosalicylates", Confidence.VerifiedSecondary, "Read via interaction databases citing the label. New versus long-standing is a local host window.")
            .Then<MedicationFact>(RaiseCoTherapy);

        yield return Interaction("AZA-INT-004", MedicationClass.CoTrimoxazole, Topics.LeukopeniaDrug, Severity.Warning)
            .Version(2)
            .Title("Co-trimoxazole")
            .Logic("an active medicine is co-trimoxazole (sulfamethoxazole with trimethoprim), while azathioprine has not stopped")
            .Summary("Co-prescribed co-trimoxazole: exaggerated leukopenia reported, especially after kidney transplant.")
            .Detail("Drugs that affect leukocyte production, co-trimoxazole among them, may lead to exaggerated leukopenia with azathioprine, especially in kidney-transplant recipients.")
            .Review("Blood-count monitoring while the combination continues.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Drugs affecting leukocyte production", Confidence.VerifiedSecondary)
            .Then<MedicationFact>(Raise);

        yield return CoTherapy("AZA-INT-005", MedicationClass.AceInhibitor, Topics.LeukopeniaDrug, longStanding: false)
            .Title("ACE inhibitor")
            .Logic("an active medicine is an ACE inhibitor, while azathioprine has not stopped; and the combination is new (either began within the host's window, default 90 days, or its start is unknown) or the blood counts are low or falling")
            .Summary("Co-prescribed {ingredient}: anaemia and leukopenia reported with ACE inhibitors and azathioprine.")
            .Detail("Anaemia and severe leukopenia have been reported when ACE inhibitors are given with azathioprine.")
            .Review("Blood-count monitoring while the combination continues.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, ACE inhibitors", Confidence.Recalled, "Recalled, corroborated by interaction references; not re-checked in the label. New versus long-standing is a local host window.")
            .Then<MedicationFact>(RaiseCoTherapy);

        yield return CoTherapy("AZA-INT-011", MedicationClass.AceInhibitor, Topics.LeukopeniaDrug, longStanding: true)
            .Title("Long-standing ACE inhibitor on stable counts")
            .Logic("an active ACE inhibitor begun before the host's window (default 90 days) with azathioprine continuing, and no latest white-cell, neutrophil, platelet or haemoglobin result low or falling markedly")
            .Summary("Long-standing {ingredient} with azathioprine on stable blood counts: anaemia and leukopenia are reported.")
            .Detail("Anaemia and severe leukopenia have been reported when ACE inhibitors are given with azathioprine. The combination is long-standing and the latest counts are stable, so this is information; it becomes a warning when either drug is new or the counts fall.")
            .Review("Keep the routine blood-count schedule with the combination in view.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, ACE inhibitors", Confidence.Recalled, "Recalled, corroborated by interaction references; not re-checked in the label. New versus long-standing is a local host window.")
            .Then<MedicationFact>(RaiseCoTherapy);

        yield return Interaction("AZA-INT-006", MedicationClass.Coumarin, Topics.Warfarin, Severity.Warning, FindingKind.Monitoring)
            .Title("Warfarin or another coumarin")
            .Logic("an active medicine is warfarin or another coumarin")
            .Summary("Co-prescribed {ingredient}: azathioprine may lessen the anticoagulant effect; check INR.")
            .Detail("Azathioprine may reduce the anticoagulant effect of warfarin. INR needs checking whenever azathioprine is begun or ended or its regimen changes.")
            .Review("Check INR around any change in azathioprine therapy.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Warfarin", Confidence.VerifiedSecondary)
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-007", MedicationClass.Ribavirin, Topics.Ribavirin, Severity.Critical)
            .Version(2)
            .Title("Ribavirin")
            .Logic("an active medicine is ribavirin, while azathioprine has not stopped")
            .Summary("Co-prescribed ribavirin: severe pancytopenia reported; the combination is generally avoided.")
            .Detail("Ribavirin inhibits inosine monophosphate dehydrogenase, diverting thiopurine metabolism; severe pancytopenia has been reported. Interaction references rate this major and generally avoided; if used, intensive blood counts.")
            .Review("Review the combination with the prescriber; if it goes ahead, intensive blood-count monitoring.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with Ribavirin", Confidence.VerifiedSecondary, "Read via interaction databases citing the label.")
            .Then<MedicationFact>(Raise);

        yield return Rule("AZA-INT-008")
            .Title("Other immunosuppressants or biologics")
            .Topic(Topics.ImmunosuppressantCombination).Caution(Severity.Info).Version(2)
            .Logic("an active immunosuppressant or biologic (calcineurin inhibitor, mycophenolate, methotrexate, JAK inhibitor, or a TNF blocker outside IBD), while azathioprine has not stopped")
            .Summary("Co-prescribed {ingredient}: cumulative immunosuppression raises infection and malignancy risk.")
            .Detail("Combining immunosuppressants adds to the risk of serious infection and malignancy.")
            .Review("Review the combined immunosuppression and the infection and cancer surveillance plan.")
            .Source(Sources.Label, "WARNINGS: Malignancy; Serious Infections (general)", Confidence.Verified)
            .Match<MedicationFact>("an active immunosuppressant, or a TNF blocker without IBD, and azathioprine has not stopped", m =>
                m.Active && (m.Class == MedicationClass.Immunosuppressant || (m.Class == MedicationClass.TnfBlocker && !m.Patient.HasIbd)) && !m.Patient.Stopped)
            .Then<MedicationFact>((f, m) => ContraindicationRules.RaiseMedication(f, m));

        yield return Interaction("AZA-INT-009", MedicationClass.OtherThiopurine, Topics.DuplicateThiopurine, Severity.Critical)
            .Version(2)
            .Title("Duplicate thiopurine")
            .Logic("an active medicine is mercaptopurine or thioguanine, while azathioprine has not stopped")
            .Summary("Co-prescribed {ingredient}: duplicate thiopurine therapy (azathioprine is converted to mercaptopurine).")
            .Detail("Azathioprine is a prodrug of mercaptopurine; taking it with mercaptopurine or thioguanine duplicates thiopurine therapy and the risk of myelosuppression.")
            .Review("Review for duplicate thiopurine therapy with the prescriber.")
            .Source(Sources.Label, "CLINICAL PHARMACOLOGY", Confidence.Verified, "The duplication is an inference from the metabolic pathway.")
            .Then<MedicationFact>(Raise);
    }

    private static RuleBuilder Interaction(string id, MedicationClass cls, string topic, Severity severity, FindingKind kind = FindingKind.Caution)
    {
        var b = Rule(id).Topic(topic);
        b = kind == FindingKind.Caution ? b.Caution(severity) : b.Monitoring(severity);

        // Warfarin's INR check stays around stopping; every other interaction needs azathioprine to interact with.
        return cls == MedicationClass.Coumarin
            ? b.Match<MedicationFact>("an active medicine is " + Words(cls), m => m.Active && m.Class == cls)
            : b.Match<MedicationFact>("an active medicine is " + Words(cls) + ", and azathioprine has not stopped", m => m.Active && m.Class == cls && !m.Patient.Stopped);
    }

    /// <summary>
    /// An aminosalicylate or ACE inhibitor: the warning rule (<paramref name="longStanding"/> false) when the combination
    /// is new or the counts are not stable, the information rule when it is long-standing on stable counts.
    /// </summary>
    private static RuleBuilder CoTherapy(string id, MedicationClass cls, string topic, bool longStanding)
    {
        var b = Rule(id).Topic(topic).Caution(longStanding ? Severity.Info : Severity.Warning)
            .Version(longStanding ? 1 : 2);
        return longStanding
            ? b.Match<MedicationFact>("an active medicine is " + Words(cls) + ", azathioprine has not stopped, and the co-therapy is long-standing on stable counts", m =>
                m.Active && m.Class == cls && !m.Patient.Stopped && LongStanding(m, m.Patient))
            : b.Match<MedicationFact>("an active medicine is " + Words(cls) + ", azathioprine has not stopped, and the co-therapy is not long-standing on stable counts", m =>
                m.Active && m.Class == cls && !m.Patient.Stopped && !LongStanding(m, m.Patient));
    }

    /// <summary>Both drugs long-standing (azathioprine continuing, the other begun before the window) and the counts stable.</summary>
    internal static bool LongStanding(MedicationFact m, PatientContext p) =>
        p.TherapyStatus == Facts.TherapyStatus.Continuing
        && m.FirstStart is { } start && start.DaysUntil(p.Date) > p.Options.NewCoMedicationDays
        && p.CountsStable;

    private static void RaiseCoTherapy(Firing f, MedicationFact m)
    {
        var p = m.Patient;
        var window = p.Options.NewCoMedicationDays.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var therapy = FactLoader.Describe(p.TherapyStatus);

        // Each text made in one piece: no array of parts, no intermediate text (issue 12).
        var coTherapy = m.FirstStart is { } start
            ? (start.DaysUntil(p.Date) > p.Options.NewCoMedicationDays
                ? $"long-standing: began {start}, before the {window}-day window; azathioprine {therapy}"
                : $"new: began {start}, within the {window}-day window; azathioprine {therapy}")
            : "start date unknown (taken as new); azathioprine " + therapy;
        ContraindicationRules.RaiseMedication(
            f,
            m,
            new BasisFact("co-therapy", coTherapy, "therapy"),
            new BasisFact("blood counts", p.CountsStableText, "labResults"));
    }

    private static string Words(MedicationClass cls) => cls switch
    {
        MedicationClass.Allopurinol => "allopurinol or oxypurinol",
        MedicationClass.Febuxostat => "febuxostat",
        MedicationClass.Aminosalicylate => "an aminosalicylate",
        MedicationClass.CoTrimoxazole => "co-trimoxazole",
        MedicationClass.AceInhibitor => "an ACE inhibitor",
        MedicationClass.Coumarin => "warfarin or another coumarin",
        MedicationClass.Ribavirin => "ribavirin",
        MedicationClass.OtherThiopurine => "mercaptopurine or thioguanine",
        _ => cls.ToString(),
    };

    private static void Raise(Firing f, MedicationFact m) => ContraindicationRules.RaiseMedication(f, m);
}
