using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// Test patients for the rule tests. Every patient is evaluated on <see cref="Today"/>. <see cref="Quiet"/> is a
/// patient who raises only the expected baseline finding (next blood count due); each test changes one or two facts
/// with the <c>With…</c> helpers, so a near-miss patient differs from a firing one by exactly the fact under test.
/// </summary>
internal static class Patients
{
    /// <summary>The fixed evaluation date of every test patient.</summary>
    public static readonly ClinicalDate Today = new(2026, 6, 15);

    /// <summary>The quiet patient's therapy start: continuing for two years.</summary>
    public static readonly ClinicalDate TherapyStart = new(2024, 6, 15);

    /// <summary>Days before <see cref="Today"/> of the quiet patient's blood count and liver tests.</summary>
    public const int RecentLabsDaysAgo = 14;

    public static ClinicalDate DaysAgo(int days) => Today.AddDays(-days);

    /// <summary>A birth date giving exactly <paramref name="years"/> completed years on <see cref="Today"/> (the birthday is today).</summary>
    public static ClinicalDate BornAged(int years) => new(Today.Year - years, Today.Month, Today.Day);

    /// <summary>
    /// An adult woman of 40, not pregnant, not breastfeeding, azathioprine continuing for two years for lupus, in the
    /// review setting, with normal TPMT and NUDT15 genotypes, and a normal blood count, liver tests and eGFR two weeks ago.
    /// </summary>
    public static PatientFacts Quiet() => new()
    {
        PatientId = "quiet",
        EvaluationDate = Today,
        BirthDate = BornAged(40),
        Sex = Sex.Female,
        PregnancyStatus = PregnancyStatus.NotPregnant,
        Breastfeeding = false,
        Setting = CareSetting.Review,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = TherapyStart },
        Indications = new[] { Indication.SystemicLupusErythematosus },
        Pharmacogenomics = new[] { Tpmt("*1/*1"), Nudt15("*1/*1") },
        LabResults = BloodCount(RecentLabsDaysAgo).Concat(LiverTests(RecentLabsDaysAgo)).Append(Egfr(90, RecentLabsDaysAgo)).ToList(),
    };

    /// <summary>A TPMT genotype result.</summary>
    public static PharmacogenomicResult Tpmt(string diplotype, MetabolizerPhenotype? phenotype = null) =>
        new() { Gene = Gene.Tpmt, Diplotype = diplotype, Phenotype = phenotype, Method = TestMethod.Genotype, Date = new ClinicalDate(2024, 5, 1) };

    /// <summary>A NUDT15 genotype result.</summary>
    public static PharmacogenomicResult Nudt15(string diplotype, MetabolizerPhenotype? phenotype = null) =>
        new() { Gene = Gene.Nudt15, Diplotype = diplotype, Phenotype = phenotype, Method = TestMethod.Genotype, Date = new ClinicalDate(2024, 5, 1) };

    /// <summary>A result that states only a phenotype.</summary>
    public static PharmacogenomicResult Phenotype(Gene gene, MetabolizerPhenotype phenotype, TestMethod method = TestMethod.Genotype, ClinicalDate? date = null) =>
        new() { Gene = gene, Phenotype = phenotype, Method = method, Date = date ?? new ClinicalDate(2024, 5, 1) };

    /// <summary>A lab result of a kind the rules know, identified by kind and a name.</summary>
    public static LabResult Lab(LabKind kind, double value, int daysAgo, LabFlag flag = LabFlag.Normal, string? unit = null) => new()
    {
        Kind = kind,
        Name = kind.ToString(),
        Value = value,
        Unit = unit ?? DefaultUnit(kind),
        Date = DaysAgo(daysAgo),
        Flag = flag,
    };

    /// <summary>A normal complete blood count: white cells, neutrophils, platelets and haemoglobin.</summary>
    public static IEnumerable<LabResult> BloodCount(int daysAgo) => new[]
    {
        Lab(LabKind.WhiteCells, 6.1, daysAgo),
        Lab(LabKind.Neutrophils, 3.8, daysAgo),
        Lab(LabKind.Platelets, 240, daysAgo),
        Lab(LabKind.Haemoglobin, 132, daysAgo),
    };

    /// <summary>Normal liver tests: ALT, AST, bilirubin and alkaline phosphatase.</summary>
    public static IEnumerable<LabResult> LiverTests(int daysAgo) => new[]
    {
        Lab(LabKind.Alt, 22, daysAgo),
        Lab(LabKind.Ast, 25, daysAgo),
        Lab(LabKind.Bilirubin, 9, daysAgo),
        Lab(LabKind.AlkalinePhosphatase, 80, daysAgo),
    };

    public static LabResult Egfr(double value, int daysAgo, LabFlag flag = LabFlag.Normal) => Lab(LabKind.Egfr, value, daysAgo, flag);

    /// <summary>A medicine, active by default, optionally with its start date.</summary>
    public static Medication Med(string name, string? rxNorm = null, int? startedDaysAgo = 400, bool active = true, int? endedDaysAgo = null) => new()
    {
        Name = name,
        RxNormCode = rxNorm,
        StartDate = startedDaysAgo is { } s ? DaysAgo(s) : null,
        EndDate = endedDaysAgo is { } e ? DaysAgo(e) : null,
        Active = active,
    };

    /// <summary>A medicine taken in the past: inactive, ended a year ago.</summary>
    public static Medication PastMed(string name, string? rxNorm = null) => Med(name, rxNorm, startedDaysAgo: 900, active: false, endedDaysAgo: 365);

    /// <summary>A condition by name and optional code (SNOMED CT unless <paramref name="system"/> says otherwise).</summary>
    public static Condition Condition(string name, string? code = null, string? system = null, ConditionStatus status = ConditionStatus.Active) =>
        new() { Name = name, Code = code, CodeSystem = code is null ? null : system ?? "snomed", Status = status };

    public static Vaccination Vaccine(string name, string? cvx, int? daysAgo, VaccinationStatus status = VaccinationStatus.Given) =>
        new() { Name = name, CvxCode = cvx, Date = daysAgo is { } d ? DaysAgo(d) : null, Status = status };

    private static string DefaultUnit(LabKind kind) => kind switch
    {
        LabKind.WhiteCells or LabKind.Neutrophils or LabKind.Lymphocytes or LabKind.Platelets => "10*9/L",
        LabKind.Haemoglobin => "g/L",
        LabKind.Alt or LabKind.Ast or LabKind.AlkalinePhosphatase => "U/L",
        LabKind.Bilirubin => "umol/L",
        LabKind.Creatinine => "umol/L",
        LabKind.Egfr => "mL/min/{1.73_m2}",
        LabKind.TpmtActivity => "U/mL RBC",
        _ => "1",
    };
}

