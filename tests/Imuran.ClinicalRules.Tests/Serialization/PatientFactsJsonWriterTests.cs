using System.IO;
using System.Text;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Serialization;

public class PatientFactsJsonWriterTests
{
    private static readonly ClinicalDate Today = new(2026, 1, 15);

    /// <summary>Every member set, most of them to a non-default value.</summary>
    internal static PatientFacts RichPatient() => new()
    {
        PatientId = "rich-1 \"quoted\" é",
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1990, 2, 28),
        Sex = Sex.Female,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, StartDate = Today.AddDays(-10), LastRegimenChange = Today.AddDays(-3) },
        Setting = CareSetting.Dispensing,
        Indications = new[] { Indication.CrohnsDisease, Indication.RheumatoidArthritis },
        Pharmacogenomics = new[]
        {
            new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.PossibleIntermediate, Diplotype = "*3A/*5", Method = TestMethod.Genotype, Date = Today.AddDays(-100) },
            new PharmacogenomicResult { Gene = Gene.Nudt15, Phenotype = MetabolizerPhenotype.Normal, Method = TestMethod.Activity },
        },
        LastRedCellTransfusion = Today.AddDays(-40),
        PregnancyStatus = PregnancyStatus.Pregnant,
        PruritusInPregnancy = true,
        RaisedBileAcids = true,
        SuspectedCholestasisOfPregnancy = true,
        Breastfeeding = false,
        PlannedConception = true,
        Medications = new[]
        {
            new Medication { Name = "Allopurinol 100 MG Oral Tablet", RxNormCode = "519", StartDate = Today.AddDays(-5) },
            new Medication { Name = "cyclophosphamide", StartDate = Today.AddDays(-900), EndDate = Today.AddDays(-500), Active = false },
        },
        Allergies = new[] { new Allergy { Substance = "azathioprine", RxNormCode = "1256" } },
        Conditions = new[]
        {
            new Condition { Name = "Crohn's disease", Code = "34000006", CodeSystem = "snomed", Kind = ConditionKind.CrohnsDisease, Status = ConditionStatus.History, Onset = new ClinicalDate(2010, 5, 1) },
            new Condition { Name = "CKD", Code = "N18.3", CodeSystem = "icd-10-cm" },
        },
        LabResults = new[]
        {
            new LabResult { Kind = LabKind.WhiteCells, LoincCode = "6690-2", Name = "WBC", Value = 3.14159, Unit = "10*9/L", Date = Today.AddDays(-2), Flag = LabFlag.Low },
            new LabResult { Name = "eGFR", Value = 0.1 + 0.2, Unit = "mL/min/{1.73_m2}", Date = Today, Flag = LabFlag.None },
        },
        Vaccinations = new[]
        {
            new Vaccination { CvxCode = "03", Name = "MMR", Date = Today.AddDays(-10) },
            new Vaccination { CvxCode = "21", Name = "varicella", Status = VaccinationStatus.Planned },
        },
        NewNeurologicalSigns = new[] { NeurologicalSign.Confusion, NeurologicalSign.SpeechChange },
    };

    [Fact]
    public void ToJson_RichPatient_ReadsBackToEquivalentFacts()
    {
        var facts = RichPatient();

        var read = PatientFactsJson.Read(PatientFactsJsonWriter.ToJson(facts));

        read.Problems.Should().BeEmpty();
        read.Facts.Should().BeEquivalentTo(facts, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void ToJson_Indented_ReadsBackToEquivalentFacts()
    {
        var facts = RichPatient();

        var json = PatientFactsJsonWriter.ToJson(facts, indented: true);

        json.Should().Contain("\n");
        PatientFactsJson.Read(json).Facts.Should().BeEquivalentTo(facts, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void ToJson_DefaultMembers_AreLeftOut()
    {
        var facts = new PatientFacts { PatientId = "p", EvaluationDate = Today };

        PatientFactsJsonWriter.ToJson(facts).Should().Be("{\"patientId\":\"p\",\"evaluationDate\":\"2026-01-15\"}");
    }

    [Fact]
    public void ToJson_NonDefaultFlags_AreWritten()
    {
        var facts = new PatientFacts
        {
            EvaluationDate = Today,
            Breastfeeding = false,
            Medications = new[] { new Medication { Name = "warfarin", Active = false } },
            Conditions = new[] { new Condition { Name = "Sepsis", Status = ConditionStatus.History } },
            Vaccinations = new[] { new Vaccination { Name = "MMR", Status = VaccinationStatus.Planned } },
        };

        PatientFactsJsonWriter.ToJson(facts).Should().Be(
            "{\"evaluationDate\":\"2026-01-15\",\"breastfeeding\":false,\"medications\":[{\"name\":\"warfarin\",\"active\":false}],"
            + "\"conditions\":[{\"name\":\"Sepsis\",\"status\":\"history\"}],\"vaccinations\":[{\"name\":\"MMR\",\"status\":\"planned\"}]}");
    }

    [Fact]
    public void ToJson_NotANumberLabValue_ReadsBackAndIsRejectedByValidation()
    {
        var facts = new PatientFacts
        {
            EvaluationDate = Today,
            LabResults = new[] { new LabResult { Name = "WBC", Value = double.NaN, Unit = "10*9/L", Date = Today } },
        };

        var read = PatientFactsJson.Read(PatientFactsJsonWriter.ToJson(facts));

        read.Facts!.LabResults[0].Value.Should().Be(double.NaN);
        ClinicalRuleSet.Default.Evaluate(read.Facts).Validation.Should().Contain(p => p.Field == "labResults[0].value");
    }

    [Fact]
    public void Write_Stream_WritesTheSameUtf8AsToJson()
    {
        var facts = RichPatient();
        using var stream = new MemoryStream();

        PatientFactsJsonWriter.Write(facts, stream);

        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(PatientFactsJsonWriter.ToJson(facts));
    }

    [Fact]
    public void ToJson_Null_Throws()
    {
        var act = () => PatientFactsJsonWriter.ToJson(null!);

        act.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void ToJson_GeneratedScenariosAndCohort_RoundTripExactly()
    {
        var patients = ScenarioGenerator.Generate(ClinicalRuleSet.Default, ScenarioGenerator.DefaultEvaluationDate).Select(s => s.Facts).ToList();
        var cohort = new CohortGenerator(CohortOptions.Default, seed: 3);
        for (var i = 0; i < 300; i++)
        {
            patients.Add(cohort.Next());
        }

        foreach (var facts in patients)
        {
            var json = PatientFactsJsonWriter.ToJson(facts);
            var read = PatientFactsJson.Read(json);
            read.Problems.Should().BeEmpty(facts.PatientId);
            PatientFactsJsonWriter.ToJson(read.Facts!).Should().Be(json, facts.PatientId);
        }
    }
}
