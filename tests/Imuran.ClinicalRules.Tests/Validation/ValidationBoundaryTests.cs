using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Validation;

/// <summary>
/// Every validator rule at its boundary, through <see cref="ClinicalRuleSet.Evaluate(PatientFacts)"/>: the last valid
/// value gives no problem (and the fast pre-check proves it valid), the first invalid one gives exactly one problem
/// naming the field (and the pre-check does not pass it). Written to kill surviving Stryker.NET mutants.
/// </summary>
public class ValidationBoundaryTests
{
    private static readonly ClinicalDate Today = new(2026, 6, 15);
    private static readonly ClinicalDate Tomorrow = new(2026, 6, 16);

    private static PatientFacts Valid() => new()
    {
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1980, 1, 1),
        Sex = Sex.Female,
        PregnancyStatus = PregnancyStatus.NotPregnant,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2024, 1, 1) },
    };

    private static LabResult Lab() => new() { LoincCode = "6690-2", Value = 5.1, Unit = "10*9/L", Date = new ClinicalDate(2026, 6, 10), Flag = LabFlag.Normal };

    private static readonly Dictionary<string, Func<PatientFacts, PatientFacts>> ValidCases = new()
    {
        ["transfusion on the evaluation date"] = p => p with { LastRedCellTransfusion = Today },
        ["pregnancy status dated on the evaluation date"] = p => p with { PregnancyStatusDate = Today },
        ["breastfeeding dated on the evaluation date"] = p => p with { BreastfeedingDate = Today },
        ["therapy started on the evaluation date"] = p => p with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = Today } },
        ["therapy considered with a planned start"] = p => p with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering, StartDate = Tomorrow } },
        ["regimen changed on the evaluation date"] = p => p with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, LastRegimenChange = Today } },
        ["pgx result by phenotype only, dated today"] = p => p with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal, Date = Today } } },
        ["medication by RxNorm code only, started today"] = p => p with { Medications = new[] { new Medication { RxNormCode = "519", StartDate = Today } } },
        ["medication ending on its start date"] = p => p with { Medications = new[] { new Medication { Name = "x", Active = false, StartDate = new ClinicalDate(2026, 1, 1), EndDate = new ClinicalDate(2026, 1, 1) } } },
        ["inactive medication that ended"] = p => p with { Medications = new[] { new Medication { Name = "x", Active = false, EndDate = new ClinicalDate(2026, 1, 1) } } },
        ["allergy by RxNorm code only"] = p => p with { Allergies = new[] { new Allergy { RxNormCode = "1256" } } },
        ["condition by code only, onset today"] = p => p with { Conditions = new[] { new Condition { Code = "K50.9", Onset = Today } } },
        ["condition by kind only"] = p => p with { Conditions = new[] { new Condition { Kind = ConditionKind.Unrecognised } } },
        ["lab by name only, dated today"] = p => p with { LabResults = new[] { Lab() with { LoincCode = null, Name = "WBC", Date = Today } } },
        ["lab by kind only"] = p => p with { LabResults = new[] { Lab() with { LoincCode = null, Kind = LabKind.Unrecognised } } },
        ["lab with a tiny positive upper limit"] = p => p with { LabResults = new[] { Lab() with { UpperReferenceLimit = 0.001 } } },
        ["vaccination by name only, given today"] = p => p with { Vaccinations = new[] { new Vaccination { Name = "influenza", Date = Today } } },
        ["male, not pregnant"] = p => p with { Sex = Sex.Male, PregnancyStatus = PregnancyStatus.NotPregnant },
        ["pregnancy findings while pregnant"] = p => p with { PregnancyStatus = PregnancyStatus.Pregnant, PruritusInPregnancy = true, RaisedBileAcids = true, SuspectedCholestasisOfPregnancy = true },
        ["known indications and signs"] = p => p with { Indications = new[] { Indication.Other }, NewNeurologicalSigns = new[] { NeurologicalSign.Other }, Setting = CareSetting.Unspecified },
    };

    private static readonly Dictionary<string, (Func<PatientFacts, PatientFacts> Change, ValidationProblem Problem)> InvalidCases = new()
    {
        ["transfusion after the evaluation date"] = (p => p with { LastRedCellTransfusion = Tomorrow },
            new("lastRedCellTransfusion", ErrorCodes.DateInFuture, "The transfusion date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["pregnancy status dated tomorrow"] = (p => p with { PregnancyStatusDate = Tomorrow },
            new("pregnancyStatusDate", ErrorCodes.DateInFuture, "The pregnancy status date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["breastfeeding dated tomorrow"] = (p => p with { BreastfeedingDate = Tomorrow },
            new("breastfeedingDate", ErrorCodes.DateInFuture, "The breastfeeding status date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["therapy started tomorrow"] = (p => p with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = Tomorrow } },
            new("therapy.startDate", ErrorCodes.DateInFuture, "The azathioprine start date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["regimen changed tomorrow"] = (p => p with { Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, LastRegimenChange = Tomorrow } },
            new("therapy.lastRegimenChange", ErrorCodes.DateInFuture, "The regimen change date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["therapy missing"] = (p => p with { Therapy = null! },
            new("therapy", ErrorCodes.Required, "The therapy record is missing.")),
        ["therapy status unknown value"] = (p => p with { Therapy = new AzathioprineTherapy { Status = (TherapyStatus)99 } },
            new("therapy.status", ErrorCodes.UnknownValue, "The therapy status is not a known value.")),
        ["setting unknown value"] = (p => p with { Setting = (CareSetting)99 },
            new("setting", ErrorCodes.UnknownValue, "The care setting is not a known value.")),
        ["pregnancy status unknown value"] = (p => p with { PregnancyStatus = (PregnancyStatus)99 },
            new("pregnancyStatus", ErrorCodes.UnknownValue, "The pregnancy status is not a known value.")),
        ["sex negative value"] = (p => p with { Sex = (Sex)(-1) },
            new("sex", ErrorCodes.UnknownValue, "The sex is not a known value.")),
        ["indication unknown value"] = (p => p with { Indications = new[] { Indication.Other, (Indication)99 } },
            new("indications[1]", ErrorCodes.UnknownValue, "The indication is not a known value.")),
        ["neurological sign unknown value"] = (p => p with { NewNeurologicalSigns = new[] { NeurologicalSign.Other, (NeurologicalSign)99 } },
            new("newNeurologicalSigns[1]", ErrorCodes.UnknownValue, "The neurological sign is not a known value.")),
        ["pruritus while not pregnant"] = (p => p with { PruritusInPregnancy = true },
            new("pregnancyStatus", ErrorCodes.Contradictory, "The patient is recorded as not pregnant but with findings of the current pregnancy (pruritus, bile acids or cholestasis); the facts contradict each other.")),
        ["cholestasis while not pregnant"] = (p => p with { SuspectedCholestasisOfPregnancy = true },
            new("pregnancyStatus", ErrorCodes.Contradictory, "The patient is recorded as not pregnant but with findings of the current pregnancy (pruritus, bile acids or cholestasis); the facts contradict each other.")),
        ["pgx gene unknown value"] = (p => p with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = (Gene)99, Phenotype = MetabolizerPhenotype.Normal } } },
            new("pharmacogenomics[0].gene", ErrorCodes.UnknownValue, "The gene must be TPMT or NUDT15.")),
        ["pgx phenotype unknown value"] = (p => p with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = (MetabolizerPhenotype)99 } } },
            new("pharmacogenomics[0].phenotype", ErrorCodes.UnknownValue, "The phenotype is not a known value.")),
        ["pgx method unknown value"] = (p => p with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*1", Method = (TestMethod)99 } } },
            new("pharmacogenomics[0].method", ErrorCodes.UnknownValue, "The test method is not a known value.")),
        ["pgx blank diplotype only"] = (p => p with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "  " } } },
            new("pharmacogenomics[0].phenotype", ErrorCodes.PharmacogenomicResultEmpty, "The result has neither a phenotype nor a diplotype.")),
        ["pgx result dated tomorrow"] = (p => p with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*1", Date = Tomorrow } } },
            new("pharmacogenomics[0].date", ErrorCodes.DateInFuture, "The result date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["medication with blank name and code"] = (p => p with { Medications = new[] { new Medication { Name = " ", RxNormCode = " " } } },
            new("medications[0].name", ErrorCodes.Unidentified, "The medication has neither a name nor an RxNorm code.")),
        ["medication started tomorrow"] = (p => p with { Medications = new[] { new Medication { Name = "x", StartDate = Tomorrow } } },
            new("medications[0].startDate", ErrorCodes.DateInFuture, "The medication start date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["allergy with blank substance and code"] = (p => p with { Allergies = new[] { new Allergy { Substance = " ", RxNormCode = "" } } },
            new("allergies[0].substance", ErrorCodes.Unidentified, "The allergy has neither a substance nor an RxNorm code.")),
        ["condition with blank name and code"] = (p => p with { Conditions = new[] { new Condition { Name = " ", Code = " " } } },
            new("conditions[0].name", ErrorCodes.Unidentified, "The condition has no name, code or kind.")),
        ["condition kind unknown value"] = (p => p with { Conditions = new[] { new Condition { Name = "x", Kind = (ConditionKind)999 } } },
            new("conditions[0].kind", ErrorCodes.UnknownValue, "The condition kind is not a known value.")),
        ["condition status unknown value"] = (p => p with { Conditions = new[] { new Condition { Name = "x", Status = (ConditionStatus)99 } } },
            new("conditions[0].status", ErrorCodes.UnknownValue, "The condition status is not a known value.")),
        ["condition onset tomorrow"] = (p => p with { Conditions = new[] { new Condition { Name = "x", Onset = Tomorrow } } },
            new("conditions[0].onset", ErrorCodes.DateInFuture, "The condition onset date 2026-06-16 is after the evaluation date 2026-06-15.")),
        ["lab with blank name and code"] = (p => p with { LabResults = new[] { Lab() with { Name = " ", LoincCode = " " } } },
            new("labResults[0].name", ErrorCodes.Unidentified, "The lab result has no name, LOINC code or kind.")),
        ["lab value infinite"] = (p => p with { LabResults = new[] { Lab() with { Value = double.PositiveInfinity } } },
            new("labResults[0].value", ErrorCodes.LabValueNotANumber, "The lab value is not a finite number (not a number, or too large to hold, such as 1e400).")),
        ["lab value just below zero"] = (p => p with { LabResults = new[] { Lab() with { Value = -0.001 } } },
            new("labResults[0].value", ErrorCodes.LabValueNegative, "The lab value -0.001 is negative; a count or concentration cannot be below zero.")),
        ["lab flag unknown value"] = (p => p with { LabResults = new[] { Lab() with { Flag = (LabFlag)99 } } },
            new("labResults[0].flag", ErrorCodes.UnknownValue, "The lab flag is not a known value.")),
        ["lab kind unknown value"] = (p => p with { LabResults = new[] { Lab() with { Kind = (LabKind)999 } } },
            new("labResults[0].kind", ErrorCodes.UnknownValue, "The lab kind is not a known value.")),
        ["lab upper limit zero"] = (p => p with { LabResults = new[] { Lab() with { UpperReferenceLimit = 0 } } },
            new("labResults[0].upperReferenceLimit", ErrorCodes.LabValueNotANumber, "The upper reference limit must be a positive number.")),
        ["lab upper limit NaN"] = (p => p with { LabResults = new[] { Lab() with { UpperReferenceLimit = double.NaN } } },
            new("labResults[0].upperReferenceLimit", ErrorCodes.LabValueNotANumber, "The upper reference limit must be a positive number.")),
        ["lab upper limit infinite"] = (p => p with { LabResults = new[] { Lab() with { UpperReferenceLimit = double.PositiveInfinity } } },
            new("labResults[0].upperReferenceLimit", ErrorCodes.LabValueNotANumber, "The upper reference limit must be a positive number.")),
        ["vaccination with blank name and code"] = (p => p with { Vaccinations = new[] { new Vaccination { Name = " ", CvxCode = " " } } },
            new("vaccinations[0].name", ErrorCodes.Unidentified, "The vaccination has neither a name nor a CVX code.")),
        ["vaccination status unknown value"] = (p => p with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Status = (VaccinationStatus)99 } } },
            new("vaccinations[0].status", ErrorCodes.UnknownValue, "The vaccination status is not a known value.")),
    };

    public static TheoryData<string> ValidCaseNames() => new(ValidCases.Keys);

    public static TheoryData<string> InvalidCaseNames() => new(InvalidCases.Keys);

    [Theory]
    [MemberData(nameof(ValidCaseNames))]
    public void Evaluate_LastValidValue_NoProblemAndThePreCheckProvesIt(string name)
    {
        var facts = ValidCases[name](Valid());

        ClinicalRuleSet.Default.Evaluate(facts).Validation.Should().BeEmpty();
        PatientFactsPreCheck.IsValid(facts).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(InvalidCaseNames))]
    public void Evaluate_FirstInvalidValue_ExactlyOneProblemNamingTheField(string name)
    {
        var (change, problem) = InvalidCases[name];
        var facts = change(Valid());

        ClinicalRuleSet.Default.Evaluate(facts).Validation.Should().Equal(problem);
        PatientFactsPreCheck.IsValid(facts).Should().BeFalse();
    }

    [Theory]
    [InlineData("Medications[12].StartDate", "medications[12].startDate")]
    [InlineData("Therapy.LastRegimenChange", "therapy.lastRegimenChange")]
    [InlineData("EvaluationDate", "evaluationDate")]
    [InlineData("", "")]
    public void CamelPath_LowersTheFirstLetterOfEachSegment(string path, string expected) =>
        PatientFactsValidation.CamelPath(path).Should().Be(expected);
}

