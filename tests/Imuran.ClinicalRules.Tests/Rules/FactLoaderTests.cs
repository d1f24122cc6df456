using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>How recorded facts become the facts the rules use (pregnancy, breastfeeding, negation, transfusion).</summary>
public class FactLoaderTests
{
    private static readonly ClinicalDate Today = new(2026, 6, 15);

    private static PatientFacts Woman(PregnancyStatus status = PregnancyStatus.Unknown) => new()
    {
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1990, 1, 1),
        Sex = Sex.Female,
        PregnancyStatus = status,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering },
        Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal }, new PharmacogenomicResult { Gene = Gene.Nudt15, Phenotype = MetabolizerPhenotype.Normal } },
    };

    private static IReadOnlyList<string> Ids(PatientFacts facts) => ClinicalRuleSet.Default.Evaluate(facts).Findings.Select(f => f.RuleId).ToList();

    [Theory]
    [InlineData("77386006", "snomed")]
    [InlineData("Z33.1", "icd-10-cm")]
    public void PregnancyCondition_WithStatusUnknown_CountsAsPregnant(string code, string system)
    {
        var result = ClinicalRuleSet.Default.Evaluate(Woman() with { Conditions = new[] { new Condition { Code = code, CodeSystem = system } } });

        var pregnancy = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-PRG-002").Subject;
        pregnancy.Basis.Facts[0].Path.Should().Be("conditions[0]");
        result.Findings.Select(f => f.RuleId).Should().NotContain("AZA-DQ-002");
        result.Unrecognised.Should().BeEmpty();
    }

    [Fact]
    public void PregnancyCondition_WithStatusNotPregnant_IsCautiousAndFlagsTheContradiction()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Code = "Z33.1", CodeSystem = "icd-10-cm" } } });

        result.Findings.Select(f => f.RuleId).Should().Contain(new[] { "AZA-PRG-002", "AZA-DQ-001" });
        result.Findings.Single(f => f.RuleId == "AZA-DQ-001").Summary.Should().Be("Check the pregnancy status: recorded as not pregnant, but conditions[0] records a current pregnancy.");
    }

    [Fact]
    public void PregnancyCondition_InHistory_DoesNotCount() =>
        Ids(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Code = "Z33.1", CodeSystem = "icd-10-cm", Status = ConditionStatus.History } } })
            .Should().NotContain(new[] { "AZA-PRG-002", "AZA-DQ-001" });

    [Fact]
    public void PregnancyFindings_WithStatusUnknown_RaiseTheCholestasisCaution() =>
        Ids(Woman() with { PruritusInPregnancy = true }).Should().Contain(new[] { "AZA-PRG-003", "AZA-PRG-002" }).And.NotContain("AZA-DQ-002");

    [Fact]
    public void BreastfeedingCondition_CountsAsBreastfeeding()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Code = "Z39.1", CodeSystem = "icd-10-cm" } } });

        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-LAC-001").Which.Basis.Facts[0].Path.Should().Be("conditions[0]");
    }

    [Theory]
    [InlineData("Hepatitis B immune by vaccination")]
    [InlineData("HBsAg negative")]
    [InlineData("Latent TB ruled out")]
    public void NegatedConditionName_IsNotMatchedButListed(string name)
    {
        var result = ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = name } } });

        result.Findings.Select(f => f.RuleId).Should().NotContain("AZA-INF-002");
        result.Unrecognised.Should().ContainSingle().Which.Field.Should().Be("conditions[0]");
    }

    [Theory]
    [InlineData("Chronic hepatitis B")]
    [InlineData("Hepatitis B, not active")]
    [InlineData("History of tuberculosis, no recurrence")]
    public void ConditionNameWithoutNegationOfTheDisease_IsMatched(string name) =>
        Ids(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = name } } }).Should().Contain("AZA-INF-002");

    [Theory]
    [InlineData("Crohn's disease and chronic hepatitis B")]
    [InlineData("Rheumatoid arthritis with latent tuberculosis")]
    [InlineData("No tuberculosis; chronic hepatitis B")]
    [InlineData("Hepatitis B ruled out; latent TB")]
    [InlineData("Ulcerative colitis, HBsAg positive")]
    public void ConditionNameNamingSeveralDiseases_MatchesEach(string name)
    {
        var result = ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = name } } });

        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INF-002").Which.Basis.Facts.Should().Contain(b => b.Path == "conditions[0]");
        result.Unrecognised.Should().BeEmpty();
    }

    [Theory]
    [InlineData("Rheumatoid arthritis with latent tuberculosis", "69896004", "snomed")]
    [InlineData("Rheumatoid arthritis; chronic hepatitis B", "M06.9", "icd-10-cm")]
    public void CodedConditionWhoseNameNamesAnotherDisease_MatchesItToo(string name, string code, string system)
    {
        // Stop 30: a coded condition was read by its code alone, so the tuberculosis or hepatitis B its name also names
        // was lost in silence.
        var result = ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = name, Code = code, CodeSystem = system } } });

        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INF-002").Which.Basis.Facts.Should().Contain(b => b.Path == "conditions[0]");
    }

    [Theory]
    [InlineData("Rheumatoid arthritis", "69896004", "snomed")]
    [InlineData("Rheumatoid arthritis, TB ruled out", "69896004", "snomed")]
    [InlineData("Chronic viral hepatitis B without delta-agent", "B18.1", "icd-10-cm")] // the code's own disease only
    public void CodedConditionWhoseNameNamesNoOtherDisease_Boundary_AddsNothing(string name, string code, string system)
    {
        var facts = Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = name, Code = code, CodeSystem = system } } };

        var infections = ClinicalRuleSet.Default.Evaluate(facts).Findings.Count(f => f.RuleId == "AZA-INF-002");

        infections.Should().Be(code == "B18.1" ? 1 : 0);
    }

    [Theory]
    [InlineData("Crohn's disease, no tuberculosis")]
    [InlineData("Crohn's disease; hepatitis B negative")]
    [InlineData("Rheumatoid arthritis, negative for hepatitis B")]
    public void ConditionNameNamingAFurtherDiseaseNegated_DoesNotMatchIt(string name) =>
        Ids(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = name } } }).Should().NotContain("AZA-INF-002");

    [Fact]
    public void ConditionNameMentioningPregnancyAfterADisease_DoesNotMakeThePatientPregnant()
    {
        var result = ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Conditions = new[] { new Condition { Name = "Crohn's disease diagnosed in pregnancy 2015" } } });

        result.Findings.Select(f => f.RuleId).Should().NotContain(id => id.StartsWith("AZA-PRG-", StringComparison.Ordinal));
        result.Findings.Select(f => f.RuleId).Should().NotContain("AZA-DQ-002");
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void ActivityResultSoonAfterTransfusion_IsNotUsedForThePhenotype(int daysAfter, bool excluded)
    {
        var transfusion = new ClinicalDate(2026, 1, 1);
        var facts = Woman(PregnancyStatus.NotPregnant) with
        {
            LastRedCellTransfusion = transfusion,
            Pharmacogenomics = new[]
            {
                new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal, Method = TestMethod.Activity, Date = transfusion.AddDays(daysAfter) },
                new PharmacogenomicResult { Gene = Gene.Nudt15, Phenotype = MetabolizerPhenotype.Normal },
            },
        };

        var result = ClinicalRuleSet.Default.Evaluate(facts);

        var ids = result.Findings.Select(f => f.RuleId).ToList();
        if (excluded)
        {
            ids.Should().Contain(new[] { "AZA-PGX-011", "AZA-PGX-008" });
            result.Findings.Single(f => f.RuleId == "AZA-PGX-008").Summary.Should().StartWith("No TPMT result on file");
        }
        else
        {
            ids.Should().NotContain(new[] { "AZA-PGX-011", "AZA-PGX-008" });
        }
    }

    [Fact]
    public void MissingBothGenes_SummaryNamesBoth() =>
        ClinicalRuleSet.Default.Evaluate(Woman(PregnancyStatus.NotPregnant) with { Pharmacogenomics = Array.Empty<PharmacogenomicResult>() })
            .Findings.Single(f => f.RuleId == "AZA-PGX-008").Summary.Should().StartWith("No TPMT or NUDT15 result on file");
}

