using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Pharmacogenomics;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Terminology;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Benchmarks.Baseline;

/// <summary>
/// The floor the engine is compared against: every rule of the rule set written out as plain if/else code, with no
/// engine (no session, agenda, pattern matching or firing). It does the rest of the work the library does, the same
/// way, so the comparison isolates what the engine costs: the same validation, the same fact loading
/// (<see cref="FactLoader"/>), the same texts (the rules' metadata and the working facts' descriptions) and the same
/// result. A test checks it gives byte-for-byte the same result as <see cref="ClinicalRuleSet"/> for the typical
/// patient, the worst case and a cohort of typical patients, so the comparison is honest.
/// </summary>
/// <remarks>
/// It follows the default rule options and the rule set of this version by hand; a rule change must be made here
/// too (the equality test fails until it is). Thread-safe: its only state is immutable metadata and per-thread lists.
/// </remarks>
internal sealed class TypicalPatientBaseline
{
    [ThreadStatic]
    private static List<object>? t_working;

    [ThreadStatic]
    private static List<Finding>? t_findings;

    private readonly ClinicalRuleSet _ruleSet;
    private readonly RuleThresholds _options = RuleThresholds.Default;
    private readonly RuleMetadata[] _rules;

    public TypicalPatientBaseline(ClinicalRuleSet ruleSet)
    {
        _ruleSet = ruleSet;
        var names = Enum.GetNames(typeof(R));
        _rules = new RuleMetadata[names.Length];
        foreach (var m in ruleSet.Rules)
        {
            // AZA-PGX-001 is R.Pgx001.
            var parts = m.Id.Split('-');
            var name = parts[1].Substring(0, 1) + parts[1].Substring(1).ToLowerInvariant() + parts[2];
            _rules[(int)Enum.Parse(typeof(R), name)] = m;
        }
    }

    /// <summary>Finding rules by id, in the order of <see cref="_rules"/>.</summary>
    private enum R
    {
        Pgx001, Pgx002, Pgx003, Pgx004, Pgx005, Pgx006, Pgx007, Pgx008, Pgx009, Pgx010, Pgx011,
        Hyp001, Prg001, Prg002, Prg003, Lac001, Rep001, Alk001, Alk002,
        Mal001, Mal002, Mal003, Mal004, Mal005, Mal006,
        Int001, Int002, Int003, Int004, Int005, Int006, Int007, Int008, Int009, Int010, Int011,
        Inf001, Inf002, Vac001, Pml001, Cyt001, Cyt002, Ren001, Ren002, Hep001, Hep002, Hep003,
        Cbc001, Cbc002, Cbc003, Lft001, Ped001, Hnd001, Dq001, Dq002, Dq003, Cns001, Cns002,
    }

    public EvaluationResult Evaluate(PatientFacts facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var problems = PatientFactsValidation.Validate(facts);
        if (problems.Count > 0)
        {
            return new EvaluationResult
            {
                RuleSetId = _ruleSet.Id,
                RuleSetVersion = _ruleSet.Version,
                PatientId = facts.PatientId,
                EvaluationDate = facts.EvaluationDate,
                Validation = problems,
                DisabledRules = _ruleSet.DisabledRules,
            };
        }

        var working = t_working ??= new List<object>(32);
        var findings = t_findings ??= new List<Finding>(16);
        var unrecognised = new List<UnrecognisedInput>();
        try
        {
            FactLoader.Load(facts, _options, working, unrecognised);
            Evaluate((PatientContext)working[0], working, findings);
            var sorted = findings.ToArray();
            Imuran.ClinicalRules.Engine.FindingCollector.SortByRule(sorted);
            return new EvaluationResult
            {
                RuleSetId = _ruleSet.Id,
                RuleSetVersion = _ruleSet.Version,
                PatientId = facts.PatientId,
                EvaluationDate = facts.EvaluationDate,
                Findings = ReadOnly.Freeze(sorted),
                Unrecognised = ReadOnly.Freeze(unrecognised),
                DisabledRules = _ruleSet.DisabledRules,
            };
        }
        finally
        {
            working.Clear();
            findings.Clear();
        }
    }

