using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Terminology;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Malignancy: history, skin cancer, hepatosplenic T-cell lymphoma, transplant surveillance, boxed warning.</summary>
internal static class MalignancyRules
{
    /// <summary>The basis of every AZA-MAL-005 finding: its text never varies, so one frozen list is shared.</summary>
    private static readonly IReadOnlyList<BasisFact> TransplantBasis = ReadOnly.Freeze(new[] { new BasisFact("transplant", "organ transplant recipient", "indications") });

    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-MAL-001")
            .Title("History of malignancy or lymphoma")
            .Topic(Topics.Malignancy).Caution(Severity.Warning)
            .Logic("a malignancy or lymphoma is recorded, current or past")
            .Summary("Malignancy on record: azathioprine raises the risk of lymphoma and other cancers.")
            .Detail("Chronic immunosuppression with azathioprine increases the risk of malignancy, including lymphoma. A current or earlier malignancy calls for a review of benefit, risk and surveillance.")
            .Review("Review benefit and risk with the prescriber and make sure cancer surveillance is in place.")
            .Source(Sources.Label, "WARNINGS: Malignancy", Confidence.VerifiedSecondary)
            .Match<ConditionFact>("a malignancy or lymphoma is recorded", c => c.Kind == ConditionKind.Malignancy || c.Kind == ConditionKind.Lymphoma)
            .Then<ConditionFact>((f, c) => RaiseCondition(f, c));

        yield return Rule("AZA-MAL-002")
            .Title("History of skin cancer")
            .Topic(Topics.SkinCancer).Caution(Severity.Warning)
            .Logic("a skin cancer (including melanoma) is recorded, current or past")
            .Summary("Skin cancer on record: azathioprine raises skin-cancer risk; limit UV exposure and keep skin checks.")
            .Detail("Skin cancers are more frequent under azathioprine. The label advises limiting exposure to sunlight and UV light, with periodic skin examination.")
            .Review("Advise sun protection and make sure regular skin examinations are arranged.")
            .Source(Sources.Label, "WARNINGS: Malignancy (skin cancer)", Confidence.VerifiedSecondary)
            .Match<ConditionFact>("a skin cancer is recorded", c => c.Kind == ConditionKind.SkinCancer)
            .Then<ConditionFact>((f, c) => RaiseCondition(f, c));

        yield return Rule("AZA-MAL-003")
            .Title("IBD with a TNF blocker: hepatosplenic T-cell lymphoma")
            .Topic(Topics.Hstcl).Caution(Severity.Warning)
            .Logic("inflammatory bowel disease and an active TNF blocker (infliximab, adalimumab, certolizumab, golimumab)")
            .Summary("IBD with a TNF blocker ({ingredient}): hepatosplenic T-cell lymphoma has been reported.")
            .Detail("Hepatosplenic T-cell lymphoma, rare and aggressive and fatal in reported cases, has occurred in patients with inflammatory bowel disease on azathioprine, mostly adolescent and young adult males, some with a TNF blocker as well.")
            .Review("Review the need for combined azathioprine and TNF-blocker therapy and inform the patient of the risk.")
            .Source(Sources.Label, "Boxed warning", Confidence.Verified)
            .Source(Sources.Label, "WARNINGS: Malignancy (2011)", Confidence.VerifiedSecondary)
            .Match<MedicationFact>("an active TNF blocker, with inflammatory bowel disease", m => m.Active && m.Class == MedicationClass.TnfBlocker && m.Patient.HasIbd)
            .Then<MedicationFact>((f, m) => ContraindicationRules.RaiseMedication(f, m, new BasisFact("indication", "inflammatory bowel disease", "indications")));

