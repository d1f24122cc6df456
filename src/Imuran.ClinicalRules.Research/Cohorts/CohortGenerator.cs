using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Research.Cohorts;

/// <summary>
/// Draws a synthetic cohort of patients with the prevalences of a <see cref="CohortOptions"/>. Deterministic: the same
/// seed and options give the same patients, in the same order (one <see cref="Random"/> seeded once, drawn from in a
/// fixed order). Patients are made one at a time, so a cohort of any size streams in constant memory.
/// The patients are synthetic test data, not a model of any real population. Not thread-safe: one generator per thread.
/// </summary>
public sealed class CohortGenerator
{
    private readonly CohortOptions _o;
    private readonly Random _random;
    private readonly int _seed;
    private readonly double[] _ancestryCumulative;
    private int _next;

    /// <summary>Creates a generator; the same <paramref name="options"/> and <paramref name="seed"/> give the same patients.</summary>
    /// <param name="options">The prevalences, for example <see cref="CohortOptions.Default"/>.</param>
    /// <param name="seed">The seed; it is part of every patient id.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// The options' <see cref="CohortOptions.EvaluationDate"/> is before 0101-01-01 (the patients' dates, up to 100 years
    /// before it, would not be calendar dates) or one the rule set refuses (after 9000-12-31); or a prevalence is not a
    /// probability from 0 to 1 (NaN included), or the ancestry mix is empty, has a negative, NaN or infinite share, a
    /// NUDT15 allele frequency outside 0 to 1, or shares adding up to zero. The message names each member.
    /// </exception>
    public CohortGenerator(CohortOptions options, int seed)
    {
        _o = options ?? throw new ArgumentNullException(nameof(options));
        Internal.GeneratedDates.Check(options.EvaluationDate, nameof(CohortOptions) + "." + nameof(CohortOptions.EvaluationDate));
        if (options.Problem() is { } problem)
        {
            // Stop 28: checked nowhere: NaN passed every comparison and drew as 0; an empty mix ended in an index error.
            throw new ArgumentOutOfRangeException(nameof(options), nameof(CohortOptions) + ": " + problem);
        }

        _seed = seed;
        _random = new Random(seed);
        _ancestryCumulative = new double[options.Ancestry.Count];
        var total = 0.0;
        foreach (var g in options.Ancestry)
        {
            total += g.Share;
        }

        var sum = 0.0;
        for (var i = 0; i < options.Ancestry.Count; i++)
        {
            sum += options.Ancestry[i].Share / total;
            _ancestryCumulative[i] = sum;
        }
    }

    private ClinicalDate Today => _o.EvaluationDate;

