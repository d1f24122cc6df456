using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Research.Scenarios;

/// <summary>A patient variation: what it is and how to make it from the quiet base patient.</summary>
internal sealed record Variation(string Purpose, Func<ScenarioFacts, PatientFacts> Build);

/// <summary>
/// A rule's scenarios: patients that fire it, near misses at each condition's boundary that do not, and the conditions
/// that test nothing (<c>"the patient"</c>), which cannot be false while a patient is evaluated.
/// </summary>
internal sealed record RuleScenarios(string RuleId, IReadOnlyList<Variation> Fires, IReadOnlyList<Variation> NearMisses, IReadOnlyList<int> UnconditionalConditions);

/// <summary>
/// Generates a scenario set from the rule metadata: for every finding rule of the rule set, the patients in its table
/// entry. A rule without an entry is an error, so a new rule cannot go uncovered unnoticed. The set is meant to fire
/// every rule and show every condition both true and false (except conditions that test nothing); the tests prove it.
/// Deterministic: every date is relative to the evaluation date.
/// </summary>
public static class ScenarioGenerator
{
    /// <summary>The default evaluation date of the generated patients.</summary>
    public static readonly ClinicalDate DefaultEvaluationDate = new(2026, 1, 15);

    /// <summary>The scenarios for every finding rule in <paramref name="rules"/>, in rule-id order: firing patients first, then near misses.</summary>
    /// <param name="rules">The rule set whose finding rules are covered (its rules must be the built-in ones or a subset).</param>
    /// <param name="evaluationDate">The evaluation date; every date in the patients is relative to it.</param>
    /// <exception cref="InvalidOperationException">A rule of <paramref name="rules"/> has no entry in the scenario table.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="evaluationDate"/> is before 0101-01-01 (the patients' dates, up to 100 years before it, would not be
    /// calendar dates) or one the rule set refuses (after 9000-12-31); thrown when called, before any scenario is made.
    /// </exception>
    public static IEnumerable<Scenario> Generate(ClinicalRuleSet rules, ClinicalDate evaluationDate)
    {
        Internal.GeneratedDates.Check(evaluationDate, nameof(evaluationDate));
        return Generate(rules, evaluationDate, null);
    }

    /// <summary>The scenarios for every finding rule in <paramref name="rules"/>, from <paramref name="table"/>.</summary>
    /// <param name="rules">The rule set whose finding rules are covered.</param>
    /// <param name="evaluationDate">The evaluation date; every date in the patients is relative to it.</param>
    /// <param name="table">The scenario table; by default <see cref="Table"/>.</param>
    /// <exception cref="InvalidOperationException">A rule has no entry in the scenario table.</exception>
    internal static IEnumerable<Scenario> Generate(ClinicalRuleSet rules, ClinicalDate evaluationDate, IReadOnlyDictionary<string, RuleScenarios>? table)
    {
        table ??= Table();
        var f = new ScenarioFacts(evaluationDate);
        foreach (var rule in rules.Rules)
        {
            if (!table.TryGetValue(rule.Id, out var entry))
            {
                throw new InvalidOperationException($"The scenario table has no entry for rule {rule.Id}; add a firing patient and near misses for it.");
            }

            for (var i = 0; i < entry.Fires.Count; i++)
            {
                yield return Make(rule.Id, true, i, entry.Fires[i], f);
            }

            for (var i = 0; i < entry.NearMisses.Count; i++)
            {
                yield return Make(rule.Id, false, i, entry.NearMisses[i], f);
            }
        }
    }