/// <summary>Fluent changes to a test patient; each returns a new <see cref="PatientFacts"/>.</summary>
internal static class PatientFactsBuilder
{
    /// <summary>Sets the birth date so the patient is exactly <paramref name="years"/> old today (birthday today).</summary>
    public static PatientFacts Aged(this PatientFacts p, int years) => p with { BirthDate = Patients.BornAged(years) };

    /// <summary>Sets the birth date so the patient turns <paramref name="years"/> tomorrow (one less today).</summary>
    public static PatientFacts TurningTomorrow(this PatientFacts p, int years) => p with { BirthDate = Patients.BornAged(years).AddDays(1) };

    public static PatientFacts Male(this PatientFacts p) => p with { Sex = Sex.Male, PregnancyStatus = PregnancyStatus.Unknown };

    public static PatientFacts Pregnant(this PatientFacts p) => p with { PregnancyStatus = PregnancyStatus.Pregnant };

    public static PatientFacts WithTherapy(this PatientFacts p, TherapyStatus status, ClinicalDate? start = null, ClinicalDate? lastRegimenChange = null) =>
        p with { Therapy = new AzathioprineTherapy { Status = status, StartDate = start, LastRegimenChange = lastRegimenChange } };

    /// <summary>Azathioprine newly started on <paramref name="start"/>.</summary>
    public static PatientFacts StartedOn(this PatientFacts p, ClinicalDate start) => p.WithTherapy(TherapyStatus.NewlyStarted, start);

    public static PatientFacts Considering(this PatientFacts p) => p.WithTherapy(TherapyStatus.Considering);

    public static PatientFacts WithIndications(this PatientFacts p, params Indication[] indications) => p with { Indications = indications };

    public static PatientFacts WithSetting(this PatientFacts p, CareSetting setting) => p with { Setting = setting };

    /// <summary>Replaces the pharmacogenomic results.</summary>
    public static PatientFacts WithPgx(this PatientFacts p, params PharmacogenomicResult[] results) => p with { Pharmacogenomics = results };

    public static PatientFacts WithoutPgx(this PatientFacts p) => p.WithPgx();

    public static PatientFacts WithMedications(this PatientFacts p, params Medication[] medications) =>
        p with { Medications = p.Medications.Concat(medications).ToList() };

    public static PatientFacts WithConditions(this PatientFacts p, params Condition[] conditions) =>
        p with { Conditions = p.Conditions.Concat(conditions).ToList() };

    public static PatientFacts WithAllergies(this PatientFacts p, params Allergy[] allergies) =>
        p with { Allergies = p.Allergies.Concat(allergies).ToList() };

    public static PatientFacts WithVaccinations(this PatientFacts p, params Vaccination[] vaccinations) =>
        p with { Vaccinations = p.Vaccinations.Concat(vaccinations).ToList() };

    /// <summary>Adds lab results to those on file.</summary>
    public static PatientFacts WithLabs(this PatientFacts p, params LabResult[] labs) =>
        p with { LabResults = p.LabResults.Concat(labs).ToList() };

    /// <summary>Adds lab results to those on file.</summary>
    public static PatientFacts WithLabs(this PatientFacts p, IEnumerable<LabResult> labs) =>
        p with { LabResults = p.LabResults.Concat(labs).ToList() };

    /// <summary>Removes every lab result of the given kinds.</summary>
    public static PatientFacts WithoutLabs(this PatientFacts p, params LabKind[] kinds) =>
        p with { LabResults = p.LabResults.Where(l => !kinds.Contains(l.Kind!.Value)).ToList() };

    /// <summary>Removes every blood count (white cells, neutrophils, lymphocytes, platelets, haemoglobin).</summary>
    public static PatientFacts WithoutBloodCounts(this PatientFacts p) =>
        p.WithoutLabs(LabKind.WhiteCells, LabKind.Neutrophils, LabKind.Lymphocytes, LabKind.Platelets, LabKind.Haemoglobin);

    /// <summary>Removes every liver test.</summary>
    public static PatientFacts WithoutLiverTests(this PatientFacts p) =>
        p.WithoutLabs(LabKind.Alt, LabKind.Ast, LabKind.Bilirubin, LabKind.AlkalinePhosphatase);

    /// <summary>Replaces the blood count with a normal one taken <paramref name="daysAgo"/> days ago.</summary>
    public static PatientFacts WithBloodCountDaysAgo(this PatientFacts p, int daysAgo) =>
        p.WithoutBloodCounts().WithLabs(Patients.BloodCount(daysAgo));
}
