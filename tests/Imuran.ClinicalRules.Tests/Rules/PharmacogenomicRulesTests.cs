using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for AZA-PGX-001 to AZA-PGX-011 (TPMT, NUDT15, missing and unreliable results).</summary>
public class PharmacogenomicRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    private static EvaluationResult WithGenotypes(string tpmt, string nudt15) =>
        Evaluate(Quiet.WithPgx(Patients.Tpmt(tpmt), Patients.Nudt15(nudt15)));

    // AZA-PGX-001 TPMT poor metabolizer

    [Fact]
    public void AZA_PGX_001_TpmtPoorFromDiplotype_Fires()
    {
        var result = WithGenotypes("*3A/*3A", "*1/*1");

        var finding = result.ShouldRaise("AZA-PGX-001").ShouldBe(Severity.Critical, Topics.Tpmt);
        finding.Summary.Should().Be("TPMT poor metabolizer: very high risk of life-threatening myelosuppression with azathioprine.");
        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "poor metabolizer (diplotype *3A/*3A (CPIC: poor metabolizer))");
        result.ShouldNotRaise("AZA-PGX-003");
    }

    [Theory]
    [InlineData("TPMT*3A/TPMT*3A")]
    [InlineData("TPMT *3A/*3A")]
    [InlineData("tpmt*3a/tpmt*3c")]
    public void AZA_PGX_001_TpmtPoorWrittenWithTheGeneSymbol_Fires(string diplotype)
    {
        // Stop 28: a diplotype written with its gene symbol, as many laboratory reports do, was unreadable: the poor
        // metabolizer got no AZA-PGX-001, and AZA-PGX-008 said no result was on file.
        var result = WithGenotypes(diplotype, "*1/*1");

        result.ShouldRaise("AZA-PGX-001");
        result.ShouldNotRaise("AZA-PGX-008");
    }

    [Theory]
    [InlineData("NUDT15*3/NUDT15*3")]
    [InlineData("TPMT*3A/NUDT15*3")]
    public void AZA_PGX_001_TpmtResultNamingAnotherGene_IsUnreadable_Boundary(string diplotype)
    {
        var result = WithGenotypes(diplotype, "*1/*1");

        // Unreadable, as any malformed diplotype: a data-quality finding, never a phenotype read from another gene.
        result.ShouldNotRaise("AZA-PGX-001");
        result.ShouldRaise("AZA-DQ-001");
    }

    [Fact]
    public void AZA_PGX_001_TpmtIntermediate_DoesNotFire()
    {
        var result = WithGenotypes("*1/*3A", "*1/*1");

        result.ShouldNotRaise("AZA-PGX-001");
        result.ShouldRaise("AZA-PGX-003");
    }

    [Theory]
    [InlineData("*3A/*3C", true)] // two different no-function alleles: poor
    [InlineData("*2/*14", true)]
    [InlineData("*3A/*5", false)] // no function with uncertain function: possible intermediate
    [InlineData("*3A/*1", false)] // one no-function allele, either order: intermediate
    public void AZA_PGX_001_TwoNoFunctionAllelesOrOne_Boundary(string diplotype, bool fires)
    {
        WithGenotypes(diplotype, "*1/*1").ShouldRaiseIf("AZA-PGX-001", fires);
    }

    [Fact]
    public void AZA_PGX_001_TpmtPoorWithNudt15Poor_Boundary_BothFire()
    {
        var result = WithGenotypes("*3A/*3A", "*3/*3");

        result.ShouldRaise("AZA-PGX-001");
        result.ShouldRaise("AZA-PGX-002");
        result.ShouldNotRaise("AZA-PGX-005");
    }

    // AZA-PGX-002 NUDT15 poor metabolizer

    [Fact]
    public void AZA_PGX_002_Nudt15PoorFromDiplotype_Fires()
    {
        var result = WithGenotypes("*1/*1", "*3/*3");

        var finding = result.ShouldRaise("AZA-PGX-002").ShouldBe(Severity.Critical, Topics.Nudt15);
        finding.Summary.Should().Be("NUDT15 poor metabolizer: very high risk of life-threatening myelosuppression with azathioprine.");
        finding.ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics[1]", "poor metabolizer (diplotype *3/*3");
        result.ShouldNotRaise("AZA-PGX-001");
    }

    [Fact]
    public void AZA_PGX_002_Nudt15Intermediate_DoesNotFire()
    {
        var result = WithGenotypes("*1/*1", "*1/*3");

        result.ShouldNotRaise("AZA-PGX-002");
        result.ShouldRaise("AZA-PGX-004");
    }

    [Theory]
    [InlineData("*2/*9", true)] // two different no-function alleles
    [InlineData("*3/*4", false)] // no function with uncertain function: possible intermediate
    public void AZA_PGX_002_TwoNoFunctionAllelesOrOne_Boundary(string diplotype, bool fires)
    {
        WithGenotypes("*1/*1", diplotype).ShouldRaiseIf("AZA-PGX-002", fires);
    }

    [Fact]
    public void AZA_PGX_002_Nudt15PoorWithTpmtIntermediate_Boundary_PoorWinsOverBothReduced()
    {
        var result = WithGenotypes("*1/*3A", "*3/*3");

        result.ShouldRaise("AZA-PGX-002");
        result.ShouldNotRaise("AZA-PGX-005");
        result.ShouldNotRaise("AZA-PGX-003");
    }

    // AZA-PGX-003 TPMT intermediate metabolizer

    [Fact]
    public void AZA_PGX_003_TpmtIntermediateNudt15Normal_Fires()
    {
        var result = WithGenotypes("*1/*3A", "*1/*1");

        var finding = result.ShouldRaise("AZA-PGX-003").ShouldBe(Severity.Warning, Topics.Tpmt);
        finding.Summary.Should().Be("TPMT intermediate metabolizer: raised risk of myelosuppression with azathioprine.");
        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "diplotype *1/*3A (CPIC: intermediate metabolizer)");
    }

    [Fact]
    public void AZA_PGX_003_TpmtPossibleIntermediate_Fires()
    {
        var finding = WithGenotypes("*3A/*5", "*1/*1").ShouldRaise("AZA-PGX-003");

        finding.Summary.Should().Be("TPMT possible intermediate metabolizer: raised risk of myelosuppression with azathioprine.");
    }

    [Fact]
    public void AZA_PGX_003_TpmtNormal_DoesNotFire()
    {
        WithGenotypes("*1/*1", "*1/*1").ShouldNotRaise("AZA-PGX-003");
    }

    [Theory]
    [InlineData("*1/*1", true)] // NUDT15 normal
    [InlineData("*1/*4", true)] // NUDT15 indeterminate
    [InlineData(null, true)] // NUDT15 not on file
    [InlineData("*1/*3", false)] // NUDT15 intermediate: the combined rule instead
    [InlineData("*3/*4", false)] // NUDT15 possible intermediate: the combined rule instead
    [InlineData("*3/*3", false)] // NUDT15 poor: the poor rule instead
    public void AZA_PGX_003_Nudt15PartnerStatus_Boundary(string? nudt15, bool fires)
    {
        var pgx = nudt15 is null ? new[] { Patients.Tpmt("*1/*3A") } : new[] { Patients.Tpmt("*1/*3A"), Patients.Nudt15(nudt15) };

        Evaluate(Quiet.WithPgx(pgx)).ShouldRaiseIf("AZA-PGX-003", fires);
    }

    // AZA-PGX-004 NUDT15 intermediate metabolizer

    [Fact]
    public void AZA_PGX_004_Nudt15IntermediateTpmtNormal_Fires()
    {
        var result = WithGenotypes("*1/*1", "*1/*3");

        var finding = result.ShouldRaise("AZA-PGX-004").ShouldBe(Severity.Warning, Topics.Nudt15);
        finding.Summary.Should().Be("NUDT15 intermediate metabolizer: raised risk of myelosuppression with azathioprine.");
        finding.ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics[1]", "diplotype *1/*3 (CPIC: intermediate metabolizer)");
    }

    [Fact]
    public void AZA_PGX_004_Nudt15Normal_DoesNotFire()
    {
        WithGenotypes("*1/*1", "*1/*1").ShouldNotRaise("AZA-PGX-004");
    }

    [Theory]
    [InlineData("*1/*1", true)] // TPMT normal
    [InlineData("*1/*5", true)] // TPMT indeterminate
    [InlineData(null, true)] // TPMT not on file
    [InlineData("*1/*3A", false)] // TPMT intermediate: the combined rule instead
    [InlineData("*3A/*3A", false)] // TPMT poor: the poor rule instead
    public void AZA_PGX_004_TpmtPartnerStatus_Boundary(string? tpmt, bool fires)
    {
        var pgx = tpmt is null ? new[] { Patients.Nudt15("*1/*3") } : new[] { Patients.Tpmt(tpmt), Patients.Nudt15("*1/*3") };

        Evaluate(Quiet.WithPgx(pgx)).ShouldRaiseIf("AZA-PGX-004", fires);
    }

    // AZA-PGX-005 both intermediate

    [Fact]
    public void AZA_PGX_005_BothIntermediate_Fires()
    {
        var result = WithGenotypes("*1/*3A", "*1/*3");

        var finding = result.ShouldRaise("AZA-PGX-005").ShouldBe(Severity.Critical, Topics.Tpmt);
        finding.Summary.Should().Be("TPMT and NUDT15 both reduced: myelosuppression risk higher than with either gene alone.");
        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "intermediate metabolizer");
        finding.ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics[1]", "intermediate metabolizer");
        result.ShouldNotRaise("AZA-PGX-003");
        result.ShouldNotRaise("AZA-PGX-004");
    }

    [Fact]
    public void AZA_PGX_005_OnlyTpmtIntermediate_DoesNotFire()
    {
        WithGenotypes("*1/*3A", "*1/*1").ShouldNotRaise("AZA-PGX-005");
    }

    [Theory]
    [InlineData("*3A/*5", "*3/*4", true)] // both possible intermediate
    [InlineData("*1/*3A", "*3/*4", true)] // intermediate with possible intermediate
    [InlineData("*1/*3A", "*1/*4", false)] // NUDT15 indeterminate is not reduced
    [InlineData("*1/*3A", "*3/*3", false)] // NUDT15 poor: the poor rule instead
    public void AZA_PGX_005_PartnerPhenotype_Boundary(string tpmt, string nudt15, bool fires)
    {
        WithGenotypes(tpmt, nudt15).ShouldRaiseIf("AZA-PGX-005", fires);
    }

    // AZA-PGX-006 TPMT indeterminate

    [Fact]
    public void AZA_PGX_006_TpmtUncertainFunctionAllele_Fires()
    {
        var result = WithGenotypes("*1/*5", "*1/*1");

        var finding = result.ShouldRaise("AZA-PGX-006").ShouldBe(Severity.Warning, Topics.Tpmt, FindingKind.Monitoring);
        finding.Summary.Should().Be("TPMT function cannot be assigned from this result: close toxicity monitoring advised.");
        finding.Review.Should().Contain("red-cell TPMT activity test");
        finding.ShouldHaveBasis("TPMT phenotype", "pharmacogenomics[0]", "indeterminate (diplotype *1/*5 (CPIC: indeterminate))");
        result.ShouldNotRaise("AZA-PGX-003");
    }

    [Fact]
    public void AZA_PGX_006_TpmtNormal_DoesNotFire()
    {
        WithGenotypes("*1/*1", "*1/*1").ShouldNotRaise("AZA-PGX-006");
    }

    [Theory]
    [InlineData("*5/*6", true)] // two uncertain-function alleles: indeterminate
    [InlineData("*1/*60", true)] // an allele not in the table: unknown function
    [InlineData("*3A/*5", false)] // no function with uncertain function: possible intermediate, not indeterminate
    [InlineData("*3A/*60", false)] // no function with an allele not in the table: possible intermediate
    public void AZA_PGX_006_UncertainAlleleWithPartner_Boundary(string diplotype, bool fires)
    {
        WithGenotypes(diplotype, "*1/*1").ShouldRaiseIf("AZA-PGX-006", fires);
    }

    // AZA-PGX-007 NUDT15 indeterminate

    [Fact]
    public void AZA_PGX_007_Nudt15UncertainFunctionAllele_Fires()
    {
        var result = WithGenotypes("*1/*1", "*1/*4");

        var finding = result.ShouldRaise("AZA-PGX-007").ShouldBe(Severity.Warning, Topics.Nudt15, FindingKind.Monitoring);
        finding.Summary.Should().Be("NUDT15 function cannot be assigned from this result: close toxicity monitoring advised.");
        finding.ShouldHaveBasis("NUDT15 phenotype", "pharmacogenomics[1]", "indeterminate (diplotype *1/*4 (CPIC: indeterminate))");
    }

    [Fact]
    public void AZA_PGX_007_Nudt15Normal_DoesNotFire()
    {
        WithGenotypes("*1/*1", "*1/*1").ShouldNotRaise("AZA-PGX-007");
    }

    [Theory]
    [InlineData("*4/*5", true)]
    [InlineData("*3/*4", false)] // no function with uncertain function: possible intermediate
    public void AZA_PGX_007_UncertainAlleleWithPartner_Boundary(string diplotype, bool fires)
    {
        WithGenotypes("*1/*1", diplotype).ShouldRaiseIf("AZA-PGX-007", fires);
    }

    // AZA-PGX-008 no result before therapy

    [Fact]
    public void AZA_PGX_008_ConsideringWithNoResults_Fires()
    {
        var result = Evaluate(Quiet.Considering().WithoutPgx());

        var finding = result.ShouldRaise("AZA-PGX-008").ShouldBe(Severity.Warning, Topics.PgxTesting, FindingKind.Monitoring);
        finding.Summary.Should().Be("No TPMT or NUDT15 result on file: consider testing before relying on a standard regimen.");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "therapy status considering");
        finding.ShouldHaveBasis("pharmacogenomic results", "pharmacogenomics", "no usable TPMT or NUDT15 result on file");
        result.ShouldNotRaise("AZA-PGX-009");
    }

    [Fact]
    public void AZA_PGX_008_ConsideringWithBothResults_DoesNotFire()
    {
        Evaluate(Quiet.Considering()).ShouldNotRaise("AZA-PGX-008");
    }

    [Fact]
    public void AZA_PGX_008_OnlyOneGeneOnFile_Boundary_NamesTheMissingGene()
    {
        Evaluate(Quiet.Considering().WithPgx(Patients.Tpmt("*1/*1"))).ShouldRaise("AZA-PGX-008")
            .Summary.Should().Be("No NUDT15 result on file: consider testing before relying on a standard regimen.");
        Evaluate(Quiet.Considering().WithPgx(Patients.Nudt15("*1/*1"))).ShouldRaise("AZA-PGX-008")
            .Summary.Should().Be("No TPMT result on file: consider testing before relying on a standard regimen.");
    }

    [Theory]
    [InlineData(TherapyStatus.Considering, true)]
    [InlineData(TherapyStatus.NewlyStarted, true)]
    [InlineData(TherapyStatus.Unknown, true)] // unknown is treated as a new start
    [InlineData(TherapyStatus.Continuing, false)] // the lower-urgency rule instead
    public void AZA_PGX_008_TherapyStatus_Boundary(TherapyStatus status, bool fires)
    {
        var start = status == TherapyStatus.NewlyStarted ? Patients.DaysAgo(3) : (ClinicalDate?)null;

        Evaluate(Quiet.WithTherapy(status, start).WithoutPgx()).ShouldRaiseIf("AZA-PGX-008", fires);
    }

    // AZA-PGX-009 no result during therapy

    [Fact]
    public void AZA_PGX_009_ContinuingWithNoResults_Fires()
    {
        var result = Evaluate(Quiet.WithoutPgx());

        var finding = result.ShouldRaise("AZA-PGX-009").ShouldBe(Severity.Info, Topics.PgxTesting, FindingKind.Monitoring);
        finding.Summary.Should().Be("No TPMT or NUDT15 result on file for a patient on azathioprine: consider testing.");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "therapy status continuing");
        result.ShouldNotRaise("AZA-PGX-008");
    }

    [Fact]
    public void AZA_PGX_009_ContinuingWithBothResults_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-PGX-009");
    }

    [Theory]
    [InlineData(TherapyStatus.Continuing, true)]
    [InlineData(TherapyStatus.NewlyStarted, false)]
    [InlineData(TherapyStatus.Considering, false)]
    public void AZA_PGX_009_TherapyStatus_Boundary(TherapyStatus status, bool fires)
    {
        var patient = Quiet.WithTherapy(status, status == TherapyStatus.Considering ? null : Patients.DaysAgo(3)).WithPgx(Patients.Nudt15("*1/*1"));

        var result = Evaluate(patient);

        result.ShouldRaiseIf("AZA-PGX-009", fires);
        if (fires)
        {
            result.ShouldRaise("AZA-PGX-009").Summary.Should().Be("No TPMT result on file for a patient on azathioprine: consider testing.");
        }
    }

    // AZA-PGX-010 severe myelosuppression without a result

    [Fact]
    public void AZA_PGX_010_CriticallyLowCountWithNoResults_Fires()
    {
        var patient = Quiet.WithoutPgx().WithLabs(Patients.Lab(LabKind.Neutrophils, 0.4, 1, LabFlag.CriticallyLow));

        var result = Evaluate(patient);

        var finding = result.ShouldRaise("AZA-PGX-010").ShouldBe(Severity.Warning, Topics.PgxTesting, FindingKind.Monitoring);
        finding.Summary.Should().Be("Severe myelosuppression with no TPMT or NUDT15 result on file: the label asks for TPMT and NUDT15 testing.");
        finding.ShouldHaveBasis("blood count", "labResults[9]", "critically low");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy");
        result.ShouldRaise("AZA-CYT-002");
    }

    [Fact]
    public void AZA_PGX_010_CriticallyLowCountWithResultsOnFile_DoesNotFire()
    {
        var patient = Quiet.WithLabs(Patients.Lab(LabKind.Neutrophils, 0.4, 1, LabFlag.CriticallyLow));

        var result = Evaluate(patient);

        result.ShouldNotRaise("AZA-PGX-010");
        result.ShouldRaise("AZA-CYT-002");
    }

    [Theory]
    [InlineData(LabFlag.Low, false)]
    [InlineData(LabFlag.CriticallyLow, true)]
    public void AZA_PGX_010_LowVersusCriticallyLow_Boundary(LabFlag flag, bool fires)
    {
        // The quiet neutrophil count was 3.8; 3.0 is not a marked fall, so only the flag decides.
        var patient = Quiet.WithoutPgx().WithLabs(Patients.Lab(LabKind.Neutrophils, 3.0, 1, flag));

        Evaluate(patient).ShouldRaiseIf("AZA-PGX-010", fires);
    }

    [Theory]
    [InlineData(2.8, true)] // a fall of exactly the 0.3 threshold, to a low value
    [InlineData(2.81, false)]
    public void AZA_PGX_010_MarkedFallAtThreshold_Boundary(double latest, bool fires)
    {
        var patient = Quiet.WithoutPgx().WithoutLabs(LabKind.WhiteCells)
            .WithLabs(Patients.Lab(LabKind.WhiteCells, 4.0, 20), Patients.Lab(LabKind.WhiteCells, latest, 1));

        Evaluate(patient).ShouldRaiseIf("AZA-PGX-010", fires);
    }

    [Fact]
    public void AZA_PGX_010_ConsideringTherapy_Boundary_DoesNotFire()
    {
        var patient = Quiet.Considering().WithoutPgx().WithLabs(Patients.Lab(LabKind.Platelets, 15, 1, LabFlag.CriticallyLow));

        var result = Evaluate(patient);

        result.ShouldNotRaise("AZA-PGX-010");
        result.ShouldRaise("AZA-PGX-008");
    }

    // AZA-PGX-011 TPMT activity after a transfusion

    [Fact]
    public void AZA_PGX_011_ActivityLabAfterTransfusion_Fires()
    {
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(60) })
            .WithLabs(Patients.Lab(LabKind.TpmtActivity, 12.5, 30));

        var finding = Evaluate(patient).ShouldRaise("AZA-PGX-011").ShouldBe(Severity.Warning, Topics.PgxTesting);

        finding.Summary.Should().Be("TPMT activity measured 30 days after a red-cell transfusion may reflect donor cells.");
        finding.ShouldHaveBasis("red-cell transfusion", "lastRedCellTransfusion", "2026-04-16");
        finding.ShouldHaveBasis("TPMT activity result", "labResults[9]", "TPMT red-cell activity 12.5");
    }

    [Fact]
    public void AZA_PGX_011_ActivityPhenotypeResultAfterTransfusion_Fires()
    {
        var activity = Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity, Patients.DaysAgo(10));
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(40) }).WithPgx(activity, Patients.Nudt15("*1/*1"));

        var finding = Evaluate(patient).ShouldRaise("AZA-PGX-011");

        finding.Summary.Should().Be("TPMT activity measured 30 days after a red-cell transfusion may reflect donor cells.");
        finding.ShouldHaveBasis("TPMT activity result", "pharmacogenomics[0]");
    }

    [Fact]
    public void AZA_PGX_011_GenotypeAfterTransfusion_DoesNotFire()
    {
        var genotype = Patients.Tpmt("*1/*1") with { Date = Patients.DaysAgo(10) };
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(40) }).WithPgx(genotype, Patients.Nudt15("*1/*1"));

        Evaluate(patient).ShouldNotRaise("AZA-PGX-011");
    }

    [Fact]
    public void AZA_PGX_011_ActivityLabWithNoTransfusion_DoesNotFire()
    {
        Evaluate(Quiet.WithLabs(Patients.Lab(LabKind.TpmtActivity, 12.5, 30))).ShouldNotRaise("AZA-PGX-011");
    }

    [Theory]
    [InlineData(100, true)] // measured 90 days after the transfusion: inside the window
    [InlineData(101, false)] // 91 days after
    [InlineData(10, true)] // measured on the day of the transfusion
    [InlineData(9, false)] // measured the day before the transfusion
    public void AZA_PGX_011_TransfusionWindow90Versus91Days_Boundary(int transfusionDaysAgo, bool fires)
    {
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(transfusionDaysAgo) })
            .WithLabs(Patients.Lab(LabKind.TpmtActivity, 12.5, 10));

        Evaluate(patient).ShouldRaiseIf("AZA-PGX-011", fires);
    }

    // An undated activity result (QA, 2 Dec: it raised nothing, and its phenotype was used even after a transfusion)

    [Fact]
    public void AZA_PGX_011_UndatedActivityResultWithATransfusionOnFile_FiresAndItsPhenotypeIsNotUsed()
    {
        var activity = Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity) with { Date = null };
        var considering = new AzathioprineTherapy { Status = TherapyStatus.Considering };
        var patient = (Quiet with { LastRedCellTransfusion = Patients.DaysAgo(400), Therapy = considering }).WithPgx(activity, Patients.Nudt15("*1/*1"));

        var result = Evaluate(patient);

        var finding = result.ShouldRaise("AZA-PGX-011").ShouldBe(Severity.Warning, Topics.PgxTesting);
        finding.Summary.Should().Be("TPMT activity measured on an unknown date relative to a red-cell transfusion may reflect donor cells.");
        finding.ShouldHaveBasis("TPMT activity result", "pharmacogenomics[0]", "TPMT red-cell activity result with no date");
        // An activity result that may reflect donor cells is not a TPMT result to rely on.
        result.ShouldRaise("AZA-PGX-008").Summary.Should().Contain("TPMT");
    }

    [Fact]
    public void AZA_PGX_011_UndatedActivityResultWithNoTransfusion_DoesNotFireAndIsUsed()
    {
        var activity = Patients.Phenotype(Gene.Tpmt, MetabolizerPhenotype.Normal, TestMethod.Activity) with { Date = null };
        var considering = new AzathioprineTherapy { Status = TherapyStatus.Considering };

        var result = Evaluate((Quiet with { Therapy = considering }).WithPgx(activity, Patients.Nudt15("*1/*1")));

        result.ShouldNotRaise("AZA-PGX-011");
        result.ShouldNotRaise("AZA-PGX-008");
    }

    [Fact]
    public void AZA_PGX_011_UndatedGenotypeWithATransfusionOnFile_DoesNotFire() =>
        Evaluate((Quiet with { LastRedCellTransfusion = Patients.DaysAgo(10) }).WithPgx(Patients.Tpmt("*1/*1") with { Date = null }, Patients.Nudt15("*1/*1")))
            .ShouldNotRaise("AZA-PGX-011");
}
