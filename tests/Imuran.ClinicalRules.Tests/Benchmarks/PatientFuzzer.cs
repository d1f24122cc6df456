using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Tests.Benchmarks;

/// <summary>
/// Makes reproducible, widely varied patients for the equivalence tests of the fast paths: every fact type, values
/// that every rule reacts to, names and codes the classifiers do and do not know, and now and then an invalid value
/// (future dates, negative or missing lab values, undefined enum numbers, blank names) so validation is exercised too.
/// The same seed always gives the same patients.
/// </summary>
internal sealed class PatientFuzzer
{
    private static readonly ClinicalDate Today = new(2026, 11, 22);

    private static readonly (string? Name, string? RxNorm)[] MedicationPool =
    {
        ("Azathioprine 50 MG Oral Tablet", "1256"), ("Imuran", null), (null, "1256"), ("azathioprine", " 1256 "),
        ("Allopurinol 300 MG Oral Tablet", "519"), ("Zyloprim 100 mg tablet", null), ("oxypurinol", null),
        ("Febuxostat 40 MG", "834235"), ("Uloric", null), ("Mesalamine 800 MG", "52582"), ("Asacol HD", null),
        ("Sulfasalazine 500 mg", "9524"), ("Sulfamethoxazole 800 MG / Trimethoprim 160 MG", null), ("Bactrim DS", null),
        ("co-trimoxazole 960 mg", "10831"), ("Lisinopril 10 MG Oral Tablet", "29046"), ("Ramipril 5 mg capsule", null),
        ("Warfarin Sodium 5 MG", "11289"), ("Coumadin", null), ("Ribavirin 200 MG", "9344"),
        ("Methotrexate 2.5 MG", "6851"), ("Tacrolimus 1 MG", "42316"), ("CellCept 500 mg", null), ("Xeljanz", "1357536"),
        ("Infliximab 100 MG Injection", "191831"), ("Humira Pen", null), ("Enbrel 50 mg/mL", null),
        ("Cyclophosphamide 50 MG", "3002"), ("Leukeran 2 mg", null), ("Mercaptopurine 50 MG", "103"),
        ("Tioguanine 40 mg", null), ("Atorvastatin 20 MG Oral Tablet", null), ("Folic acid 5 MG", null),
        ("Paracetamol 500 mg", "161"), (null, "99999"), ("Omeprazole 20 MG", null), ("100 mg", null), ("Crohn's kit", null),
    };

    private static readonly (string? Name, string? Code, string? System, ConditionKind? Kind)[] ConditionPool =
    {
        ("Rheumatoid arthritis", "69896004", "snomed", null), ("Crohn's disease", "34000006", "http://snomed.info/sct", null),
        ("Ulcerative colitis", "K51.90", "icd-10-cm", null), ("Kidney transplant", "z94.0", "ICD10", null),
        ("Liver transplant", null, null, null), ("Personal history of lymphoma", "Z85.72", "icd-10-cm", null),
        ("Melanoma", "372130007", "snomed-ct", null), ("History of basal cell carcinoma", "Z85.828", "icd-10-cm", null),
        ("Sepsis", null, null, null), (null, null, null, ConditionKind.SeriousInfection), ("Chronic hepatitis B", "B18.1", "icd-10-cm", null),
        ("Latent TB", null, null, null), ("Tuberculosis", "56717001", "snomed", null), ("CKD stage 4", "N18.4", "icd-10-cm", null),
        ("Post-transplant oliguria", null, null, null), ("Cirrhosis", "19943007", "snomed", null), ("Liver disease", "K76.9", null, null),
        ("Autoimmune hepatitis", "K75.4", "icd-10-cm", null), ("Breast cancer", "363346000", "snomed", null), ("Lupus", null, null, null),
        ("Essential hypertension", "59621000", "snomed", null), ("Type 2 diabetes", "44054006", "snomed", null),
        ("Something", "12345", "other-system", null), (null, null, null, ConditionKind.Malignancy), ("Asthma", null, null, ConditionKind.Unrecognised),
    };

