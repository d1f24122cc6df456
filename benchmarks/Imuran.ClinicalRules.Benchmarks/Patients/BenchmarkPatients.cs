using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks.Patients;

/// <summary>
/// The patients the benchmarks evaluate. Built in code (not read from JSON) so the benchmarks measure evaluation
/// only; the test project links this file to check what each patient triggers.
/// </summary>
internal static class BenchmarkPatients
{
    /// <summary>The evaluation date every benchmark patient is evaluated on.</summary>
    public static readonly ClinicalDate EvaluationDate = new(2026, 11, 22);

    /// <summary>
    /// A typical dispense: a man of 58 with rheumatoid arthritis, continuing azathioprine, normal TPMT and NUDT15
    /// genotypes, four medicines (one an ACE inhibitor, two the library does not know), two conditions and six
    /// recent labs with a reduced eGFR. Fourteen facts; it raises four findings (AZA-INT-011, AZA-REN-002,
    /// AZA-HND-001, AZA-CBC-002) and lists three unrecognised items.
    /// </summary>
    public static PatientFacts Typical() => new()
    {
        PatientId = "bench-typical",
        EvaluationDate = EvaluationDate,
        BirthDate = new ClinicalDate(1968, 5, 2),
        Sex = Sex.Male,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2025, 2, 10) },
        Setting = CareSetting.Dispensing,
        Indications = new[] { Indication.RheumatoidArthritis },
        PregnancyStatus = PregnancyStatus.NotPregnant,
        Pharmacogenomics = new[]
        {
            new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*1", Method = TestMethod.Genotype, Date = new ClinicalDate(2025, 1, 20) },
            new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*1/*1", Method = TestMethod.Genotype, Date = new ClinicalDate(2025, 1, 20) },
        },
        Medications = new[]
        {
            new Medication { Name = "Azathioprine 50 MG Oral Tablet", RxNormCode = "1256", StartDate = new ClinicalDate(2025, 2, 10) },
            new Medication { Name = "Lisinopril 10 MG Oral Tablet", RxNormCode = "29046", StartDate = new ClinicalDate(2023, 6, 1) },
            new Medication { Name = "Atorvastatin 20 MG Oral Tablet", StartDate = new ClinicalDate(2022, 1, 10) },
            new Medication { Name = "Folic acid 5 MG Oral Tablet", StartDate = new ClinicalDate(2025, 2, 10) },
        },
        Conditions = new[]
        {
            new Condition { Name = "Rheumatoid arthritis", Code = "69896004", CodeSystem = "snomed" },
            new Condition { Name = "Essential hypertension", Code = "59621000", CodeSystem = "snomed" },
        },
        LabResults = new[]
        {
            Lab("6690-2", "WBC", 6.1, "10*9/L", new ClinicalDate(2026, 11, 2)),
            Lab("751-8", "Neutrophils", 3.9, "10*9/L", new ClinicalDate(2026, 11, 2)),
            Lab("777-3", "Platelets", 251, "10*9/L", new ClinicalDate(2026, 11, 2)),
            Lab("718-7", "Hemoglobin", 138, "g/L", new ClinicalDate(2026, 11, 2)),
            Lab("1742-6", "ALT", 22, "U/L", new ClinicalDate(2026, 9, 15)),
            Lab("33914-3", "eGFR", 55, "mL/min/{1.73_m2}", new ClinicalDate(2026, 9, 15)),
        },
    };

    /// <summary>
    /// The worst case: a pregnant, breastfeeding 16-year-old transplant recipient with IBD and rheumatoid arthritis,
    /// poor TPMT and NUDT15 metabolizer, a TPMT activity test soon after a transfusion, every interacting medicine,
    /// a thiopurine allergy, malignancy, infections, a planned live vaccine, new neurological signs, a critically
    /// low count and no liver tests. Every topic of the vocabulary raises at least one finding.
    /// </summary>
    public static PatientFacts WorstCase() => new()
    {
        PatientId = "bench-worst-case",
        EvaluationDate = EvaluationDate,
        BirthDate = new ClinicalDate(2010, 4, 9),
        Sex = Sex.Female,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, LastRegimenChange = new ClinicalDate(2026, 11, 10) },
        Setting = CareSetting.Dispensing,
        Indications = new[] { Indication.RheumatoidArthritis, Indication.CrohnsDisease, Indication.KidneyTransplant },
        PregnancyStatus = PregnancyStatus.Pregnant,
        PruritusInPregnancy = true,
        RaisedBileAcids = true,
        Breastfeeding = true,
        PlannedConception = true,
        LastRedCellTransfusion = new ClinicalDate(2026, 10, 1),
        NewNeurologicalSigns = new[] { NeurologicalSign.Confusion, NeurologicalSign.Weakness },
        Pharmacogenomics = new[]
        {
            new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*3A/*3A", Method = TestMethod.Genotype, Date = new ClinicalDate(2026, 10, 20) },
            new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*3/*3", Method = TestMethod.Genotype, Date = new ClinicalDate(2026, 10, 20) },
            new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal, Method = TestMethod.Activity, Date = new ClinicalDate(2026, 10, 15) },
        },
        Medications = new[]
        {
            new Medication { Name = "Azathioprine 50 MG Oral Tablet", RxNormCode = "1256", StartDate = new ClinicalDate(2026, 11, 10) },
            new Medication { Name = "Allopurinol 100 MG Oral Tablet", RxNormCode = "519", StartDate = new ClinicalDate(2026, 11, 12) },
            new Medication { Name = "Febuxostat 40 MG Oral Tablet", RxNormCode = "834235" },
            new Medication { Name = "Mesalamine 800 MG Delayed Release Oral Tablet", RxNormCode = "52582" },
            new Medication { Name = "Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet", RxNormCode = "10831" },
            new Medication { Name = "Ramipril 5 MG Oral Capsule", RxNormCode = "35296" },
            new Medication { Name = "Warfarin Sodium 5 MG Oral Tablet", RxNormCode = "11289" },
            new Medication { Name = "Ribavirin 200 MG Oral Capsule", RxNormCode = "9344" },
            new Medication { Name = "Tacrolimus 1 MG Oral Capsule", RxNormCode = "42316" },
            new Medication { Name = "Mercaptopurine 50 MG Oral Tablet", RxNormCode = "103" },
            new Medication { Name = "Infliximab 100 MG Injection", RxNormCode = "191831" },
            new Medication { Name = "Cyclophosphamide 50 MG Oral Tablet", RxNormCode = "3002", StartDate = new ClinicalDate(2019, 3, 1), EndDate = new ClinicalDate(2019, 9, 1), Active = false },
        },
        Allergies = new[] { new Allergy { Substance = "Mercaptopurine", RxNormCode = "103" } },
        Conditions = new[]
        {
            new Condition { Name = "Crohn's disease", Code = "34000006", CodeSystem = "snomed" },
            new Condition { Name = "Kidney transplant", Code = "Z94.0", CodeSystem = "icd-10-cm" },
            new Condition { Name = "Personal history of lymphoma", Code = "Z85.72", CodeSystem = "icd-10-cm" },
            new Condition { Name = "Melanoma", Code = "372130007", CodeSystem = "snomed", Status = ConditionStatus.History },
            new Condition { Name = "Sepsis", Kind = ConditionKind.SeriousInfection },
            new Condition { Name = "Chronic hepatitis B", Code = "B18.1", CodeSystem = "icd-10-cm" },
            new Condition { Name = "Chronic kidney disease stage 3", Code = "N18.3", CodeSystem = "icd-10-cm" },
            new Condition { Name = "Cirrhosis of liver", Code = "19943007", CodeSystem = "snomed" },
        },
        LabResults = new[]
        {
            Lab("6690-2", "WBC", 5.8, "10*9/L", new ClinicalDate(2026, 11, 3)),
            new LabResult { LoincCode = "6690-2", Name = "WBC", Value = 1.1, Unit = "10*9/L", Date = new ClinicalDate(2026, 11, 17), Flag = LabFlag.CriticallyLow },
            new LabResult { LoincCode = "777-3", Name = "Platelets", Value = 110, Unit = "10*9/L", Date = new ClinicalDate(2026, 11, 17), Flag = LabFlag.Low },
            new LabResult { LoincCode = "33914-3", Name = "eGFR", Value = 41, Unit = "mL/min/{1.73_m2}", Date = new ClinicalDate(2026, 11, 17), Flag = LabFlag.Low },
            Lab("21563-2", "TPMT activity", 21, "U/mL RBC", new ClinicalDate(2026, 10, 15)),
        },
        Vaccinations = new[] { new Vaccination { Name = "MMR", CvxCode = "03", Status = VaccinationStatus.Planned } },
    };

    private static LabResult Lab(string loinc, string name, double value, string unit, ClinicalDate date) =>
        new() { LoincCode = loinc, Name = name, Value = value, Unit = unit, Date = date, Flag = LabFlag.Normal };
}
