using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Tests.Rules;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Validation;

public class PatientFactsValidationTests
{
    private static readonly ClinicalDate Today = new(2026, 6, 15);

    private static PatientFacts Valid() => new()
    {
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1980, 1, 1),
        Sex = Sex.Female,
        PregnancyStatus = PregnancyStatus.NotPregnant,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2024, 1, 1) },
    };

    private static IReadOnlyList<ValidationProblem> Validate(PatientFacts facts) => ClinicalRuleSet.Default.Evaluate(facts).Validation;

    [Fact]
    public void Validate_ValidFacts_NoProblems() => Validate(Valid()).Should().BeEmpty();

    [Fact]
    public void Evaluate_InvalidFacts_NoFindingsAndIncomplete()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Valid() with { BirthDate = new ClinicalDate(2027, 1, 1), Breastfeeding = true });

        result.IsValid.Should().BeFalse();
        result.IsComplete.Should().BeFalse();
        result.Findings.Should().BeEmpty("invalid input is never evaluated as if it were valid");
    }

    [Fact]
    public void Evaluate_PatientIdThatReadsAsDosingText_IsRefusedAndNotEchoed()
    {
        // QA, 2 Dec: a patient id "Reduce dose to 25 mg daily" was echoed in every output (text, JSON, batch).
        var result = ClinicalRuleSet.Default.Evaluate(Valid() with { PatientId = "Reduce dose to 25 mg daily" });

        result.Validation.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Field = "patientId", Code = ErrorCodes.PatientIdCarriesDosingText });
        result.PatientId.Should().BeNull("a refused id is not repeated");
        result.EvaluationDate.Should().Be(Today, "a date no problem names is still shown");
    }

    [Theory]
    [InlineData("MRN-MG-0042")]
    [InlineData("2024/17")]
    [InlineData("Ward 7 bed 3")]
    public void Evaluate_IdentifierOrFreeTextWithoutDosing_IsEchoed(string id) =>
        ClinicalRuleSet.Default.Evaluate(Valid() with { PatientId = id }).Should().BeEquivalentTo(new { IsValid = true, PatientId = id });

    [Fact]
    public void InvalidInputResult_ProblemNamingTheEvaluationDate_LeavesItUnread()
    {
        // QA, 2 Dec: a duplicate evaluationDate was refused but the header and JSON showed the last value given.
        var problems = new[] { new ValidationProblem("evaluationDate", ErrorCodes.DuplicateField, "given twice") };

        var result = ClinicalRuleSet.Default.InvalidInputResult(Valid() with { PatientId = "p1" }, problems);

        result.Should().BeEquivalentTo(new { IsValid = false, PatientId = "p1", EvaluationDate = default(ClinicalDate) });
        ClinicalRuleSet.Default.InvalidInputResult(null, System.Array.Empty<ValidationProblem>()).Validation
            .Should().ContainSingle(p => p.Code == ErrorCodes.Required, "input that was not read never looks valid");
    }

    [Fact]
    public void Validate_MissingEvaluationDate_ExactMessage() =>
        Validate(Valid() with { EvaluationDate = default, BirthDate = null, Therapy = new AzathioprineTherapy() }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("evaluationDate", ErrorCodes.EvaluationDateMissing, "The evaluation date is missing or 0001-01-01 (the value of an unset date, so the two cannot be told apart); the rules never read the clock, so give the date the facts are evaluated for."));

    [Fact]
    public void Validate_EvaluationDate00010101_IsNotReportedAsMissingAlone()
    {
        // Stop 25: a date given as 0001-01-01 was reported as "missing". In memory it is the value of an unset date, so
        // the validator cannot tell the two apart: the message must say so rather than claim the date was not given.
        var problem = Validate(Valid() with { EvaluationDate = new ClinicalDate(1, 1, 1), BirthDate = null, Therapy = new AzathioprineTherapy() }).Should().ContainSingle().Subject;

        problem.Field.Should().Be("evaluationDate");
        problem.Message.Should().Contain("missing or 0001-01-01");
    }

    [Fact]
    public void Validate_MissingEvaluationDate_IsTheOnlyProblem_NoDateIsComparedWith0001_01_01()
    {
        // Stop 28: with the evaluation date missing, every dated fact was also "after the evaluation date 0001-01-01"
        // (BIRTH_AFTER_EVALUATION, DATE_IN_FUTURE for the start, a result, a vaccine...): noise that hid the one real problem.
        var facts = Patients.Quiet() with
        {
            EvaluationDate = default,
            BirthDate = new ClinicalDate(1961, 3, 14),
            LastRedCellTransfusion = new ClinicalDate(2026, 1, 2),
            Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2025, 1, 1), LastRegimenChange = new ClinicalDate(2025, 6, 1) },
            Vaccinations = new[] { new Vaccination { Name = "Zoster vaccine live", Status = VaccinationStatus.Given, Date = new ClinicalDate(2026, 2, 1) } },
        };

        var problems = Validate(facts);

        problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.EvaluationDateMissing);
    }

    [Fact]
    public void Validate_EvaluationDateGiven_DatesAfterItAreStillRefused()
    {
        // Boundary: the comparisons still run whenever an evaluation date is given.
        var facts = Patients.Quiet() with { EvaluationDate = new ClinicalDate(2026, 11, 30), BirthDate = new ClinicalDate(2026, 12, 1) };

        Validate(facts).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.BirthAfterEvaluation);
    }

    [Fact]
    public void Evaluate_EvaluationDateAtTheEndOfTheCalendar_IsAValidationProblem_NotARuleError()
    {
        // QA, 2 Dec: 9999-12-31 with counts of that day ended in a rule's ArgumentOutOfRangeException (exit 1).
        var patient = Patients.Quiet() with { EvaluationDate = new ClinicalDate(9999, 12, 31), LabResults = new[] { Patients.Lab(LabKind.WhiteCells, 6, 0) with { Date = new ClinicalDate(9999, 12, 31) } } };

        var result = ClinicalRuleSet.Default.Evaluate(patient);

        result.RuleErrors.Should().BeEmpty();
        result.Validation.Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("evaluationDate", ErrorCodes.InvalidDate, "The evaluation date is after 9000-12-31: the dates the rules compute from it (such as the next blood count) would not be calendar dates."));
    }

    [Fact]
    public void Evaluate_EvaluationDate9000_12_31_Boundary_IsEvaluatedCompletely()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Patients.Quiet().Considering() with { EvaluationDate = new ClinicalDate(9000, 12, 31), BirthDate = new ClinicalDate(8970, 1, 1), LabResults = System.Array.Empty<LabResult>() });

        result.IsValid.Should().BeTrue();
        result.IsComplete.Should().BeTrue();
    }

    [Fact]
    public void Validate_BirthAfterEvaluation_ExactMessage() =>
        Validate(Valid() with { BirthDate = new ClinicalDate(2026, 6, 16) }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("birthDate", ErrorCodes.BirthAfterEvaluation, "The birth date 2026-06-16 is after the evaluation date 2026-06-15."));

    [Fact]
    public void Validate_BirthOnEvaluationDate_IsValid() => Validate(Valid() with { BirthDate = Today }).Should().BeEmpty();

    [Fact]
    public void Validate_LabInTheFuture_ExactMessage() =>
        Validate(Valid() with { LabResults = new[] { Lab() with { Date = new ClinicalDate(2026, 6, 16) } } }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("labResults[0].date", ErrorCodes.DateInFuture, "The lab result date 2026-06-16 is after the evaluation date 2026-06-15."));

    [Fact]
    public void Validate_NegativeLabValue_ExactMessage() =>
        Validate(Valid() with { LabResults = new[] { Lab() with { Value = -1.5 } } }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("labResults[0].value", ErrorCodes.LabValueNegative, "The lab value -1.5 is negative; a count or concentration cannot be below zero."));

    [Fact]
    public void Validate_ZeroLabValue_IsValid() => Validate(Valid() with { LabResults = new[] { Lab() with { Value = 0 } } }).Should().BeEmpty();

    [Fact]
    public void Validate_NaNLabValue_ExactMessage() =>
        Validate(Valid() with { LabResults = new[] { Lab() with { Value = double.NaN } } }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("labResults[0].value", ErrorCodes.LabValueNotANumber, "The lab value is not a finite number (not a number, or too large to hold, such as 1e400)."));

    [Fact]
    public void Validate_LabWithoutUnitOrDate_ListsBothProblems() =>
        Validate(Valid() with { LabResults = new[] { Lab() with { Unit = " ", Date = null } } }).Should().Equal(
            new ValidationProblem("labResults[0].unit", ErrorCodes.LabUnitMissing, "The lab result has no unit; its value cannot be read without one."),
            new ValidationProblem("labResults[0].date", ErrorCodes.LabDateMissing, "The lab result has no date; the rules cannot tell whether it is current."));

    [Theory]
    [InlineData("*1-*3A")]
    [InlineData("1/3A")]
    [InlineData("*1/*3A/*2")]
    public void Validate_UnreadableDiplotype_IsNotAValidationProblem(string diplotype) =>
        // Issue 11 item 5: an unreadable result is a data-quality finding at evaluation, not invalid input.
        Validate(Valid() with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = diplotype } } }).Should().BeEmpty();

    [Fact]
    public void Validate_UpperReferenceLimitNotPositive_NamesTheField() =>
        Validate(Valid() with { LabResults = new[] { Lab() with { UpperReferenceLimit = -1 } } }).Should().ContainSingle().Which.Field.Should().Be("labResults[0].upperReferenceLimit");

    [Fact]
    public void Validate_PregnancyStatusDateAfterEvaluation_NamesTheField() =>
        Validate(Valid() with { PregnancyStatusDate = Valid().EvaluationDate.AddDays(1) }).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.DateInFuture);

    [Theory]
    [InlineData("*3A/*1")]
    [InlineData("*1/*3A")]
    public void Validate_DiplotypeInEitherOrder_IsValid(string diplotype) =>
        Validate(Valid() with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = diplotype } } }).Should().BeEmpty();

    [Fact]
    public void Validate_EmptyPharmacogenomicResult_ExactMessage() =>
        Validate(Valid() with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Nudt15 } } }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("pharmacogenomics[0].phenotype", ErrorCodes.PharmacogenomicResultEmpty, "The result has neither a phenotype nor a diplotype."));

    [Fact]
    public void Validate_UnknownEnumValue_ExactMessage() =>
        Validate(Valid() with { Sex = (Sex)42 }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("sex", ErrorCodes.UnknownValue, "The sex is not a known value."));

    [Fact]
    public void Validate_MaleAndPregnant_Contradictory() =>
        Validate(Valid() with { Sex = Sex.Male, PregnancyStatus = PregnancyStatus.Pregnant }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("pregnancyStatus", ErrorCodes.Contradictory, "The patient is recorded as male and as pregnant; the two facts contradict each other."));

    [Fact]
    public void Validate_NotPregnantWithPregnancyFindings_Contradictory() =>
        Validate(Valid() with { RaisedBileAcids = true }).Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.Contradictory);

    [Fact]
    public void Validate_ActiveMedicationThatEnded_Contradictory() =>
        Validate(Valid() with { Medications = new[] { new Medication { Name = "allopurinol", EndDate = new ClinicalDate(2026, 6, 14) } } }).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem("medications[0].active", ErrorCodes.Contradictory, "The medication is marked active but ended on 2026-06-14, before the evaluation date."));

    [Fact]
    public void Validate_ActiveMedicationEndingOnEvaluationDate_IsValid() =>
        Validate(Valid() with { Medications = new[] { new Medication { Name = "allopurinol", EndDate = Today } } }).Should().BeEmpty();

    [Fact]
    public void Validate_MedicationEndBeforeStart_ExactMessage() =>
        Validate(Valid() with { Medications = new[] { new Medication { Name = "x", Active = false, StartDate = new ClinicalDate(2026, 2, 1), EndDate = new ClinicalDate(2026, 1, 1) } } })
            .Should().ContainSingle().Which.Should().Be(
                new ValidationProblem("medications[0].endDate", ErrorCodes.EndBeforeStart, "The medication end date 2026-01-01 is before its start date 2026-02-01."));

    [Fact]
    public void Validate_UnidentifiedItems_NameTheField()
    {
        var problems = Validate(Valid() with
        {
            Medications = new[] { new Medication() },
            Conditions = new[] { new Condition() },
            Allergies = new[] { new Allergy() },
            Vaccinations = new[] { new Vaccination() },
        });

        problems.Select(p => (p.Field, p.Code)).Should().Equal(
            ("medications[0].name", ErrorCodes.Unidentified),
            ("allergies[0].substance", ErrorCodes.Unidentified),
            ("conditions[0].name", ErrorCodes.Unidentified),
            ("vaccinations[0].name", ErrorCodes.Unidentified));
    }

    [Fact]
    public void Validate_VaccineGivenInTheFuture_AsksToRecordAsPlanned() =>
        Validate(Valid() with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Date = new ClinicalDate(2026, 7, 1) } } }).Should().ContainSingle().Which.Message
            .Should().Be("The vaccine is recorded as given on 2026-07-01, after the evaluation date 2026-06-15; record it as planned.");

    [Fact]
    public void Validate_PlannedVaccineInTheFuture_IsValid() =>
        Validate(Valid() with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Date = new ClinicalDate(2026, 7, 1), Status = VaccinationStatus.Planned } } }).Should().BeEmpty();

    [Fact]
    public void Validate_SeveralProblems_AllReported() =>
        Validate(Valid() with { BirthDate = new ClinicalDate(2030, 1, 1), LabResults = new[] { Lab() with { Unit = null, Value = -1 } } }).Should().HaveCount(3);

    [Fact]
    public void ThrowIfInvalid_InvalidResult_ThrowsListingProblems()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Valid() with { BirthDate = new ClinicalDate(2030, 1, 1) });

        var act = () => result.ThrowIfInvalid();

        act.Should().Throw<InvalidPatientFactsException>().Which.Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.BirthAfterEvaluation);
    }

    private static readonly string[] Lists = { "pharmacogenomics", "medications", "allergies", "conditions", "labResults", "vaccinations" };

    public static TheoryData<string> ListsOfObjects() => new(Lists);

    [Theory]
    [MemberData(nameof(ListsOfObjects))]
    public void Evaluate_NullEntryInAList_IsAProblemNamingTheEntryNotACrash(string list)
    {
        var result = ClinicalRuleSet.Default.Evaluate(WithNullAtIndexTwo(Valid(), list));

        result.Validation.Should().ContainSingle().Which.Should().Be(
            new ValidationProblem($"{list}[2]", ErrorCodes.NullEntry, "The entry is null; leave it out of the list or fill it in."));
        result.Findings.Should().BeEmpty();
        result.IsComplete.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_NullEntriesInEveryList_ListsEachOne()
    {
        var facts = Lists.Aggregate(Valid(), WithNullAtIndexTwo);

        ClinicalRuleSet.Default.Evaluate(facts).Validation.Select(p => (p.Field, p.Code)).Should().BeEquivalentTo(
            Lists.Select(list => ($"{list}[2]", ErrorCodes.NullEntry)));
    }

    /// <summary>Two valid entries, then a null one, in the named list.</summary>
    internal static PatientFacts WithNullAtIndexTwo(PatientFacts facts, string list)
    {
        static T[] TwoThenNull<T>(T item)
            where T : class => new[] { item, item, null! };

        return list switch
        {
            "pharmacogenomics" => facts with { Pharmacogenomics = TwoThenNull(new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal, Method = TestMethod.Genotype }) },
            "medications" => facts with { Medications = TwoThenNull(new Medication { Name = "atorvastatin" }) },
            "allergies" => facts with { Allergies = TwoThenNull(new Allergy { Substance = "penicillin" }) },
            "conditions" => facts with { Conditions = TwoThenNull(new Condition { Name = "gout" }) },
            "labResults" => facts with { LabResults = TwoThenNull(Lab()) },
            "vaccinations" => facts with { Vaccinations = TwoThenNull(new Vaccination { CvxCode = "141", Date = new ClinicalDate(2025, 10, 1) }) },
            _ => throw new ArgumentOutOfRangeException(nameof(list), list, null),
        };
    }

    private static LabResult Lab() => new() { LoincCode = "6690-2", Value = 5.1, Unit = "10*9/L", Date = new ClinicalDate(2026, 6, 10), Flag = LabFlag.Normal };
}
