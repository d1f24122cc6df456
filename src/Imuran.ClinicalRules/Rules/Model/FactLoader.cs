using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Rules.Model;

/// <summary>
/// Turns validated patient facts into the rules' working facts: recognises medicines, conditions, labs, vaccines
/// and allergies, links each blood count to the one before it, and lists every item nothing recognised.
/// </summary>
internal static class FactLoader
{
    /// <summary>Loads <paramref name="facts"/> into <paramref name="working"/> and <paramref name="unrecognised"/>.</summary>
    /// <param name="facts">The validated patient facts.</param>
    /// <param name="options">The rule set's thresholds.</param>
    /// <param name="working">Where the working facts go, in the order they are to be inserted.</param>
    /// <param name="unrecognised">Where the items nothing recognised go.</param>
    /// <param name="pool">
    /// Where the patient context, labs, medicines, conditions and pharmacogenomic results come from when they are
    /// reused across evaluations (the compiled executor's session); null to make every fact new.
    /// </param>
    public static void Load(PatientFacts facts, RuleThresholds options, List<object> working, List<UnrecognisedInput> unrecognised, WorkingFactPool? pool = null)
    {
        var ctx = pool is null ? new PatientContext(facts, options) : pool.Patient(facts, options);
        working.Add(ctx);

        ApplyIndications(ctx, facts.Indications);
        var azathioprineOrder = -1;
        var pastAzathioprine = -1;

        // Repeated entries (refills, the same condition, allergy or vaccination recorded again) make one fact that
        // lists them all, so a long record never repeats a finding or runs into the firing limit.
        Dictionary<(MedicationClass, string), MedicationFact>? medicationIndex = null;
        var medicationStart = working.Count;

        var meds = facts.Medications;
        List<DataQualityIssue>? disagreements = null;
        for (var i = 0; i < meds.Count; i++)
        {
            var m = meds[i];
            var match = MedicationTerminology.Classify(m.RxNormCode, m.Name);

            // A code and a name that name different medicines (QA, 2 Dec: "Ribavirin" coded 519, allopurinol, lost the
            // ribavirin caution in silence): both are read, the more cautious reading, and the disagreement is a finding.
            // A name that also names the code's medicine ("Bactrim and allopurinol" coded 519) does not disagree with
            // it: it names several medicines, which ReadOtherNamedMedicines reports (stop 30).
            MedicationClass? readByName = null;
            if (match.MatchedBy is MatchedBy.Code or MatchedBy.ProductCode
                && MedicationTerminology.Classify(null, m.Name) is { MatchedBy: not MatchedBy.None } byName
                && !string.Equals(byName.Ingredient, match.Ingredient, System.StringComparison.Ordinal))
            {
                readByName = byName.Class;
                if (!MedicationTerminology.Names(m.Name, match.Class))
                {
                    (disagreements ??= new List<DataQualityIssue>()).Add(new DataQualityIssue(
                        "medication",
                        "its name and its RxNorm code name different medicines",
                        "both are checked (" + byName.Ingredient + " by the name, " + match.Ingredient + " by the code); correct the record",
                        IndexedPaths.Medication(i),
                        "the name " + Text(m.Name, "RxNorm", null, medicine: true) + " reads as " + byName.Ingredient + ", and RxNorm " + m.RxNormCode!.Trim() + " is " + match.Ingredient));
                }

                if (byName.Class is not MedicationClass.Azathioprine and not MedicationClass.Unrecognised)
                {
                    var named = pool is null ? new MedicationFact(m, i, byName, ctx) : pool.Medication(m, i, byName, ctx);
                    ctx.InteractingMedications.Add(named);
                    if (Grouped(working, medicationStart, ref medicationIndex, (byName.Class, byName.Ingredient), named, MedicationKey) is { } medicine)
                    {
                        working.Add(medicine);
                    }
                }
            }

            switch (match.Class)
            {
                case MedicationClass.Unrecognised:
                    unrecognised.Add(new UnrecognisedInput(IndexedPaths.Medication(i), "medication", Text(m.Name, "RxNorm", m.RxNormCode, medicine: true)));
                    break;
                case MedicationClass.Azathioprine:
                    if (m.Active && azathioprineOrder < 0)
                    {
                        azathioprineOrder = i;
                    }
                    else if (!m.Active && pastAzathioprine < 0)
                    {
                        pastAzathioprine = i;
                    }

                    break;
                default:
                    var entry = pool is null ? new MedicationFact(m, i, match, ctx) : pool.Medication(m, i, match, ctx);
                    ctx.InteractingMedications.Add(entry);
                    if (Grouped(working, medicationStart, ref medicationIndex, (match.Class, match.Ingredient), entry, MedicationKey) is { } medicine)
                    {
                        working.Add(medicine);
                    }

                    break;
            }

            ReadOtherNamedMedicines(m, i, match, readByName, ctx, working, medicationStart, ref medicationIndex, pool, ref disagreements);
        }

        if (disagreements is not null)
        {
            working.AddRange(disagreements);
        }

        ResolveTherapy(ctx, facts, azathioprineOrder, working);
        if (ctx.TherapyStatus == TherapyStatus.Unknown && azathioprineOrder < 0 && pastAzathioprine >= 0)
        {
            // Only past azathioprine orders (stopped, completed or cancelled) and no status: therapy has stopped.
            ctx.TherapyStatus = TherapyStatus.Stopped;
            ctx.TherapyBasis = "azathioprine in the medication list is past (" + IndexedPaths.Medication(pastAzathioprine) + ") and none is active";
        }

        ctx.PregnancyStatus = facts.PregnancyStatus;
        ctx.Breastfeeding = facts.Breastfeeding;
        ApplyStaleness(ctx, facts, working);
        if (ctx.PregnancyStatus == PregnancyStatus.Unknown && (facts.PruritusInPregnancy || facts.RaisedBileAcids || facts.SuspectedCholestasisOfPregnancy))
        {
            ctx.PregnancyStatus = PregnancyStatus.Pregnant;
            ctx.PregnancyPath = "findings of the current pregnancy";
        }

        Dictionary<(ConditionKind, bool, string?), ConditionFact>? conditionIndex = null;
        var conditionStart = working.Count;
        var conditions = facts.Conditions;
        for (var i = 0; i < conditions.Count; i++)
        {
            var c = conditions[i];
            var (kind, _, isHistoryCode) = ConditionTerminology.Classify(c);
            if (kind == ConditionKind.Unrecognised)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Condition(i), "condition", Text(c.Name, c.CodeSystem ?? "code", c.Code)));
                continue;
            }

            var active = c.Status == ConditionStatus.Active && !isHistoryCode;
            AddCondition(c, i, kind, active);

            // A name naming more than one disease ("Crohn's disease and chronic hepatitis B") gives a fact for each: the
            // second is not dropped for standing second. The name of a coded condition is read too (stop 30): a code
            // names one condition, but "Rheumatoid arthritis with latent tuberculosis" coded as rheumatoid arthritis
            // lost the tuberculosis in silence, as a medicine's name and code that disagree would have (both are read).
            // Local choice: pregnancy and breastfeeding are read only as a name's first term; a disease's name that
            // mentions them later ("Crohn's disease diagnosed in pregnancy 2015") dates it and does not say the
            // patient is pregnant now.
            var position = 0;
            List<ConditionKind>? seen = null;
            while (ConditionTerminology.NextNamedKind(c.Name, ref position, out var further))
            {
                if (further == kind || further is ConditionKind.Pregnancy or ConditionKind.Breastfeeding || (seen?.Contains(further) ?? false))
                {
                    continue;
                }

                (seen ??= new List<ConditionKind>()).Add(further);
                AddCondition(c, i, further, active);
            }
        }

        void AddCondition(Condition c, int i, ConditionKind kind, bool active)
        {
            var condition = pool is null ? new ConditionFact(c, i, kind, active) : pool.Condition(c, i, kind, active);
            if (Grouped(working, conditionStart, ref conditionIndex, (kind, active, ConditionText(c)), condition, ConditionKey) is { } conditionFact)
            {
                working.Add(conditionFact);
            }

            ApplyCondition(ctx, kind);
            if (active)
            {
                ApplyReproductiveCondition(ctx, kind, IndexedPaths.Condition(i), working);
            }
        }

        LoadLabs(ctx, facts.LabResults, working, unrecognised, pool);

        Dictionary<(string?, VaccinationStatus, ClinicalDate?), VaccineFact>? vaccineIndex = null;
        var vaccineStart = working.Count;
        var vaccines = facts.Vaccinations;
        for (var i = 0; i < vaccines.Count; i++)
        {
            var v = vaccines[i];
            var live = VaccineTerminology.IsLive(v);
            if (live is null)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Vaccination(i), "vaccine", Text(v.Name, "CVX", v.CvxCode)));
                continue;
            }

            if (Grouped(working, vaccineStart, ref vaccineIndex, (v.CvxCode ?? v.Name, v.Status, v.Date), new VaccineFact(v, i, live.Value, ctx), VaccineKey) is { } vaccineFact)
            {
                working.Add(vaccineFact);
            }
        }

        Dictionary<string, HypersensitivityFact>? allergyIndex = null;
        var allergyStart = working.Count;
        var allergies = facts.Allergies;
        for (var i = 0; i < allergies.Count; i++)
        {
            var a = allergies[i];
            var thiopurine = AllergyTerminology.Thiopurine(a);
            if (thiopurine is null)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Allergy(i), "allergy", Text(a.Substance, "RxNorm", a.RxNormCode, medicine: true)));
                continue;
            }

            if (Grouped(working, allergyStart, ref allergyIndex, thiopurine, new HypersensitivityFact(a, i, thiopurine), AllergyKey) is { } allergyFact)
            {
                working.Add(allergyFact);
            }
        }

        var pgx = facts.Pharmacogenomics;
        for (var i = 0; i < pgx.Count; i++)
        {
            var r = pgx[i];
            working.Add(pool is null ? new PgxResultFact(r, i) : pool.Pharmacogenomic(r, i));
            Pharmacogenomics.PhenotypeTranslation? t = null;
            if (r.Diplotype is { } diplotype && !string.IsNullOrWhiteSpace(diplotype))
            {
                t = Pharmacogenomics.CpicTables.Default.Translate(r.Gene, diplotype);
                if (t is null || t.HasAlleleNotInTable)
                {
                    // Present but unreadable (an HGVS genotype, free text) or naming an allele the CPIC table lacks.
                    unrecognised.Add(new UnrecognisedInput(IndexedPaths.Pharmacogenomic(i), "pharmacogenomic result", Rules.Describe.Gene(r.Gene) + " " + NoDosePolicy.EchoAsWritten(diplotype)));
                    if (t is null && r.Phenotype is null)
                    {
                        ctx.AddUnreadable(r.Gene, IndexedPaths.Pharmacogenomic(i));
                    }
                }
            }
            if (PharmacogenomicRules.GivesPhenotype(r, t, ctx))
            {
                if (r.Gene == Gene.Tpmt)
                {
                    ctx.TpmtResultGivesPhenotype = true;
                }
                else
                {
                    ctx.Nudt15ResultGivesPhenotype = true;
                }
            }

            if (r.Gene == Gene.Tpmt && r.Method == TestMethod.Activity)
            {
                // An undated activity result is a fact too: after a transfusion it may reflect donor cells (AZA-PGX-011).
                var description = r.Date is { } d ? "TPMT red-cell activity result of " + d : "TPMT red-cell activity result with no date";
                working.Add(new TpmtActivityResult(r.Date, description, IndexedPaths.Pharmacogenomic(i), ctx));
            }
        }

        if (facts.BirthDate is null)
        {
            working.Add(new DataQualityIssue(
                "birth date",
                "no birth date on file",
                "age-dependent checks (children, reproductive potential, adolescent and young adult males with IBD) cannot be applied with certainty",
                "birthDate"));
        }

        if (ctx.TherapyStatus == TherapyStatus.Unknown)
        {
            working.Add(new DataQualityIssue(
                "azathioprine therapy status",
                "not recorded (considering, newly started or continuing)",
                "blood-count and liver-test schedules cannot be checked; pre-treatment checks are applied as for a new start",
                "therapy.status"));
        }
        else if (ctx.TherapyStatus == TherapyStatus.NewlyStarted && ctx.TherapyStart is null)
        {
            working.Add(new DataQualityIssue(
                "azathioprine start date",
                "newly started but no start date on file",
                "the blood-count schedule is checked as for the first month of therapy",
                "therapy.startDate"));
        }
    }

    /// <summary>
    /// Stale data is unknown data: a pregnancy or breastfeeding status older than the host's window counts as unknown,
    /// and a stale "pregnant" or "breastfeeding" becomes a data-quality prompt that says how old it is.
    /// </summary>
    private static void ApplyStaleness(PatientContext ctx, PatientFacts facts, List<object> working)
    {
        var o = ctx.Options;
        if (facts.PregnancyStatusDate is { } recorded && facts.PregnancyStatus != PregnancyStatus.Unknown)
        {
            var age = recorded.DaysUntil(facts.EvaluationDate);
            var window = facts.PregnancyStatus == PregnancyStatus.Pregnant ? o.PregnantStatusMaxAgeDays : o.PregnancyStatusMaxAgeDays;
            if (age > window)
            {
                var what = facts.PregnancyStatus == PregnancyStatus.Pregnant ? "pregnant" : "not pregnant";
                var days = age.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ctx.PregnancyStatus = PregnancyStatus.Unknown;
                ctx.PregnancyStaleDays = age;
                ctx.PregnancyStaleness = "last recorded as " + what + " on " + recorded + ", " + days + " days ago (older than the host's "
                    + window.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-day window), so unknown";
                if (facts.PregnancyStatus == PregnancyStatus.Pregnant)
                {
                    working.Add(new DataQualityIssue(
                        "pregnancy status",
                        "recorded as pregnant " + days + " days ago",
                        "it counts as unknown, not as a current pregnancy; confirm the current pregnancy status",
                        "pregnancyStatusDate",
                        ctx.PregnancyStaleness));
                }
            }
        }

        if (facts.BreastfeedingDate is { } fed && facts.Breastfeeding is { } value)
        {
            var age = fed.DaysUntil(facts.EvaluationDate);
            if (age > o.BreastfeedingStatusMaxAgeDays)
            {
                ctx.Breastfeeding = null;
                if (value)
                {
                    var days = age.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    working.Add(new DataQualityIssue(
                        "breastfeeding status",
                        "recorded as breastfeeding " + days + " days ago",
                        "it counts as unknown; confirm whether the patient is breastfeeding now",
                        "breastfeedingDate",
                        "last recorded as breastfeeding on " + fed + ", " + days + " days ago (older than the host's "
                        + o.BreastfeedingStatusMaxAgeDays.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-day window), so unknown"));
                }
            }
        }
    }


    /// <summary>Sets the therapy status, start and basis on the patient context, from the therapy record or an active order.</summary>
    /// <param name="ctx">The patient context to fill in.</param>
    /// <param name="facts">The patient facts.</param>
    /// <param name="order">The index of the first active azathioprine order, or -1.</param>
    /// <param name="working">The working facts (a contradiction between status and orders is added as a data-quality issue).</param>
    private static void ResolveTherapy(PatientContext ctx, PatientFacts facts, int order, List<object> working)
    {
        ctx.TherapyStatus = facts.Therapy.Status;
        ctx.TherapyStart = facts.Therapy.StartDate;
        ctx.TherapyBasis = StatusBasis(facts.Therapy.Status);
        if (order < 0)
        {
            return;
        }

        var orderStart = facts.Medications[order].StartDate;
        var contradicts = facts.Therapy.Status switch
        {
            // "Considering" while an order has been active for months: the order wins (the cautious reading).
            TherapyStatus.Considering => orderStart is { } os && os.DaysUntil(facts.EvaluationDate) > ctx.Options.ConsideringContradictionDays,
            TherapyStatus.Stopped => true,
            _ => false,
        };
        if (contradicts)
        {
            var since = orderStart is { } d ? " since " + d + " (" + d.DaysUntil(facts.EvaluationDate).ToString(System.Globalization.CultureInfo.InvariantCulture) + " days)" : string.Empty;
            working.Add(new DataQualityIssue(
                "azathioprine therapy status",
                "recorded as " + Describe(facts.Therapy.Status) + " but an azathioprine order is active" + since,
                "the patient is treated as on therapy (the order wins); blood-count monitoring and interaction checks apply",
                "therapy.status",
                "therapy status " + Describe(facts.Therapy.Status) + ", but " + IndexedPaths.Medication(order) + " is an active azathioprine order" + since));
        }

        if (facts.Therapy.Status == TherapyStatus.Unknown || contradicts)
        {
            // An active azathioprine order with no stated status, or one that contradicts it: the patient is on therapy.
            var start = orderStart;
            ctx.TherapyStart = start;
            ctx.TherapyStatus = start is { } s && s.DaysUntil(facts.EvaluationDate) < 28 ? TherapyStatus.NewlyStarted : TherapyStatus.Continuing;
            var code = facts.Medications[order].RxNormCode;
            var product = code is not null && MedicationTerminology.Classify(code, null).MatchedBy == MatchedBy.ProductCode
                ? ": RxNorm " + code.Trim() + ", product code mapped to the ingredient azathioprine"
                : string.Empty;
            ctx.TherapyBasis = "active azathioprine in the medication list (" + IndexedPaths.Medication(order) + product + ")";
        }
    }

    /// <summary>The basis text for a stated therapy status (constant texts, so nothing is built per evaluation).</summary>
    private static string StatusBasis(TherapyStatus status) => status switch
    {
        TherapyStatus.Considering => "therapy status considering",
        TherapyStatus.NewlyStarted => "therapy status newly started",
        TherapyStatus.Continuing => "therapy status continuing",
        TherapyStatus.Stopped => "therapy status stopped",
        _ => "therapy status unknown",
    };

    public static string Describe(TherapyStatus status) => status switch
    {
        TherapyStatus.Considering => "considering",
        TherapyStatus.NewlyStarted => "newly started",
        TherapyStatus.Continuing => "continuing",
        TherapyStatus.Stopped => "stopped",
        _ => "unknown",
    };

    private static void ApplyIndications(PatientContext ctx, IReadOnlyList<Indication> indications)
    {
        for (var n = 0; n < indications.Count; n++)
        {
            switch (indications[n])
            {
                case Indication.RheumatoidArthritis:
                    ctx.HasRheumatoidArthritis = true;
                    break;
                case Indication.CrohnsDisease:
                case Indication.UlcerativeColitis:
                case Indication.InflammatoryBowelDisease:
                    ctx.HasIbd = true;
                    break;
                case Indication.KidneyTransplant:
                case Indication.OtherOrganTransplant:
                    ctx.IsTransplantRecipient = true;
                    break;
            }
        }
    }

    /// <summary>The indications in plain words for a basis (made when a finding quotes them, not for every patient).</summary>
    public static string IndicationText(IReadOnlyList<Indication> indications) => indications.Count switch
    {
        0 => "none recorded",
        1 => indications[0].ToString(),
        _ => JoinNames(indications),
    };

    private static string JoinNames(IReadOnlyList<Indication> indications)
    {
        var names = new string[indications.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = indications[i].ToString();
        }

        return string.Join(", ", names);
    }

    private static void ApplyCondition(PatientContext ctx, ConditionKind kind)
    {
        switch (kind)
        {
            case ConditionKind.RheumatoidArthritis:
                ctx.HasRheumatoidArthritis = true;
                break;
            case ConditionKind.CrohnsDisease:
            case ConditionKind.UlcerativeColitis:
            case ConditionKind.InflammatoryBowelDisease:
                ctx.HasIbd = true;
                break;
            case ConditionKind.KidneyTransplant:
            case ConditionKind.OtherOrganTransplant:
                ctx.IsTransplantRecipient = true;
                break;
        }
    }

    private static void ApplyReproductiveCondition(PatientContext ctx, ConditionKind kind, string path, List<object> working)
    {
        if (kind == ConditionKind.Pregnancy && ctx.PregnancyStatus != PregnancyStatus.Pregnant)
        {
            if (ctx.PregnancyStatus == PregnancyStatus.NotPregnant)
            {
                working.Add(new DataQualityIssue(
                    "pregnancy status",
                    "recorded as not pregnant, but " + path + " records a current pregnancy",
                    "the rules use the more cautious reading (pregnant)",
                    path));
            }

            ctx.PregnancyStatus = PregnancyStatus.Pregnant;
            ctx.PregnancyPath = path;
        }
        else if (kind == ConditionKind.Breastfeeding && ctx.Breastfeeding != true)
        {
            if (ctx.Breastfeeding == false)
            {
                working.Add(new DataQualityIssue(
                    "breastfeeding",
                    "recorded as not breastfeeding, but " + path + " records breastfeeding",
                    "the rules use the more cautious reading (breastfeeding)",
                    path));
            }

            ctx.Breastfeeding = true;
            ctx.BreastfeedingPath = path;
        }
    }

    /// <summary>
    /// A per-thread buffer for loading the labs: the lab facts in input order, then the same facts sorted by kind
    /// and time. Cleared after every load, so it holds no fact of an evaluation once loading is done.
    /// </summary>
    [System.ThreadStatic]
    private static LabFact[]? t_labs;

    /// <summary>A buffer longer than this is not kept for the next load.</summary>
    private const int LargestKeptLabBuffer = 512;

    private static void LoadLabs(PatientContext ctx, IReadOnlyList<LabResult> labs, List<object> working, List<UnrecognisedInput> unrecognised, WorkingFactPool? pool)
    {
        var buffer = t_labs;
        t_labs = null;
        if (buffer is null || buffer.Length < 2 * labs.Count)
        {
            buffer = new LabFact[System.Math.Max(16, 2 * labs.Count)];
        }

        try
        {
            LoadLabs(ctx, labs, working, unrecognised, buffer, pool);
        }
        finally
        {
            System.Array.Clear(buffer, 0, 2 * labs.Count);
            if (buffer.Length <= LargestKeptLabBuffer)
            {
                t_labs = buffer;
            }
        }
    }

    /// <summary>Loads the labs, using <paramref name="facts"/> (at least twice as long as the labs) as scratch.</summary>
    private static void LoadLabs(PatientContext ctx, IReadOnlyList<LabResult> labs, List<object> working, List<UnrecognisedInput> unrecognised, LabFact[] facts, WorkingFactPool? pool)
    {
        // Lab facts go into the working list in input order, after the TPMT activity results they give rise to.
        List<TpmtActivityResult>? activityResults = null;
        var recognised = 0;
        for (var i = 0; i < labs.Count; i++)
        {
            var l = labs[i];
            var (kind, _) = LabTerminology.Classify(l);
            if (kind == LabKind.Unrecognised)
            {
                unrecognised.Add(new UnrecognisedInput(IndexedPaths.Lab(i), "lab", Text(l.Name, "LOINC", l.LoincCode)));
                continue;
            }

            var fact = pool is null ? new LabFact(l, i, kind, ctx) : pool.Lab(l, i, kind, ctx);
            if (fact.IsLiverTest)
            {
                BloodCountRules.AssessLiver(fact, ctx.Options); // before the sort, which reads whether it is high
            }

            facts[recognised++] = fact;
            if (kind == LabKind.TpmtActivity)
            {
                (activityResults ??= new List<TpmtActivityResult>()).Add(new TpmtActivityResult(l.Date!.Value, "TPMT red-cell activity " + l.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + l.Unit + " on " + l.Date, IndexedPaths.Lab(i), ctx));
            }
        }

        if (activityResults is not null)
        {
            working.AddRange(activityResults);
        }

        // Chain each result to the latest of its kind on an earlier day, and mark the latest: one sort (by kind, date,
        // then concern: results of one day are read with the most concerning last, whatever their input order), so a
        // long history costs n log n, not n squared. The sorted copy sits after the input order.
        System.Array.Copy(facts, 0, facts, recognised, recognised);
#if NET5_0_OR_GREATER
        System.MemoryExtensions.Sort(new System.Span<LabFact>(facts, recognised, recognised), KindThenTime.Comparison); // a cached delegate: Array.Sort with a comparer makes one per call
#else
        System.Array.Sort(facts, recognised, recognised, KindThenTime.Instance);
#endif
        LabFact? earlierDay = null;
        for (var a = recognised; a < 2 * recognised; a++)
        {
            var fact = facts[a];
            var before = a > recognised && facts[a - 1].Kind == fact.Kind ? facts[a - 1] : null;
            if (before is null)
            {
                earlierDay = null;
            }
            else if (before.Date != fact.Date)
            {
                earlierDay = before;
            }

            // A result of the same day is not a "previous" result: two results of one day are no trend.
            fact.Previous = earlierDay;
            fact.IsLatest = a == 2 * recognised - 1 || facts[a + 1].Kind != fact.Kind;
        }

        List<DataQualityIssue>? pendingIssues = null;
        for (var i = 0; i < recognised; i++)
        {
            var fact = facts[i];
            var unitIssue = BloodCountRules.Assess(fact, ctx.Options);
            if (unitIssue is not null)
            {
                pendingIssues ??= new List<DataQualityIssue>();
                pendingIssues.Add(unitIssue);
            }

            if (unitIssue is null && BloodCountRules.UnreadableUnit(fact) is { } unreadable)
            {
                pendingIssues ??= new List<DataQualityIssue>();
                pendingIssues.Add(unreadable);
            }

            if (BloodCountRules.UnjudgedLiverTest(fact, ctx.Options) is { } unjudged)
            {
                pendingIssues ??= new List<DataQualityIssue>();
                pendingIssues.Add(unjudged);
            }

            if (fact.IsBloodCount)
            {
                ctx.BloodCounts.Add(fact);
            }

            if (fact.IsLiverTest && (ctx.LatestLiverTest is not { } latest || fact.Date > latest))
            {
                ctx.LatestLiverTest = fact.Date;
            }

            working.Add(fact);
        }

        // A latest count that is low, or a latest liver test that is high, while another result of its kind on the same
        // day is not: the one of concern is read (the more cautious reading), and the disagreement is a finding of its own.
        for (var a = recognised + 1; a < 2 * recognised; a++)
        {
            if (BloodCountRules.SameDayDisagreement(facts[a], facts[a - 1]) is { } disagreement)
            {
                (pendingIssues ??= new List<DataQualityIssue>()).Add(disagreement);
            }
        }

        if (pendingIssues is not null)
        {
            working.AddRange(pendingIssues);
        }

        LabFact? unstable = null;
        var anyCount = false;
        foreach (var count in ctx.BloodCounts)
        {
            anyCount |= count.Kind is LabKind.WhiteCells or LabKind.Neutrophils or LabKind.Platelets;
            if (unstable is null && count.IsCytopeniaCount && count.IsLatest && (count.IsLow || count.MarkedFall is not null || count.ThresholdUnknown))
            {
                unstable = count;
            }
        }

        ctx.CountsStable = anyCount && unstable is null;
        ctx.CountsStableText = unstable is not null
            ? "not stable: " + unstable.Describe() + (unstable.MarkedFall is not null ? " (a marked fall)" : unstable.IsLow ? " (low)" : " (a unit the rules cannot convert)")
            : anyCount ? "stable: no latest count low or falling markedly" : "no white count or platelets on file";
    }

    /// <summary>
    /// Labs by kind, then date, then concern (the most concerning result of a day last, so it is the one read as the
    /// latest), then input order: a total order, so the sort needs no stability, and results of one day are read the
    /// same whatever their input order (QA, 2 Dec: a normal count listed after a critically low one of the same day hid it).
    /// </summary>
    private sealed class KindThenTime : IComparer<LabFact>
    {
        public static readonly KindThenTime Instance = new();

        public static readonly System.Comparison<LabFact> Comparison = Instance.Compare;

        public int Compare(LabFact? a, LabFact? b)
        {
            if (a!.Kind != b!.Kind)
            {
                return ((int)a.Kind).CompareTo((int)b.Kind);
            }

            if (a.Date != b.Date)
            {
                return a.Date.CompareTo(b.Date);
            }

            var byConcern = Concern(a).CompareTo(Concern(b));
            return byConcern != 0 ? byConcern : a.Index.CompareTo(b.Index);
        }

        /// <summary>
        /// How concerning a result is among results of its kind on one day: for a liver test, first how the rules judged it
        /// (critically high, high, neither: <see cref="BloodCountRules.AssessLiver"/>, which also reads multiples of the
        /// upper reference limit, so a high result is never ranked below a larger value that is not high); then its flag
        /// in the direction that matters (low for counts, haemoglobin, eGFR and TPMT activity; high for liver tests and
        /// creatinine), then its value in the canonical unit in that direction. A value that cannot be converted ranks
        /// below every converted value of the same flag, so a readable result is read before an unreadable one.
        /// </summary>
        private static (int Judged, int Flag, bool Readable, double Value) Concern(LabFact l)
        {
            var high = l.Kind is LabKind.Alt or LabKind.Ast or LabKind.Bilirubin or LabKind.AlkalinePhosphatase or LabKind.Creatinine;
            var flag = l.Source.Flag switch
            {
                LabFlag.CriticallyLow when !high => 2,
                LabFlag.Low when !high => 1,
                LabFlag.CriticallyHigh when high => 2,
                LabFlag.High when high => 1,
                _ => 0,
            };
            var value = l.Normalised?.Value ?? (LabUnits.CanonicalUnit(l.Kind) is null ? l.Source.Value : double.NaN);
            var judged = l.LiverCritical ? 2 : l.LiverHigh ? 1 : 0; // both false for all but liver tests
            return double.IsNaN(value) ? (judged, flag, false, 0) : (judged, flag, true, high ? value : -value);
        }
    }


    private static readonly System.Func<MedicationFact, (MedicationClass, string)> MedicationKey = m => (m.Class, m.Ingredient);
    private static readonly System.Func<ConditionFact, (ConditionKind, bool, string?)> ConditionKey = c => (c.Kind, c.Active, ConditionText(c.Source));

    /// <summary>What makes two condition entries the same record: the same code, or without one the same name (any case).</summary>
    private static string? ConditionText(Condition c) => c.Code is { } code ? (c.CodeSystem ?? string.Empty) + "|" + code.Trim() : c.Name?.Trim().ToUpperInvariant();
    private static readonly System.Func<VaccineFact, (string?, VaccinationStatus, ClinicalDate?)> VaccineKey = v => (v.Source.CvxCode ?? v.Source.Name, v.Source.Status, v.Source.Date);
    private static readonly System.Func<HypersensitivityFact, string> AllergyKey = h => h.Thiopurine;

    /// <summary>
    /// Stop 30: a medicine's name that names more than one medicine the rules know ("Allopurinol and warfarin") was read
    /// as the first alone, so the others' cautions were lost in silence (the FHIR reader reported it; the patient JSON
    /// path said nothing). Every other medicine it names is read too, as taken, the more cautious reading (as a code and
    /// a name that disagree are both read), and the ambiguity is a data-quality finding naming them. Azathioprine named
    /// after another medicine ("Allopurinol - not with azathioprine") is not read as an azathioprine order; a second
    /// medicine of a class already read from the entry adds nothing. Allocates only when a name names a second medicine.
    /// </summary>
    private static void ReadOtherNamedMedicines(
        Medication m,
        int i,
        MedicationMatch match,
        MedicationClass? readByName,
        PatientContext ctx,
        List<object> working,
        int medicationStart,
        ref Dictionary<(MedicationClass, string), MedicationFact>? medicationIndex,
        WorkingFactPool? pool,
        ref List<DataQualityIssue>? issues)
    {
        var position = 0;
        string? first = null;
        List<string>? named = null;
        List<MedicationClass>? read = null;
        while (MedicationTerminology.NextNamed(m.Name, ref position, out var other))
        {
            // The names in the order the text gives them; the entry was read as one of them (by its code, or by the name
            // the index reads first, which need not be the leftmost: "Allopurinol and sulfamethoxazole trimethoprim" is
            // read as co-trimoxazole), so each is checked against what was read, the first one too.
            if (first is null)
            {
                first = other.Ingredient;
            }
            else if (string.Equals(other.Ingredient, first, System.StringComparison.Ordinal) || (named?.Contains(other.Ingredient) ?? false))
            {
                continue;
            }
            else
            {
                (named ??= new List<string> { first }).Add(other.Ingredient);
            }

            // The classes the entry was already read as: by its code (or name), by its name when they disagree, and here.
            if (other.Class is MedicationClass.Azathioprine or MedicationClass.Unrecognised || other.Class == match.Class || other.Class == readByName
                || (read?.Contains(other.Class) ?? false))
            {
                continue;
            }

            (read ??= new List<MedicationClass>()).Add(other.Class);
            var fact = pool is null ? new MedicationFact(m, i, other, ctx) : pool.Medication(m, i, other, ctx);
            ctx.InteractingMedications.Add(fact);
            if (Grouped(working, medicationStart, ref medicationIndex, (other.Class, other.Ingredient), fact, MedicationKey) is { } medicine)
            {
                working.Add(medicine);
            }
        }

        if (named is not null)
        {
            (issues ??= new List<DataQualityIssue>()).Add(new DataQualityIssue(
                "medication",
                "its name names more than one medicine",
                "each medicine it names that the rules check is checked as taken; record one medicine per entry",
                IndexedPaths.Medication(i),
                "the name " + Text(m.Name, "RxNorm", null, medicine: true) + " names " + string.Join(", ", named)));
        }
    }

    /// <summary>
    /// <paramref name="fact"/> when it is the first of its <paramref name="key"/> (the caller adds it to the working
    /// facts); otherwise null, and it joins the first one. The first ones are found by a scan of the working facts from
    /// <paramref name="start"/> while there are few (no allocation for a typical patient), by an index beyond that.
    /// </summary>
    private static T? Grouped<TKey, T>(List<object> working, int start, ref Dictionary<TKey, T>? index, TKey key, T fact, System.Func<T, TKey> keyOf)
        where TKey : notnull
        where T : class
    {
        const int ScanLimit = 16;
        if (index is null)
        {
            var heads = 0;
            for (var i = start; i < working.Count; i++)
            {
                if (working[i] is T head)
                {
                    if (EqualityComparer<TKey>.Default.Equals(keyOf(head), key))
                    {
                        Join(head, fact);
                        return null;
                    }

                    heads++;
                }
            }

            if (heads < ScanLimit)
            {
                return fact;
            }

            index = new Dictionary<TKey, T>();
            for (var i = start; i < working.Count; i++)
            {
                if (working[i] is T head && !index.ContainsKey(keyOf(head)))
                {
                    index.Add(keyOf(head), head);
                }
            }
        }

        if (index.TryGetValue(key, out var first))
        {
            Join(first, fact);
            return null;
        }

        index.Add(key, fact);
        return fact;
    }

    private static void Join<T>(T head, T entry)
    {
        switch (head)
        {
            case MedicationFact m:
                m.Join((MedicationFact)(object)entry!);
                break;
            case ConditionFact c:
                c.Join((ConditionFact)(object)entry!);
                break;
            case VaccineFact v:
                v.Join((VaccineFact)(object)entry!);
                break;
            case HypersensitivityFact h:
                h.Join((HypersensitivityFact)(object)entry!);
                break;
        }
    }

    /// <summary>
    /// An unrecognised entry as listed: its name redacted (a medicine's or an allergy's also withheld for a standalone
    /// number, see <see cref="NoDosePolicy.RedactMedicineName"/>), then its code.
    /// </summary>
    private static string Text(string? name, string system, string? code, bool medicine = false)
    {
        var shown = name is null ? "(no name)" : medicine ? NoDosePolicy.RedactMedicineName(name) : NoDosePolicy.RedactStrength(name);
        return code is null ? shown : $"{shown} [{system} {code}]";
    }
}
