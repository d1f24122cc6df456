using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// Per-rule tests for AZA-INT-001 to AZA-INT-009. The boundary for every interaction is the medicine's active
/// window: one that ends on the evaluation date is still taken; one that ended the day before is history.
/// </summary>
public class InteractionRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    private static EvaluationResult WithMedication(Medication medication) => Evaluate(Quiet.WithMedications(medication));

    /// <summary>Active until today (fires) versus ended yesterday (does not).</summary>
    private static void AssertActiveWindow(string ruleId, string name, string? rxNorm, bool endsToday)
    {
        var medication = endsToday
            ? Patients.Med(name, rxNorm, startedDaysAgo: 60, active: true, endedDaysAgo: 0)
            : Patients.Med(name, rxNorm, startedDaysAgo: 60, active: false, endedDaysAgo: 1);

        WithMedication(medication).ShouldRaiseIf(ruleId, endsToday);
    }

    // AZA-INT-001 allopurinol or oxypurinol

    [Fact]
    public void AZA_INT_001_ActiveAllopurinol_Fires()
    {
        var finding = WithMedication(Patients.Med("Allopurinol 300 MG Oral Tablet", "519")).ShouldRaise("AZA-INT-001")
            .ShouldBe(Severity.Critical, Topics.XanthineOxidaseInhibitor);

        finding.Summary.Should().Be("Co-prescribed allopurinol: xanthine-oxidase inhibition raises azathioprine exposure; severe myelosuppression can follow.");
        finding.ShouldHaveBasis("medication", "medications[0]", "allopurinol (Allopurinol; RxNorm 519) active, since 2025-05-11")
            .Value.Should().NotContain("300", "an echoed name never repeats a strength");
    }

    [Fact]
    public void AZA_INT_001_NameThatIsOnlyAStrength_Fires_WithTheNameWithheld()
    {
        // The code names the ingredient; the name is nothing but a strength and form, so the basis withholds it
        // rather than echo a strength or show an empty name.
        var finding = WithMedication(Patients.Med("300 MG Oral Tablet", "519")).ShouldRaise("AZA-INT-001");

        finding.Summary.Should().StartWith("Co-prescribed allopurinol:");
        finding.ShouldHaveBasis("medication", "medications[0]").Value
            .Should().Be("allopurinol ((name withheld: strength only); RxNorm 519) active, since 2025-05-11");
    }

    [Fact]
    public void AZA_INT_001_Oxypurinol_Fires()
    {
        WithMedication(Patients.Med("Oxypurinol")).ShouldRaise("AZA-INT-001").Summary.Should().StartWith("Co-prescribed oxypurinol:");
    }

    [Fact]
    public void AZA_INT_001_PastAllopurinol_DoesNotFire()
    {
        WithMedication(Patients.PastMed("Allopurinol", "519")).ShouldNotRaise("AZA-INT-001");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_001_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-001", "Zyloprim", null, endsToday);

    // AZA-INT-002 febuxostat

    [Fact]
    public void AZA_INT_002_ActiveFebuxostat_Fires()
    {
        var result = WithMedication(Patients.Med("Febuxostat 40 MG Oral Tablet", "834235"));

        var finding = result.ShouldRaise("AZA-INT-002").ShouldBe(Severity.Critical, Topics.XanthineOxidaseInhibitor);
        finding.Summary.Should().Be("Co-prescribed febuxostat: a xanthine-oxidase inhibitor whose label contraindicates use with azathioprine.");
        finding.ShouldHaveBasis("medication", "medications[0]", "febuxostat");
        result.ShouldNotRaise("AZA-INT-001");
    }

    [Fact]
    public void AZA_INT_002_PastFebuxostat_DoesNotFire()
    {
        WithMedication(Patients.PastMed("Uloric")).ShouldNotRaise("AZA-INT-002");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_002_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-002", "Uloric", null, endsToday);

    // AZA-INT-003 aminosalicylates

    [Theory]
    [InlineData("Pentasa", null, "mesalamine")]
    [InlineData("Sulfasalazine 500 MG Oral Tablet", "9524", "sulfasalazine")]
    [InlineData("Colazal", null, "balsalazide")]
    [InlineData("olsalazine", null, "olsalazine")]
    public void AZA_INT_003_ActiveAminosalicylate_Fires(string name, string? rxNorm, string ingredient)
    {
        var finding = WithMedication(Patients.Med(name, rxNorm, startedDaysAgo: 30)).ShouldRaise("AZA-INT-003").ShouldBe(Severity.Warning, Topics.Aminosalicylate);

        finding.Summary.Should().Be($"Co-prescribed {ingredient}: aminosalicylates inhibit TPMT; caution and blood counts.");
        finding.ShouldHaveBasis("medication", "medications[0]", ingredient);
    }

    [Fact]
    public void AZA_INT_003_PastMesalamine_DoesNotFire()
    {
        WithMedication(Patients.PastMed("Mesalamine", "52582")).ShouldNotRaise("AZA-INT-003");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_003_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-003", "Asacol", null, endsToday);

    // AZA-INT-004 co-trimoxazole

    [Fact]
    public void AZA_INT_004_CoTrimoxazoleByIngredientNames_Fires()
    {
        var finding = WithMedication(Patients.Med("Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet")).ShouldRaise("AZA-INT-004")
            .ShouldBe(Severity.Warning, Topics.LeukopeniaDrug);

        finding.Summary.Should().Be("Co-prescribed co-trimoxazole: exaggerated leukopenia reported, especially after kidney transplant.");
        finding.ShouldHaveBasis("medication", "medications[0]", "sulfamethoxazole / trimethoprim");
        finding.ShouldHaveBasis("medication", "medications[0]", "(Sulfamethoxazole / Trimethoprim; recognised by name)")
            .Value.Should().NotContain("  ", "the gaps the strengths leave in the echoed name are closed");
    }

    [Fact]
    public void AZA_INT_004_TrimethoprimAlone_DoesNotFire()
    {
        var result = WithMedication(Patients.Med("Trimethoprim 100 MG Oral Tablet"));

        result.ShouldNotRaise("AZA-INT-004");
        result.Unrecognised.Should().ContainSingle(u => u.Field == "medications[0]" && u.Text == "Trimethoprim");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_004_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-004", "Bactrim DS", null, endsToday);

    // AZA-INT-005 ACE inhibitors

    [Fact]
    public void AZA_INT_005_ActiveLisinopril_Fires()
    {
        var finding = WithMedication(Patients.Med("Lisinopril 10 MG Oral Tablet", "29046", startedDaysAgo: 30)).ShouldRaise("AZA-INT-005")
            .ShouldBe(Severity.Warning, Topics.LeukopeniaDrug);

        finding.Summary.Should().Be("Co-prescribed lisinopril: anaemia and leukopenia reported with ACE inhibitors and azathioprine.");
        finding.ShouldHaveBasis("medication", "medications[0]", "lisinopril (Lisinopril; RxNorm 29046) active");
        finding.ShouldHaveBasis("co-therapy", "therapy", "new: began 2026-05-16, within the 90-day window; azathioprine continuing");
    }

    [Fact]
    public void AZA_INT_005_LisinoprilWithNoStartDate_Fires_TakenAsNew()
    {
        var result = WithMedication(Patients.Med("lisinopril", "29046", startedDaysAgo: null));

        result.ShouldRaise("AZA-INT-005").ShouldHaveBasis("co-therapy", "therapy").Value
            .Should().Be("start date unknown (taken as new); azathioprine continuing");
        result.ShouldNotRaise("AZA-INT-011");
    }

    [Fact]
    public void AZA_INT_005_AngiotensinReceptorBlocker_DoesNotFire()
    {
        WithMedication(Patients.Med("Losartan 50 MG Oral Tablet")).ShouldNotRaise("AZA-INT-005");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_005_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-005", "ramipril", "35296", endsToday);

    // AZA-INT-006 warfarin

    [Fact]
    public void AZA_INT_006_ActiveWarfarin_Fires()
    {
        var finding = WithMedication(Patients.Med("Warfarin Sodium 5 MG Oral Tablet", "11289")).ShouldRaise("AZA-INT-006")
            .ShouldBe(Severity.Warning, Topics.Warfarin, FindingKind.Monitoring);

        finding.Summary.Should().Be("Co-prescribed warfarin: azathioprine may lessen the anticoagulant effect; check INR.");
        finding.ShouldHaveBasis("medication", "medications[0]", "warfarin (Warfarin Sodium; RxNorm 11289) active");
    }

    [Fact]
    public void AZA_INT_006_OtherCoumarinByName_Fires()
    {
        WithMedication(Patients.Med("Sintrom")).ShouldRaise("AZA-INT-006").Summary.Should().StartWith("Co-prescribed acenocoumarol:");
    }

    [Fact]
    public void AZA_INT_006_PastWarfarin_DoesNotFire()
    {
        WithMedication(Patients.PastMed("Coumadin")).ShouldNotRaise("AZA-INT-006");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_006_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-006", "Jantoven", null, endsToday);

    // AZA-INT-007 ribavirin

    [Fact]
    public void AZA_INT_007_ActiveRibavirin_Fires()
    {
        var finding = WithMedication(Patients.Med("Ribavirin 200 MG Oral Capsule", "9344")).ShouldRaise("AZA-INT-007")
            .ShouldBe(Severity.Critical, Topics.Ribavirin);

        finding.Summary.Should().Be("Co-prescribed ribavirin: severe pancytopenia reported; the combination is generally avoided.");
        finding.ShouldHaveBasis("medication", "medications[0]", "ribavirin (Ribavirin; RxNorm 9344) active");
    }

    // QA, 2 Dec: a name and a code naming different medicines kept only the code's, in silence.

    [Theory]
    [InlineData("Ribavirin", "519")]
    [InlineData("Allopurinol", "9344")]
    public void NameAndCodeOfDifferentMedicines_BothAreChecked_AndTheDisagreementIsAFinding(string name, string rxNorm)
    {
        var result = WithMedication(Patients.Med(name, rxNorm));

        result.ShouldRaise("AZA-INT-001");
        result.ShouldRaise("AZA-INT-007");
        var dq = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-DQ-001").Subject;
        dq.Summary.Should().Be("Check the medication: its name and its RxNorm code name different medicines.");
        dq.Basis.Facts[0].Path.Should().Be("medications[0]");
    }

    [Theory]
    [InlineData("Zyloprim", "519")] // a brand of the code's ingredient
    [InlineData("Allopurinol 300 MG Oral Tablet", "519")]
    [InlineData("Tab 1 daily", "519")] // a name that names no medicine
    public void NameAndCodeOfTheSameMedicine_OrANameNamingNone_IsNoDisagreement(string name, string rxNorm)
    {
        var result = WithMedication(Patients.Med(name, rxNorm));

        result.ShouldRaise("AZA-INT-001");
        result.ShouldNotRaise("AZA-DQ-001");
    }

    // Stop 30: a name naming two medicines the rules know was read as the first alone, in silence (patient JSON path).

    [Theory]
    [InlineData("Allopurinol and warfarin", null, "allopurinol, warfarin")]
    [InlineData("Warfarin 5 mg; allopurinol 100 mg", null, "warfarin, allopurinol")] // in the order the name gives them
    [InlineData("Allopurinol and warfarin", "519", "allopurinol, warfarin")] // coded as the first, the name naming both
    [InlineData("Allopurinol, warfarin and Coumadin", null, "allopurinol, warfarin")] // a brand of one named already
    public void NameNamingTwoMedicines_BothAreChecked_AndTheAmbiguityIsAFinding(string name, string? rxNorm, string named)
    {
        var result = WithMedication(Patients.Med(name, rxNorm));

        result.ShouldRaise("AZA-INT-001").Basis.Facts.Should().Contain(b => b.Path == "medications[0]" && b.Value.StartsWith("allopurinol", StringComparison.Ordinal));
        result.ShouldRaise("AZA-INT-006").Basis.Facts.Should().Contain(b => b.Path == "medications[0]" && b.Value.StartsWith("warfarin", StringComparison.Ordinal));
        var dq = result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-DQ-001").Subject;
        dq.Summary.Should().Be("Check the medication: its name names more than one medicine.");
        dq.Basis.Facts[0].Path.Should().Be("medications[0]");
        dq.Basis.Facts[0].Value.Should().StartWith("the name ").And.EndWith("names " + named).And.NotContain("mg");
        dq.Detail.Should().Contain("each medicine it names that the rules check is checked as taken");
    }

    [Fact]
    public void NameNamingThreeMedicines_ListsAllThree_AndChecksEach()
    {
        var result = WithMedication(Patients.Med("Allopurinol, warfarin and ribavirin", null));

        result.ShouldRaise("AZA-INT-001");
        result.ShouldRaise("AZA-INT-006");
        result.ShouldRaise("AZA-INT-007");
        result.Findings.Single(f => f.RuleId == "AZA-DQ-001").Basis.Facts[0].Value.Should().EndWith("names allopurinol, warfarin, ribavirin");
    }

    [Theory]
    [InlineData("Allopurinol (oxypurinol)")] // two ingredients of one class
    [InlineData("Oxypurinol; allopurinol")]
    public void NameNamingTwoMedicinesOfOneClass_GivesOneFinding(string name)
    {
        var result = WithMedication(Patients.Med(name, null));

        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INT-001");
        result.ShouldRaise("AZA-DQ-001");
    }

    [Fact]
    public void NameNamingTwoMedicinesOfOneClassAfterAnother_GivesOneFindingForThatClass()
    {
        var result = WithMedication(Patients.Med("Allopurinol, warfarin and acenocoumarol", null));

        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INT-006");
    }

    [Fact]
    public void TwoEntriesEachNamingTwoMedicines_EachIsAFinding()
    {
        var result = Evaluate(Quiet.WithMedications(Patients.Med("Allopurinol and warfarin", null), Patients.Med("Ribavirin and lisinopril", null)));

        result.Findings.Where(f => f.RuleId == "AZA-DQ-001").Select(f => f.Basis.Facts[0].Path).Should().Equal("medications[0]", "medications[1]");
    }

    [Theory]
    [InlineData("Allopurinol and sulfamethoxazole trimethoprim", null)] // read first as co-trimoxazole (two words)
    [InlineData("Bactrim and allopurinol", "519")] // coded as the second
    public void NameNamingTwoMedicines_TheOneNotReadFirstIsChecked_WhereverItStands(string name, string? rxNorm)
    {
        // Stop 30 (review): the walk passed over the leftmost medicine as if it were the one the entry was read as; the
        // index reads a two-word name first, and a code may name the second, so allopurinol or co-trimoxazole was lost.
        var result = WithMedication(Patients.Med(name, rxNorm));

        result.ShouldRaise("AZA-INT-001");
        result.ShouldRaise("AZA-INT-004");
        result.ShouldRaise("AZA-DQ-001");
    }

    [Theory]
    [InlineData("co-trimoxazole", "10831")]
    [InlineData("Bactrim DS", "10831")]
    [InlineData("Sulfamethoxazole / trimethoprim", "10831")]
    public void CoTrimoxazoleCodedAndNamed_IsOneMedicine_NoDisagreement(string name, string rxNorm)
    {
        // Stop 30: the name index called it "co-trimoxazole" and the code table "sulfamethoxazole / trimethoprim", so a
        // coded entry named co-trimoxazole was read as two medicines that disagreed: AZA-INT-004 twice and a false
        // AZA-DQ-001.
        var result = WithMedication(Patients.Med(name, rxNorm));

        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-INT-004");
        result.ShouldNotRaise("AZA-DQ-001");
    }

    [Theory]
    [InlineData("Allopurinol (Zyloprim)")] // a brand of the same ingredient
    [InlineData("Allopurinol")]
    [InlineData("Sulfamethoxazole / trimethoprim (Bactrim)")] // one combination medicine
    public void NameNamingOneMedicine_Boundary_IsNoAmbiguity(string name)
    {
        WithMedication(Patients.Med(name, null)).ShouldNotRaise("AZA-DQ-001");
    }

    [Fact]
    public void NameNamingAzathioprineAfterAnotherMedicine_IsNotAnAzathioprineOrder()
    {
        // "not with azathioprine" is advice on an allopurinol order, not an azathioprine order: only allopurinol is read.
        var result = WithMedication(Patients.Med("Allopurinol 300 mg - not with azathioprine", null));

        result.ShouldRaise("AZA-INT-001");
        result.Findings.Should().ContainSingle(f => f.RuleId == "AZA-DQ-001").Which.Basis.Facts[0].Value.Should().EndWith("names allopurinol, azathioprine");
    }

    [Fact]
    public void AZA_INT_007_PastRibavirin_DoesNotFire()
    {
        WithMedication(Patients.PastMed("Rebetol")).ShouldNotRaise("AZA-INT-007");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_007_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-007", "Copegus", null, endsToday);

    // AZA-INT-008 other immunosuppressants or biologics

    [Theory]
    [InlineData("Methotrexate 2.5 MG Oral Tablet", "6851", "methotrexate")]
    [InlineData("Prograf", null, "tacrolimus")]
    [InlineData("Xeljanz", "1357536", "tofacitinib")]
    [InlineData("Enbrel", null, "etanercept")] // a TNF blocker outside IBD
    public void AZA_INT_008_ActiveImmunosuppressant_Fires(string name, string? rxNorm, string ingredient)
    {
        var finding = WithMedication(Patients.Med(name, rxNorm)).ShouldRaise("AZA-INT-008")
            .ShouldBe(Severity.Info, Topics.ImmunosuppressantCombination);

        finding.Summary.Should().Be($"Co-prescribed {ingredient}: cumulative immunosuppression raises infection and malignancy risk.");
        finding.ShouldHaveBasis("medication", "medications[0]", ingredient);
    }

    [Fact]
    public void AZA_INT_008_PastMethotrexate_DoesNotFire()
    {
        WithMedication(Patients.PastMed("Methotrexate", "6851")).ShouldNotRaise("AZA-INT-008");
    }

    [Theory]
    [InlineData(Indication.RheumatoidArthritis, true)]
    [InlineData(Indication.CrohnsDisease, false)] // a TNF blocker with IBD: the HSTCL rule instead
    [InlineData(Indication.UlcerativeColitis, false)]
    public void AZA_INT_008_TnfBlockerInsideOrOutsideIbd_Boundary(Indication indication, bool fires)
    {
        var result = Evaluate(Quiet.WithIndications(indication).WithMedications(Patients.Med("Simponi")));

        result.ShouldRaiseIf("AZA-INT-008", fires);
        result.ShouldRaiseIf("AZA-MAL-003", !fires);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_008_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-008", "cyclosporine", "3008", endsToday);

    // AZA-INT-009 duplicate thiopurine

    [Theory]
    [InlineData("Mercaptopurine 50 MG Oral Tablet", "103", "mercaptopurine")]
    [InlineData("Tabloid", null, "thioguanine")]
    public void AZA_INT_009_ActiveOtherThiopurine_Fires(string name, string? rxNorm, string ingredient)
    {
        var finding = WithMedication(Patients.Med(name, rxNorm)).ShouldRaise("AZA-INT-009").ShouldBe(Severity.Critical, Topics.DuplicateThiopurine);

        finding.Summary.Should().Be($"Co-prescribed {ingredient}: duplicate thiopurine therapy (azathioprine is converted to mercaptopurine).");
        finding.ShouldHaveBasis("medication", "medications[0]", ingredient);
    }

    [Fact]
    public void AZA_INT_009_AzathioprineOrderItself_DoesNotFire()
    {
        var result = WithMedication(Patients.Med("Azathioprine 50 MG Oral Tablet", "1256"));

        result.ShouldNotRaise("AZA-INT-009");
        result.Unrecognised.Should().BeEmpty("the azathioprine order is recognised, not a co-medication");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AZA_INT_009_EndsTodayVersusYesterday_Boundary(bool endsToday) => AssertActiveWindow("AZA-INT-009", "Purixan", null, endsToday);

    // AZA-INT-010 long-standing aminosalicylate on stable counts (information)

    [Fact]
    public void AZA_INT_010_LongStandingMesalamineOnStableCounts_Fires()
    {
        var finding = WithMedication(Patients.Med("Asacol", startedDaysAgo: 400)).ShouldRaise("AZA-INT-010").ShouldBe(Severity.Info, Topics.Aminosalicylate);

        finding.Summary.Should().Be("Long-standing mesalamine with azathioprine on stable blood counts: aminosalicylates inhibit TPMT.");
    }

    [Fact]
    public void AZA_INT_010_NewMesalamine_DoesNotFire() => WithMedication(Patients.Med("Asacol", startedDaysAgo: 30)).ShouldNotRaise("AZA-INT-010");

    [Theory]
    [InlineData(91, true)]
    [InlineData(90, false)]
    public void AZA_INT_010_NewCoMedicationWindow_Boundary(int startedDaysAgo, bool fires) =>
        WithMedication(Patients.Med("sulfasalazine", startedDaysAgo: startedDaysAgo)).ShouldRaiseIf("AZA-INT-010", fires);

    [Theory]
    [InlineData(91, "AZA-INT-010", "long-standing: began")]
    [InlineData(90, "AZA-INT-003", "new: began")]
    public void AZA_INT_003_010_CoTherapyBasis_SaysNewOrLongStandingAtTheWindowBoundary(int startedDaysAgo, string rule, string basis) =>
        WithMedication(Patients.Med("sulfasalazine", startedDaysAgo: startedDaysAgo)).ShouldRaise(rule).ShouldHaveBasis("co-therapy", "therapy", basis);

    // AZA-INT-011 long-standing ACE inhibitor on stable counts (information)

    [Fact]
    public void AZA_INT_011_LongStandingLisinoprilOnStableCounts_Fires()
    {
        var finding = WithMedication(Patients.Med("Lisinopril 10 MG Oral Tablet", "29046", startedDaysAgo: 400)).ShouldRaise("AZA-INT-011").ShouldBe(Severity.Info, Topics.LeukopeniaDrug);

        finding.Summary.Should().Be("Long-standing lisinopril with azathioprine on stable blood counts: anaemia and leukopenia are reported.");
    }

    [Fact]
    public void AZA_INT_011_LowPlatelets_DoesNotFire()
    {
        var patient = Quiet.WithoutLabs(LabKind.Platelets).WithLabs(Patients.Lab(LabKind.Platelets, 120, 14, LabFlag.Low)).WithMedications(Patients.Med("ramipril", startedDaysAgo: 400));

        Evaluate(patient).ShouldNotRaise("AZA-INT-011");
    }

    [Theory]
    [InlineData(91, true)]
    [InlineData(90, false)]
    public void AZA_INT_011_NewCoMedicationWindow_Boundary(int startedDaysAgo, bool fires) =>
        WithMedication(Patients.Med("ramipril", "35296", startedDaysAgo: startedDaysAgo)).ShouldRaiseIf("AZA-INT-011", fires);
}