    private static readonly (LabKind? Kind, string? Loinc, string? Name, double Value, string Unit)[] LabPool =
    {
        (null, "6690-2", "WBC", 6.0, "10*9/L"), (null, "26464-8", "Leukocytes", 5.0, "10*9/L"), (null, "751-8", "Neutrophils", 3.5, "10*9/L"),
        (null, "731-0", "Lymphocytes", 1.5, "10*9/L"), (null, "777-3", "Platelets", 240, "10*9/L"), (null, "718-7", "Hemoglobin", 130, "g/L"),
        (null, "1742-6", "ALT", 30, "U/L"), (null, "1920-8", "AST", 28, "U/L"), (null, "1975-2", "Bilirubin", 12, "umol/L"),
        (null, "6768-6", "Alkaline phosphatase", 90, "U/L"), (null, "2160-0", "Creatinine", 80, "umol/L"),
        (null, "33914-3", "eGFR", 70, "mL/min/{1.73_m2}"), (null, "21563-2", "TPMT activity", 20, "U/mL RBC"),
        (null, null, "platelet count", 200, "10*9/L"), (null, null, "White cell count", 4, "10*9/L"), (LabKind.Egfr, null, null, 50, "mL/min"),
        (LabKind.Haemoglobin, null, "Hb", 100, "g/L"), (null, "2345-7", "Glucose", 5.5, "mmol/L"), (null, null, "Ferritin", 40, "ug/L"),
    };

    private static readonly (string? Cvx, string? Name)[] VaccinePool =
    {
        ("03", "MMR"), ("3", null), ("21", "Varicella"), (null, "Yellow fever vaccine"), ("187", "Shingrix"), (null, "recombinant zoster"),
        ("188", "Zoster, unspecified"), ("141", "Influenza"), (null, "FluMist"), (null, "COVID-19 mRNA"),
    };

    private static readonly (string? Substance, string? RxNorm)[] AllergyPool =
    {
        ("Azathioprine", null), ("Imuran", null), (null, "1256"), ("Mercaptopurine", "103"), ("Thioguanine", null), ("Penicillin", null), ("Sulfa drugs", null),
    };

    private static readonly string?[] Diplotypes =
    {
        "*1/*1", "*1/*3A", "*3A/*3A", "*3A/*3C", "*1/*2", "*1/*5", "*1/*99", " *1 / *3b ", "*3/*3", "*1/*3", "*2/*9", "*4/*4", null,
    };

    private readonly Random _random;

    public PatientFuzzer(int seed) => _random = new Random(seed);