    /// <summary>The hand-written table: rule id to its firing patients and near misses.</summary>
    internal static IReadOnlyDictionary<string, RuleScenarios> Table()
    {
        var t = new Dictionary<string, RuleScenarios>(StringComparer.Ordinal);
        void Add(string id, Variation[] fires, Variation[] misses, params int[] unconditional) => t.Add(id, new RuleScenarios(id, fires, misses, unconditional));
        static Variation V(string purpose, Func<ScenarioFacts, PatientFacts> build) => new(purpose, build);

        // Pharmacogenomics (diplotypes are translated with the CPIC tables).
        Add("AZA-PGX-001", new[] { V("TPMT *3A/*3A (poor)", f => f.Pgx("*3A/*3A", "*1/*1")) }, new[] { V("TPMT *1/*3A (intermediate, one step short of poor)", f => f.Pgx("*1/*3A", "*1/*1")) });
        Add("AZA-PGX-002", new[] { V("NUDT15 *3/*3 (poor)", f => f.Pgx("*1/*1", "*3/*3")) }, new[] { V("NUDT15 *1/*3 (intermediate, one step short of poor)", f => f.Pgx("*1/*1", "*1/*3")) });
        Add(
            "AZA-PGX-003",
            new[] { V("TPMT *1/*3A (intermediate), NUDT15 normal", f => f.Pgx("*1/*3A", "*1/*1")), V("TPMT *3A/*5 (possible intermediate), NUDT15 normal", f => f.Pgx("*3A/*5", "*1/*1")) },
            new[] { V("TPMT normal", f => f.Pgx("*1/*1", "*1/*1")), V("TPMT intermediate with NUDT15 intermediate", f => f.Pgx("*1/*3A", "*1/*3")) });
        Add(
            "AZA-PGX-004",
            new[] { V("NUDT15 *1/*3 (intermediate), TPMT normal", f => f.Pgx("*1/*1", "*1/*3")) },
            new[] { V("NUDT15 normal", f => f.Pgx("*1/*1", "*1/*1")), V("NUDT15 intermediate with TPMT intermediate", f => f.Pgx("*1/*3A", "*1/*3")) });
        Add(
            "AZA-PGX-005",
            new[] { V("TPMT and NUDT15 both intermediate", f => f.Pgx("*1/*3A", "*1/*3")) },
            new[] { V("TPMT normal, NUDT15 intermediate", f => f.Pgx("*1/*1", "*1/*3")), V("TPMT intermediate, NUDT15 normal", f => f.Pgx("*1/*3A", "*1/*1")) });
        Add("AZA-PGX-006", new[] { V("TPMT *1/*5 (indeterminate)", f => f.Pgx("*1/*5", "*1/*1")) }, new[] { V("TPMT *1/*1 (normal)", f => f.Pgx("*1/*1", "*1/*1")) });
        Add("AZA-PGX-007", new[] { V("NUDT15 *1/*4 (indeterminate)", f => f.Pgx("*1/*1", "*1/*4")) }, new[] { V("NUDT15 *1/*1 (normal)", f => f.Pgx("*1/*1", "*1/*1")) });
        Add(
            "AZA-PGX-008",
            new[] { V("considering azathioprine, no TPMT or NUDT15 result", f => f.Considering() with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>() }) },
            new[]
            {
                V("continuing azathioprine, no result", f => f.Base() with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>() }),
                V("considering azathioprine, both results on file", f => f.Considering()),
            });
        Add(
            "AZA-PGX-009",
            new[] { V("continuing azathioprine, no TPMT or NUDT15 result", f => f.Base() with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>() }) },
            new[]
            {
                V("considering azathioprine, no result", f => f.Considering() with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>() }),
                V("continuing azathioprine, both results on file", f => f.Base()),
            });
        Add(
            "AZA-PGX-010",
            new[] { V("on azathioprine, white cells critically low, no result", f => f.Labs(f.Wbc(0.9, 7, LabFlag.CriticallyLow), f.Alt(22, 14)) with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>() }) },
            new[]
            {
                V("considering azathioprine, white cells critically low, no result", f => f.Considering() with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>(), LabResults = new[] { f.Wbc(0.9, 7, LabFlag.CriticallyLow) } }),
                V("on azathioprine, white cells normal, no result", f => f.Base() with { Pharmacogenomics = ScenarioFacts.None<PharmacogenomicResult>() }),
                V("on azathioprine, white cells critically low, both results on file", f => f.Labs(f.Wbc(0.9, 7, LabFlag.CriticallyLow), f.Alt(22, 14))),
            });
        Add(
            "AZA-PGX-011",
            new[] { V("TPMT activity measured 90 days after a transfusion (the window's edge)", f => f.TpmtActivity(activityDaysAgo: 10) with { LastRedCellTransfusion = f.DaysAgo(100) }) },
            new[]
            {
                V("TPMT activity, no transfusion on file", f => f.TpmtActivity(activityDaysAgo: 10)),
                V("TPMT activity measured 91 days after a transfusion", f => f.TpmtActivity(activityDaysAgo: 10) with { LastRedCellTransfusion = f.DaysAgo(101) }),
            });

        // Contraindications and reproduction.
        Add("AZA-HYP-001", new[] { V("allergy to azathioprine", f => f.Base() with { Allergies = new[] { new Allergy { Substance = "azathioprine" } } }) }, new[] { V("allergy to another substance", f => f.Base() with { Allergies = new[] { new Allergy { Substance = "penicillin" } } }) });
        Add(
            "AZA-PRG-001",
            new[] { V("pregnant, rheumatoid arthritis", f => f.Female(30, PregnancyStatus.Pregnant) with { Indications = new[] { Indication.RheumatoidArthritis } }) },
            new[] { V("pregnant, Crohn's disease", f => f.Female(30, PregnancyStatus.Pregnant) with { Indications = new[] { Indication.CrohnsDisease } }) });
        Add(
            "AZA-PRG-002",
            new[] { V("pregnant, Crohn's disease", f => f.Female(30, PregnancyStatus.Pregnant) with { Indications = new[] { Indication.CrohnsDisease } }) },
            new[]
            {
                V("pregnant, rheumatoid arthritis", f => f.Female(30, PregnancyStatus.Pregnant) with { Indications = new[] { Indication.RheumatoidArthritis } }),
                V("not pregnant, Crohn's disease", f => f.Female(30, PregnancyStatus.NotPregnant) with { Indications = new[] { Indication.CrohnsDisease } }),
            });
        Add(
            "AZA-PRG-003",
            new[] { V("pregnant with pruritus", f => f.Female(30, PregnancyStatus.Pregnant) with { PruritusInPregnancy = true }) },
            new[] { V("pregnant without signs of cholestasis", f => f.Female(30, PregnancyStatus.Pregnant)) });
        Add("AZA-LAC-001", new[] { V("breastfeeding", f => f.Female(30, PregnancyStatus.NotPregnant) with { Breastfeeding = true }) }, new[] { V("not breastfeeding", f => f.Female(30, PregnancyStatus.NotPregnant) with { Breastfeeding = false }) });
        Add(
            "AZA-REP-001",
            new[]
            {
                V("male planning a conception", f => f.Base() with { PlannedConception = true }),
                V("female aged 55 considering azathioprine (the age band's upper edge)", f => f.Female(55, PregnancyStatus.NotPregnant) with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }),
            },
            new[] { V("female aged 56 considering azathioprine", f => f.Female(56, PregnancyStatus.NotPregnant) with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }) });
        Add(
            "AZA-ALK-001",
            new[] { V("rheumatoid arthritis, past cyclophosphamide", f => f.Base() with { Indications = new[] { Indication.RheumatoidArthritis }, Medications = new[] { f.PastMed("cyclophosphamide") } }) },
            new[]
            {
                V("Crohn's disease, past cyclophosphamide", f => f.Base() with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.PastMed("cyclophosphamide") } }),
                V("rheumatoid arthritis, methotrexate (not alkylating)", f => f.Base() with { Indications = new[] { Indication.RheumatoidArthritis }, Medications = new[] { f.Med("methotrexate") } }),
            });
        Add(
            "AZA-ALK-002",
            new[] { V("Crohn's disease, past cyclophosphamide", f => f.Base() with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.PastMed("cyclophosphamide") } }) },
            new[]
            {
                V("rheumatoid arthritis, past cyclophosphamide", f => f.Base() with { Indications = new[] { Indication.RheumatoidArthritis }, Medications = new[] { f.PastMed("cyclophosphamide") } }),
                V("Crohn's disease, methotrexate (not alkylating)", f => f.Base() with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.Med("methotrexate") } }),
            });

        // Malignancy.
        Add("AZA-MAL-001", new[] { V("lymphoma in the history", f => f.Condition("Lymphoma", "118600007", ConditionStatus.History)) }, new[] { V("skin cancer (not lymphoma or other malignancy)", f => f.Condition("Skin cancer", "372130007", ConditionStatus.History)) });
        Add("AZA-MAL-002", new[] { V("skin cancer in the history", f => f.Condition("Skin cancer", "372130007", ConditionStatus.History)) }, new[] { V("another malignancy (not skin cancer)", f => f.Condition("Malignant neoplastic disease", "363346000", ConditionStatus.History)) });
        Add(
            "AZA-MAL-003",
            new[] { V("Crohn's disease with active infliximab", f => f.Base() with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.Med("infliximab") } }) },
            new[]
            {
                V("rheumatoid arthritis with active infliximab", f => f.Base() with { Indications = new[] { Indication.RheumatoidArthritis }, Medications = new[] { f.Med("infliximab") } }),
                V("Crohn's disease with past infliximab", f => f.Base() with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.PastMed("infliximab") } }),
            });
        Add(
            "AZA-MAL-004",
            new[]
            {
                V("male aged 35 with Crohn's disease (the band's upper edge)", f => f.Aged(35) with { Indications = new[] { Indication.CrohnsDisease } }),
                V("male aged 12 with Crohn's disease (the band's lower edge)", f => f.Aged(12) with { Indications = new[] { Indication.CrohnsDisease } }),
            },
            new[]
            {
                V("male aged 36 with Crohn's disease", f => f.Aged(36) with { Indications = new[] { Indication.CrohnsDisease } }),
                V("male aged 11 with Crohn's disease", f => f.Aged(11) with { Indications = new[] { Indication.CrohnsDisease } }),
                V("male aged 35 with Crohn's disease and active infliximab", f => f.Aged(35) with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.Med("infliximab") } }),
            });
        Add("AZA-MAL-005", new[] { V("kidney transplant recipient", f => f.Base() with { Indications = new[] { Indication.KidneyTransplant } }) }, new[] { V("rheumatoid arthritis, no transplant", f => f.Base() with { Indications = new[] { Indication.RheumatoidArthritis } }) });
        Add(
            "AZA-MAL-006",
            new[]
            {
                V("prescribing, considering azathioprine", f => f.Considering() with { Setting = CareSetting.Prescribing }),
                V("prescribing, newly started", f => f.NewlyStarted(10, f.Wbc(6.2, 3)) with { Setting = CareSetting.Prescribing }),
            },
            new[]
            {
                V("prescribing, continuing azathioprine", f => f.Base() with { Setting = CareSetting.Prescribing }),
                V("dispensing, considering azathioprine", f => f.Considering() with { Setting = CareSetting.Dispensing }),
            });

        // Interactions: an active co-medication fires; the same medicine in the history does not.
        foreach (var (id, name) in new[]
        {
            ("AZA-INT-001", "allopurinol"), ("AZA-INT-002", "febuxostat"), ("AZA-INT-004", "Bactrim"),
            ("AZA-INT-007", "ribavirin"), ("AZA-INT-009", "mercaptopurine"),
        })
        {
            Add(
                id,
                new[] { V("active " + name, f => f.Base() with { Medications = new[] { f.Med(name) } }) },
                new[]
                {
                    V("past " + name, f => f.Base() with { Medications = new[] { f.PastMed(name) } }),
                    V("active " + name + ", azathioprine stopped", f => f.Base() with { Medications = new[] { f.Med(name) }, Therapy = new AzathioprineTherapy { Status = TherapyStatus.Stopped } }),
                });
        }

        Add(
            "AZA-INT-006",
            new[]
            {
                V("active warfarin", f => f.Base() with { Medications = new[] { f.Med("warfarin") } }),
                V("active warfarin, azathioprine stopped (the INR check around stopping stays)", f => f.Base() with { Medications = new[] { f.Med("warfarin") }, Therapy = new AzathioprineTherapy { Status = TherapyStatus.Stopped } }),
            },
            new[] { V("past warfarin", f => f.Base() with { Medications = new[] { f.PastMed("warfarin") } }) });

        // Aminosalicylates and ACE inhibitors: new co-therapy (or falling counts) is a warning; long-standing on stable counts is information.
        foreach (var (warn, info, name) in new[] { ("AZA-INT-003", "AZA-INT-010", "mesalamine"), ("AZA-INT-005", "AZA-INT-011", "lisinopril") })
        {
            Add(
                warn,
                new[]
                {
                    V(name + " begun 90 days ago (the new-co-therapy window's edge)", f => f.Base() with { Medications = new[] { f.Med(name, 90) } }),
                    V("long-standing " + name + ", white cells below 3.5", f => f.Labs(f.Wbc(3.0, 14), f.Alt(22, 14)) with { Medications = new[] { f.Med(name) } }),
                },
                new[]
                {
                    V(name + " begun 91 days ago, stable counts", f => f.Base() with { Medications = new[] { f.Med(name, 91) } }),
                    V("past " + name, f => f.Base() with { Medications = new[] { f.PastMed(name) } }),
                    V("active " + name + ", azathioprine stopped", f => f.Base() with { Medications = new[] { f.Med(name) }, Therapy = new AzathioprineTherapy { Status = TherapyStatus.Stopped } }),
                });
            Add(
                info,
                new[] { V(name + " begun 91 days ago, azathioprine continuing, stable counts", f => f.Base() with { Medications = new[] { f.Med(name, 91) } }) },
                new[]
                {
                    V(name + " begun 90 days ago", f => f.Base() with { Medications = new[] { f.Med(name, 90) } }),
                    V("long-standing " + name + ", white cells below 3.5", f => f.Labs(f.Wbc(3.0, 14), f.Alt(22, 14)) with { Medications = new[] { f.Med(name) } }),
                    V("long-standing " + name + ", azathioprine stopped", f => f.Base() with { Medications = new[] { f.Med(name) }, Therapy = new AzathioprineTherapy { Status = TherapyStatus.Stopped } }),
                });
        }

        Add(
            "AZA-INT-008",
            new[]
            {
                V("active methotrexate", f => f.Base() with { Medications = new[] { f.Med("methotrexate") } }),
                V("active infliximab without IBD", f => f.Base() with { Indications = new[] { Indication.RheumatoidArthritis }, Medications = new[] { f.Med("infliximab") } }),
            },
            new[]
            {
                V("active infliximab with Crohn's disease", f => f.Base() with { Indications = new[] { Indication.CrohnsDisease }, Medications = new[] { f.Med("infliximab") } }),
                V("active methotrexate, azathioprine stopped", f => f.Base() with { Medications = new[] { f.Med("methotrexate") }, Therapy = new AzathioprineTherapy { Status = TherapyStatus.Stopped } }),
            });

        // Infection.
        Add("AZA-INF-001", new[] { V("current sepsis", f => f.Condition("Sepsis", null, ConditionStatus.Active)) }, new[] { V("sepsis in the history", f => f.Condition("Sepsis", null, ConditionStatus.History)) });
        Add(
            "AZA-INF-002",
            new[] { V("tuberculosis in the history", f => f.Condition("Tuberculosis", "56717001", ConditionStatus.History)), V("chronic hepatitis B", f => f.Condition("Chronic hepatitis B", "B18.1", ConditionStatus.Active, "icd-10-cm")) },
            new[] { V("another infection (sepsis)", f => f.Condition("Sepsis", null, ConditionStatus.History)) });
        Add(
            "AZA-VAC-001",
            new[]
            {
                V("MMR given 28 days ago (the lookback's edge)", f => f.Base() with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Name = "MMR", Date = f.DaysAgo(28) } } }),
                V("varicella vaccine planned", f => f.Base() with { Vaccinations = new[] { new Vaccination { CvxCode = "21", Name = "varicella", Status = VaccinationStatus.Planned } } }),
            },
            new[]
            {
                V("MMR given 29 days ago", f => f.Base() with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Name = "MMR", Date = f.DaysAgo(29) } } }),
                V("recombinant zoster vaccine (not live) given 3 days ago", f => f.Base() with { Vaccinations = new[] { new Vaccination { CvxCode = "187", Name = "Shingrix", Date = f.DaysAgo(3) } } }),
            });
        Add(
            "AZA-PML-001",
            new[] { V("new confusion on azathioprine", f => f.Base() with { NewNeurologicalSigns = new[] { NeurologicalSign.Confusion } }) },
            new[] { V("new confusion, only considering azathioprine", f => f.Considering() with { NewNeurologicalSigns = new[] { NeurologicalSign.Confusion } }) });

        // Blood counts, kidney and liver.
        Add(
            "AZA-CYT-001",
            new[] { V("latest neutrophils flagged low", f => f.Labs(f.Wbc(4.1, 14), f.Lab("751-8", "Neutrophils", 1.2, "10*9/L", 7, LabFlag.Low), f.Alt(22, 14))) },
            new[]
            {
                V("latest neutrophils critically low", f => f.Labs(f.Wbc(4.1, 14), f.Lab("751-8", "Neutrophils", 0.4, "10*9/L", 7, LabFlag.CriticallyLow), f.Alt(22, 14))),
                V("earlier neutrophils low, latest normal", f => f.Labs(f.Lab("751-8", "Neutrophils", 1.2, "10*9/L", 14, LabFlag.Low), f.Lab("751-8", "Neutrophils", 2.5, "10*9/L", 7, LabFlag.Normal), f.Alt(22, 14))),
            });
        Add(
            "AZA-CYT-002",
            new[]
            {
                V("latest white cells critically low", f => f.Labs(f.Wbc(0.9, 7, LabFlag.CriticallyLow), f.Alt(22, 14))),
                V("white cells fell from 4.0 to 2.8 (a fall of exactly the 0.3 threshold, ending below 3.5)", f => f.Labs(f.Wbc(4.0, 21), f.Wbc(2.8, 7), f.Alt(22, 14))),
            },
            new[]
            {
                V("white cells fell from 4.0 to 2.81 (just under the fall threshold)", f => f.Labs(f.Wbc(4.0, 21), f.Wbc(2.81, 7), f.Alt(22, 14))),
                V("white cells fell from 10.0 to 7.0 (a marked fall within the normal range: a warning)", f => f.Labs(f.Wbc(10.0, 21), f.Wbc(7.0, 7), f.Alt(22, 14))),
            });
        Add("AZA-REN-001", new[] { V("current chronic kidney disease (N18.3)", f => f.Condition("Chronic kidney disease stage 3", "N18.3", ConditionStatus.Active, "icd-10-cm")) }, new[] { V("chronic kidney disease recorded as history", f => f.Condition("Chronic kidney disease stage 3", "N18.3", ConditionStatus.History, "icd-10-cm")) });
        Add(
            "AZA-REN-002",
            new[]
            {
                V("eGFR 59, unflagged (below the threshold of 60)", f => f.Labs(f.Wbc(6.2, 14), f.Alt(22, 14), f.Egfr(59, LabFlag.Normal))),
                V("eGFR 75 flagged low by the laboratory", f => f.Labs(f.Wbc(6.2, 14), f.Alt(22, 14), f.Egfr(75, LabFlag.Low))),
            },
            new[] { V("eGFR 60, unflagged (at the threshold)", f => f.Labs(f.Wbc(6.2, 14), f.Alt(22, 14), f.Egfr(60, LabFlag.Normal))) });
        Add("AZA-HEP-001", new[] { V("current cirrhosis", f => f.Condition("Cirrhosis of liver", "19943007", ConditionStatus.Active)) }, new[] { V("cirrhosis recorded as history", f => f.Condition("Cirrhosis of liver", "19943007", ConditionStatus.History)) });
        Add(
            "AZA-HEP-002",
            new[] { V("latest ALT flagged high", f => f.Labs(f.Wbc(6.2, 14), f.Lab("1742-6", "ALT", 80, "U/L", 7, LabFlag.High))) },
            new[] { V("earlier ALT high, latest normal", f => f.Labs(f.Wbc(6.2, 14), f.Lab("1742-6", "ALT", 80, "U/L", 21, LabFlag.High), f.Alt(30, 7))) });

        Add(
            "AZA-HEP-003",
            new[]
            {
                V("latest ALT flagged critically high", f => f.Labs(f.Wbc(6.2, 14), f.Lab("1742-6", "ALT", 900, "U/L", 7, LabFlag.CriticallyHigh))),
                V("latest ALT five times the upper limit, flagged high", f => f.Labs(f.Wbc(6.2, 14), f.Lab("1742-6", "ALT", 200, "U/L", 7, LabFlag.High) with { UpperReferenceLimit = 40 })),
            },
            new[]
            {
                V("latest ALT just under five times the upper limit", f => f.Labs(f.Wbc(6.2, 14), f.Lab("1742-6", "ALT", 199, "U/L", 7, LabFlag.High) with { UpperReferenceLimit = 40 })),
                V("alkaline phosphatase flagged critically high (not ALT, AST or bilirubin)", f => f.Labs(f.Wbc(6.2, 14), f.Alt(22, 14), f.Lab("6768-6", "ALP", 900, "U/L", 7, LabFlag.CriticallyHigh))),
            });

        // Counselling at a new start.
        foreach (var id in new[] { "AZA-CNS-001", "AZA-CNS-002" })
        {
            Add(
                id,
                new[]
                {
                    V("considering azathioprine", f => f.Considering()),
                    V("newly started 20 days ago", f => f.NewlyStarted(20, f.Wbc(6.2, 3))),
                },
                new[]
                {
                    V("continuing azathioprine", f => f.Base()),
                    V("therapy status unknown", f => f.Base() with { Therapy = new AzathioprineTherapy() }),
                });
        }

        // Monitoring schedules.
        Add(
            "AZA-CBC-001",
            new[]
            {
                V("continuing, last blood count 32 days ago (monthly schedule)", f => f.Labs(f.Wbc(6.2, 32), f.Alt(22, 14))),
                V("first month, last blood count 8 days ago (weekly schedule)", f => f.NewlyStarted(20, f.Wbc(6.2, 8))),
            },
            new[]
            {
                V("continuing, last blood count 31 days ago", f => f.Labs(f.Wbc(6.2, 31), f.Alt(22, 14))),
                V("first month, last blood count 7 days ago", f => f.NewlyStarted(20, f.Wbc(6.2, 7))),
            });
        Add(
            "AZA-CBC-002",
            new[] { V("continuing, last blood count 31 days ago", f => f.Labs(f.Wbc(6.2, 31), f.Alt(22, 14))) },
            new[]
            {
                V("continuing, last blood count 32 days ago", f => f.Labs(f.Wbc(6.2, 32), f.Alt(22, 14))),
                V("continuing, last blood count 14 days ago but critically low (the urgent review replaces the routine date)", f => f.Labs(f.Wbc(0.9, 14, LabFlag.CriticallyLow), f.Alt(22, 14))),
            });
        Add(
            "AZA-CBC-003",
            new[]
            {
                V("regimen changed 28 days ago (the window's edge)", f => f.Base() with { Therapy = f.Base().Therapy with { LastRegimenChange = f.DaysAgo(28) } }),
                V("allopurinol started 28 days ago", f => f.Base() with { Medications = new[] { new Medication { Name = "allopurinol", StartDate = f.DaysAgo(28) } } }),
            },
            new[] { V("regimen changed 29 days ago", f => f.Base() with { Therapy = f.Base().Therapy with { LastRegimenChange = f.DaysAgo(29) } }) });
        Add(
            "AZA-LFT-001",
            new[] { V("continuing, last liver test 91 days ago", f => f.Labs(f.Wbc(6.2, 14), f.Alt(22, 91))) },
            new[]
            {
                V("considering azathioprine, last liver test 91 days ago", f => f.Considering() with { LabResults = new[] { f.Wbc(6.2, 14), f.Alt(22, 91) } }),
                V("continuing, last liver test 90 days ago (the window's edge)", f => f.Labs(f.Wbc(6.2, 14), f.Alt(22, 90))),
            });

        // Children, handling, data quality.
        Add("AZA-PED-001", new[] { V("aged 17", f => f.Aged(17)) }, new[] { V("aged 18 today", f => f.Aged(18)) });
        Add("AZA-HND-001", new[] { V("dispensing setting", f => f.Base() with { Setting = CareSetting.Dispensing }) }, new[] { V("prescribing setting", f => f.Base() with { Setting = CareSetting.Prescribing }) });
        Add(
            "AZA-DQ-001",
            new[]
            {
                V("no birth date", f => f.Base() with { BirthDate = null }),
                V("therapy status not recorded", f => f.Base() with { Therapy = new AzathioprineTherapy() }),
                V("newly started, no start date", f => f.Base() with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted } }),
            },
            new[] { V("complete record", f => f.Base()) });
        Add(
            "AZA-DQ-002",
            new[]
            {
                V("female aged 30 considering azathioprine, pregnancy status unknown", f => f.Female(30, PregnancyStatus.Unknown) with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }),
                V("female aged 55 in the prescribing setting, pregnancy status unknown (the age band's edge)", f => f.Female(55, PregnancyStatus.Unknown) with { Setting = CareSetting.Prescribing }),
                V("female aged 30 considering azathioprine, pregnant recorded 281 days ago (out of date)", f => f.Female(30, PregnancyStatus.Pregnant) with { PregnancyStatusDate = f.DaysAgo(281), Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }),
            },
            new[]
            {
                V("female aged 30 considering azathioprine, not pregnant", f => f.Female(30, PregnancyStatus.NotPregnant) with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }),
                V("female aged 56 considering azathioprine, pregnancy status unknown", f => f.Female(56, PregnancyStatus.Unknown) with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }),
                V("female aged 30 considering azathioprine, pregnant recorded 280 days ago", f => f.Female(30, PregnancyStatus.Pregnant) with { PregnancyStatusDate = f.DaysAgo(280), Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } }),
                V("female aged 30 on continuing azathioprine in review, pregnancy status unknown (information instead)", f => f.Female(30, PregnancyStatus.Unknown) with { Setting = CareSetting.Review, Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = f.DaysAgo(400) } }),
            });
        Add(
            "AZA-DQ-003",
            new[]
            {
                V("female aged 30 on continuing azathioprine in review, pregnancy status unknown", f => f.Female(30, PregnancyStatus.Unknown)),
                V("female aged 30 on continuing azathioprine, not pregnant recorded 31 days ago (out of date)", f => f.Female(30, PregnancyStatus.NotPregnant) with { PregnancyStatusDate = f.DaysAgo(31) }),
            },
            new[]
            {
                V("female aged 30 on continuing azathioprine, not pregnant recorded 30 days ago", f => f.Female(30, PregnancyStatus.NotPregnant) with { PregnancyStatusDate = f.DaysAgo(30) }),
                V("female aged 30 on continuing azathioprine, prescribing, pregnancy status unknown (a warning instead)", f => f.Female(30, PregnancyStatus.Unknown) with { Setting = CareSetting.Prescribing }),
            });
        return t;
    }

    private static Scenario Make(string ruleId, bool fires, int index, Variation v, ScenarioFacts f)
    {
        var id = ruleId + (fires ? ":fires:" : ":miss:") + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var facts = v.Build(f) with { PatientId = id };
        return new Scenario(id, ruleId, fires, v.Purpose, facts);
    }
}

