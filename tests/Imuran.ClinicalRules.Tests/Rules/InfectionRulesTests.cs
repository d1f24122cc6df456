using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for AZA-INF-001, AZA-INF-002, AZA-VAC-001 and AZA-PML-001.</summary>
public class InfectionRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    // AZA-INF-001 active serious infection

    [Fact]
    public void AZA_INF_001_CurrentSepsis_Fires()
    {
        var finding = Evaluate(Quiet.WithConditions(Patients.Condition("Sepsis"))).ShouldRaise("AZA-INF-001")
            .ShouldBe(Severity.Warning, Topics.Infection);

        finding.Summary.Should().Be("Active serious infection: infections, including reactivation, are more serious under azathioprine.");
        finding.ShouldHaveBasis("condition", "conditions[0]", "Sepsis (current)");
    }

    [Fact]
    public void AZA_INF_001_UnrecognisedMinorInfection_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithConditions(Patients.Condition("Urinary tract infection")));

        result.ShouldNotRaise("AZA-INF-001");
        result.Unrecognised.Should().ContainSingle(u => u.Field == "conditions[0]" && u.Category == "condition");
    }

    [Theory]
    [InlineData(ConditionStatus.Active, true)]
    [InlineData(ConditionStatus.History, false)] // a resolved infection is not active
    public void AZA_INF_001_CurrentVersusResolved_Boundary(ConditionStatus status, bool fires)
    {
        Evaluate(Quiet.WithConditions(Patients.Condition("Community-acquired pneumonia", status: status))).ShouldRaiseIf("AZA-INF-001", fires);
    }

    // AZA-INF-002 hepatitis B or tuberculosis

    [Fact]
    public void AZA_INF_002_ChronicHepatitisB_Fires()
    {
        var finding = Evaluate(Quiet.WithConditions(Patients.Condition("Chronic viral hepatitis B", "B18.1", "icd-10-cm"))).ShouldRaise("AZA-INF-002")
            .ShouldBe(Severity.Warning, Topics.Infection);

        finding.Summary.Should().Be("Hepatitis B on record: risk of reactivation under immunosuppression; screening and specialist review.");
        finding.ShouldHaveBasis("condition", "conditions[0]", "B18.1 (current)");
    }

    [Fact]
    public void AZA_INF_002_Tuberculosis_Fires()
    {
        Evaluate(Quiet.WithConditions(Patients.Condition("Tuberculosis of lung", "A15.0", "icd-10-cm"))).ShouldRaise("AZA-INF-002")
            .Summary.Should().Be("Tuberculosis on record: risk of reactivation under immunosuppression; screening and specialist review.");
    }

    [Fact]
    public void AZA_INF_002_HepatitisC_DoesNotFire()
    {
        Evaluate(Quiet.WithConditions(Patients.Condition("Chronic hepatitis C"))).ShouldNotRaise("AZA-INF-002");
    }

    [Theory]
    [InlineData(ConditionStatus.Active)]
    [InlineData(ConditionStatus.History)] // past infection: latent reactivation still counts
    public void AZA_INF_002_CurrentOrPast_Boundary_Fires(ConditionStatus status)
    {
        var result = Evaluate(Quiet.WithConditions(Patients.Condition("Tuberculosis", "56717001", status: status)));

        result.ShouldRaise("AZA-INF-002");
        result.ShouldNotRaise("AZA-INF-001");
    }

    // AZA-VAC-001 live vaccine

    [Fact]
    public void AZA_VAC_001_MmrGivenLastWeek_Fires()
    {
        var finding = Evaluate(Quiet.WithVaccinations(Patients.Vaccine("MMR", "03", 7))).ShouldRaise("AZA-VAC-001")
            .ShouldBe(Severity.Warning, Topics.LiveVaccine);

        finding.Summary.Should().Be("Live vaccine MMR: a live vaccine in an immunosuppressed patient needs review.");
        finding.ShouldHaveBasis("vaccine", "vaccinations[0]", "MMR (CVX 03), given 2026-06-08");
    }

    [Fact]
    public void AZA_VAC_001_PlannedLiveVaccineWithoutDate_Fires()
    {
        var finding = Evaluate(Quiet.WithVaccinations(Patients.Vaccine("Yellow fever", "37", null, VaccinationStatus.Planned))).ShouldRaise("AZA-VAC-001");

        finding.ShouldHaveBasis("vaccine", "vaccinations[0]", "planned");
    }

    [Fact]
    public void AZA_VAC_001_RecombinantZoster_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithVaccinations(Patients.Vaccine("Shingrix", "187", 3)));

        result.ShouldNotRaise("AZA-VAC-001");
        result.Unrecognised.Should().BeEmpty("a non-live vaccine is recognised as such");
    }

    [Theory]
    [InlineData("Smallpox and Monkeypox Vaccine, Live, Non-replicating")]
    [InlineData("Smallpox and Monkeypox Vaccine, Live, Non-replicating (JYNNEOS)")]
    [InlineData("smallpox vaccine, nonreplicating")]
    public void AZA_VAC_001_JynneosByItsLicensedNameWithoutCvx_DoesNotFire(string name)
    {
        // codes.md: "Not live, do not flag: ... 206 JYNNEOS (non-replicating)". Its licensed name says "Live" and
        // "Smallpox", words that alone read as live; read by name it was flagged as a live vaccine (audit, 3 Dec).
        var result = Evaluate(Quiet.WithVaccinations(Patients.Vaccine(name, null, 3)));

        result.ShouldNotRaise("AZA-VAC-001");
        result.Unrecognised.Should().BeEmpty("a non-live vaccine is recognised as such");
    }

    [Theory]
    [InlineData("Smallpox vaccine", true)] // ACAM2000 is live: a bare smallpox vaccine stays live (the cautious reading)
    [InlineData("Zostavax, then Shingrix", true)] // a live product named beside a non-live one: live
    [InlineData("Shingrix, not a live vaccine", false)]
    [InlineData("Zoster recombinant", false)]
    public void VaccineIsLive_ByName_NonLiveWordsOnlyOverrideGenericOnes(string name, bool live) =>
        Imuran.ClinicalRules.Terminology.VaccineTerminology.IsLive(new Vaccination { Name = name }).Should().Be(live);

    [Theory]
    [InlineData(0, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void AZA_VAC_001_Given28Versus29DaysAgo_Boundary(int daysAgo, bool fires)
    {
        Evaluate(Quiet.WithVaccinations(Patients.Vaccine("Varivax", "21", daysAgo))).ShouldRaiseIf("AZA-VAC-001", fires);
    }

    [Fact]
    public void AZA_VAC_001_GivenWithNoDate_Boundary_FiresAsUnknownIsNotOld()
    {
        Evaluate(Quiet.WithVaccinations(Patients.Vaccine("Zostavax", "121", null))).ShouldRaise("AZA-VAC-001");
    }

    [Fact]
    public void AZA_VAC_001_NameWithDoseWords_Boundary_SummaryStaysWithinNoDosePolicy()
    {
        // Vaccine names are free text: a name such as "MMR (2nd dose) 0.5 mL" must not carry a dose into the summary.
        var finding = Evaluate(Quiet.WithVaccinations(Patients.Vaccine("MMR II (2nd dose) 0.5 mL", "03", 2))).ShouldRaise("AZA-VAC-001");

        finding.Summary.Should().Be("Live vaccine CVX 03: a live vaccine in an immunosuppressed patient needs review.");
    }

    [Fact]
    public void AZA_VAC_001_VeryLongName_Boundary_SummaryStaysShort()
    {
        var name = "Measles, mumps and rubella virus vaccine, live, subcutaneous suspension, reconstituted, multi-source product";

        var finding = Evaluate(Quiet.WithVaccinations(Patients.Vaccine(name, null, 2))).ShouldRaise("AZA-VAC-001");

        finding.Summary.Should().Be("Live vaccine on record: a live vaccine in an immunosuppressed patient needs review.");
        finding.ShouldHaveBasis("vaccine", "vaccinations[0]", name);
    }

    // AZA-PML-001 new neurological signs

    [Fact]
    public void AZA_PML_001_NewSignsOnTherapy_Fires()
    {
        var patient = Quiet with { NewNeurologicalSigns = new[] { NeurologicalSign.Confusion, NeurologicalSign.SpeechChange } };

        var finding = Evaluate(patient).ShouldRaise("AZA-PML-001").ShouldBe(Severity.Critical, Topics.Pml);

        finding.Summary.Should().Be("New neurological signs on azathioprine: consider progressive multifocal leukoencephalopathy.");
        finding.ShouldHaveBasis("new neurological signs", "newNeurologicalSigns", "Confusion, SpeechChange");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "continuing");
    }

    [Fact]
    public void AZA_PML_001_NewSignsWhileOnlyConsidering_DoesNotFire()
    {
        Evaluate(Quiet.Considering() with { NewNeurologicalSigns = new[] { NeurologicalSign.Weakness } }).ShouldNotRaise("AZA-PML-001");
    }

    [Fact]
    public void AZA_PML_001_NoNewSigns_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-PML-001");
    }

    [Theory]
    [InlineData(TherapyStatus.NewlyStarted, true)]
    [InlineData(TherapyStatus.Unknown, true)] // unknown is not "not on therapy"
    [InlineData(TherapyStatus.Considering, false)]
    public void AZA_PML_001_TherapyStatus_Boundary(TherapyStatus status, bool fires)
    {
        var start = status == TherapyStatus.NewlyStarted ? Patients.DaysAgo(10) : (ClinicalDate?)null;
        var patient = Quiet.WithTherapy(status, start) with { NewNeurologicalSigns = new[] { NeurologicalSign.VisionChange } };

        Evaluate(patient).ShouldRaiseIf("AZA-PML-001", fires);
    }
}
