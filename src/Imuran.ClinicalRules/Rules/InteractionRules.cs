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
            .Title("Allopurinol or oxypurinol")
            .Logic("an active medicine is allopurinol or oxypurinol (xanthine-oxidase inhibition)")
            .Summary("Co-prescribed {ingredient}: xanthine-oxidase inhibition raises azathioprine exposure; severe myelosuppression can follow.")
            .Detail("Allopurinol blocks xanthine oxidase, one of the routes that inactivates azathioprine, so active metabolites rise and severe myelosuppression can follow, more so with low TPMT activity. The label asks the prescriber to reassess the azathioprine regimen and monitor blood counts closely.")
            .Review("Prescriber reassessment of the azathioprine regimen with the combination in view, and close blood-count monitoring.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with xanthine oxidase (XO) inhibitors", Confidence.Verified)
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-002", MedicationClass.Febuxostat, Topics.XanthineOxidaseInhibitor, Severity.Critical)
            .Title("Febuxostat")
            .Logic("an active medicine is febuxostat (xanthine-oxidase inhibitor)")
            .Summary("Co-prescribed febuxostat: a xanthine-oxidase inhibitor whose label contraindicates use with azathioprine.")
            .Detail("Febuxostat inhibits xanthine oxidase, as the Imuran label notes, raising exposure to active metabolites. The febuxostat label lists co-administration with azathioprine or mercaptopurine as contraindicated.")
            .Review("Review the combination with the prescriber: the febuxostat label contraindicates it.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with xanthine oxidase (XO) inhibitors", Confidence.Verified)
            .Source(Sources.FebuxostatLabel, "CONTRAINDICATIONS", Confidence.VerifiedSecondary)
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-003", MedicationClass.Aminosalicylate, Topics.Aminosalicylate, Severity.Warning)
            .Title("Aminosalicylate")
            .Logic("an active medicine is sulfasalazine, mesalamine, olsalazine or balsalazide")
            .Summary("Co-prescribed {ingredient}: aminosalicylates inhibit TPMT; caution and blood counts.")
            .Detail("Aminosalicylates inhibit TPMT in vitro, which may raise exposure to active thiopurine metabolites and the risk of marrow suppression. Interaction references rate this moderate.")
            .Review("Blood-count monitoring with the combination in view.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with Aminosalicylates", Confidence.VerifiedSecondary, "Read via interaction databases citing the label.")
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-004", MedicationClass.CoTrimoxazole, Topics.LeukopeniaDrug, Severity.Warning)
            .Title("Co-trimoxazole")
            .Logic("an active medicine is co-trimoxazole (sulfamethoxazole with trimethoprim)")
            .Summary("Co-prescribed co-trimoxazole: exaggerated leukopenia reported, especially after kidney transplant.")
            .Detail("Drugs that affect leukocyte production, co-trimoxazole among them, may lead to exaggerated leukopenia with azathioprine, especially in kidney-transplant recipients.")
            .Review("Blood-count monitoring while the combination continues.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Drugs affecting leukocyte production", Confidence.VerifiedSecondary)
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-005", MedicationClass.AceInhibitor, Topics.LeukopeniaDrug, Severity.Warning)
            .Title("ACE inhibitor")
            .Logic("an active medicine is an ACE inhibitor")
            .Summary("Co-prescribed {ingredient}: anaemia and leukopenia reported with ACE inhibitors and azathioprine.")
            .Detail("Anaemia and severe leukopenia have been reported when ACE inhibitors are given with azathioprine.")
            .Review("Blood-count monitoring while the combination continues.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, ACE inhibitors", Confidence.Recalled, "Recalled, corroborated by interaction references; not re-checked in the label.")
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-006", MedicationClass.Coumarin, Topics.Warfarin, Severity.Warning, FindingKind.Monitoring)
            .Title("Warfarin or another coumarin")
            .Logic("an active medicine is warfarin or another coumarin")
            .Summary("Co-prescribed {ingredient}: azathioprine may lessen the anticoagulant effect; check INR.")
            .Detail("Azathioprine may reduce the anticoagulant effect of warfarin. INR needs checking whenever azathioprine is begun or ended or its regimen changes.")
            .Review("Check INR around any change in azathioprine therapy.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Warfarin", Confidence.VerifiedSecondary)
            .Then<MedicationFact>(Raise);

        yield return Interaction("AZA-INT-007", MedicationClass.Ribavirin, Topics.Ribavirin, Severity.Critical)
            .Title("Ribavirin")
            .Logic("an active medicine is ribavirin")
            .Summary("Co-prescribed ribavirin: severe pancytopenia reported; the combination is generally avoided.")
            .Detail("Ribavirin inhibits inosine monophosphate dehydrogenase, diverting thiopurine metabolism; severe pancytopenia has been reported. Interaction references rate this major and generally avoided; if used, intensive blood counts.")
            .Review("Review the combination with the prescriber; if it goes ahead, intensive blood-count monitoring.")
            .Source(Sources.Label, "PRECAUTIONS: Drug Interactions, Use with Ribavirin", Confidence.VerifiedSecondary, "Read via interaction databases citing the label.")
            .Then<MedicationFact>(Raise);

        yield return Rule("AZA-INT-008")
            .Title("Other immunosuppressants or biologics")
            .Topic(Topics.ImmunosuppressantCombination).Caution(Severity.Info)
            .Logic("an active immunosuppressant or biologic (calcineurin inhibitor, mycophenolate, methotrexate, JAK inhibitor, or a TNF blocker outside IBD)")
            .Summary("Co-prescribed {ingredient}: cumulative immunosuppression raises infection and malignancy risk.")
            .Detail("Combining immunosuppressants adds to the risk of serious infection and malignancy.")
            .Review("Review the combined immunosuppression and the infection and cancer surveillance plan.")
            .Source(Sources.Label, "WARNINGS: Malignancy; Serious Infections (general)", Confidence.Verified)
            .Match<PatientContext>("the patient")
            .Match<MedicationFact, PatientContext>("an active immunosuppressant, or a TNF blocker without IBD", (m, patient) =>
                m.Active && (m.Class == MedicationClass.Immunosuppressant || (m.Class == MedicationClass.TnfBlocker && !patient.HasIbd)))
            .Then<MedicationFact>((f, m) => ContraindicationRules.RaiseMedication(f, m));

        yield return Interaction("AZA-INT-009", MedicationClass.OtherThiopurine, Topics.DuplicateThiopurine, Severity.Critical)
            .Title("Duplicate thiopurine")
            .Logic("an active medicine is mercaptopurine or thioguanine")
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
        return b.Match<MedicationFact>("an active medicine is " + Words(cls), m => m.Active && m.Class == cls);
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
