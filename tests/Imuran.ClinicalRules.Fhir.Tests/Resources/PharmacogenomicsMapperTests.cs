using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Resources;

/// <summary>TPMT and NUDT15 results in every shape listed in shared/interop/README.md.</summary>
public class PharmacogenomicsMapperTests
{
    [Theory]
    [InlineData("http://www.genenames.org", "HGNC:12014", Gene.Tpmt)]
    [InlineData("http://www.genenames.org", "12014", Gene.Tpmt)]
    [InlineData("http://www.genenames.org/geneId", "HGNC:12014", Gene.Tpmt)]
    [InlineData("http://www.genenames.org/geneId", "12014", Gene.Tpmt)]
    [InlineData("http://www.genenames.org", "HGNC:23063", Gene.Nudt15)]
    [InlineData("http://www.genenames.org/geneId", "23063", Gene.Nudt15)]
    public void Read_GenomicsReportingGenotype_GivesDiplotype(string system, string hgnc, Gene expected)
    {
        var result = ReadWithPatient(Genotype(system, hgnc, "*1/*3A"));

        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = expected,
            Diplotype = "*1/*3A",
            Method = TestMethod.Genotype,
            Date = new ClinicalDate(2024, 11, 5),
        });
    }

    [Theory]
    [InlineData("TPMT *1/*4", "*1/*4")]
    [InlineData("TPMT*1/*3A", "*1/*3A")]
    [InlineData("TPMT *3a/ *3c", "*3A/*3C")]
    [InlineData("*1 / *2", "*1/*2")]
    public void Read_GenotypeText_IsStrippedToStarAlleles(string text, string expected)
    {
        var result = ReadWithPatient(Genotype("http://www.genenames.org", "HGNC:12014", text));

        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Diplotype.Should().Be(expected);
    }

    [Fact]
    public void Read_GenotypeWithoutGeneComponentButGeneInText_FindsTheGene()
    {
        var observation = """{"resourceType":"Observation","id":"g","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},"effectiveDateTime":"2024-11-05","valueCodeableConcept":{"text":"NUDT15 *1/*3"}}""";

        ReadWithPatient(observation).Facts!.Pharmacogenomics.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Gene = Gene.Nudt15, Diplotype = "*1/*3" });
    }

    [Fact]
    public void Read_TpmtAndNudt15Panel_GivesOneResultPerGene()
    {
        var observation = """{"resourceType":"Observation","id":"panel","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"93193-1"}]},"effectiveDateTime":"2024-11-05","valueString":"TPMT *1/*1; NUDT15 *1/*3"}""";

        var result = ReadWithPatient(observation);

        result.Facts!.Pharmacogenomics.Should().BeEquivalentTo(new[]
        {
            new { Gene = Gene.Tpmt, Diplotype = "*1/*1" },
            new { Gene = Gene.Nudt15, Diplotype = "*1/*3" },
        });
        result.Used.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("TPMT *3A/TPMT *3A", "*3A/*3A")]
    [InlineData("TPMT*1/tpmt*3A", "*1/*3A")]
    public void Read_GeneSymbolBeforeBothAlleles_IsRead(string text, string diplotype)
    {
        var observation = $$$"""{"resourceType":"Observation","id":"g","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"93193-1"}]},"effectiveDateTime":"2024-11-05","valueString":"{{{text}}}"}""";

        ReadWithPatient(observation).Facts!.Pharmacogenomics.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Gene = Gene.Tpmt, Diplotype = diplotype });
    }

    [Fact]
    public void Read_SecondAlleleNamingTheOtherGene_IsNotReadAsThisGenesDiplotype()
    {
        // Stop 28: "TPMT *1/NUDT15 *3" was read as TPMT *1/*3: the second symbol was accepted whatever gene it named.
        var observation = """{"resourceType":"Observation","id":"g","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"93193-1"}]},"effectiveDateTime":"2024-11-05","valueString":"TPMT *1/NUDT15 *3"}""";

        var facts = ReadWithPatient(observation).Facts!;

        facts.Pharmacogenomics.Should().NotContain(r => r.Gene == Gene.Tpmt && r.Diplotype == "*1/*3");
    }

    [Theory]
    [InlineData("36922-3")]
    [InlineData("41048-0")]
    [InlineData("80738-8")]
    public void Read_TpmtGenotypeLoinc_ImpliesTheGene(string loinc)
    {
        var observation = $$$"""{"resourceType":"Observation","id":"g","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"{{{loinc}}}"}]},"effectiveDateTime":"2024-11-05","valueString":"*1/*3C"}""";

        ReadWithPatient(observation).Facts!.Pharmacogenomics.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Gene = Gene.Tpmt, Diplotype = "*1/*3C", Method = TestMethod.Genotype });
    }

    [Fact]
    public void Read_R4CoreLegacyShape_GivesDiplotype()
    {
        var observation = """{"resourceType":"Observation","id":"legacy","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/observation-geneticsGene","valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org","code":"12014","display":"TPMT"}]}}],"status":"final","code":{"coding":[{"system":"http://snomed.info/sct","code":"363779003","display":"Genotype determination"}],"text":"Diplotype Call"},"issued":"2023-03-04T15:30:10+01:00","valueString":"*3A/*3A"}""";

        ReadWithPatient(observation).Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Tpmt,
            Diplotype = "*3A/*3A",
            Method = TestMethod.Genotype,
            Date = new ClinicalDate(2023, 3, 4),
        });
    }

    [Fact]
    public void Read_HaplotypeInsteadOfDiplotype_IsUnrecognised_AndKeptAsAnUnreadableResult()
    {
        var result = ReadWithPatient(Genotype("http://www.genenames.org", "HGNC:12014", "*3A"));

        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("not a Tpmt diplotype");

        // Issue 11 item 5: the result stays, so the core reports it as unreadable rather than "no result on file".
        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Gene = Gene.Tpmt, Diplotype = "*3A" });
        var evaluation = ClinicalRuleSet.Default.Evaluate(result.Facts);
        evaluation.Findings.Should().Contain(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("'*3A' cannot be read as a star-allele diplotype"));
        evaluation.Unrecognised.Should().Contain(u => u.Field == "pharmacogenomics[0]");
    }

    [Theory]
    [InlineData("LA9657-3", "Poor metabolizer", MetabolizerPhenotype.Poor)]
    [InlineData("LA10317-8", "Intermediate metabolizer", MetabolizerPhenotype.Intermediate)]
    [InlineData("LA25391-6", "Normal metabolizer", MetabolizerPhenotype.Normal)]
    public void Read_TherapeuticImplicationWithGeneComponent_GivesPhenotype(string answer, string display, MetabolizerPhenotype expected)
    {
        var result = ReadWithPatient(TherapeuticImplication(answer, display, geneComponent: true));

        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Tpmt,
            Phenotype = expected,
            Method = TestMethod.Unspecified,
            Date = new ClinicalDate(2024, 11, 6),
        });
    }

    [Theory]
    [InlineData("LA25390-8", "Rapid metabolizer")]
    [InlineData("LA10315-2", "Ultrarapid metabolizer")]
    [InlineData("LA25395-7", "Decreased function")]
    public void Read_PhenotypeTheRulesDoNotKnow_IsUnrecognised(string answer, string display)
    {
        var result = ReadWithPatient(TherapeuticImplication(answer, display, geneComponent: true));

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain(display).And.Contain(answer);
    }

    [Fact]
    public void Read_TherapeuticImplicationDerivedFromGenotype_IsJoinedToIt()
    {
        var result = ReadWithPatient(
            Genotype("http://www.genenames.org", "HGNC:23063", "*1/*3", id: "geno"),
            TherapeuticImplication("LA10317-8", "Intermediate metabolizer", geneComponent: false, derivedFrom: "Observation/geno"));

        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Nudt15,
            Diplotype = "*1/*3",
            Phenotype = MetabolizerPhenotype.Intermediate,
            Method = TestMethod.Genotype,
            Date = new ClinicalDate(2024, 11, 5),
        });
        result.Used.Should().Contain(u => u.Id == "geno").And.Contain(u => u.Id == "ti");
    }

    [Fact]
    public void Read_TherapeuticImplicationWithoutAnyGene_IsUnrecognised()
    {
        var result = ReadWithPatient(TherapeuticImplication("LA9657-3", "Poor metabolizer", geneComponent: false, derivedFrom: "Observation/missing"));

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("names no gene").And.Contain("azathioprine");
    }

    [Fact]
    public void Read_OlderPhenotypeCode53040_GivesPhenotype()
    {
        var observation = """{"resourceType":"Observation","id":"old","status":"final","extension":[{"url":"http://hl7.org/fhir/StructureDefinition/observation-geneticsGene","valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org","code":"HGNC:12014","display":"TPMT"}]}}],"code":{"coding":[{"system":"http://loinc.org","code":"53040-2"}]},"effectiveDateTime":"2022-08-01","valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"LA9657-3","display":"Poor metabolizer"}]}}""";

        ReadWithPatient(observation).Facts!.Pharmacogenomics.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Poor, Diplotype = (string?)null });
    }

    [Theory]
    [InlineData("Intermediate metabolizer", MetabolizerPhenotype.Intermediate)]
    [InlineData("Possible intermediate metabolizer", MetabolizerPhenotype.PossibleIntermediate)]
    [InlineData("TPMT Poor Metaboliser", MetabolizerPhenotype.Poor)]
    [InlineData("Indeterminate", MetabolizerPhenotype.Indeterminate)]
    public void Read_TpmtInterpretation79713_GivesPhenotypeFromText(string text, MetabolizerPhenotype expected)
    {
        var observation = $$$"""{"resourceType":"Observation","id":"interp","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"79713-4"}]},"effectiveDateTime":"2022-08-01","valueCodeableConcept":{"text":"{{{text}}}"}}""";

        var result = ReadWithPatient(observation);

        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Gene = Gene.Tpmt, Phenotype = expected });
    }

    [Fact]
    public void Read_RedCellTpmtActivity_GivesLabResultForTheCore()
    {
        var result = ReadWithPatient(Lab("21563-2", 8.5, unit: "U/mL{RBCs}", date: "2024-02-02", id: "act"));

        result.Facts!.LabResults.Should().ContainSingle().Which.Should().BeEquivalentTo(new { LoincCode = "21563-2", Value = 8.5, Date = new ClinicalDate(2024, 2, 2) });
        result.Facts.Pharmacogenomics.Should().BeEmpty("a quantity alone states no phenotype; the core classifies the lab");
        result.Used.Should().ContainSingle(u => u.Id == "act").Which.Fact.Should().Be(MappedFact.LabResult);
    }

    [Fact]
    public void Read_RedCellTpmtActivityWithPhenotype_GivesActivityResult()
    {
        var observation = """{"resourceType":"Observation","id":"act","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"79468-5"}]},"effectiveDateTime":"2024-02-02","valueCodeableConcept":{"text":"Intermediate metabolizer"}}""";

        var result = ReadWithPatient(observation);

        result.Facts!.Pharmacogenomics.Should().ContainSingle().Which.Should().BeEquivalentTo(new PharmacogenomicResult
        {
            Gene = Gene.Tpmt,
            Phenotype = MetabolizerPhenotype.Intermediate,
            Method = TestMethod.Activity,
            Date = new ClinicalDate(2024, 2, 2),
        });
        result.Facts.LabResults.Should().BeEmpty();
    }

    [Fact]
    public void Read_OtherGene_IsUnrecognisedNamingIt()
    {
        var result = ReadWithPatient(Genotype("http://www.genenames.org", "HGNC:2621", "*2/*2", display: "CYP2C19"));

        result.Facts!.Pharmacogenomics.Should().BeEmpty();
        result.Unrecognised.Should().ContainSingle().Which.Message.Should().Contain("CYP2C19");
    }

    private static string Genotype(string system, string hgnc, string value, string? display = null, string id = "g") =>
        $$$"""{"resourceType":"Observation","id":"{{{id}}}","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"84413-4"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2024-11-05","valueCodeableConcept":{"text":"{{{value}}}"},"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},"valueCodeableConcept":{"coding":[{"system":"{{{system}}}","code":"{{{hgnc}}}"{{{(display is null ? string.Empty : $",\"display\":\"{display}\"")}}}}]}}]}""";

    private static string TherapeuticImplication(string answer, string display, bool geneComponent, string? derivedFrom = null)
    {
        var gene = geneComponent
            ? """,{"code":{"coding":[{"system":"http://loinc.org","code":"48018-6"}]},"valueCodeableConcept":{"coding":[{"system":"http://www.genenames.org","code":"HGNC:12014","display":"TPMT"}]}}"""
            : string.Empty;
        var derived = derivedFrom is null ? string.Empty : $$$""","derivedFrom":[{"reference":"{{{derivedFrom}}}"}]""";
        return $$$"""{"resourceType":"Observation","id":"ti","status":"final","code":{"coding":[{"system":"http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs","code":"therapeutic-implication"}]},"effectiveDateTime":"2024-11-06"{{{derived}}},"component":[{"code":{"coding":[{"system":"http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs","code":"therapeutic-implication"}]},"valueCodeableConcept":{"coding":[{"system":"http://loinc.org","code":"{{{answer}}}","display":"{{{display}}}"}]}},{"code":{"coding":[{"system":"http://loinc.org","code":"51963-7"}]},"valueCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256","display":"azathioprine"}]}}{{{gene}}}]}""";
    }
}
