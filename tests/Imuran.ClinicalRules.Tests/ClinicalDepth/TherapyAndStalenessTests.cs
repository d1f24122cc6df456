using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Tests.Rules;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.ClinicalDepth;

/// <summary>
/// Issue 11 items 4 and 6 and the alert-fatigue items: stopped therapy, a contradicting active order, stale pregnancy
/// and breastfeeding data, the pregnancy-unknown prompt's severity, and new versus long-standing co-therapy.
/// </summary>
public class TherapyAndStalenessTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    private static PatientFacts Stopped(PatientFacts p) => p.WithTherapy(TherapyStatus.Stopped);

    // Item 6: stopped therapy.

    [Fact]
    public void Stopped_MonitoringScheduleAndPreStartPromptsEnd()
    {
        var patient = Stopped(Quiet.WithoutPgx().WithoutBloodCounts().WithoutLiverTests()) with { PregnancyStatus = PregnancyStatus.Unknown };

        var result = Evaluate(patient);

        foreach (var id in new[] { "AZA-CBC-001", "AZA-CBC-002", "AZA-LFT-001", "AZA-PGX-008", "AZA-PGX-009", "AZA-REP-001", "AZA-DQ-002" })
        {
            result.ShouldNotRaise(id);
        }

        result.ShouldRaise("AZA-DQ-003");
    }

    [Fact]
    public void Stopped_CriticalInteractionsNoLongerFire_WarfarinInrCheckStays()
    {
        // Before: there was no stopped status; a patient off azathioprine kept a critical allopurinol caution.
        var patient = Stopped(Quiet).WithMedications(Patients.Med("allopurinol"), Patients.Med("warfarin"), Patients.Med("ribavirin"), Patients.Med("mercaptopurine"), Patients.Med("methotrexate"));

        var result = Evaluate(patient);

        result.Findings.Should().NotContain(f => f.Severity == Severity.Critical);
        result.ShouldRaise("AZA-INT-006");
        foreach (var id in new[] { "AZA-INT-001", "AZA-INT-007", "AZA-INT-008", "AZA-INT-009" })
        {
            result.ShouldNotRaise(id);
        }
    }

    [Theory]
    [InlineData(TherapyStatus.Continuing, true)]
    [InlineData(TherapyStatus.Stopped, false)]
    public void AllopurinolCaution_ContinuingVersusStopped_Boundary(TherapyStatus status, bool fires) =>
        Evaluate(Quiet.WithTherapy(status, Patients.TherapyStart).WithMedications(Patients.Med("allopurinol"))).ShouldRaiseIf("AZA-INT-001", fires);

    [Fact]
    public void Stopped_WithAnActiveAzathioprineOrder_IsAContradiction_TreatedAsOnTherapy()
    {
        var patient = Stopped(Quiet).WithMedications(Patients.Med("azathioprine", startedDaysAgo: 200)).WithMedications(Patients.Med("allopurinol"));

        var result = Evaluate(patient);

        result.ShouldRaise("AZA-INT-001");
        result.Findings.Should().Contain(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("recorded as stopped but an azathioprine order is active"));
    }

    [Theory]
    [InlineData(61, true)]
    [InlineData(60, false)]
    public void ConsideringWhileAnOrderHasBeenActiveForMonths_Boundary(int orderDaysAgo, bool contradiction)
    {
        var patient = Quiet.Considering().WithMedications(Patients.Med("Imuran", startedDaysAgo: orderDaysAgo));

        var result = Evaluate(patient);

        var dq = result.Findings.Where(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("recorded as considering")).ToList();
        dq.Should().HaveCount(contradiction ? 1 : 0);
        result.ShouldRaiseIf("AZA-CBC-002", contradiction); // treated as on therapy: the schedule applies
        if (contradiction)
        {
            dq[0].Basis.Facts[0].Value.Should().Contain("medications[0] is an active azathioprine order since 2026-04-15 (61 days)");
        }
    }

    // Item 4: stale data is unknown data.

    [Theory]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public void NotPregnantOlderThanTheWindow_CountsAsUnknown_Boundary(int daysAgo, bool unknown)
    {
        var patient = Quiet.Considering() with { PregnancyStatusDate = Patients.DaysAgo(daysAgo) };

        var result = Evaluate(patient);

        result.ShouldRaiseIf("AZA-DQ-002", unknown);
        if (unknown)
        {
            var finding = result.ShouldRaise("AZA-DQ-002");
            finding.Summary.Should().Be("Pregnancy status out of date (31 days old) for a female patient aged 40: establish it (hCG) before relying on these checks.");
            finding.ShouldHaveBasis("pregnancy status", "pregnancyStatusDate", "last recorded as not pregnant on 2026-05-15, 31 days ago (older than the host's 30-day window), so unknown");
        }
    }

    [Fact]
    public void PregnantLongAgo_IsADataQualityPromptNotACurrentPregnancy()
    {
        var patient = Quiet.WithIndications(Indication.RheumatoidArthritis) with { PregnancyStatus = PregnancyStatus.Pregnant, PregnancyStatusDate = Patients.DaysAgo(300) };

        var result = Evaluate(patient);

        result.ShouldNotRaise("AZA-PRG-001");
        result.Findings.Should().Contain(f => f.RuleId == "AZA-DQ-001" && f.Summary == "Check the pregnancy status: recorded as pregnant 300 days ago.");
    }

    [Theory]
    [InlineData(280, true)]
    [InlineData(281, false)]
    public void PregnantWithinTheWindow_StillCounts_Boundary(int daysAgo, bool pregnant)
    {
        var patient = Quiet.WithIndications(Indication.RheumatoidArthritis) with { PregnancyStatus = PregnancyStatus.Pregnant, PregnancyStatusDate = Patients.DaysAgo(daysAgo) };

        Evaluate(patient).ShouldRaiseIf("AZA-PRG-001", pregnant);
    }

    [Theory]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void BreastfeedingOlderThanTheWindow_CountsAsUnknown_Boundary(int daysAgo, bool breastfeeding)
    {
        var patient = Quiet with { Breastfeeding = true, BreastfeedingDate = Patients.DaysAgo(daysAgo) };

        var result = Evaluate(patient);

        result.ShouldRaiseIf("AZA-LAC-001", breastfeeding);
        result.Findings.Any(f => f.RuleId == "AZA-DQ-001" && f.Summary.Contains("recorded as breastfeeding 91 days ago")).Should().Be(!breastfeeding);
    }

    [Fact]
    public void UndatedStatus_IsTakenAsCurrent() =>
        Evaluate(Quiet.Considering()).ShouldNotRaise("AZA-DQ-002");

    // Alert fatigue: pregnancy status unknown.

    [Theory]
    [InlineData(TherapyStatus.Considering, CareSetting.Review, "AZA-DQ-002")]
    [InlineData(TherapyStatus.NewlyStarted, CareSetting.Review, "AZA-DQ-002")]
    [InlineData(TherapyStatus.Continuing, CareSetting.Prescribing, "AZA-DQ-002")]
    [InlineData(TherapyStatus.Continuing, CareSetting.Review, "AZA-DQ-003")]
    [InlineData(TherapyStatus.Continuing, CareSetting.Dispensing, "AZA-DQ-003")]
    public void PregnancyUnknown_WarningAtAStartOrWhenPrescribing_InfoOtherwise(TherapyStatus status, CareSetting setting, string ruleId)
    {
        var patient = Quiet.WithTherapy(status, Patients.DaysAgo(10)).WithSetting(setting) with { PregnancyStatus = PregnancyStatus.Unknown };

        var result = Evaluate(patient);

        result.ShouldRaise(ruleId);
        result.ShouldNotRaise(ruleId == "AZA-DQ-002" ? "AZA-DQ-003" : "AZA-DQ-002");
    }

    [Fact]
    public void PregnancyUnknownDuringEstablishedTherapy_IsInformation() =>
        Evaluate(Quiet with { PregnancyStatus = PregnancyStatus.Unknown }).ShouldRaise("AZA-DQ-003").ShouldBe(Severity.Info, Topics.DataQuality, FindingKind.Monitoring);

    // Alert fatigue: long-standing aminosalicylate or ACE inhibitor on stable counts.

    [Theory]
    [InlineData("mesalamine", 91, "AZA-INT-010", "AZA-INT-003")]
    [InlineData("mesalamine", 90, "AZA-INT-003", "AZA-INT-010")]
    [InlineData("Zestril", 91, "AZA-INT-011", "AZA-INT-005")]
    [InlineData("Zestril", 90, "AZA-INT-005", "AZA-INT-011")]
    public void CoTherapy_NewVersusLongStanding_Boundary(string name, int startedDaysAgo, string fires, string doesNot)
    {
        var result = Evaluate(Quiet.WithMedications(Patients.Med(name, startedDaysAgo: startedDaysAgo)));

        result.ShouldRaise(fires);
        result.ShouldNotRaise(doesNot);
    }

    [Fact]
    public void CoTherapy_RecentRefillOfALongStandingMedicine_IsStillLongStanding()
    {
        // A refill listed first with a recent start date must not make a years-old aminosalicylate "new":
        // the one fact that stands for every entry takes the earliest start (issues 10 and 11 together).
        var result = Evaluate(Quiet.WithMedications(Patients.Med("mesalamine", startedDaysAgo: 10), Patients.Med("mesalamine", startedDaysAgo: 900)));

        result.ShouldRaise("AZA-INT-010").ShouldHaveBasis("co-therapy", "therapy", "long-standing: began 2023-12-28, before the 90-day window; azathioprine continuing");
        result.ShouldNotRaise("AZA-INT-003");
    }

    [Fact]
    public void LongStandingAceInhibitor_IsInformation_WithTheBasisSayingWhy()
    {
        var finding = Evaluate(Quiet.WithMedications(Patients.Med("lisinopril"))).ShouldRaise("AZA-INT-011").ShouldBe(Severity.Info, Topics.LeukopeniaDrug);

        finding.ShouldHaveBasis("blood counts", "labResults", "stable: no latest count low or falling markedly");
        finding.ShouldHaveBasis("co-therapy", "therapy", "long-standing: began 2025-05-11, before the 90-day window; azathioprine continuing");
    }

    [Fact]
    public void LongStandingAceInhibitor_WithFallingCounts_IsAWarning()
    {
        var patient = Quiet.WithoutLabs(LabKind.WhiteCells).WithLabs(Patients.Lab(LabKind.WhiteCells, 6.0, 20), Patients.Lab(LabKind.WhiteCells, 4.0, 2))
            .WithMedications(Patients.Med("lisinopril"));

        var result = Evaluate(patient);

        result.ShouldRaise("AZA-INT-005").ShouldHaveBasis("blood counts", "labResults", "not stable");
        result.ShouldNotRaise("AZA-INT-011");
    }

    [Theory]
    [InlineData(TherapyStatus.NewlyStarted)]
    [InlineData(TherapyStatus.Considering)]
    public void LongStandingAceInhibitor_WithANewAzathioprineStart_IsAWarning(TherapyStatus status) =>
        Evaluate(Quiet.WithTherapy(status, Patients.DaysAgo(10)).WithMedications(Patients.Med("lisinopril"))).ShouldRaise("AZA-INT-005");

    [Fact]
    public void AceInhibitorWithUnknownStart_IsAWarning() =>
        Evaluate(Quiet.WithMedications(Patients.Med("lisinopril", startedDaysAgo: null))).ShouldRaise("AZA-INT-005")
            .ShouldHaveBasis("co-therapy", "therapy", "start date unknown (taken as new)");
}
