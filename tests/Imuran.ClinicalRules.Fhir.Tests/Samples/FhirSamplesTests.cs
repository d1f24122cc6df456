using System.IO;
using System.Linq;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Tests.Support;

namespace Imuran.ClinicalRules.Fhir.Tests.Samples;

/// <summary>
/// The hand-written bundles in samples/fhir: each is read on the samples' evaluation date (2025-06-01) and gives the
/// facts of the clinical situation it shows. The findings each should raise are added once the rule set lands.
/// </summary>
public class FhirSamplesTests
{
    public static readonly ClinicalDate EvaluationDate = new(2025, 6, 1);

    public static TheoryData<string> EverySample()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.FhirSamples, "*.json").OrderBy(f => f, System.StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Samples_AreAtLeastTenAndEachIsListedInTheReadme()
    {
        var files = Directory.GetFiles(RepoPaths.FhirSamples, "*.json").Select(Path.GetFileName).ToList();
        var readme = File.ReadAllText(Path.Combine(RepoPaths.FhirSamples, "README.md"));

        files.Should().HaveCountGreaterThanOrEqualTo(10);
        files.Should().OnlyContain(f => readme.Contains(f!));
    }

    [Theory]
    [MemberData(nameof(EverySample))]
    public void Read_EverySample_SucceedsWithEveryResourceUsedAndNoProblems(string file)
    {
        var result = Read(file);

        result.Facts!.PatientId.Should().NotBeNullOrEmpty();
        result.Facts.BirthDate.Should().NotBeNull();
        result.Facts.Sex.Should().NotBe(Sex.Unknown);
        result.Problems.Should().BeEmpty();
        result.Unrecognised.Should().BeEmpty();
        result.Used.Should().NotContain(u => u.Ignored);
    }

    [Fact]
    public void Read_AllopurinolClinicalDrug_GivesAllopurinolByNameAndContinuingTherapy()
    {
        var facts = Read("01-allopurinol-clinical-drug.json").Facts!;

        facts.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2024, 9, 10) });
        facts.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication
        {
            Name = "Allopurinol 100 MG Oral Tablet",
            RxNormCode = null,
            StartDate = new ClinicalDate(2025, 5, 22),
            Active = true,
        });
        facts.Conditions.Should().ContainSingle(c => c.Code == "69896004");
        facts.LabResults.Should().HaveCount(4).And.OnlyContain(l => l.Flag == LabFlag.Normal);
    }

    [Fact]
    public void Read_PregnancyCondition_GivesPregnantWithLupus()
    {
        var facts = Read("02-pregnancy-condition.json").Facts!;

        facts.Sex.Should().Be(Sex.Female);
        facts.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant);
        facts.Conditions.Should().ContainSingle().Which.Code.Should().Be("55464009");
        facts.Therapy.Status.Should().Be(TherapyStatus.Continuing);
    }

    [Fact]
    public void Read_PregnancyObservation_GivesPregnantAndTherapyConsidered()
    {
        var facts = Read("03-pregnancy-observation.json").Facts!;

        facts.PregnancyStatus.Should().Be(PregnancyStatus.Pregnant);
        facts.Therapy.Status.Should().Be(TherapyStatus.Considering);
        facts.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Code = "K51.90", CodeSystem = "http://hl7.org/fhir/sid/icd-10-cm" });
    }

    [Fact]
    public void Read_CkdIcd10_GivesCkdConditionAndRenalLabs()
    {
        var facts = Read("04-ckd-icd10.json").Facts!;

        facts.Conditions.Select(c => c.Code).Should().BeEquivalentTo("N18.9", "M06.9");
        facts.LabResults.Should().BeEquivalentTo(new[]
        {
            new LabResult { LoincCode = "2160-0", Name = "Creatinine [Mass/volume] in Serum or Plasma", Value = 2.1, Unit = "mg/dL", Date = new ClinicalDate(2025, 5, 15), Flag = LabFlag.High, UpperReferenceLimit = 1.3 },
            new LabResult { LoincCode = "62238-1", Name = facts.LabResults[1].Name, Value = 31, Unit = "mL/min/{1.73_m2}", Date = new ClinicalDate(2025, 5, 15), Flag = LabFlag.Low },
        });
    }

    [Fact]
    public void Read_TpmtGenomicsReporting_GivesIntermediateTpmtWithDiplotype()
    {
        var facts = Read("05-tpmt-genotype-genomics-reporting.json").Facts!;

        facts.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Tpmt,
            Diplotype = "*1/*3A",
            Phenotype = MetabolizerPhenotype.Intermediate,
            Method = TestMethod.Genotype,
            Date = new ClinicalDate(2025, 5, 2),
        });
        facts.Therapy.Status.Should().Be(TherapyStatus.Considering);
    }

    [Fact]
    public void Read_LiveVaccinePlanned_GivesPlannedMmrAndVaricella()
    {
        var facts = Read("06-live-vaccine-planned.json").Facts!;

        facts.Vaccinations.Should().BeEquivalentTo(new[]
        {
            new Vaccination { CvxCode = "03", Name = "MMR", Date = new ClinicalDate(2025, 6, 20), Status = VaccinationStatus.Planned },
            new Vaccination { CvxCode = "21", Name = "varicella", Date = new ClinicalDate(2025, 7, 1), Status = VaccinationStatus.Planned },
        });
        facts.Therapy.Status.Should().Be(TherapyStatus.Continuing);
    }

    [Fact]
    public void Read_TpmtPoorLegacy_GivesHomozygousNoFunctionDiplotype()
    {
        var facts = Read("07-tpmt-poor-legacy.json").Facts!;

        facts.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Tpmt,
            Diplotype = "*3A/*3A",
            Method = TestMethod.Genotype,
            Date = new ClinicalDate(2025, 5, 20),
        });
        facts.Conditions.Should().ContainSingle().Which.Code.Should().Be("K75.4");
    }

    [Fact]
    public void Read_Nudt15Intermediate_GivesBothGenes()
    {
        var facts = Read("08-nudt15-intermediate.json").Facts!;

        facts.Pharmacogenomics.Should().BeEquivalentTo(new[]
        {
            new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*1/*3", Phenotype = MetabolizerPhenotype.Intermediate, Method = TestMethod.Genotype, Date = new ClinicalDate(2025, 5, 9) },
            new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*1", Phenotype = MetabolizerPhenotype.Normal, Method = TestMethod.Genotype, Date = new ClinicalDate(2025, 5, 9) },
        });
    }

    [Fact]
    public void Read_IbdInfliximab_GivesYoungMaleWithCrohnsAndInfliximab()
    {
        var facts = Read("09-ibd-infliximab.json").Facts!;

        facts.Sex.Should().Be(Sex.Male);
        facts.BirthDate!.Value.YearsUntil(EvaluationDate).Should().Be(22);
        facts.Conditions.Should().ContainSingle().Which.Code.Should().Be("34000006");
        facts.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new { RxNormCode = "191831", Active = true });
        facts.Therapy.Status.Should().Be(TherapyStatus.Continuing);
    }

    [Fact]
    public void Read_KidneyTransplantCotrimoxazole_GivesTransplantCoTrimoxazoleAndNewStart()
    {
        var facts = Read("10-kidney-transplant-cotrimoxazole.json").Facts!;

        facts.Conditions.Select(c => c.Code).Should().BeEquivalentTo("Z94.0", "70536003");
        facts.Medications.Select(m => m.RxNormCode).Should().BeEquivalentTo("10831", "42316");
        facts.Therapy.Should().BeEquivalentTo(new AzathioprineTherapy { Status = TherapyStatus.NewlyStarted, StartDate = new ClinicalDate(2025, 5, 8) });
    }

    [Fact]
    public void Read_HepatitisB_GivesChronicHepatitisBAndRaisedAlt()
    {
        var facts = Read("11-hepatitis-b.json").Facts!;

        facts.Conditions.Select(c => c.Code).Should().BeEquivalentTo("B18.1", "K75.4");
        facts.LabResults.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LoincCode = "1742-6", Flag = LabFlag.High });
        facts.Therapy.Status.Should().Be(TherapyStatus.Considering);
    }

    [Fact]
    public void Read_LowWbc_GivesLowWhiteCellsAndNeutrophilsOnContinuingTherapy()
    {
        var facts = Read("12-low-wbc.json").Facts!;

        facts.LabResults.Where(l => l.Flag == LabFlag.Low).Select(l => l.LoincCode).Should().BeEquivalentTo("6690-2", "751-8");
        facts.LabResults.Single(l => l.LoincCode == "6690-2").Should().BeEquivalentTo(new { Value = 2.9, Unit = "10*9/L", Date = new ClinicalDate(2025, 5, 30) });
        facts.Therapy.Status.Should().Be(TherapyStatus.Continuing);
    }

    private static FhirMappingResult Read(string file)
    {
        var result = FhirPatientReader.Read(File.ReadAllText(Path.Combine(RepoPaths.FhirSamples, file)), EvaluationDate);
        result.Error.Should().BeNull();
        result.Succeeded.Should().BeTrue();
        return result;
    }
}
