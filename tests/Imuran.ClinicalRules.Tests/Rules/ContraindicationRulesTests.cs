using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for hypersensitivity, pregnancy, lactation, reproductive counselling and alkylating agents.</summary>
public class ContraindicationRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    // AZA-HYP-001 hypersensitivity

    [Fact]
    public void AZA_HYP_001_AzathioprineAllergy_Fires()
    {
        var result = Evaluate(Quiet.WithAllergies(new Allergy { Substance = "Azathioprine" }));

        var finding = result.ShouldRaise("AZA-HYP-001").ShouldBe(Severity.Critical, Topics.Hypersensitivity);
        finding.Summary.Should().Be("Recorded hypersensitivity to azathioprine: azathioprine is contraindicated per the label.");
        finding.ShouldHaveBasis("allergy", "allergies[0]", "Azathioprine");
    }

    // QA gap: a medicine's name with a bare number is withheld (a strength with its unit left off), an allergy's was
    // echoed: "Azathioprine 50" was shown in the basis and "Allopurinol 300" listed as not recognised, as written.
    [Fact]
    public void AZA_HYP_001_AllergyNamesWithABareNumber_AreWithheld()
    {
        var result = Evaluate(Quiet.WithAllergies(new Allergy { Substance = "Azathioprine 50", RxNormCode = "1256" }, new Allergy { Substance = "Allopurinol 300" }));

        result.ShouldRaise("AZA-HYP-001").ShouldHaveBasis("allergy", "allergies[0]").Value.Should().Be("azathioprine " + NoDosePolicy.AmountOrInstructionOnly);
        result.Unrecognised.Should().ContainSingle(u => u.Field == "allergies[1]").Which.Text.Should().Be(NoDosePolicy.AmountOrInstructionOnly);
    }

    [Theory]
    [InlineData("Vitamin B12")] // boundary: a number joined to a word is part of the name
    [InlineData("Omega-3 fatty acids")]
    public void AZA_HYP_001_AllergyNameWithANumberThatIsPartOfIt_IsKept(string substance) =>
        Evaluate(Quiet.WithAllergies(new Allergy { Substance = substance })).Unrecognised.Should().ContainSingle(u => u.Field == "allergies[0]").Which.Text.Should().Be(substance);

    [Fact]
    public void AZA_HYP_001_OtherAllergy_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithAllergies(new Allergy { Substance = "penicillin" }));

        result.ShouldNotRaise("AZA-HYP-001");
        result.Unrecognised.Should().ContainSingle(u => u.Field == "allergies[0]" && u.Category == "allergy", "an allergy nothing recognises is listed, not dropped");
    }

    [Theory]
    [InlineData("mercaptopurine", null, "mercaptopurine")]
    [InlineData("Imuran", null, "azathioprine")]
    [InlineData(null, "1256", "azathioprine")] // RxNorm ingredient code alone
    [InlineData("thioguanine", null, null)] // another thiopurine, not a prodrug relation: not flagged
    public void AZA_HYP_001_ThiopurineSubstance_Boundary(string? substance, string? rxNorm, string? flagged)
    {
        var result = Evaluate(Quiet.WithAllergies(new Allergy { Substance = substance, RxNormCode = rxNorm }));

        result.ShouldRaiseIf("AZA-HYP-001", flagged is not null);
        if (flagged is not null)
        {
            result.ShouldRaise("AZA-HYP-001").Summary.Should().StartWith("Recorded hypersensitivity to " + flagged + ":");
        }
    }

    // AZA-PRG-001 pregnancy with rheumatoid arthritis

    [Fact]
    public void AZA_PRG_001_PregnantWithRheumatoidArthritis_Fires()
    {
        var result = Evaluate(Quiet.Pregnant().WithIndications(Indication.RheumatoidArthritis));

        var finding = result.ShouldRaise("AZA-PRG-001").ShouldBe(Severity.Critical, Topics.Pregnancy);
        finding.Summary.Should().Be("Pregnant with rheumatoid arthritis: the label says azathioprine is not to be used for RA in pregnancy.");
        finding.ShouldHaveBasis("pregnancy status", "pregnancyStatus", "pregnant");
        finding.ShouldHaveBasis("indications", "indications", "rheumatoid arthritis");
        result.ShouldNotRaise("AZA-PRG-002");
    }

    [Fact]
    public void AZA_PRG_001_NotPregnantWithRheumatoidArthritis_DoesNotFire()
    {
        Evaluate(Quiet.WithIndications(Indication.RheumatoidArthritis)).ShouldNotRaise("AZA-PRG-001");
    }

    [Fact]
    public void AZA_PRG_001_RheumatoidArthritisOnProblemListOnly_Boundary_Fires()
    {
        var patient = Quiet.Pregnant().WithConditions(Patients.Condition("Rheumatoid arthritis", "M06.9", "icd-10-cm"));

        Evaluate(patient).ShouldRaise("AZA-PRG-001");
    }

    [Fact]
    public void AZA_PRG_001_PregnancyStatusUnknown_Boundary_DoesNotFireButAsksForStatus()
    {
        var patient = Quiet.WithIndications(Indication.RheumatoidArthritis) with { PregnancyStatus = PregnancyStatus.Unknown };

        var result = Evaluate(patient);

        result.ShouldNotRaise("AZA-PRG-001");
        result.ShouldRaise("AZA-DQ-003"); // continuing therapy in review: information (AZA-DQ-002 at a start or when prescribing)
    }

    [Fact]
    public void AZA_PRG_001_RheumatoidArthritisFromTheProblemList_BasisNamesTheIndicationsAndWhy()
    {
        // The indication list holds lupus; rheumatoid arthritis comes from the problem list, so the basis says both.
        var patient = Quiet.Pregnant().WithConditions(Patients.Condition("Rheumatoid arthritis", "M06.9", "icd-10-cm"));

        var basis = Evaluate(patient).ShouldRaise("AZA-PRG-001").Basis.Facts;

        basis.Select(b => (b.Name, b.Value, b.Path)).Should().Equal(
            ("pregnancy status", "pregnant", "pregnancyStatus"),
            ("indications", "SystemicLupusErythematosus (rheumatoid arthritis)", "indications"));
    }

    // AZA-PRG-002 pregnancy

    [Fact]
    public void AZA_PRG_002_PregnantWithoutRheumatoidArthritis_Fires()
    {
        var finding = Evaluate(Quiet.Pregnant()).ShouldRaise("AZA-PRG-002").ShouldBe(Severity.Warning, Topics.Pregnancy);

        finding.Summary.Should().Be("Pregnant: azathioprine can cause fetal harm; weigh benefit and risk and inform the patient.");
        finding.ShouldHaveBasis("pregnancy status", "pregnancyStatus", "pregnant");
        finding.ShouldHaveBasis("indications", "indications", "SystemicLupusErythematosus");
    }

    [Fact]
    public void AZA_PRG_002_Basis_IsThePregnancyAndTheIndicationsAsRecorded()
    {
        var basis = Evaluate(Quiet.Pregnant()).ShouldRaise("AZA-PRG-002").Basis.Facts;

        basis.Select(b => (b.Name, b.Value, b.Path)).Should().Equal(
            ("pregnancy status", "pregnant", "pregnancyStatus"),
            ("indications", "SystemicLupusErythematosus", "indications"));
    }

    [Fact]
    public void AZA_PRG_002_NotPregnant_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-PRG-002");
    }

    [Theory]
    [InlineData(Indication.RheumatoidArthritis, false)] // the critical RA rule instead
    [InlineData(Indication.CrohnsDisease, true)]
    [InlineData(Indication.KidneyTransplant, true)]
    public void AZA_PRG_002_IndicationDecidesBetweenPregnancyRules_Boundary(Indication indication, bool fires)
    {
        var result = Evaluate(Quiet.Pregnant().WithIndications(indication));

        result.ShouldRaiseIf("AZA-PRG-002", fires);
        result.ShouldRaiseIf("AZA-PRG-001", !fires);
    }

    // AZA-PRG-003 intrahepatic cholestasis of pregnancy

    [Fact]
    public void AZA_PRG_003_PregnantWithPruritusAndBileAcids_Fires()
    {
        var patient = Quiet.Pregnant() with { PruritusInPregnancy = true, RaisedBileAcids = true };

        var finding = Evaluate(patient).ShouldRaise("AZA-PRG-003").ShouldBe(Severity.Critical, Topics.CholestasisOfPregnancy);

        finding.Summary.Should().Be("Pregnant with signs of cholestasis: intrahepatic cholestasis of pregnancy is reported with thiopurines.");
        finding.ShouldHaveBasis("pregnancy status", "pregnancyStatus");
        finding.ShouldHaveBasis("pruritus in pregnancy", "pruritusInPregnancy", "yes");
        finding.ShouldHaveBasis("raised bile acids", "raisedBileAcids", "yes");
        finding.Basis.Facts.Should().NotContain(b => b.Name == "suspected cholestasis of pregnancy");
    }

    [Fact]
    public void AZA_PRG_003_Detail_DoesNotAttributeTheUrgentReviewToTheLabel()
    {
        // knowledge.md: "urgent review of the regimen (the label's own instruction is to stop, which our texts phrase as an
        // urgent review)". The detail said the label's instruction was an urgent review, which misstates the label
        // (audit, 3 Dec); the urgent review is this library's phrasing, and the detail now says so.
        var finding = Evaluate(Quiet.Pregnant() with { SuspectedCholestasisOfPregnancy = true }).ShouldRaise("AZA-PRG-003");

        finding.Detail.Should().NotContain("label's instruction on suspicion is an urgent review");
        finding.Detail.Should().Be("Intrahepatic cholestasis of pregnancy has been reported with thiopurines and improved after withdrawal. On suspicion the label asks for prompt action on the thiopurine; these checks ask for it as an urgent review of the regimen.");
    }

    [Fact]
    public void AZA_PRG_003_AllThreeSigns_BasisListsEachInOrder()
    {
        var patient = Quiet.Pregnant() with { PruritusInPregnancy = true, RaisedBileAcids = true, SuspectedCholestasisOfPregnancy = true };

        var basis = Evaluate(patient).ShouldRaise("AZA-PRG-003").Basis.Facts;

        basis.Select(b => (b.Name, b.Value, b.Path)).Should().Equal(
            ("pregnancy status", "pregnant", "pregnancyStatus"),
            ("pruritus in pregnancy", "yes", "pruritusInPregnancy"),
            ("raised bile acids", "yes", "raisedBileAcids"),
            ("suspected cholestasis of pregnancy", "yes", "suspectedCholestasisOfPregnancy"));
    }

    [Fact]
    public void AZA_PRG_003_PregnantWithoutSigns_DoesNotFire()
    {
        Evaluate(Quiet.Pregnant()).ShouldNotRaise("AZA-PRG-003");
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void AZA_PRG_003_AnyOneSignIsEnough_Boundary_Fires(bool pruritus, bool bileAcids, bool suspected)
    {
        var patient = Quiet.Pregnant() with { PruritusInPregnancy = pruritus, RaisedBileAcids = bileAcids, SuspectedCholestasisOfPregnancy = suspected };

        Evaluate(patient).ShouldRaise("AZA-PRG-003").Basis.Facts.Should().HaveCount(2);
    }

    [Fact]
    public void AZA_PRG_003_SignsWithPregnancyStatusUnknown_Boundary_FiresBecauseTheSignsImplyPregnancy()
    {
        // Findings of the current pregnancy mean the patient is pregnant, even with the status not recorded.
        var patient = Quiet with { PregnancyStatus = PregnancyStatus.Unknown, SuspectedCholestasisOfPregnancy = true };

        var result = Evaluate(patient);

        result.ShouldRaise("AZA-PRG-003");
        result.ShouldRaise("AZA-PRG-002");
        result.ShouldNotRaise("AZA-DQ-002");
    }

    // AZA-LAC-001 breastfeeding

    [Fact]
    public void AZA_LAC_001_Breastfeeding_Fires()
    {
        var finding = Evaluate(Quiet with { Breastfeeding = true }).ShouldRaise("AZA-LAC-001").ShouldBe(Severity.Warning, Topics.Lactation);

        finding.Summary.Should().Be("Breastfeeding: azathioprine metabolites reach breast milk and the label does not recommend nursing.");
        finding.ShouldHaveBasis("breastfeeding", "breastfeeding", "yes");
    }

    [Fact]
    public void AZA_LAC_001_NotBreastfeeding_DoesNotFire()
    {
        Evaluate(Quiet with { Breastfeeding = false }).ShouldNotRaise("AZA-LAC-001");
    }

    [Fact]
    public void AZA_LAC_001_BreastfeedingNotRecorded_Boundary_DoesNotFire()
    {
        Evaluate(Quiet with { Breastfeeding = null }).ShouldNotRaise("AZA-LAC-001");
    }

    // AZA-REP-001 reproductive counselling

    [Fact]
    public void AZA_REP_001_FemaleOfReproductiveAgeConsidering_Fires()
    {
        var finding = Evaluate(Quiet.Aged(30).Considering()).ShouldRaise("AZA-REP-001")
            .ShouldBe(Severity.Info, Topics.ReproductiveCounselling, FindingKind.Monitoring);

        finding.Summary.Should().Be("Reproductive counselling: discuss fetal risk, contraception and mutagenic potential.");
        finding.ShouldHaveBasis("sex and age", "sex", "female, 30 years");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "therapy status considering");
    }

    [Fact]
    public void AZA_REP_001_MalePlanningConception_Fires()
    {
        var finding = Evaluate(Quiet.Male() with { PlannedConception = true }).ShouldRaise("AZA-REP-001");

        finding.ShouldHaveBasis("planned conception", "plannedConception", "yes");
    }

    [Fact]
    public void AZA_REP_001_FemaleContinuingTherapy_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-REP-001");
    }

    [Fact]
    public void AZA_REP_001_PregnantAtNewStart_DoesNotFire()
    {
        Evaluate(Quiet.Considering().Pregnant()).ShouldNotRaise("AZA-REP-001");
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(55, true)]
    [InlineData(56, false)]
    public void AZA_REP_001_ReproductiveAge12To55_Boundary(int age, bool fires)
    {
        Evaluate(Quiet.Considering().Aged(age)).ShouldRaiseIf("AZA-REP-001", fires);
    }

    [Theory]
    [InlineData(12, false)] // turns 12 tomorrow: 11 today
    [InlineData(56, true)] // turns 56 tomorrow: 55 today
    public void AZA_REP_001_DayBeforeBirthday_Boundary(int turningTomorrow, bool fires)
    {
        Evaluate(Quiet.Considering().TurningTomorrow(turningTomorrow)).ShouldRaiseIf("AZA-REP-001", fires);
    }

    // AZA-ALK-001 rheumatoid arthritis after alkylating agents

    [Fact]
    public void AZA_ALK_001_RheumatoidArthritisWithPastCyclophosphamide_Fires()
    {
        var patient = Quiet.WithIndications(Indication.RheumatoidArthritis)
            .WithMedications(Patients.PastMed("Cyclophosphamide 50 MG Oral Tablet", "3002"));

        var result = Evaluate(patient);

        var finding = result.ShouldRaise("AZA-ALK-001").ShouldBe(Severity.Critical, Topics.AlkylatingAgents);
        finding.Summary.Should().Be("RA with earlier alkylating agent (cyclophosphamide): the label warns of a prohibitive risk of malignancy.");
        finding.ShouldHaveBasis("indication", "indications", "rheumatoid arthritis");
        finding.ShouldHaveBasis("medication", "medications[0]", "cyclophosphamide (Cyclophosphamide; RxNorm 3002) past");
        result.ShouldNotRaise("AZA-ALK-002");
    }

    [Fact]
    public void AZA_ALK_001_AlkylatingAgentWithoutRheumatoidArthritis_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithMedications(Patients.PastMed("Cyclophosphamide", "3002")));

        result.ShouldNotRaise("AZA-ALK-001");
        result.ShouldRaise("AZA-ALK-002");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_ALK_001_CurrentOrPastAgentWithRaFromProblemList_Boundary_Fires(bool active)
    {
        var melphalan = active ? Patients.Med("Alkeran") : Patients.PastMed("Alkeran");
        var patient = Quiet.WithConditions(Patients.Condition("Rheumatoid arthritis", "69896004")).WithMedications(melphalan);

        Evaluate(patient).ShouldRaise("AZA-ALK-001").Summary.Should().Contain("(melphalan)");
    }

    // AZA-ALK-002 alkylating agent, other indications

    [Fact]
    public void AZA_ALK_002_ChlorambucilWithoutRheumatoidArthritis_Fires()
    {
        var finding = Evaluate(Quiet.WithMedications(Patients.Med("Leukeran 2 MG Oral Tablet"))).ShouldRaise("AZA-ALK-002")
            .ShouldBe(Severity.Warning, Topics.AlkylatingAgents);

        finding.Summary.Should().Be("Alkylating agent on record (chlorambucil): added malignancy risk and additive marrow suppression.");
        finding.ShouldHaveBasis("medication", "medications[0]", "chlorambucil (Leukeran; recognised by name) active");
    }

    [Fact]
    public void AZA_ALK_002_RepeatedEntriesOfOneAgent_OneFindingWhoseBasisListsEveryEntry()
    {
        var patient = Quiet.WithMedications(Patients.PastMed("Cyclophosphamide", "3002"), Patients.Med("Cyclophosphamide 50 MG Oral Tablet", "3002"));

        var result = Evaluate(patient);

        result.Findings.Where(f => f.RuleId == "AZA-ALK-002").Should().ContainSingle("refills of one medicine give one finding");
        result.ShouldRaise("AZA-ALK-002").Basis.Facts.Select(b => (b.Name, b.Path)).Should().Equal(
            ("medication", "medications[0]"),
            ("medication", "medications[1]"));
    }

    [Fact]
    public void AZA_ALK_002_NoAlkylatingAgent_DoesNotFire()
    {
        Evaluate(Quiet.WithMedications(Patients.Med("Atorvastatin"))).ShouldNotRaise("AZA-ALK-002");
    }

    [Theory]
    [InlineData(Indication.RheumatoidArthritis, false)] // the critical RA rule instead
    [InlineData(Indication.CrohnsDisease, true)]
    public void AZA_ALK_002_RheumatoidArthritisSwitchesToCriticalRule_Boundary(Indication indication, bool fires)
    {
        var result = Evaluate(Quiet.WithIndications(indication).WithMedications(Patients.PastMed("Cyclophosphamide")));

        result.ShouldRaiseIf("AZA-ALK-002", fires);
        result.ShouldRaiseIf("AZA-ALK-001", !fires);
    }
}