/// <summary>
/// Builds scenario patients around a quiet base: a man aged 50 continuing azathioprine since six years, TPMT and NUDT15
/// normal, a normal blood count and liver test two weeks ago, in a review setting. The base fires only the
/// next-blood-count-due prompt. Every date is relative to the evaluation date.
/// </summary>
internal sealed class ScenarioFacts
{
    public ScenarioFacts(ClinicalDate evaluationDate) => EvaluationDate = evaluationDate;

    public ClinicalDate EvaluationDate { get; }

    public static IReadOnlyList<T> None<T>() => Array.Empty<T>();

    public ClinicalDate DaysAgo(int days) => EvaluationDate.AddDays(-days);

    /// <summary>The birth date of someone whose birthday is today and who turns <paramref name="years"/> today.</summary>
    public ClinicalDate BornYearsAgo(int years) => EvaluationDate.AddMonths(-12 * years);

    public PatientFacts Base() => new()
    {
        EvaluationDate = EvaluationDate,
        BirthDate = BornYearsAgo(50),
        Sex = Sex.Male,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = EvaluationDate.AddMonths(-72) },
        Setting = CareSetting.Review,
        Pharmacogenomics = PgxResults("*1/*1", "*1/*1"),
        LabResults = new[] { Wbc(6.2, 14), Platelets(250, 14), Alt(22, 14) },
    };

    public PatientFacts Considering() => Base() with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering } };

    public PatientFacts NewlyStarted(int daysAgo, LabResult bloodCount) =>
        Base() with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, StartDate = DaysAgo(daysAgo) }, LabResults = WithPlatelets(new[] { bloodCount, Alt(22, 3) }) };

    public PatientFacts Aged(int years) => Base() with { BirthDate = BornYearsAgo(years) };

    public PatientFacts Female(int years, PregnancyStatus pregnancy) => Base() with { Sex = Sex.Female, BirthDate = BornYearsAgo(years), PregnancyStatus = pregnancy };

    public PatientFacts Pgx(string tpmt, string nudt15) => Base() with { Pharmacogenomics = PgxResults(tpmt, nudt15) };

    /// <summary>A red-cell TPMT activity result (normal) in place of the TPMT genotype.</summary>
    public PatientFacts TpmtActivity(int activityDaysAgo) => Base() with
    {
        Pharmacogenomics = new[]
        {
            new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal, Method = TestMethod.Activity, Date = DaysAgo(activityDaysAgo) },
            new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*1/*1", Method = TestMethod.Genotype, Date = DaysAgo(2000) },
        },
    };

    /// <summary>The base patient with these labs; each white count comes with a normal platelet count of the same date, so it stands for a complete blood count.</summary>
    public PatientFacts Labs(params LabResult[] labs) => Base() with { LabResults = WithPlatelets(labs) };

    /// <summary>The base patient with exactly these labs (no platelets added).</summary>
    public PatientFacts LabsOnly(params LabResult[] labs) => Base() with { LabResults = labs };

    private LabResult[] WithPlatelets(LabResult[] labs)
    {
        var all = new List<LabResult>(labs);
        foreach (var l in labs)
        {
            if (l.LoincCode == "6690-2" && l.Date is { } d)
            {
                all.Add(Platelets(250, d.DaysUntil(EvaluationDate)));
            }
        }

        return all.ToArray();
    }

    public LabResult Platelets(double value, int daysAgo, LabFlag flag = LabFlag.Normal) => Lab("777-3", "Platelets", value, "10*9/L", daysAgo, flag);

    public PatientFacts Condition(string name, string? code, ConditionStatus status, string? codeSystem = null) => Base() with
    {
        Conditions = new[] { new Condition { Name = name, Code = code, CodeSystem = code is null ? null : codeSystem ?? "snomed", Status = status } },
    };

    public Medication Med(string name, int startedDaysAgo = 400) => new() { Name = name, StartDate = DaysAgo(startedDaysAgo) };

    public Medication PastMed(string name) => new() { Name = name, StartDate = DaysAgo(1000), EndDate = DaysAgo(400), Active = false };

    public LabResult Wbc(double value, int daysAgo, LabFlag flag = LabFlag.Normal) => Lab("6690-2", "WBC", value, "10*9/L", daysAgo, flag);

    public LabResult Alt(double value, int daysAgo) => Lab("1742-6", "ALT", value, "U/L", daysAgo, LabFlag.Normal);

    public LabResult Egfr(double value, LabFlag flag) => Lab("33914-3", "eGFR", value, "mL/min/{1.73_m2}", 7, flag);

    public LabResult Lab(string loinc, string name, double value, string unit, int daysAgo, LabFlag flag) =>
        new() { LoincCode = loinc, Name = name, Value = value, Unit = unit, Date = DaysAgo(daysAgo), Flag = flag };

    private PharmacogenomicResult[] PgxResults(string tpmt, string nudt15) => new[]
    {
        new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = tpmt, Method = TestMethod.Genotype, Date = DaysAgo(2000) },
        new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = nudt15, Method = TestMethod.Genotype, Date = DaysAgo(2000) },
    };
}
