using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Tests.Benchmarks;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Validation;

/// <summary>The fast pre-check proves facts valid exactly when the FluentValidation validators find no problem.</summary>
public sealed class PatientFactsPreCheckTests
{
    [Fact]
    public void IsValid_VariedPatients_AgreesWithTheValidators()
    {
        var fuzzer = new PatientFuzzer(41);
        var invalid = 0;
        for (var i = 0; i < 5000; i++)
        {
            var facts = fuzzer.Next(i);
            var problems = PatientFactsValidation.ValidateFully(facts);
            invalid += problems.Count > 0 ? 1 : 0;

            PatientFactsPreCheck.IsValid(facts).Should().Be(
                problems.Count == 0,
                "patient {0} has the problems [{1}]",
                i,
                string.Join("; ", problems.Select(p => p.Field + " " + p.Code)));
        }

        invalid.Should().BeInRange(500, 4500, "the fuzzer must exercise both outcomes");
    }

    [Fact]
    public void IsValid_VariedPatientsWithNullEntries_AgreesWithTheValidators()
    {
        var fuzzer = new PatientFuzzer(43);
        var r = new Random(43);
        for (var i = 0; i < 1000; i++)
        {
            var facts = WithANullEntry(fuzzer.Next(i), r);
            var problems = PatientFactsValidation.ValidateFully(facts);

            PatientFactsPreCheck.IsValid(facts).Should().BeFalse();
            problems.Should().Contain(p => p.Code == ErrorCodes.NullEntry, "patient {0} holds a null entry", i);
        }
    }

    /// <summary>The facts with a null entry at a random place in one random list of objects.</summary>
    private static PatientFacts WithANullEntry(PatientFacts p, Random r)
    {
        static List<T> Insert<T>(IReadOnlyList<T> items, Random r)
            where T : class
        {
            var list = items.ToList();
            list.Insert(r.Next(list.Count + 1), null!);
            return list;
        }

        return r.Next(6) switch
        {
            0 => p with { Pharmacogenomics = Insert(p.Pharmacogenomics, r) },
            1 => p with { Medications = Insert(p.Medications, r) },
            2 => p with { Allergies = Insert(p.Allergies, r) },
            3 => p with { Conditions = Insert(p.Conditions, r) },
            4 => p with { LabResults = Insert(p.LabResults, r) },
            _ => p with { Vaccinations = Insert(p.Vaccinations, r) },
        };
    }

    public static TheoryData<string> Breakages() => new(Breaks.Keys);

    [Theory]
    [MemberData(nameof(Breakages))]
    public void IsValid_OneRuleBroken_IsFalseAndTheValidatorsNameIt(string breakage)
    {
        var facts = Breaks[breakage](BenchmarkPatients.Typical());

        PatientFactsPreCheck.IsValid(facts).Should().BeFalse();
        PatientFactsValidation.Validate(facts).Should().NotBeEmpty();
    }

    [Fact]
    public void IsValid_TypicalAndWorstCase_IsTrue()
    {
        PatientFactsPreCheck.IsValid(BenchmarkPatients.Typical()).Should().BeTrue();
        PatientFactsPreCheck.IsValid(BenchmarkPatients.WorstCase()).Should().BeTrue();
    }

    [Fact]
    public void Validate_ValidFacts_AllocatesNothing()
    {
        var facts = BenchmarkPatients.WorstCase();
        PatientFactsValidation.Validate(facts);

        var before = GC.GetAllocatedBytesForCurrentThread();
        PatientFactsValidation.Validate(facts);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }

    private static readonly ClinicalDate Later = BenchmarkPatients.EvaluationDate.AddDays(1);

