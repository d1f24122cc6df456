using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using Imuran.ClinicalRules.Terminology;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Organ function and blood counts: renal, hepatic, cytopenia.</summary>
internal static class BloodCountRules
{
    /// <summary>Critically low by the lab's flag, or a marked fall from the previous result of the same kind and unit.</summary>
    public static bool IsSevere(LabFact l, RuleOptions options) => l.Source.Flag == LabFlag.CriticallyLow || MarkedFall(l, options) is not null;

    /// <summary>The fall as a fraction of the earlier value when it reaches the host's threshold; otherwise null.</summary>
    public static double? MarkedFall(LabFact l, RuleOptions options)
    {
        if (options.MarkedFallFraction is not { } threshold || l.Previous is not { } prev || prev.Source.Value <= 0)
        {
            return null;
        }

        if (!string.Equals(prev.Source.Unit?.Trim(), l.Source.Unit?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var fall = (prev.Source.Value - l.Source.Value) / prev.Source.Value;
        return fall >= threshold ? fall : null;
    }

    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-CYT-001")
            .Title("Blood count flagged low")
            .Topic(Topics.Cytopenia).Caution(Severity.Warning)
            .Logic("the latest white-cell, neutrophil, platelet or haemoglobin result is flagged low by the laboratory (and is not critically low or a marked fall)")
            .Summary("{test} flagged low: cytopenias can occur with azathioprine, sometimes late.")
            .Detail("Leukopenia, thrombocytopenia, anaemia and pancytopenia occur with azathioprine and can appear late in therapy. The laboratory flagged the latest result low; a low count before therapy matters too, as a baseline and a possible other cause.")
            .Review("Review the trend of blood counts and the azathioprine regimen, or the plan for it, with the prescriber.")
            .Source(Sources.Label, "WARNINGS: Cytopenias", Confidence.VerifiedSecondary)
            .Match<PatientContext>("the patient")
            .Match<LabFact>("the latest blood count of its kind is flagged low, not critically low, with no marked fall", l =>
                l.IsCytopeniaCount && l.IsLatest && l.Source.Flag == LabFlag.Low && !l.Severe)
            .Then<LabFact>((f, l) => RaiseLab(f, l));

        yield return Rule("AZA-CYT-002")
            .Title("Blood count critically low or falling fast")
            .Topic(Topics.Cytopenia).Caution(Severity.Critical)
            .Logic("the latest white-cell, neutrophil, platelet or haemoglobin result is flagged critically low, or fell from the previous result by at least the host's marked-fall threshold")
            .Summary("{test} {problem}: urgent review for azathioprine myelosuppression.")
            .Detail("Severe myelosuppression can occur with azathioprine. A critically low result, or a marked fall between consecutive counts (even within the reference range), needs urgent review, before therapy as well as during it. The marked-fall threshold is a local choice set by the host, not a label value.")
            .Review("Urgent review of the blood counts and of the azathioprine regimen, or the plan for it, with the prescriber.")
            .Source(Sources.Label, "WARNINGS: Cytopenias", Confidence.VerifiedSecondary, "The marked-fall threshold is a local host option.")
            .Match<PatientContext>("the patient")
            .Match<LabFact>("the latest blood count of its kind is critically low or fell markedly", l =>
                l.IsCytopeniaCount && l.IsLatest && l.Severe)
            .Then<PatientContext, LabFact>((f, patient, l) =>
            {
                var p = patient;var fall = MarkedFall(l, p.Options);
                var basis = new List<BasisFact> { new("result", l.Describe(), l.Path) };
                string problem;
                if (l.Source.Flag == LabFlag.CriticallyLow)
                {
                    problem = "flagged critically low";
                }
                else
                {
                    problem = "fell markedly since the previous count";
                    basis.Add(new BasisFact("previous result", l.Previous!.Describe(), l.Previous.Path));
                    basis.Add(new BasisFact("fall", "fell by " + Math.Round(fall!.Value, 2).ToString("0.00", CultureInfo.InvariantCulture) + " of the earlier value; host threshold " + p.Options.MarkedFallFraction!.Value.ToString("0.00", CultureInfo.InvariantCulture)));
                }

                f.Raise(basis, new[] { PharmacogenomicRules.Value("test", TestName(l.Kind)), PharmacogenomicRules.Value("problem", problem) });
            });

        yield return Rule("AZA-REN-001")
            .Title("Kidney disease or early post-transplant oliguria")
            .Topic(Topics.Renal).Caution(Severity.Warning)
            .Logic("chronic kidney disease or early post-transplant oliguria is recorded as current")
            .Summary("Kidney impairment on record: slower clearance and greater sensitivity to azathioprine.")
            .Detail("Patients with impaired kidney function, including early oliguria after a transplant, clear azathioprine metabolites more slowly and may be more sensitive to it. The label gives no eGFR bands.")
            .Review("Review the regimen with kidney function in view, with closer blood counts.")
            .Source(Sources.Label, "PRECAUTIONS; DOSAGE AND ADMINISTRATION (renal dysfunction)", Confidence.Recalled, "Recalled from the label, not re-checked.")
            .Match<ConditionFact>("current chronic kidney disease or post-transplant oliguria", c => c.Active && (c.Kind == ConditionKind.ChronicKidneyDisease || c.Kind == ConditionKind.PostTransplantOliguria))
            .Then<ConditionFact>((f, c) => MalignancyRules.RaiseCondition(f, c));

        yield return Rule("AZA-REN-002")
            .Title("Reduced eGFR")
            .Topic(Topics.Renal).Caution(Severity.Warning)
            .Logic("the latest eGFR is flagged low by the laboratory or is below the host's eGFR threshold (default 60, a local choice)")
            .Summary("Reduced eGFR ({value}): slower clearance and greater sensitivity to azathioprine.")
            .Detail("Reduced kidney function slows the clearance of azathioprine metabolites. The eGFR threshold is the host's local choice; the label gives no eGFR bands.")
            .Review("Review the regimen with kidney function in view, with closer blood counts.")
            .Source(Sources.Label, "PRECAUTIONS; DOSAGE AND ADMINISTRATION (renal dysfunction)", Confidence.Recalled, "The eGFR threshold is a local host option.")
            .Match<PatientContext>("the patient")
            .Match<LabFact, PatientContext>("the latest eGFR is flagged low or below the threshold", (l, patient) =>
                l.Kind == LabKind.Egfr && l.IsLatest
                && (l.Source.Flag == LabFlag.Low || l.Source.Flag == LabFlag.CriticallyLow
                    || (patient.Options.EgfrThreshold != null && l.Source.Value < patient.Options.EgfrThreshold.Value)))
            .Then<LabFact>((f, l) =>
            {
                f.Raise(new[] { new BasisFact("eGFR", l.Describe(), l.Path) }, new[] { PharmacogenomicRules.Value("value", l.Source.Value.ToString(CultureInfo.InvariantCulture) + " " + l.Source.Unit) });
            });

        yield return Rule("AZA-HEP-001")
            .Title("Chronic liver disease")
            .Topic(Topics.Hepatic).Caution(Severity.Warning)
            .Logic("chronic liver disease or cirrhosis is recorded as current")
            .Summary("Liver disease on record: hepatotoxicity and hepatic veno-occlusive disease are reported with azathioprine.")
            .Detail("Hepatotoxicity, including hepatic veno-occlusive disease, is reported with azathioprine. Existing liver disease makes liver-test review more important.")
            .Review("Review liver tests and their trend before and during therapy.")
            .Source(Sources.Label, "ADVERSE REACTIONS: Hepatotoxicity", Confidence.VerifiedSecondary)
            .Match<ConditionFact>("current chronic liver disease or cirrhosis", c => c.Active && (c.Kind == ConditionKind.ChronicLiverDisease || c.Kind == ConditionKind.Cirrhosis))
            .Then<ConditionFact>((f, c) => MalignancyRules.RaiseCondition(f, c));

        yield return Rule("AZA-HEP-002")
            .Title("Liver test flagged high")
            .Topic(Topics.Hepatic).Caution(Severity.Warning)
            .Logic("the latest ALT, AST, bilirubin or alkaline phosphatase result is flagged high or critically high by the laboratory")
            .Summary("{test} flagged high: hepatotoxicity is reported with azathioprine; review liver tests.")
            .Detail("Hepatotoxicity, including hepatic veno-occlusive disease, is reported with azathioprine. The laboratory flagged the latest result high.")
            .Review("Review the liver tests, their trend and other causes with the prescriber.")
            .Source(Sources.Label, "ADVERSE REACTIONS: Hepatotoxicity", Confidence.VerifiedSecondary)
            .Match<LabFact>("the latest liver test of its kind is flagged high or critically high", l =>
                l.IsLiverTest && l.IsLatest && (l.Source.Flag == LabFlag.High || l.Source.Flag == LabFlag.CriticallyHigh))
            .Then<LabFact>((f, l) => RaiseLab(f, l));
    }

    public static string TestName(LabKind kind) => kind switch
    {
        LabKind.WhiteCells => "White-cell count",
        LabKind.Neutrophils => "Neutrophil count",
        LabKind.Lymphocytes => "Lymphocyte count",
        LabKind.Platelets => "Platelet count",
        LabKind.Haemoglobin => "Haemoglobin",
        LabKind.Alt => "ALT",
        LabKind.Ast => "AST",
        LabKind.Bilirubin => "Bilirubin",
        LabKind.AlkalinePhosphatase => "Alkaline phosphatase",
        LabKind.Egfr => "eGFR",
        _ => kind.ToString(),
    };

    private static void RaiseLab(Firing f, LabFact l) =>
        f.Raise(new[] { new BasisFact("result", l.Describe(), l.Path) }, new[] { PharmacogenomicRules.Value("test", TestName(l.Kind)) });
}