    public PatientFacts Next(int index)
    {
        var evaluation = Rare(200) ? default : Today;
        var birth = Pick<ClinicalDate?>(null, Today.AddDays(-365 * 8), Today.AddDays(-365 * 16 - 30), Today.AddDays(-365 * 25), Today.AddDays(-365 * 34), Today.AddDays(-365 * 50), Today.AddDays(-365 * 70));
        if (Rare(60))
        {
            birth = Today.AddDays(3);
        }

        var sex = Rare(80) ? (Sex)7 : Pick(Sex.Unknown, Sex.Female, Sex.Female, Sex.Male, Sex.Male, Sex.Other);
        var pregnancy = Pick(PregnancyStatus.Unknown, PregnancyStatus.NotPregnant, PregnancyStatus.Pregnant, PregnancyStatus.NotPregnant);
        if (sex == Sex.Male && pregnancy == PregnancyStatus.Pregnant && !Rare(20))
        {
            pregnancy = PregnancyStatus.Unknown;
        }

        var pregnant = pregnancy == PregnancyStatus.Pregnant || Rare(50);
        return new PatientFacts
        {
            PatientId = Rare(10) ? null : "fuzz-" + index,
            EvaluationDate = evaluation,
            BirthDate = birth,
            Sex = sex,
            Therapy = Rare(150) ? null! : Therapy(),
            Setting = Rare(100) ? (CareSetting)9 : Pick(CareSetting.Unspecified, CareSetting.Prescribing, CareSetting.Dispensing, CareSetting.Review),
            Indications = Many(3, () => Rare(60) ? (Indication)99 : Pick(Indication.Other, Indication.RheumatoidArthritis, Indication.CrohnsDisease, Indication.UlcerativeColitis, Indication.InflammatoryBowelDisease, Indication.SystemicLupusErythematosus, Indication.KidneyTransplant, Indication.OtherOrganTransplant, Indication.AutoimmuneHepatitis)),
            Pharmacogenomics = Many(3, Pgx),
            LastRedCellTransfusion = Pick<ClinicalDate?>(null, null, null, Today.AddDays(-40), Today.AddDays(-200), Rare(5) ? Today.AddDays(2) : null),
            PregnancyStatus = pregnancy,
            PruritusInPregnancy = pregnant && Chance(3),
            RaisedBileAcids = pregnant && Chance(4),
            SuspectedCholestasisOfPregnancy = pregnant && Chance(5),
            Breastfeeding = Pick<bool?>(null, null, true, false),
            PlannedConception = Chance(8),
            Medications = Many(5, Medication),
            Allergies = Many(2, Allergy),
            Conditions = Many(4, Condition),
            LabResults = Labs(),
            Vaccinations = Many(2, Vaccination),
            NewNeurologicalSigns = Chance(8) ? new[] { Rare(30) ? (NeurologicalSign)42 : Pick(NeurologicalSign.Other, NeurologicalSign.Confusion, NeurologicalSign.Weakness, NeurologicalSign.VisionChange, NeurologicalSign.SpeechChange, NeurologicalSign.Coordination) } : Array.Empty<NeurologicalSign>(),
        };
    }

    private AzathioprineTherapy Therapy()
    {
        var status = Rare(80) ? (TherapyStatus)8 : Pick(TherapyStatus.Unknown, TherapyStatus.Considering, TherapyStatus.NewlyStarted, TherapyStatus.Continuing, TherapyStatus.Continuing);
        return new AzathioprineTherapy
        {
            Status = status,
            StartDate = Pick<ClinicalDate?>(null, Today.AddDays(-5), Today.AddDays(-20), Today.AddDays(-50), Today.AddDays(-80), Today.AddDays(-400), Rare(10) ? Today.AddDays(10) : null),
            LastRegimenChange = Pick<ClinicalDate?>(null, null, Today.AddDays(-10), Today.AddDays(-60), Rare(10) ? Today.AddDays(1) : null),
        };
    }

    private PharmacogenomicResult Pgx()
    {
        var gene = Rare(300) ? (Gene)0 : Pick(Gene.Tpmt, Gene.Nudt15);
        var method = Rare(300) ? (TestMethod)5 : Pick(TestMethod.Unspecified, TestMethod.Genotype, TestMethod.Genotype, TestMethod.Activity);
        var phenotype = Chance(3) ? (Rare(200) ? (MetabolizerPhenotype)77 : Pick(MetabolizerPhenotype.Normal, MetabolizerPhenotype.Intermediate, MetabolizerPhenotype.PossibleIntermediate, MetabolizerPhenotype.Poor, MetabolizerPhenotype.Indeterminate)) : (MetabolizerPhenotype?)null;
        var diplotype = Rare(100) ? Pick("3A/1", "*1*3", "*1/*3A/*2") : Pick(Diplotypes);
        if (phenotype is null && diplotype is null && !Rare(10))
        {
            diplotype = "*1/*1";
        }

        return new PharmacogenomicResult
        {
            Gene = gene,
            Method = method,
            Phenotype = phenotype,
            Diplotype = diplotype,
            Date = Pick<ClinicalDate?>(null, Today.AddDays(-30), Today.AddDays(-300), Rare(100) ? Today.AddDays(4) : null),
        };
    }