        yield return Rule("AZA-MAL-004")
            .Title("IBD in a young male: hepatosplenic T-cell lymphoma")
            .Topic(Topics.Hstcl).Caution(Severity.Info).Version(2)
            .Logic("inflammatory bowel disease, male, aged 12 to 35, on or considering azathioprine (not stopped) without a TNF blocker")
            .Summary("Male aged {age} with IBD: hepatosplenic T-cell lymphoma has been reported with azathioprine alone.")
            .Detail("Most reported cases of hepatosplenic T-cell lymphoma were in adolescent and young adult males with inflammatory bowel disease; some had azathioprine without a TNF blocker. Info is the author's choice: the absolute risk is small.")
            .Review("Inform the patient of the risk and weigh it in the choice of therapy.")
            .Source(Sources.Label, "WARNINGS: Malignancy (2011)", Confidence.VerifiedSecondary, "Severity info and the 12 to 35 age band are the author's choice.")
            .Match<PatientContext>("male with IBD aged 12 to 35, and azathioprine has not stopped", p => p.HasIbd && p.Sex == Sex.Male && p.Age >= 12 && p.Age <= 35 && !p.Stopped)
            .Not<MedicationFact>("no active TNF blocker", m => m.Active && m.Class == MedicationClass.TnfBlocker)
            .Then<PatientContext>((f, p) =>
            {
                f.Raise(
                    new[] { new BasisFact("indication", "inflammatory bowel disease", "indications"), new BasisFact("sex and age", "male, " + p.AgeText, "birthDate") },
                    "age", p.Age!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            });

        yield return Rule("AZA-MAL-005")
            .Title("Transplant recipient: cancer surveillance")
            .Topic(Topics.Malignancy).Caution(Severity.Info)
            .Logic("the patient is a kidney or other organ transplant recipient")
            .Summary("Transplant recipient: post-transplant lymphoma and skin cancer risk; make sure surveillance is in place.")
            .Detail("Transplant recipients on chronic immunosuppression including azathioprine have a raised risk of post-transplant lymphoma and skin cancer (boxed warning).")
            .Review("Confirm that lymphoma and skin-cancer surveillance is in place.")
            .Source(Sources.Label, "Boxed warning", Confidence.Verified)
            .Match<PatientContext>("transplant recipient", p => p.IsTransplantRecipient)
            .Then(f => f.Raise(TransplantBasis));

        yield return Rule("AZA-MAL-006")
            .Title("Boxed warning at a new start")
            .Topic(Topics.Malignancy).Caution(Severity.Info)
            .Logic("prescribing setting, azathioprine considered or newly started")
            .Summary("Boxed warning: chronic immunosuppression raises malignancy risk; inform the patient at the outset.")
            .Detail("The boxed warning states that chronic immunosuppression with azathioprine increases the risk of malignancy. Prescribers should be familiar with this risk and inform the patient. Shown only in the prescribing setting (the author's choice).")
            .Review("Inform the patient of the malignancy risk and record the discussion.")
            .Source(Sources.Label, "Boxed warning", Confidence.Verified, "Prescribing setting only: the author's choice.")
            .Match<PatientContext>("prescribing setting at a new start", p =>
                p.Facts.Setting == CareSetting.Prescribing && (p.TherapyStatus == TherapyStatus.Considering || p.TherapyStatus == TherapyStatus.NewlyStarted))
            .Then<PatientContext>((f, p) => f.Raise(new[]
            {
                new BasisFact("setting", "prescribing", "setting"),
                new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"),
            }));

        yield return Rule("AZA-CNS-001")
            .Title("Counselling at a new start: sun protection and skin checks")
            .Topic(Topics.SkinCancer).Caution(Severity.Info)
            .Logic("azathioprine considered or newly started (any setting), whatever the skin-cancer history")
            .Summary("New start: counsel on sun protection and regular skin checks (raised skin-cancer risk on azathioprine).")
            .Detail("Skin cancer is more common in patients on azathioprine. The label and patient leaflets ask every patient to limit exposure to sunlight and UV light (protective clothing, a high-factor sunscreen) and to have the skin checked regularly, not only those with a skin cancer already.")
            .Review("Counsel on sun and UV protection and on regular skin checks, and record it.")
            .Source(Sources.Label, "WARNINGS: Malignancy; PRECAUTIONS: Information for Patients (sun exposure)", Confidence.VerifiedSecondary, "Patient leaflets give the same advice.")
            .Match<PatientContext>("azathioprine considered or newly started", p => (p.TherapyStatus == TherapyStatus.Considering || p.TherapyStatus == TherapyStatus.NewlyStarted))
            .Then<PatientContext>((f, p) => f.Raise(new[] { new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));

        yield return Rule("AZA-CNS-002")
            .Title("Counselling at a new start: early gastrointestinal hypersensitivity reaction")
            .Topic(Topics.Hypersensitivity).Caution(Severity.Info)
            .Logic("azathioprine considered or newly started (any setting)")
            .Summary("New start: warn of the early hypersensitivity reaction (severe nausea and vomiting, sometimes fever, rash or low blood pressure).")
            .Detail("A gastrointestinal hypersensitivity reaction, with severe nausea and vomiting and sometimes diarrhoea, fever, rash, malaise, muscle pain, raised liver enzymes or low blood pressure, is reported in the first weeks of therapy. Patients should know to seek advice promptly if it happens.")
            .Review("Tell the patient about the early reaction and to seek advice promptly if severe nausea or vomiting, fever, rash or faintness develop in the first weeks.")
            .Source(Sources.Label, "ADVERSE REACTIONS: Gastrointestinal (hypersensitivity reaction)", Confidence.Recalled, "Recalled from the label and patient leaflets, not re-checked.")
            .Match<PatientContext>("azathioprine considered or newly started", p => (p.TherapyStatus == TherapyStatus.Considering || p.TherapyStatus == TherapyStatus.NewlyStarted))
            .Then<PatientContext>((f, p) => f.Raise(new[] { new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));
    }

    internal static void RaiseCondition(Firing f, ConditionFact c) =>
        f.Raise(c.Basis());
}