/// <summary>The host's input limits (<see cref="RuleThresholds.MaxListLength"/>, <see cref="RuleThresholds.MaxTextLength"/>) on every list and text field.</summary>
public class InputLimitBoundaryTests
{
    private static readonly ClinicalDate Today = new(2026, 6, 15);

    private static readonly ClinicalRuleSet Limited = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { MaxListLength = 2, MaxTextLength = 5 } });

    private static PatientFacts Patient(int n, string text) => new()
    {
        PatientId = text,
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1980, 1, 1),
        Sex = Sex.Female,
        PregnancyStatus = PregnancyStatus.NotPregnant,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering },
        Indications = Enumerable.Repeat(Indication.Other, n).ToList(),
        NewNeurologicalSigns = Enumerable.Repeat(NeurologicalSign.Other, n).ToList(),
        Pharmacogenomics = Enumerable.Repeat(new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal, Diplotype = text }, n).ToList(),
        Medications = Enumerable.Repeat(new Medication { Name = text, RxNormCode = text }, n).ToList(),
        Allergies = Enumerable.Repeat(new Allergy { Substance = text, RxNormCode = text }, n).ToList(),
        Conditions = Enumerable.Repeat(new Condition { Name = text, Code = text, CodeSystem = text }, n).ToList(),
        LabResults = Enumerable.Repeat(new LabResult { Name = text, LoincCode = text, Unit = text, Value = 1, Date = Today, Flag = LabFlag.Normal }, n).ToList(),
        Vaccinations = Enumerable.Repeat(new Vaccination { Name = text, CvxCode = text, Status = VaccinationStatus.Planned }, n).ToList(),
    };

    private static readonly string[] Lists = { "indications", "newNeurologicalSigns", "pharmacogenomics", "medications", "allergies", "conditions", "labResults", "vaccinations" };

    private static readonly string[] TextFields =
    {
        "patientId",
        "pharmacogenomics[0].diplotype", "pharmacogenomics[1].diplotype",
        "medications[0].name", "medications[0].rxNormCode", "medications[1].name", "medications[1].rxNormCode",
        "allergies[0].substance", "allergies[0].rxNormCode", "allergies[1].substance", "allergies[1].rxNormCode",
        "conditions[0].name", "conditions[0].code", "conditions[0].codeSystem", "conditions[1].name", "conditions[1].code", "conditions[1].codeSystem",
        "labResults[0].name", "labResults[0].loincCode", "labResults[0].unit", "labResults[1].name", "labResults[1].loincCode", "labResults[1].unit",
        "vaccinations[0].name", "vaccinations[0].cvxCode", "vaccinations[1].name", "vaccinations[1].cvxCode",
    };

    [Fact]
    public void Evaluate_AtTheLimits_IsValid() =>
        Limited.Evaluate(Patient(2, "abcde")).Validation.Should().BeEmpty();

    [Fact]
    public void Evaluate_OneEntryTooMany_EveryListIsNamedWithTheExactMessage_AndItsEntriesAreNotRead()
    {
        var problems = Limited.Evaluate(Patient(3, "abcdef")).Validation;

        problems.Should().Equal(Lists.Select(l => new ValidationProblem(
            l, ErrorCodes.InputTooLarge, "The list has 3 entries; at most 2 are accepted (the host's MaxListLength), so it was not evaluated."))
            .Prepend(new ValidationProblem("patientId", ErrorCodes.InputTooLarge, "The text has 6 characters; at most 5 are accepted (the host's MaxTextLength).")));
    }

    [Fact]
    public void Evaluate_OneCharacterTooMany_EveryTextFieldIsNamedWithTheExactMessage()
    {
        var result = Limited.Evaluate(Patient(2, "abcdef"));

        result.IsValid.Should().BeFalse();
        result.Findings.Should().BeEmpty();
        result.Validation.Should().Equal(TextFields.Select(f => new ValidationProblem(
            f, ErrorCodes.InputTooLarge, "The text has 6 characters; at most 5 are accepted (the host's MaxTextLength).")));
    }

    [Fact]
    public void Evaluate_LargeCounts_AreWrittenWithThousandsSeparators()
    {
        var rules = ClinicalRuleSet.Create(new RuleSetOptions { Thresholds = new RuleThresholds { MaxListLength = 1000 } });
        var facts = Patient(0, "a") with { Indications = Enumerable.Repeat(Indication.Other, 1001).ToList() };

        rules.Evaluate(facts).Validation.Should().Equal(new ValidationProblem(
            "indications", ErrorCodes.InputTooLarge, "The list has 1,001 entries; at most 1,000 are accepted (the host's MaxListLength), so it was not evaluated."));
    }

    [Fact]
    public void Evaluate_LimitProblems_ComeInsteadOfTheOtherChecks()
    {
        var facts = Patient(3, "abc") with { EvaluationDate = default, BirthDate = null };

        Limited.Evaluate(facts).Validation.Should().OnlyContain(p => p.Code == ErrorCodes.InputTooLarge);
    }

    [Fact]
    public void Evaluate_NullEntriesWithinTheLimit_AreLeftToTheValidators()
    {
        var facts = Patient(0, "abc") with
        {
            Medications = new Medication[] { null! },
            Pharmacogenomics = new PharmacogenomicResult[] { null! },
            Allergies = new Allergy[] { null! },
            Conditions = new Condition[] { null! },
            LabResults = new LabResult[] { null! },
            Vaccinations = new Vaccination[] { null! },
        };

        Limited.Evaluate(facts).Validation.Should().OnlyContain(p => p.Code == ErrorCodes.NullEntry).And.HaveCount(6);
    }
}
