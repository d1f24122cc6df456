using System.IO;
using System.Linq;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Tests.Support;

namespace Imuran.ClinicalRules.Fhir.Tests;

/// <summary>Every file in <c>Hl7Examples/</c> (official HL7 example files, unmodified; see its PROVENANCE.md) read as it is.</summary>
public class SharedExamplesTests
{
    private static readonly FhirReadOptions Loose = new() { RequirePatient = false };

    public static TheoryData<string> EveryFile()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.Hl7Examples, "*", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Hl7Examples, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void ExamplesFolder_HoldsTheExampleFilesAndTheirProvenance()
    {
        Directory.GetFiles(RepoPaths.Hl7Examples, "*.json", SearchOption.AllDirectories).Should().HaveCount(30);
        File.Exists(Path.Combine(RepoPaths.Hl7Examples, "PROVENANCE.md")).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(EveryFile))]
    public void Read_EverySharedFile_NeverThrowsAndReadsEveryFhirFile(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Hl7Examples, file));

        var result = FhirPatientReader.Read(text, Payloads.Today, Loose);

        if (!file.EndsWith(".json", System.StringComparison.Ordinal))
        {
            result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson, "{0} is not JSON", file);
        }
        else if (Path.GetFileName(file) == "package.json")
        {
            result.Error!.Code.Should().Be(FhirReadErrorCode.NotFhirResource, "an npm package manifest is not a FHIR resource");
        }
        else
        {
            result.Error.Should().BeNull();
            result.Succeeded.Should().BeTrue();
            (result.Used.Count + result.Unrecognised.Count).Should().BeGreaterThan(0, "every resource is listed as used or unrecognised");
        }
    }

    [Fact]
    public void Read_R4CoreTpmtDiplotype_GivesTpmtStar1Star4()
    {
        var facts = Read("r4-core-examples/Observation-example-TPMT-diplotype.json").Facts!;

        facts.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Tpmt,
            Diplotype = "*1/*4",
            Method = TestMethod.Genotype,
            Date = new ClinicalDate(2013, 4, 3),
        });
    }

    [Theory]
    [InlineData("r4-core-examples/Observation-example-TPMT-haplotype-one.json")]
    [InlineData("r4-core-examples/Observation-example-TPMT-haplotype-two.json")]
    public void Read_R4CoreTpmtHaplotypeWithStatusUnknown_IsNotReadAndMeansIncompleteData(string file)
    {
        // A TPMT result whose status is unknown is not read as final, and says a result is on file that was not used.
        var result = Read(file);

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Used.Should().ContainSingle().Which.Description.Should().Contain("ignored: status 'unknown'");
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.ResultNotFinal && p.MeansIncompleteData);
    }

    [Fact]
    public void Read_R4CoreCyp2c9Phenotype_IsUnrecognisedAsAnotherGene()
    {
        var result = Read("r4-core-examples/Observation-example-phenotype.json");

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("CYP2C9").And.Contain("not TPMT or NUDT15");
    }

    [Fact]
    public void Read_GenomicsReportingPgxBundle_ListsItsPhenotypeAndReadsTheRest()
    {
        var result = Read("genomics-reporting-3.0.0/Bundle-bundle-pgxexample.json");

        result.Facts!.PatientId.Should().Be("ExamplePatient");
        result.Facts.Pharmacogenomics.Should().BeEmpty("the bundle reports CYP2C9, not TPMT or NUDT15");
        result.Unrecognised.Should().ContainSingle(u => u.Id == "med-impact-pgx-example")
            .Which.Message.Should().Contain("Rapid metabolizer").And.Contain("mercaptopurine").And.Contain("CYP2C9");
        result.Unrecognised.Should().ContainSingle(u => u.Id == "genotype-pgx-example").Which.Message.Should().Contain("CYP2C9 *4/*35B");
        result.Facts.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication { Name = "mercaptopurine", RxNormCode = "103", Active = true });
        result.Problems.Should().ContainSingle(p => p.Code == MappingProblemCode.StatusUnknown && p.Id == "current-med-example");
        result.Unrecognised.Should().Contain(u => u.ResourceType == "DiagnosticReport" && u.Reason == UnrecognisedReason.ResourceTypeNotRead);
        (result.Used.Count + result.Unrecognised.Count).Should().Be(15);
    }

    [Theory]
    [InlineData("genomics-reporting-3.0.0/Observation-GenotypeExamplePharmVar.json", "CYP2D6")]
    [InlineData("genomics-reporting-3.0.0/Observation-HaplotypeExamplePharmVar01.json", "CYP2D6")]
    [InlineData("genomics-reporting-3.0.0/Observation-TherapeuticImplicationExample1.json", "no gene")]
    public void Read_GenomicsReportingOtherGeneObservations_AreUnrecognised(string file, string mentioned)
    {
        var result = Read(file);

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain(mentioned);
    }

    [Fact]
    public void Read_SearchsetWithOperationOutcome_GivesAProblem()
    {
        var result = Read("r4-core-examples/Bundle-bundle-search-warning.json");

        result.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Code = MappingProblemCode.ServerReportedIssue,
            ResourceType = "OperationOutcome",
            Id = "warning",
            Path = "Bundle.entry[0].resource.issue[0]",
        });
        result.Problems[0].Message.Should().Contain("There is no matching patient for MRN 123456");
    }

    [Fact]
    public void Read_PagedSearchsetWithUncodedMedication_ReportsBoth()
    {
        var result = Read("r4-core-examples/Bundle-bundle-example.json");

        result.Problems.Should().Contain(p => p.Code == MappingProblemCode.IncompleteSearchResults);
        result.Unrecognised.Should().ContainSingle(u => u.Id == "3123").Which.Message.Should().Contain("Medication/example");
        result.Used.Should().ContainSingle(u => u.ResourceType == "Medication" && u.Fact == MappedFact.Supporting);
    }

    [Fact]
    public void Read_ContainedSnomedMedication_KeepsItsName()
    {
        var facts = Read("r4-core-examples/MedicationRequest-medrx0302.json").Facts!;

        facts.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication
        {
            Name = "Azithromycin 250mg capsule (product)",
            StartDate = new ClinicalDate(2015, 1, 15),
            Active = true,
        });
    }

    [Fact]
    public void Read_RxNormCodedRequest_KeepsCodeAndDisplay()
    {
        var facts = Read("r4-core-examples/MedicationRequest-medrx0312.json").Facts!;

        facts.Medications.Should().ContainSingle().Which.Should().BeEquivalentTo(new Medication
        {
            Name = "Phenytoin 25mg/ml oral suspension",
            RxNormCode = "1313112",
            StartDate = new ClinicalDate(2015, 1, 15),
            Active = true,
        });
    }

    [Fact]
    public void Read_StatementOfNdcProduct_CarriesTheIngredientNames()
    {
        var facts = Read("r4-core-examples/MedicationStatement-example001.json").Facts!;

        var medication = facts.Medications.Should().ContainSingle().Subject;
        medication.Name.Should().Contain("Tylenol PM").And.Contain("Acetaminophen").And.Contain("Diphenhydramine");
        medication.RxNormCode.Should().BeNull();
        medication.StartDate.Should().Be(new ClinicalDate(2015, 1, 23));
    }

    [Fact]
    public void Read_ResolvedCondition_IsHistory()
    {
        var facts = Read("r4-core-examples/Condition-f201.json").Facts!;

        facts.Conditions.Should().ContainSingle().Which.Should().BeEquivalentTo(new Condition
        {
            Name = "Fever",
            Code = "386661006",
            CodeSystem = "http://snomed.info/sct",
            Status = ConditionStatus.History,
            Onset = new ClinicalDate(2013, 4, 2),
        });
    }

    [Fact]
    public void Read_HaemoglobinWithLowFlag_GivesLabResult()
    {
        var facts = Read("r4-core-examples/Observation-f005.json").Facts!;

        facts.LabResults.Should().ContainSingle().Which.Should().BeEquivalentTo(new LabResult
        {
            LoincCode = "718-7",
            Name = "Hemoglobin [Mass/volume] in Blood",
            Value = 7.2,
            Unit = "g/dL",
            Date = new ClinicalDate(2013, 4, 5),
            Flag = LabFlag.Low,
            UpperReferenceLimit = 10.0, // referenceRange.high in the value's unit (issue 11)
        });
    }

    [Fact]
    public void Read_CreatinineWithLocalCode_IsUnrecognised()
    {
        var result = Read("r4-core-examples/Observation-f204.json");

        result.Facts!.LabResults.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("no LOINC coding").And.Contain("Creatinine(Serum)");
    }

    [Fact]
    public void Read_EgfrWithValuesOnlyInComponents_IsUnrecognised()
    {
        var result = Read("r4-core-examples/Observation-f205.json");

        result.Unrecognised.Should().ContainSingle().Which.Reason.Should().Be(UnrecognisedReason.ValueNotRecognised);
    }

    [Fact]
    public void Read_NoKnownDrugAllergy_IsUsedWithoutAnAllergy()
    {
        var result = Read("r4-core-examples/AllergyIntolerance-nkda.json");

        result.Facts!.Allergies.Should().BeEmpty();
        result.Used.Should().ContainSingle().Which.Description.Should().Contain("no known drug allergy");
    }

    [Fact]
    public void Read_PenicillinAllergy_IsKeptForTheCore()
    {
        var facts = Read("r4-core-examples/AllergyIntolerance-medication.json").Facts!;

        facts.Allergies.Should().ContainSingle().Which.Should().BeEquivalentTo(new Allergy { Substance = "Penicillin G", RxNormCode = "7980" });
    }

    [Fact]
    public void Read_CorePatientExample_GivesBirthDateAndSex()
    {
        var facts = Read("r4-core-examples/Patient-example.json").Facts!;

        facts.PatientId.Should().Be("example");
        facts.BirthDate.Should().Be(new ClinicalDate(1974, 12, 25));
        facts.Sex.Should().Be(Sex.Male);
    }

    private static FhirMappingResult Read(string file)
    {
        var result = FhirPatientReader.Read(File.ReadAllText(Path.Combine(RepoPaths.Hl7Examples, file)), Payloads.Today, Loose);
        result.Error.Should().BeNull();
        return result;
    }
}