    /// <summary>The next patient, with id <c>cohort-SEED-NNNNNN</c>.</summary>
    public PatientFacts Next()
    {
        _next++;
        var id = "cohort-" + _seed.ToString(CultureInfo.InvariantCulture) + "-" + _next.ToString("000000", CultureInfo.InvariantCulture);

        var age = Chance(_o.Child) ? Between(6, 17) : Between(18, 85);
        var female = Chance(_o.Female);
        var ancestry = _o.Ancestry[PickAncestry()];
        ClinicalDate? birthDate = Today.AddMonths(-12 * age).AddDays(-Between(0, 364));
        if (Chance(_o.MissingBirthDate))
        {
            birthDate = null;
        }

        var livedDays = Math.Max(1, (age * 365) - 30);

        // Therapy.
        var u = _random.NextDouble();
        AzathioprineTherapy therapy;
        int? startedDaysAgo = null;
        if (u < _o.Considering)
        {
            therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering };
        }
        else if (u < _o.Considering + _o.NewlyStarted)
        {
            startedDaysAgo = Between(1, 27);
            therapy = new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, StartDate = Today.AddDays(-startedDaysAgo.Value) };
        }
        else if (u < _o.Considering + _o.NewlyStarted + _o.TherapyStatusUnknown)
        {
            therapy = new AzathioprineTherapy();
        }
        else
        {
            startedDaysAgo = Between(28, Math.Min(3650, livedDays));
            therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = Today.AddDays(-startedDaysAgo.Value) };
            if (Chance(0.05))
            {
                therapy = therapy with { LastRegimenChange = Today.AddDays(-Between(0, Math.Min(startedDaysAgo.Value, 120))) };
            }
        }

        var onTherapy = therapy.Status is TherapyStatus.NewlyStarted or TherapyStatus.Continuing;

        u = _random.NextDouble();
        var setting = u < _o.Prescribing ? CareSetting.Prescribing : u < _o.Prescribing + _o.Dispensing ? CareSetting.Dispensing : CareSetting.Review;

        // Indication.
        u = _random.NextDouble();
        Indication indication;
        if (u < _o.IndicationIbd)
        {
            indication = Chance(0.5) ? Indication.CrohnsDisease : Indication.UlcerativeColitis;
        }
        else if (u < _o.IndicationIbd + _o.IndicationRheumatoidArthritis)
        {
            indication = Indication.RheumatoidArthritis;
        }
        else if (u < _o.IndicationIbd + _o.IndicationRheumatoidArthritis + _o.IndicationKidneyTransplant)
        {
            indication = Indication.KidneyTransplant;
        }
        else if (u < _o.IndicationIbd + _o.IndicationRheumatoidArthritis + _o.IndicationKidneyTransplant + _o.IndicationAutoimmuneHepatitis)
        {
            indication = Indication.AutoimmuneHepatitis;
        }
        else
        {
            indication = Chance(0.5) ? Indication.SystemicLupusErythematosus : Indication.Other;
        }

        var ibd = indication is Indication.CrohnsDisease or Indication.UlcerativeColitis;

        // Pharmacogenomics: TPMT at the rates; NUDT15 by ancestry (Hardy-Weinberg).
        var pgx = new List<PharmacogenomicResult>(2);
        var tpmt = TpmtDiplotype();
        var nudt15 = Nudt15Diplotype(ancestry.Nudt15AlleleFrequency);
        if (!Chance(_o.NoPharmacogenomicResult))
        {
            var tested = Today.AddDays(-Between(0, Math.Min(2000, livedDays)));
            pgx.Add(Chance(_o.TpmtActivityTest)
                ? new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = ActivityPhenotype(tpmt), Method = TestMethod.Activity, Date = tested }
                : new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = tpmt, Method = TestMethod.Genotype, Date = tested });
            if (!Chance(_o.Nudt15NotTested))
            {
                pgx.Add(new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = nudt15, Method = TestMethod.Genotype, Date = tested });
            }
        }

        // Co-medications.
        var meds = new List<Medication>(4);
        AddMed(meds, _o.Allopurinol, "allopurinol", "519");
        AddMed(meds, _o.Febuxostat, "febuxostat", null);
        AddMed(meds, _o.AceInhibitor, "lisinopril", "29046");
        AddMed(meds, _o.Warfarin, "warfarin", "11289");
        AddMed(meds, _o.Ribavirin, "ribavirin", "9344");
        AddMed(meds, _o.Mercaptopurine, "mercaptopurine", "103");
        if (Chance(_o.PastAlkylatingAgent))
        {
            var ended = Between(30, 3000);
            meds.Add(new Medication { Name = "cyclophosphamide", RxNormCode = "3002", StartDate = Today.AddDays(-(ended + 180)), EndDate = Today.AddDays(-ended), Active = false });
        }
        if (ibd)
        {
            AddMed(meds, _o.AminosalicylateInIbd, "mesalamine", "52582");
            AddMed(meds, _o.TnfBlockerInIbd, "infliximab", "191831");
        }

        if (indication == Indication.RheumatoidArthritis)
        {
            AddMed(meds, _o.MethotrexateInRheumatoidArthritis, "methotrexate", "6851");
        }

        if (indication == Indication.KidneyTransplant)
        {
            AddMed(meds, _o.TacrolimusInTransplant, "tacrolimus", "42316");
            AddMed(meds, _o.CoTrimoxazoleInTransplant, "sulfamethoxazole and trimethoprim", "10831");
        }

        // Conditions.
        var conditions = new List<Condition>(2);
        var ckd = Chance(age >= 60 ? _o.Ckd60AndOver : _o.CkdUnder60);
        if (ckd)
        {
            conditions.Add(new Condition { Name = "Chronic kidney disease stage 3", Code = "N18.3", CodeSystem = "icd-10-cm" });
        }

        AddCondition(conditions, _o.MalignancyHistory, "Malignant neoplastic disease", "363346000", ConditionStatus.History);
        AddCondition(conditions, _o.SkinCancerHistory, "Skin cancer", "372130007", ConditionStatus.History);
        AddCondition(conditions, _o.HepatitisBOrTuberculosis, "Tuberculosis", "56717001", ConditionStatus.History);
        AddCondition(conditions, _o.SeriousInfection, "Sepsis", null, ConditionStatus.Active);
        AddCondition(conditions, _o.ChronicLiverDisease, "Chronic liver disease", "328383001", ConditionStatus.Active);

        // Laboratory results.
        var labs = new List<LabResult>(4);
        var interval = startedDaysAgo is { } d ? (d < 30 ? 7 : d < 90 ? 14 : 31) : 60;
        var countDaysAgo = onTherapy && Chance(_o.BloodCountOverdue) ? interval + Between(1, 60) : Between(0, interval);
        u = _random.NextDouble();
        var (wbc, wbcFlag) = u < _o.WhiteCellsCriticallyLow ? (Round(0.5 + _random.NextDouble()), LabFlag.CriticallyLow)
            : u < _o.WhiteCellsCriticallyLow + _o.WhiteCellsLow ? (Round(2.5 + (1.4 * _random.NextDouble())), LabFlag.Low)
            : (Round(4 + (6 * _random.NextDouble())), LabFlag.Normal);
        labs.Add(Lab("6690-2", "WBC", wbc, "10*9/L", Math.Min(countDaysAgo, livedDays), wbcFlag));

        // The platelet count of the same complete blood count (a blood count means white cells and platelets). Not drawn
        // from the random stream, so every other draw of the cohort is unchanged by it.
        labs.Add(Lab("777-3", "Platelets", 250, "10*9/L", Math.Min(countDaysAgo, livedDays), LabFlag.Normal));
        var altDaysAgo = Chance(_o.LiverTestNotRecent) ? Between(91, 400) : Between(0, 90);
        var altHigh = Chance(_o.AltHigh);
        labs.Add(Lab("1742-6", "ALT", altHigh ? Between(60, 200) : Between(10, 40), "U/L", Math.Min(altDaysAgo, livedDays), altHigh ? LabFlag.High : LabFlag.Normal));
        var egfr = ckd ? Between(30, 59) : Between(60, 120);
        labs.Add(Lab("33914-3", "eGFR", egfr, "mL/min/{1.73_m2}", Math.Min(Between(0, 180), livedDays), ckd ? LabFlag.Low : LabFlag.Normal));

        // Pregnancy and lactation.
        var pregnancy = PregnancyStatus.Unknown;
        bool? breastfeeding = null;
        if (female && age >= 12 && age <= 55)
        {
            if (age >= 18 && age <= 45 && Chance(_o.PregnantAged18To45))
            {
                pregnancy = PregnancyStatus.Pregnant;
            }
            else if (!Chance(_o.PregnancyStatusUnrecorded))
            {
                pregnancy = PregnancyStatus.NotPregnant;
                if (age >= 18 && age <= 45 && Chance(_o.Breastfeeding))
                {
                    breastfeeding = true;
                }
            }
        }
        else if (female)
        {
            pregnancy = PregnancyStatus.NotPregnant;
        }

        ClinicalDate? transfusion = Chance(_o.RecentTransfusion) ? Today.AddDays(-Math.Min(Between(0, 180), livedDays)) : null;
        var pruritus = pregnancy == PregnancyStatus.Pregnant && Chance(_o.PruritusInPregnancy);
        var vaccinations = Chance(_o.RecentLiveVaccine)
            ? new[] { new Vaccination { CvxCode = "03", Name = "MMR", Date = Today.AddDays(-Between(0, Math.Min(27, livedDays))) } }
            : Array.Empty<Vaccination>();
        var signs = Chance(_o.NewNeurologicalSign) ? new[] { NeurologicalSign.Confusion } : Array.Empty<NeurologicalSign>();
        var allergies = Chance(_o.ThiopurineAllergy) ? new[] { new Allergy { Substance = "azathioprine", RxNormCode = "1256" } } : Array.Empty<Allergy>();

        return new PatientFacts
        {
            PatientId = id,
            EvaluationDate = Today,
            BirthDate = birthDate,
            Sex = female ? Sex.Female : Sex.Male,
            Therapy = therapy,
            Setting = setting,
            Indications = new[] { indication },
            Pharmacogenomics = pgx,
            LastRedCellTransfusion = transfusion,
            PregnancyStatus = pregnancy,
            PruritusInPregnancy = pruritus,
            Breastfeeding = breastfeeding,
            Medications = meds,
            Allergies = allergies,
            Conditions = conditions,
            LabResults = labs,
            Vaccinations = vaccinations,
            NewNeurologicalSigns = signs,
        };
    }

    private string TpmtDiplotype()
    {
        var u = _random.NextDouble();
        if (u < _o.TpmtPoor)
        {
            return "*3A/*3A";
        }

        if (u < _o.TpmtPoor + _o.TpmtIntermediate)
        {
            return Chance(0.8) ? "*1/*3A" : "*1/*3C";
        }

        return u < _o.TpmtPoor + _o.TpmtIntermediate + _o.TpmtIndeterminate ? "*1/*5" : "*1/*1";
    }

    /// <summary>The phenotype a red-cell activity test would report for the drawn genotype.</summary>
    private static MetabolizerPhenotype ActivityPhenotype(string tpmt) => tpmt switch
    {
        "*3A/*3A" => MetabolizerPhenotype.Poor,
        "*1/*3A" or "*1/*3C" => MetabolizerPhenotype.Intermediate,
        _ => MetabolizerPhenotype.Normal,
    };

    private string Nudt15Diplotype(double q)
    {
        var first = _random.NextDouble() < q;
        var second = _random.NextDouble() < q;
        if (first && second)
        {
            return "*3/*3";
        }

        if (first || second)
        {
            return "*1/*3";
        }

        return Chance(_o.Nudt15Indeterminate) ? "*1/*4" : "*1/*1";
    }

    private int PickAncestry()
    {
        var u = _random.NextDouble();
        for (var i = 0; i < _ancestryCumulative.Length; i++)
        {
            if (u < _ancestryCumulative[i])
            {
                return i;
            }
        }

        return _ancestryCumulative.Length - 1;
    }

    private void AddMed(List<Medication> meds, double p, string name, string? rxNorm)
    {
        if (Chance(p))
        {
            meds.Add(new Medication { Name = name, RxNormCode = rxNorm, StartDate = Today.AddDays(-Between(0, 1000)) });
        }
    }

    private void AddCondition(List<Condition> conditions, double p, string name, string? code, ConditionStatus status)
    {
        if (Chance(p))
        {
            conditions.Add(new Condition { Name = name, Code = code, CodeSystem = code is null ? null : "snomed", Status = status });
        }
    }

    private LabResult Lab(string loinc, string name, double value, string unit, int daysAgo, LabFlag flag) =>
        new() { LoincCode = loinc, Name = name, Value = value, Unit = unit, Date = Today.AddDays(-daysAgo), Flag = flag };

    private bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    private int Between(int min, int max) => max <= min ? min : _random.Next(min, max + 1);

    private static double Round(double value) => Math.Round(value, 1);
}