    private void Evaluate(PatientContext p, List<object> working, List<Finding> findings)
    {
        // Derivations: phenotype calls (with the data-quality issues they find), then the blood-count schedule.
        var tpmt = DerivePhenotype(Gene.Tpmt, p, working);
        var nudt15 = DerivePhenotype(Gene.Nudt15, p, working);
        (p.TpmtCall, p.Nudt15Call) = (tpmt, nudt15);
        if (tpmt is not null)
        {
            tpmt.Patient = p;
        }

        if (nudt15 is not null)
        {
            nudt15.Patient = p;
        }

        var missing = tpmt is null || nudt15 is null;
        var schedule = p.OnTherapy ? MonitoringRules.Compute(p) : null;

        // Pharmacogenomics.
        if (tpmt is { Phenotype: MetabolizerPhenotype.Poor })
        {
            RaiseCall(R.Pgx001, tpmt, findings);
        }

        if (nudt15 is { Phenotype: MetabolizerPhenotype.Poor })
        {
            RaiseCall(R.Pgx002, nudt15, findings);
        }

        if (tpmt is { IsIntermediateLike: true } && !(nudt15 is not null && (nudt15.IsIntermediateLike || nudt15.Phenotype == MetabolizerPhenotype.Poor)))
        {
            RaiseCall(R.Pgx003, tpmt, findings);
        }

        if (nudt15 is { IsIntermediateLike: true } && !(tpmt is not null && (tpmt.IsIntermediateLike || tpmt.Phenotype == MetabolizerPhenotype.Poor)))
        {
            RaiseCall(R.Pgx004, nudt15, findings);
        }

        if (tpmt is { IsIntermediateLike: true } && nudt15 is { IsIntermediateLike: true })
        {
            findings.Add(Raise(R.Pgx005, new[] { CallFact(tpmt), CallFact(nudt15) }));
        }

        if (tpmt is { Phenotype: MetabolizerPhenotype.Indeterminate })
        {
            RaiseCall(R.Pgx006, tpmt, findings);
        }

        if (nudt15 is { Phenotype: MetabolizerPhenotype.Indeterminate })
        {
            RaiseCall(R.Pgx007, nudt15, findings);
        }

        if (missing && p.AtOrBeforeStart)
        {
            findings.Add(RaiseMissing(R.Pgx008, p, new List<BasisFact>(), tpmt is null, nudt15 is null));
        }

        if (missing && p.TherapyStatus == TherapyStatus.Continuing)
        {
            findings.Add(RaiseMissing(R.Pgx009, p, new List<BasisFact>(), tpmt is null, nudt15 is null));
        }

        if (missing && p.OnTherapy)
        {
            List<BasisFact>? severe = null;
            foreach (var fact in working)
            {
                if (fact is LabFact l && l.IsCytopeniaCount && l.IsLatest && l.Severe)
                {
                    (severe ??= new List<BasisFact>()).Add(new BasisFact("blood count", l.Describe(), l.Path));
                }
            }

            if (severe is not null)
            {
                findings.Add(RaiseMissing(R.Pgx010, p, severe, tpmt is null, nudt15 is null));
            }
        }

        if (p.Facts.LastRedCellTransfusion is { } transfusion)
        {
            foreach (var fact in working)
            {
                if (fact is TpmtActivityResult a && InWindow(a.Date, transfusion))
                {
                    var when = a.Date is { } date ? transfusion.DaysUntil(date).ToString(CultureInfo.InvariantCulture) + " days after" : "on an unknown date relative to";
                    findings.Add(Raise(
                        R.Pgx011,
                        new[]
                        {
                            new BasisFact("red-cell transfusion", transfusion.ToString(), "lastRedCellTransfusion"),
                            new BasisFact("TPMT activity result", a.Description, a.Path),
                            new BasisFact("TPMT phenotype", p.GeneStatus(Gene.Tpmt), p.TpmtCall?.Path ?? "pharmacogenomics"),
                            new BasisFact("NUDT15 phenotype", p.GeneStatus(Gene.Nudt15), p.Nudt15Call?.Path ?? "pharmacogenomics"),
                        },
                        Value("when", when)));
                }
            }
        }

        // The patient as a whole.
        var f = p.Facts;
        var pregnant = p.PregnancyStatus == PregnancyStatus.Pregnant;
        if (pregnant)
        {
            findings.Add(Raise(p.HasRheumatoidArthritis ? R.Prg001 : R.Prg002, PregnancyBasis(p, p.HasRheumatoidArthritis)));
            if (f.PruritusInPregnancy || f.RaisedBileAcids || f.SuspectedCholestasisOfPregnancy)
            {
                var basis = new List<BasisFact> { new("pregnancy status", "pregnant", p.PregnancyPath) };
                if (f.PruritusInPregnancy)
                {
                    basis.Add(new BasisFact("pruritus in pregnancy", "yes", "pruritusInPregnancy"));
                }

                if (f.RaisedBileAcids)
                {
                    basis.Add(new BasisFact("raised bile acids", "yes", "raisedBileAcids"));
                }

                if (f.SuspectedCholestasisOfPregnancy)
                {
                    basis.Add(new BasisFact("suspected cholestasis of pregnancy", "yes", "suspectedCholestasisOfPregnancy"));
                }

                findings.Add(Raise(R.Prg003, basis.ToArray()));
            }
        }

        if (p.Breastfeeding == true)
        {
            findings.Add(Raise(R.Lac001, new[] { new BasisFact("breastfeeding", "yes", p.BreastfeedingPath) }));
        }

        if (f.PlannedConception)
        {
            findings.Add(Raise(R.Rep001, new[] { new BasisFact("planned conception", "yes", "plannedConception") }));
        }
        else if (p.OfReproductivePotential && p.AtOrBeforeStart && !pregnant)
        {
            findings.Add(Raise(R.Rep001, new[] { new BasisFact("sex and age", p.SexText + ", " + p.AgeText, "sex"), new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));
        }

        if (p.HasIbd && p.Sex == Sex.Male && p.Age is >= 12 and <= 35 && !p.Stopped && !HasActive(p, MedicationClass.TnfBlocker))
        {
            findings.Add(Raise(
                R.Mal004,
                new[] { new BasisFact("indication", "inflammatory bowel disease", "indications"), new BasisFact("sex and age", "male, " + p.AgeText, "birthDate") },
                Value("age", p.Age!.Value.ToString(CultureInfo.InvariantCulture))));
        }

        if (p.IsTransplantRecipient)
        {
            findings.Add(Raise(R.Mal005, new[] { new BasisFact("transplant", "organ transplant recipient", "indications") }));
        }

        if (f.Setting == CareSetting.Prescribing && p.TherapyStatus is TherapyStatus.Considering or TherapyStatus.NewlyStarted)
        {
            findings.Add(Raise(R.Mal006, new[] { new BasisFact("setting", "prescribing", "setting"), new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));
        }

        if (p.TherapyStatus is TherapyStatus.Considering or TherapyStatus.NewlyStarted)
        {
            findings.Add(Raise(R.Cns001, new[] { new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));
            findings.Add(Raise(R.Cns002, new[] { new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));
        }

        if (f.NewNeurologicalSigns.Count > 0 && p.TherapyStatus != TherapyStatus.Considering)
        {
            var signs = new string[f.NewNeurologicalSigns.Count];
            for (var i = 0; i < signs.Length; i++)
            {
                signs[i] = f.NewNeurologicalSigns[i].ToString();
            }

            findings.Add(Raise(R.Pml001, new[] { new BasisFact("new neurological signs", string.Join(", ", signs), "newNeurologicalSigns"), new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy") }));
        }

        if (p.Age is < 18)
        {
            findings.Add(Raise(R.Ped001, new[] { new BasisFact("age", p.AgeText + " (born " + f.BirthDate + ")", "birthDate") }, Value("age", p.Age.Value.ToString(CultureInfo.InvariantCulture))));
        }

        if (f.Setting == CareSetting.Dispensing)
        {
            findings.Add(Raise(R.Hnd001, new[] { new BasisFact("setting", "dispensing", "setting") }));
        }

        if (p.OfReproductivePotential && p.PregnancyStatus == PregnancyStatus.Unknown)
        {
            findings.Add(Raise(
                DataQualityRules.PregnancyPromptIsWarning(p) ? R.Dq002 : R.Dq003,
                new[]
                {
                    new BasisFact("sex and age", p.SexText + ", " + p.AgeText, "sex"),
                    p.UnknownPregnancyBasis,
                    new BasisFact("azathioprine therapy", p.TherapyBasis + ", setting " + f.Setting.ToString().ToLowerInvariant(), "therapy"),
                },
                Value("status", p.PregnancyStaleDays is { } d ? "out of date (" + d.ToString(CultureInfo.InvariantCulture) + " days old)" : "unknown"),
                Value("patient", p.PatientWords),
                Value("age", p.Age is { } a ? "aged " + a.ToString(CultureInfo.InvariantCulture) : "of unknown age")));
        }

        // Each working fact in turn: medicines, conditions, labs, vaccines, allergies, data-quality issues.
        var liverTestInWindow = false;
        var severeCount = false;
        foreach (var fact in working)
        {
            switch (fact)
            {
                case MedicationFact m:
                    Medication(p, m, findings);
                    break;
                case ConditionFact c:
                    Condition(c, findings);
                    break;
                case LabFact l:
                    Lab(p, l, findings);
                    severeCount |= l.IsCytopeniaCount && l.IsLatest && l.Severe;
                    liverTestInWindow |= l.IsLiverTest && l.Date.DaysUntil(p.Date) <= _options.LiverTestWindowDays;
                    break;
                case VaccineFact v when v.Live && IsRecentOrPlanned(v, p):
                    findings.Add(Raise(R.Vac001, v.Basis(), Value("vaccine", VaccineName(v.Source))));
                    break;
                case HypersensitivityFact h:
                    findings.Add(Raise(R.Hyp001, h.Basis(), Value("substance", h.Thiopurine)));
                    break;
                case DataQualityIssue i:
                    findings.Add(DataQuality(i));
                    break;
            }
        }

        // The data-quality issues the phenotype derivations found come after the loader's.
        foreach (var issue in Issues)
        {
            findings.Add(DataQuality(issue));
        }

        Issues.Clear();

        // Monitoring.
        if (schedule is not null)
        {
            if (schedule.Overdue)
            {
                var since = schedule.LastCount is null ? "no complete blood count on file" : schedule.DaysSinceLast + " days since the last count";
                findings.Add(Raise(R.Cbc001, ScheduleBasis(schedule), Value("since", since), Value("schedule", schedule.Schedule)));
            }
            else if (!severeCount)
            {
                findings.Add(Raise(R.Cbc002, ScheduleBasis(schedule), Value("date", schedule.DueBy.ToString()), Value("schedule", schedule.Schedule)));
            }

            if (schedule.IntensifiedBecause is not null)
            {
                findings.Add(Raise(R.Cbc003, new[] { new BasisFact("recent change", schedule.IntensifiedBecause, schedule.IntensifiedPath) }, Value("reason", schedule.IntensifiedBecause)));
            }
        }

        if (p.OnTherapy && !liverTestInWindow)
        {
            var days = _options.LiverTestWindowDays.ToString(CultureInfo.InvariantCulture);
            findings.Add(Raise(
                R.Lft001,
                new[] { new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"), new BasisFact("liver tests", "none in the last " + days + " days", "labResults") },
                Value("days", days)));
        }
    }

    private void Medication(PatientContext p, MedicationFact m, List<Finding> findings)
    {
        if (m.Class == MedicationClass.AlkylatingAgent)
        {
            findings.Add(p.HasRheumatoidArthritis
                ? RaiseMedication(R.Alk001, m, new BasisFact("indication", "rheumatoid arthritis", "indications"))
                : RaiseMedication(R.Alk002, m));
        }

        if (!m.Active)
        {
            return;
        }

        switch (m.Class)
        {
            case MedicationClass.Coumarin:
                findings.Add(RaiseMedication(R.Int006, m));
                break;
            case not MedicationClass.TnfBlocker when p.Stopped:
                break;
            case MedicationClass.Allopurinol:
                findings.Add(RaiseMedication(R.Int001, m));
                break;
            case MedicationClass.Febuxostat:
                findings.Add(RaiseMedication(R.Int002, m));
                break;
            case MedicationClass.Aminosalicylate:
                findings.Add(RaiseCoTherapy(InteractionRules.LongStanding(m, p) ? R.Int010 : R.Int003, m, p));
                break;
            case MedicationClass.CoTrimoxazole:
                findings.Add(RaiseMedication(R.Int004, m));
                break;
            case MedicationClass.AceInhibitor:
                findings.Add(RaiseCoTherapy(InteractionRules.LongStanding(m, p) ? R.Int011 : R.Int005, m, p));
                break;
            case MedicationClass.Ribavirin:
                findings.Add(RaiseMedication(R.Int007, m));
                break;
            case MedicationClass.OtherThiopurine:
                findings.Add(RaiseMedication(R.Int009, m));
                break;
            case MedicationClass.Immunosuppressant:
                findings.Add(RaiseMedication(R.Int008, m));
                break;
            case MedicationClass.TnfBlocker:
                if (p.HasIbd)
                {
                    findings.Add(RaiseMedication(R.Mal003, m, new BasisFact("indication", "inflammatory bowel disease", "indications")));
                }
                else if (!p.Stopped)
                {
                    findings.Add(RaiseMedication(R.Int008, m));
                }

                break;
        }
    }

    private void Condition(ConditionFact c, List<Finding> findings)
    {
        switch (c.Kind)
        {
            case ConditionKind.Malignancy or ConditionKind.Lymphoma:
                findings.Add(RaiseCondition(R.Mal001, c));
                break;
            case ConditionKind.SkinCancer:
                findings.Add(RaiseCondition(R.Mal002, c));
                break;
            case ConditionKind.SeriousInfection when c.Active:
                findings.Add(RaiseCondition(R.Inf001, c));
                break;
            case ConditionKind.HepatitisB or ConditionKind.Tuberculosis:
                findings.Add(Raise(R.Inf002, c.Basis(), Value("condition", c.Kind == ConditionKind.HepatitisB ? "Hepatitis B" : "Tuberculosis")));
                break;
            case ConditionKind.ChronicKidneyDisease or ConditionKind.PostTransplantOliguria when c.Active:
                findings.Add(RaiseCondition(R.Ren001, c));
                break;
            case ConditionKind.ChronicLiverDisease or ConditionKind.Cirrhosis when c.Active:
                findings.Add(RaiseCondition(R.Hep001, c));
                break;
        }
    }

    private void Lab(PatientContext p, LabFact l, List<Finding> findings)
    {
        if (!l.IsLatest)
        {
            return;
        }

        if (l.IsCytopeniaCount)
        {
            if (l.Severe)
            {
                var basis = new List<BasisFact> { new("result", l.Describe(), l.Path) };
                string problem;
                if (l.Source.Flag == LabFlag.CriticallyLow)
                {
                    problem = "flagged critically low";
                }
                else
                {
                    problem = "fell markedly to a low value";
                    basis.Add(new BasisFact("low by", BloodCountRules.LowReason(l)));
                    basis.Add(new BasisFact("previous result", l.Previous!.Describe(), l.Previous.Path));
                    basis.Add(Fall(l));
                }

                findings.Add(Raise(R.Cyt002, basis.ToArray(), Value("test", BloodCountRules.TestName(l.Kind)), Value("problem", problem)));
            }
            else if (l.IsLow || l.FellWithinNormalRange)
            {
                var basis = new List<BasisFact> { new("result", l.Describe(), l.Path), new("low by", BloodCountRules.LowReason(l)) };
                if (l.FellWithinNormalRange)
                {
                    basis.Add(new BasisFact("previous result", l.Previous!.Describe(), l.Previous.Path));
                    basis.Add(Fall(l));
                }

                var problem = l.LowByFlag ? "flagged low" : l.LowByThreshold ? "below the host's threshold" : "fell markedly within the normal range";
                findings.Add(Raise(R.Cyt001, basis.ToArray(), Value("test", BloodCountRules.TestName(l.Kind)), Value("problem", problem)));
            }
        }
        else if (l.Kind == LabKind.Egfr)
        {
            if (l.IsLow)
            {
                findings.Add(Raise(R.Ren002, new[] { new BasisFact("eGFR", l.Describe(), l.Path) }, Value("value", l.Source.Value.ToString(CultureInfo.InvariantCulture) + " " + l.Source.Unit)));
            }
        }
        else if (l.IsLiverTest && (l.LiverHigh || l.LiverCritical))
        {
            var problem = l.LiverCritical
                ? (l.Source.Flag == LabFlag.CriticallyHigh ? "flagged critically high" : "far above the upper reference limit")
                : (l.Source.Flag is LabFlag.High or LabFlag.CriticallyHigh ? "flagged " + LabFact.Flag(l.Source.Flag) : "well above the upper reference limit");
            findings.Add(Raise(
                l.LiverCritical ? R.Hep003 : R.Hep002,
                new[] { new BasisFact("result", l.Describe(), l.Path), new BasisFact("raised by", l.LiverReason ?? string.Empty) },
                Value("test", BloodCountRules.TestName(l.Kind)),
                Value("problem", problem)));
        }
    }

    private static bool HasActive(PatientContext p, MedicationClass cls)
    {
        foreach (var m in p.InteractingMedications)
        {
            if (m.Active && m.Class == cls)
            {
                return true;
            }
        }

        return false;
    }

    private static string VaccineName(Vaccination v) =>
        NoDosePolicy.SafeEcho(v.Name, 40)
        ?? (v.CvxCode is { } cvx ? NoDosePolicy.SafeEcho("CVX " + cvx.Trim(), 40) : null)
        ?? "on record";

    private bool IsRecentOrPlanned(VaccineFact v, PatientContext p)
    {
        if (v.Source.Status == VaccinationStatus.Planned || v.Source.Date is not { } given)
        {
            return true;
        }

        var days = given.DaysUntil(p.Date);
        return days >= 0 && days <= _options.LiveVaccineLookbackDays;
    }

    // The data-quality issues found while deriving phenotypes, raised after the loader's own.
    [ThreadStatic]
    private static List<DataQualityIssue>? tIssues;

    private List<DataQualityIssue> Issues => tIssues ??= new List<DataQualityIssue>();

    [ThreadStatic]
    private static IssueList? tSink;

    private IFactSink IssueSink => tSink ??= new IssueList(Issues);

    /// <summary>Collects the data-quality facts the shared phenotype derivation reports.</summary>
    private sealed class IssueList : IFactSink
    {
        private readonly List<DataQualityIssue> _issues;

        public IssueList(List<DataQualityIssue> issues) => _issues = issues;

        public void Insert(object fact) => _issues.Add((DataQualityIssue)fact);
    }

    /// <summary>The phenotype for <paramref name="gene"/> from its results (the most cautious), as the derivation rule makes it.</summary>
    private PhenotypeCall? DerivePhenotype(Gene gene, PatientContext p, List<object> working)
    {
        var count = 0;
        foreach (var fact in working)
        {
            if (fact is PgxResultFact r && r.Gene == gene && Usable(r, p))
            {
                count++;
            }
        }

        var results = new PgxResultFact[count];
        count = 0;
        foreach (var fact in working)
        {
            if (fact is PgxResultFact r && r.Gene == gene && Usable(r, p))
            {
                results[count++] = r;
            }
        }

        return PharmacogenomicRules.Derive(gene, results, IssueSink);
    }

    /// <summary>An activity result within the transfusion window, or undated with a transfusion on file, is not used for the phenotype.</summary>
    private bool Usable(PgxResultFact r, PatientContext p) =>
        !(r.Source.Method == TestMethod.Activity && p.Facts.LastRedCellTransfusion is { } transfusion && InWindow(r.Source.Date, transfusion));

    /// <summary>Taken within the window after the transfusion, or undated (it cannot be shown to be outside).</summary>
    private bool InWindow(ClinicalDate? taken, ClinicalDate transfusion) =>
        taken is not { } d || (transfusion.DaysUntil(d) is var days && days >= 0 && days <= _options.TransfusionWindowDays);

    private Finding DataQuality(DataQualityIssue i) =>
        Raise(R.Dq001, new[] { new BasisFact(i.Fact, i.Evidence, i.Path) }, Value("fact", i.Fact), Value("problem", i.Problem), Value("consequence", i.Consequence));

    private void RaiseCall(R rule, PhenotypeCall call, List<Finding> findings)
    {
        var p = call.Patient!;
        var other = call.Gene == Gene.Tpmt ? Gene.Nudt15 : Gene.Tpmt;
        findings.Add(Raise(
            rule,
            new[] { CallFact(call), new BasisFact(Describe.Gene(other) + " phenotype", p.GeneStatus(other), p.CallFor(other)?.Path ?? "pharmacogenomics") },
            Value("phenotype", Describe.Phenotype(call.Phenotype))));
    }

    private BasisFact Fall(LabFact l) =>
        new("fall", "fell by " + Math.Round(l.MarkedFall!.Value, 2).ToString("0.00", CultureInfo.InvariantCulture) + " of the earlier value within "
            + l.Previous!.Date.DaysUntil(l.Date).ToString(CultureInfo.InvariantCulture) + " days; host threshold "
            + _options.MarkedFallFraction!.Value.ToString("0.00", CultureInfo.InvariantCulture) + " within " + _options.MarkedFallWindowDays.ToString(CultureInfo.InvariantCulture) + " days");

    private Finding RaiseCoTherapy(R rule, MedicationFact m, PatientContext p)
    {
        var window = _options.NewCoMedicationDays.ToString(CultureInfo.InvariantCulture);
        var since = m.FirstStart is { } start
            ? (start.DaysUntil(p.Date) > _options.NewCoMedicationDays ? "long-standing: began " + start + ", before the " + window + "-day window" : "new: began " + start + ", within the " + window + "-day window")
            : "start date unknown (taken as new)";
        return RaiseMedication(
            rule,
            m,
            new BasisFact("co-therapy", since + "; azathioprine " + FactLoader.Describe(p.TherapyStatus), "therapy"),
            new BasisFact("blood counts", p.CountsStableText, "labResults"));
    }

    private static BasisFact CallFact(PhenotypeCall call) =>
        new(Describe.Gene(call.Gene) + " phenotype", Describe.Phenotype(call.Phenotype) + " (" + call.Basis + ")", call.Path);

    private Finding RaiseMissing(R rule, PatientContext p, List<BasisFact> basis, bool noTpmt, bool noNudt15)
    {
        basis.Insert(0, new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"));
        var genes = noTpmt && noNudt15 ? "TPMT or NUDT15" : noTpmt ? "TPMT" : "NUDT15";
        basis.Add(new BasisFact("pharmacogenomic results", "no usable " + genes + " result on file", "pharmacogenomics"));
        basis.Add(new BasisFact("TPMT phenotype", p.GeneStatus(Gene.Tpmt), p.TpmtCall?.Path ?? "pharmacogenomics"));
        basis.Add(new BasisFact("NUDT15 phenotype", p.GeneStatus(Gene.Nudt15), p.Nudt15Call?.Path ?? "pharmacogenomics"));
        return Raise(rule, basis.ToArray(), Value("genes", genes));
    }

    private Finding RaiseMedication(R rule, MedicationFact m, params BasisFact[] more)
    {
        var basis = new List<BasisFact>(more);

        foreach (var e in m.Entries ?? (IReadOnlyList<MedicationFact>)new[] { m })
        {
            basis.Add(new BasisFact("medication", e.Describe(), e.Path));
        }

        return Raise(rule, basis.ToArray(), Value("ingredient", m.Ingredient));
    }

    private Finding RaiseCondition(R rule, ConditionFact c) => Raise(rule, c.Basis());

    private static BasisFact[] PregnancyBasis(PatientContext p, bool ra) => new[]
    {
        new BasisFact("pregnancy status", "pregnant", p.PregnancyPath),
        new BasisFact("indications", p.IndicationText + (ra ? " (rheumatoid arthritis)" : string.Empty), "indications"),
    };

    private static BasisFact[] ScheduleBasis(CbcSchedule s) => new[]
    {
        new BasisFact("therapy phase", s.PhaseBasis, "therapy"),
        new BasisFact("last blood count", s.LastCountText, s.LastCount?.Path ?? "labResults"),
        new BasisFact("schedule", s.Schedule + " (every " + s.IntervalDays.ToString(CultureInfo.InvariantCulture) + " days at most)"),
    };

    private static KeyValuePair<string, string> Value(string key, string value) => new(key, value);

    private Finding Raise(R rule, BasisFact[] basis, params KeyValuePair<string, string>[] values)
    {
        var m = _rules[(int)rule];
        return new Finding
        {
            RuleId = m.Id,
            Kind = m.Kind,
            Severity = m.Severity,
            Topic = m.Topic,
            RelatedTopics = m.RelatedTopics,
            Summary = Firing.Fill(m.Summary, values),
            Detail = Firing.Fill(m.Detail, values),
            Review = m.Review,
            Basis = new FindingBasis { Facts = ReadOnly.Freeze(basis), Logic = m.Logic },
            Sources = m.Sources,
        };
    }
}