public class FollowUpFixTests
{
    private static readonly ClinicalDate Today = new(2026, 6, 15);

    private static PatientFacts OnTherapy() => new()
    {
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1960, 1, 1),
        Sex = Sex.Male,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2024, 1, 1) },
        Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = MetabolizerPhenotype.Normal }, new PharmacogenomicResult { Gene = Gene.Nudt15, Phenotype = MetabolizerPhenotype.Normal } },
        LabResults = new[] { new LabResult { LoincCode = "6690-2", Value = 6, Unit = "10*9/L", Date = Today.AddDays(-3), Flag = LabFlag.Normal } },
    };

    [Theory]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void AZA_CBC_003_WarfarinBegunRecently_IntensifiesCounts(int daysAgo, bool intensified)
    {
        var result = ClinicalRuleSet.Default.Evaluate(OnTherapy() with { Medications = new[] { new Medication { Name = "warfarin", StartDate = Today.AddDays(-daysAgo) } } });

        result.Findings.Any(f => f.RuleId == "AZA-CBC-003").Should().Be(intensified);
    }

    [Theory]
    [InlineData("Imuran and warfarin", 28, true)] // the warfarin is named second, after azathioprine
    [InlineData("Imuran and warfarin", 29, false)]
    public void AZA_CBC_003_MedicineNamedSecondBegunRecently_IntensifiesCounts(string name, int daysAgo, bool intensified)
    {
        // Stop 30 (mutation testing): a medicine read from the rest of a name must count as a newly started one too.
        var result = ClinicalRuleSet.Default.Evaluate(OnTherapy() with { Medications = new[] { new Medication { Name = name, Active = true, StartDate = Today.AddDays(-daysAgo) } } });

        result.Findings.Any(f => f.RuleId == "AZA-CBC-003").Should().Be(intensified);
    }

    [Theory]
    [InlineData("Oliguria after kidney transplant")]
    [InlineData("Post-transplant oliguria")]
    public void OliguriaAfterTransplant_IsRecognisedAsOliguria(string name) =>
        ClinicalRuleSet.Default.Evaluate(OnTherapy() with { Conditions = new[] { new Condition { Name = name } } })
            .Findings.Select(f => f.RuleId).Should().Contain("AZA-REN-001");

    [Fact]
    public void AZA_DQ_003_NoBirthDate_SaysOfUnknownAge() =>
        ClinicalRuleSet.Default.Evaluate(OnTherapy() with { Sex = Sex.Female, BirthDate = null })
            .Findings.Single(f => f.RuleId == "AZA-DQ-003").Summary.Should().Be("Pregnancy status unknown for a female patient of unknown age: establish it (hCG) before relying on these checks.");
}