    private Medication Medication()
    {
        var (name, rx) = Pick(MedicationPool);
        if (Rare(150))
        {
            (name, rx) = ("  ", null);
        }

        var start = Pick<ClinicalDate?>(null, Today.AddDays(-3), Today.AddDays(-15), Today.AddDays(-27), Today.AddDays(-29), Today.AddDays(-200), Today.AddDays(-2000), Rare(100) ? Today.AddDays(7) : null);
        var end = Chance(8) ? Pick<ClinicalDate?>(Today.AddDays(-1), Today.AddDays(-100), Today.AddDays(30)) : null;
        if (end is { } e0 && start is { } s0 && e0 < s0 && !Rare(10))
        {
            end = null;
        }

        var active = end is { } e && e < Today ? Rare(20) : !Chance(6);
        return new Medication { Name = name, RxNormCode = rx, StartDate = start, EndDate = end, Active = active };
    }

    private Allergy Allergy()
    {
        var (substance, rx) = Pick(AllergyPool);
        return Rare(150) ? new Allergy() : new Allergy { Substance = substance, RxNormCode = rx };
    }

    private Condition Condition()
    {
        var (name, code, system, kind) = Pick(ConditionPool);
        if (Rare(150))
        {
            (name, code, kind) = (null, " ", null);
        }

        if (Rare(300))
        {
            kind = (ConditionKind)99;
        }

        return new Condition
        {
            Name = name,
            Code = code,
            CodeSystem = system,
            Kind = kind,
            Status = Rare(300) ? (ConditionStatus)0 : Pick(ConditionStatus.Active, ConditionStatus.Active, ConditionStatus.History),
            Onset = Pick<ClinicalDate?>(null, Today.AddDays(-700), Rare(100) ? Today.AddDays(5) : null),
        };
    }

    private LabResult[] Labs()
    {
        var count = _random.Next(9);
        var labs = new LabResult[count];
        for (var i = 0; i < count; i++)
        {
            var (kind, loinc, name, value, unit) = Pick(LabPool);
            var flag = Rare(400) ? (LabFlag)9 : Pick(LabFlag.None, LabFlag.Normal, LabFlag.Normal, LabFlag.Normal, LabFlag.Low, LabFlag.CriticallyLow, LabFlag.High, LabFlag.CriticallyHigh);
            var v = value * Pick(0.3, 0.6, 0.9, 1.0, 1.1, 1.5);
            if (Rare(300))
            {
                v = Pick(-1.0, double.NaN, double.PositiveInfinity);
            }

            labs[i] = new LabResult
            {
                Kind = Rare(400) ? (LabKind)40 : kind,
                LoincCode = loinc,
                Name = Rare(400) ? " " : name,
                Value = v,
                Unit = Rare(300) ? Pick<string?>(null, " ") : Pick(unit, unit, " " + unit.ToLowerInvariant() + " "),
                Date = Rare(300) ? Pick<ClinicalDate?>(null, Today.AddDays(1)) : Today.AddDays(-_random.Next(120)),
                Flag = flag,
            };
        }

        // A repeat of the first result, for the marked-fall and latest-of-kind logic.
        if (count > 0 && Chance(2))
        {
            var first = labs[0];
            Array.Resize(ref labs, count + 1);
            labs[count] = first with { Value = first.Value * Pick(0.5, 0.68, 0.71, 0.95, 1.2), Date = first.Date?.AddDays(Pick(-9, 0, 6)) };
        }

        return labs;
    }

    private Vaccination Vaccination()
    {
        var (cvx, name) = Pick(VaccinePool);
        if (Rare(150))
        {
            (cvx, name) = (null, null);
        }

        return new Vaccination
        {
            CvxCode = cvx,
            Name = name,
            Status = Rare(300) ? (VaccinationStatus)0 : Pick(VaccinationStatus.Given, VaccinationStatus.Planned),
            Date = Pick<ClinicalDate?>(null, Today.AddDays(-10), Today.AddDays(-60), Rare(20) ? Today.AddDays(14) : null),
        };
    }

    private T[] Many<T>(int max, Func<T> make)
    {
        var n = _random.Next(max + 1);
        var items = new T[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = make();
        }

        return items;
    }

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private bool Rare(int oneIn) => _random.Next(oneIn) == 0;

    private T Pick<T>(params T[] items) => items[_random.Next(items.Length)];
}