    private static readonly Dictionary<string, Func<PatientFacts, PatientFacts>> Breaks = new()
    {
        ["evaluation date missing"] = p => p with { EvaluationDate = default },
        ["birth after evaluation"] = p => p with { BirthDate = Later },
        ["sex undefined"] = p => p with { Sex = (Sex)9 },
        ["setting undefined"] = p => p with { Setting = (CareSetting)9 },
        ["pregnancy undefined"] = p => p with { PregnancyStatus = (PregnancyStatus)9 },
        ["indication undefined"] = p => p with { Indications = new[] { (Indication)99 } },
        ["sign undefined"] = p => p with { NewNeurologicalSigns = new[] { (NeurologicalSign)99 } },
        ["male and pregnant"] = p => p with { Sex = Sex.Male, PregnancyStatus = PregnancyStatus.Pregnant },
        ["pruritus but not pregnant"] = p => p with { PregnancyStatus = PregnancyStatus.NotPregnant, PruritusInPregnancy = true },
        ["bile acids but not pregnant"] = p => p with { PregnancyStatus = PregnancyStatus.NotPregnant, RaisedBileAcids = true },
        ["cholestasis but not pregnant"] = p => p with { PregnancyStatus = PregnancyStatus.NotPregnant, SuspectedCholestasisOfPregnancy = true },
        ["transfusion in future"] = p => p with { LastRedCellTransfusion = Later },
        ["therapy missing"] = p => p with { Therapy = null! },
        ["therapy status undefined"] = p => p with { Therapy = p.Therapy with { Status = (TherapyStatus)9 } },
        ["therapy start in future"] = p => p with { Therapy = p.Therapy with { StartDate = Later } },
        ["regimen change in future"] = p => p with { Therapy = p.Therapy with { LastRegimenChange = Later } },
        ["gene undefined"] = p => p with { Pharmacogenomics = new[] { p.Pharmacogenomics[0] with { Gene = (Gene)0 } } },
        ["phenotype undefined"] = p => p with { Pharmacogenomics = new[] { p.Pharmacogenomics[0] with { Phenotype = (MetabolizerPhenotype)0 } } },
        ["method undefined"] = p => p with { Pharmacogenomics = new[] { p.Pharmacogenomics[0] with { Method = (TestMethod)9 } } },
        ["pgx result empty"] = p => p with { Pharmacogenomics = new[] { p.Pharmacogenomics[0] with { Diplotype = " " } } },
        ["pregnancy status date in future"] = p => p with { PregnancyStatusDate = Later },
        ["breastfeeding date in future"] = p => p with { BreastfeedingDate = Later },
        ["pgx date in future"] = p => p with { Pharmacogenomics = new[] { p.Pharmacogenomics[0] with { Date = Later } } },
        ["medication unidentified"] = p => p with { Medications = new[] { new Medication { Name = " " } } },
        ["medication start in future"] = p => p with { Medications = new[] { p.Medications[1] with { StartDate = Later } } },
        ["medication end before start"] = p => p with { Medications = new[] { p.Medications[1] with { EndDate = p.Medications[1].StartDate!.Value.AddDays(-1), Active = false } } },
        ["medication ended but active"] = p => p with { Medications = new[] { p.Medications[1] with { EndDate = BenchmarkPatients.EvaluationDate.AddDays(-1), Active = true } } },
        ["allergy unidentified"] = p => p with { Allergies = new[] { new Allergy { Substance = "" } } },
        ["condition unidentified"] = p => p with { Conditions = new[] { new Condition { Name = " ", Code = null } } },
        ["condition kind undefined"] = p => p with { Conditions = new[] { p.Conditions[0] with { Kind = (ConditionKind)99 } } },
        ["condition status undefined"] = p => p with { Conditions = new[] { p.Conditions[0] with { Status = (ConditionStatus)0 } } },
        ["condition onset in future"] = p => p with { Conditions = new[] { p.Conditions[0] with { Onset = Later } } },
        ["lab unidentified"] = p => p with { LabResults = new[] { p.LabResults[0] with { Name = null, LoincCode = " " } } },
        ["lab value NaN"] = p => p with { LabResults = new[] { p.LabResults[0] with { Value = double.NaN } } },
        ["lab value infinite"] = p => p with { LabResults = new[] { p.LabResults[0] with { Value = double.PositiveInfinity } } },
        ["lab value negative"] = p => p with { LabResults = new[] { p.LabResults[0] with { Value = -0.5 } } },
        ["upper reference limit not positive"] = p => p with { LabResults = new[] { p.LabResults[0] with { UpperReferenceLimit = 0 } } },
        ["upper reference limit infinite"] = p => p with { LabResults = new[] { p.LabResults[0] with { UpperReferenceLimit = double.PositiveInfinity } } },
        ["lab unit missing"] = p => p with { LabResults = new[] { p.LabResults[0] with { Unit = "\t" } } },
        ["lab date missing"] = p => p with { LabResults = new[] { p.LabResults[0] with { Date = null } } },
        ["lab date in future"] = p => p with { LabResults = new[] { p.LabResults[0] with { Date = Later } } },
        ["lab flag undefined"] = p => p with { LabResults = new[] { p.LabResults[0] with { Flag = (LabFlag)9 } } },
        ["lab kind undefined"] = p => p with { LabResults = new[] { p.LabResults[0] with { Kind = (LabKind)99 } } },
        ["vaccine unidentified"] = p => p with { Vaccinations = new[] { new Vaccination() } },
        ["vaccine status undefined"] = p => p with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Status = (VaccinationStatus)0 } } },
        ["vaccine given in future"] = p => p with { Vaccinations = new[] { new Vaccination { CvxCode = "03", Date = Later } } },
        ["pgx result null"] = p => p with { Pharmacogenomics = p.Pharmacogenomics.Append(null!).ToList() },
        ["medication null"] = p => p with { Medications = p.Medications.Prepend(null!).ToList() },
        ["allergy null"] = p => p with { Allergies = p.Allergies.Append(null!).ToList() },
        ["condition null"] = p => p with { Conditions = p.Conditions.Append(null!).ToList() },
        ["lab null"] = p => p with { LabResults = p.LabResults.Append(null!).ToList() },
        ["vaccine null"] = p => p with { Vaccinations = p.Vaccinations.Append(null!).ToList() },
    };
}
