using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using Imuran.ClinicalRules.Terminology;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Contraindications and reproduction: hypersensitivity, pregnancy, alkylating agents, lactation, counselling.</summary>
internal static class ContraindicationRules
{
    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-HYP-001")
            .Title("Earlier hypersensitivity to a thiopurine")
            .Topic(Topics.Hypersensitivity).Caution(Severity.Critical)
            .Logic("an allergy or hypersensitivity to azathioprine or mercaptopurine is recorded")
            .Summary("Recorded hypersensitivity to {substance}: azathioprine is contraindicated per the label.")
            .Detail("The label contraindicates azathioprine in patients who have shown hypersensitivity to it. Azathioprine is converted to mercaptopurine, so a mercaptopurine hypersensitivity is flagged too.")
            .Review("Confirm the nature of the earlier reaction and review whether azathioprine should be prescribed at all.")
            .Source(Sources.Label, "CONTRAINDICATIONS", Confidence.VerifiedSecondary, "Mercaptopurine hypersensitivity is included by inference from the metabolic pathway.")
            .Match<HypersensitivityFact>("an allergy to azathioprine or mercaptopurine is recorded")
            .Then<HypersensitivityFact>((f, hypersensitivity) =>
            {
                var h = hypersensitivity;
                f.Raise(h.Basis(), "substance", h.Thiopurine);
            });

        yield return Rule("AZA-PRG-001")
            .Title("Pregnancy with rheumatoid arthritis")
            .Topic(Topics.Pregnancy).Caution(Severity.Critical)
            .Logic("the patient is pregnant and has rheumatoid arthritis")
            .Summary("Pregnant with rheumatoid arthritis: the label says azathioprine is not to be used for RA in pregnancy.")
            .Detail("Azathioprine can cause fetal harm. For rheumatoid arthritis the label states it should not be used in pregnancy and lists this among the contraindications.")
            .Review("Urgent review of azathioprine for rheumatoid arthritis during pregnancy with the prescriber and the patient.")
            .Source(Sources.Label, "WARNINGS: Pregnancy", Confidence.Verified)
            .Source(Sources.Label, "CONTRAINDICATIONS", Confidence.VerifiedSecondary)
            .Match<PatientContext>("pregnant, with rheumatoid arthritis", p => p.PregnancyStatus == PregnancyStatus.Pregnant && p.HasRheumatoidArthritis)
            .Then<PatientContext>((f, p) => f.Raise(PregnancyBasis(p, true)));

        yield return Rule("AZA-PRG-002")
            .Title("Pregnancy")
            .Topic(Topics.Pregnancy).Caution(Severity.Warning)
            .Logic("the patient is pregnant and does not have rheumatoid arthritis")
            .Summary("Pregnant: azathioprine can cause fetal harm; weigh benefit and risk and inform the patient.")
            .Detail("The label warns that azathioprine can cause fetal harm and should be avoided in pregnancy where possible; where it is needed, benefit and risk are weighed with the patient.")
            .Review("Review the benefit and risk of azathioprine in this pregnancy and document the discussion with the patient.")
            .Source(Sources.Label, "WARNINGS: Pregnancy", Confidence.Verified)
            .Match<PatientContext>("pregnant, without rheumatoid arthritis", p => p.PregnancyStatus == PregnancyStatus.Pregnant && !p.HasRheumatoidArthritis)
            .Then<PatientContext>((f, p) => f.Raise(PregnancyBasis(p, false)));

        yield return Rule("AZA-PRG-003")
            .Title("Suspected intrahepatic cholestasis of pregnancy")
            .Topic(Topics.CholestasisOfPregnancy).Caution(Severity.Critical).Version(2)
            .Logic("pregnant with pruritus, raised bile acids or suspected intrahepatic cholestasis")
            .Summary("Pregnant with signs of cholestasis: intrahepatic cholestasis of pregnancy is reported with thiopurines.")
            .Detail("Intrahepatic cholestasis of pregnancy has been reported with thiopurines and improved after withdrawal. On suspicion the label asks for prompt action on the thiopurine; these checks ask for it as an urgent review of the regimen.")
            .Review("Urgent review of the azathioprine regimen, bile acids and liver tests with the obstetric team.")
            .Source(Sources.Label, "WARNINGS: Pregnancy (July 2024)", Confidence.Verified)
            .Source(Sources.FdaIcpAlert, "safety alert", Confidence.VerifiedSecondary)
            .Match<PatientContext>("pregnant with pruritus, raised bile acids or suspected cholestasis", p =>
                p.PregnancyStatus == PregnancyStatus.Pregnant
                && (p.Facts.PruritusInPregnancy || p.Facts.RaisedBileAcids || p.Facts.SuspectedCholestasisOfPregnancy))
            .Then<PatientContext>((f, p) =>
            {
                var basis = new List<BasisFact> { new("pregnancy status", "pregnant", p.PregnancyPath) };
                if (p.Facts.PruritusInPregnancy)
                {
                    basis.Add(new BasisFact("pruritus in pregnancy", "yes", "pruritusInPregnancy"));
                }

                if (p.Facts.RaisedBileAcids)
                {
                    basis.Add(new BasisFact("raised bile acids", "yes", "raisedBileAcids"));
                }

                if (p.Facts.SuspectedCholestasisOfPregnancy)
                {
                    basis.Add(new BasisFact("suspected cholestasis of pregnancy", "yes", "suspectedCholestasisOfPregnancy"));
                }

                f.Raise(basis);
            });

        yield return Rule("AZA-LAC-001")
            .Title("Breastfeeding")
            .Topic(Topics.Lactation).Caution(Severity.Warning)
            .Logic("the patient is breastfeeding")
            .Summary("Breastfeeding: azathioprine metabolites reach breast milk and the label does not recommend nursing.")
            .Detail("Metabolites of azathioprine pass into breast milk. The label does not recommend nursing during treatment and asks that the importance of the drug to the mother be weighed against nursing.")
            .Review("Weigh nursing against the need for azathioprine with the patient, and document the decision.")
            .Source(Sources.Label, "PRECAUTIONS: Nursing Mothers", Confidence.Verified)
            .Match<PatientContext>("breastfeeding", p => p.Breastfeeding == true)
            .Then<PatientContext>((f, p) => f.Raise(new[] { new BasisFact("breastfeeding", "yes", p.BreastfeedingPath) }));

        yield return Rule("AZA-REP-001")
            .Title("Reproductive counselling")
            .Topic(Topics.ReproductiveCounselling).Monitoring(Severity.Info).Version(2)
            .Logic("a conception is planned (any sex), or a patient of reproductive potential (female, or sex not recorded or other) is at a new start")
            .Summary("Reproductive counselling: discuss fetal risk, contraception and mutagenic potential.")
            .Detail("Azathioprine can cause fetal harm and is mutagenic (boxed warning and label). Patients of reproductive potential, and anyone planning a conception, should be counselled on contraception and risk.")
            .Review("Counsel on fetal risk, contraception and mutagenic potential, and record it.")
            .Source(Sources.Label, "Boxed warning", Confidence.Verified)
            .Source(Sources.Label, "WARNINGS: Pregnancy; mutagenic potential", Confidence.Recalled, "Counselling content recalled from the label, not re-checked.")
            .Match<PatientContext>("planned conception, or of reproductive potential (not recorded as male) at a new start", p =>
                p.Facts.PlannedConception || (p.OfReproductivePotential && p.AtOrBeforeStart && p.PregnancyStatus != PregnancyStatus.Pregnant))
            .Then<PatientContext>((f, p) =>
            {
                var basis = new List<BasisFact>();
                if (p.Facts.PlannedConception)
                {
                    basis.Add(new BasisFact("planned conception", "yes", "plannedConception"));
                }
                else
                {
                    basis.Add(new BasisFact("sex and age", p.SexText + ", " + p.AgeText, "sex"));
                    basis.Add(new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"));
                }

                f.Raise(basis);
            });

        yield return Rule("AZA-ALK-001")
            .Title("Rheumatoid arthritis after alkylating agents")
            .Topic(Topics.AlkylatingAgents).Caution(Severity.Critical)
            .Logic("rheumatoid arthritis and an alkylating agent (cyclophosphamide, chlorambucil, melphalan) on record, current or past")
            .Summary("RA with earlier alkylating agent ({ingredient}): the label warns of a prohibitive risk of malignancy.")
            .Detail("The label contraindicates azathioprine in rheumatoid arthritis patients previously treated with alkylating agents, who may have a prohibitive risk of malignancy.")
            .Review("Review whether azathioprine is appropriate given the earlier alkylating-agent exposure.")
            .Source(Sources.Label, "CONTRAINDICATIONS", Confidence.VerifiedSecondary)
            .Match<MedicationFact>("an alkylating agent, current or past, with rheumatoid arthritis", m => m.Class == MedicationClass.AlkylatingAgent && m.Patient.HasRheumatoidArthritis)
            .Then<MedicationFact>((f, m) => RaiseMedication(f, m, new BasisFact("indication", "rheumatoid arthritis", "indications")));

        yield return Rule("AZA-ALK-002")
            .Title("Alkylating agent, other indications")
            .Topic(Topics.AlkylatingAgents).Caution(Severity.Warning)
            .Logic("an alkylating agent on record, current or past, without rheumatoid arthritis")
            .Summary("Alkylating agent on record ({ingredient}): added malignancy risk and additive marrow suppression.")
            .Detail("Earlier or current alkylating agents add to the malignancy risk of chronic immunosuppression, and current use adds marrow suppression.")
            .Review("Review malignancy surveillance and, if current, blood counts for combined marrow suppression.")
            .Source(Sources.Label, "CONTRAINDICATIONS; WARNINGS: Malignancy", Confidence.VerifiedSecondary)
            .Match<MedicationFact>("an alkylating agent, current or past, without rheumatoid arthritis", m => m.Class == MedicationClass.AlkylatingAgent && !m.Patient.HasRheumatoidArthritis)
            .Then<MedicationFact>((f, m) => RaiseMedication(f, m));
    }

    internal static void RaiseMedication(Firing f, MedicationFact m, params BasisFact[] more)
    {
        var entries = m.Entries;
        var count = entries?.Count ?? 1;
        var basis = new BasisFact[more.Length + count];
        more.CopyTo(basis, 0);
        for (var i = 0; i < count; i++)
        {
            var e = entries is null ? m : entries[i];
            basis[more.Length + i] = new BasisFact("medication", e.Describe(), e.Path);
        }

        f.Raise(basis, "ingredient", m.Ingredient);
    }

    private static IReadOnlyList<BasisFact> PregnancyBasis(PatientContext p, bool ra)
    {
        var basis = new List<BasisFact> { new("pregnancy status", "pregnant", p.PregnancyPath) };
        basis.Add(new BasisFact("indications", p.IndicationText + (ra ? " (rheumatoid arthritis)" : string.Empty), "indications"));
        return basis;
    }
}
