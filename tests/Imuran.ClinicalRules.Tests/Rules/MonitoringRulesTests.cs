using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// Per-rule tests for the blood-count schedule (AZA-CBC-001 to 003) and liver-test monitoring (AZA-LFT-001). The
/// label schedule: weekly in month one, twice monthly (every 14 days) in months two and three, then monthly (31 days);
/// a month starts on the start date plus whole calendar months.
/// </summary>
public class MonitoringRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    /// <summary>Newly started on <paramref name="start"/>, last blood count <paramref name="lastCountDaysAgo"/> days ago.</summary>
    private static PatientFacts Started(ClinicalDate start, int lastCountDaysAgo) =>
        Quiet.StartedOn(start).WithBloodCountDaysAgo(lastCountDaysAgo);

    // AZA-CBC-001 blood count overdue

    [Fact]
    public void AZA_CBC_001_ContinuingLastCount40DaysAgo_Fires()
    {
        var result = Evaluate(Quiet.WithBloodCountDaysAgo(40));

        var finding = result.ShouldRaise("AZA-CBC-001").ShouldBe(Severity.Warning, Topics.CbcMonitoring, FindingKind.Monitoring);
        finding.Summary.Should().Be("Blood count overdue: 40 days since the last count; the schedule asks for one monthly after month three.");
        finding.ShouldHaveBasis("therapy phase", "therapy", "azathioprine since 2024-06-15 (therapy status continuing)");
        finding.ShouldHaveBasis("last blood count", "labResults[5]", "on 2026-05-06");
        finding.ShouldHaveBasis("schedule", null, "every 31 days at most");
        result.ShouldNotRaise("AZA-CBC-002");
    }

    [Fact]
    public void AZA_CBC_001_NoBloodCountOnFile_Fires()
    {
        var finding = Evaluate(Quiet.WithoutBloodCounts()).ShouldRaise("AZA-CBC-001");

        finding.Summary.Should().Be("Blood count overdue: no complete blood count on file; the schedule asks for one monthly after month three.");
        finding.ShouldHaveBasis("last blood count", "labResults", "none on file");
    }

    [Fact]
    public void AZA_CBC_001_CountWithinSchedule_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-CBC-001");
    }

    [Fact]
    public void AZA_CBC_001_NotOnTherapy_DoesNotFire()
    {
        var result = Evaluate(Quiet.Considering().WithoutBloodCounts());

        result.ShouldNotRaise("AZA-CBC-001");
        result.ShouldNotRaise("AZA-CBC-002");
    }

    [Theory]
    [InlineData(7, false)] // month one: a count 7 days ago is within the weekly schedule
    [InlineData(8, true)]
    public void AZA_CBC_001_MonthOneCount7Versus8DaysAgo_Boundary(int lastCountDaysAgo, bool overdue)
    {
        var result = Evaluate(Started(Patients.DaysAgo(14), lastCountDaysAgo));

        result.ShouldRaiseIf("AZA-CBC-001", overdue);
        result.ShouldRaiseIf("AZA-CBC-002", !overdue);
        if (overdue)
        {
            result.ShouldRaise("AZA-CBC-001").Summary.Should().Be("Blood count overdue: 8 days since the last count; the schedule asks for one weekly in the first month.");
        }
    }

    [Theory]
    [InlineData(31, false)] // after month three: 31 days is still within the monthly schedule
    [InlineData(32, true)]
    public void AZA_CBC_001_Monthly31Versus32Days_Boundary(int lastCountDaysAgo, bool overdue)
    {
        Evaluate(Quiet.WithBloodCountDaysAgo(lastCountDaysAgo)).ShouldRaiseIf("AZA-CBC-001", overdue);
    }

    [Theory]
    [InlineData(14, false)] // months two and three: every 14 days
    [InlineData(15, true)]
    public void AZA_CBC_001_TwiceMonthly14Versus15Days_Boundary(int lastCountDaysAgo, bool overdue)
    {
        Evaluate(Started(new ClinicalDate(2026, 4, 1), lastCountDaysAgo)).ShouldRaiseIf("AZA-CBC-001", overdue);
    }

    [Fact]
    public void AZA_CBC_001_NewlyStartedWithoutStartDate_Boundary_AssumesFirstMonth()
    {
        var result = Evaluate(Quiet.WithTherapy(TherapyStatus.NewlyStarted).WithBloodCountDaysAgo(8));

        result.ShouldRaise("AZA-CBC-001").ShouldHaveBasis("therapy phase", "therapy", "first month assumed");
        result.ShouldRaise("AZA-DQ-001");
    }

    // AZA-CBC-002 next blood count due

    [Fact]
    public void AZA_CBC_002_ContinuingWithRecentCount_Fires()
    {
        var finding = Evaluate(Quiet).ShouldRaise("AZA-CBC-002").ShouldBe(Severity.Info, Topics.CbcMonitoring, FindingKind.Monitoring);

        finding.Summary.Should().Be("Next blood count due by 2026-07-02 (monthly after month three).");
        finding.ShouldHaveBasis("last blood count", "labResults[0]", "WhiteCells 6.1 10*9/L on 2026-06-01, flag normal");
    }

    [Fact]
    public void AZA_CBC_002_Overdue_DoesNotFire()
    {
        Evaluate(Quiet.WithBloodCountDaysAgo(45)).ShouldNotRaise("AZA-CBC-002");
    }

    [Theory]
    [InlineData(2026, 5, 16, "weekly in the first month", "2026-06-12", false)] // start + 1 month is tomorrow: still month one, 7-day interval
    [InlineData(2026, 5, 15, "twice monthly in months two and three", "2026-06-19", true)] // start + 1 month is today: month two begins
    public void AZA_CBC_002_FirstDayOfMonthTwoSwitchesTo14Days_Boundary(int year, int month, int day, string schedule, string dueBy, bool due)
    {
        // Last count 10 days ago: overdue on the weekly schedule, within the twice-monthly one.
        var result = Evaluate(Started(new ClinicalDate(year, month, day), 10));

        result.ShouldRaiseIf("AZA-CBC-002", due);
        var finding = result.Findings.Single(f => f.RuleId is "AZA-CBC-001" or "AZA-CBC-002");
        finding.Summary.Should().Contain(schedule);
        if (due)
        {
            finding.Summary.Should().Be($"Next blood count due by {dueBy} ({schedule}).");
        }
    }

    [Theory]
    [InlineData(2026, 3, 16, "twice monthly in months two and three", false)] // start + 3 months is tomorrow: still month three
    [InlineData(2026, 3, 15, "monthly after month three", true)] // start + 3 months is today: month four begins
    public void AZA_CBC_002_FirstDayOfMonthFourSwitchesTo31Days_Boundary(int year, int month, int day, string schedule, bool due)
    {
        // Last count 20 days ago: overdue on the 14-day schedule, within the monthly one.
        var result = Evaluate(Started(new ClinicalDate(year, month, day), 20));

        result.ShouldRaiseIf("AZA-CBC-002", due);
        result.Findings.Single(f => f.RuleId is "AZA-CBC-001" or "AZA-CBC-002").Summary.Should().Contain(schedule);
    }

    [Fact]
    public void AZA_CBC_002_ContinuingWithoutStartDate_Boundary_AssumesMonthly()
    {
        var finding = Evaluate(Quiet.WithTherapy(TherapyStatus.Continuing)).ShouldRaise("AZA-CBC-002");

        finding.Summary.Should().Be("Next blood count due by 2026-07-02 (monthly).");
        finding.ShouldHaveBasis("therapy phase", "therapy", "monthly schedule assumed");
    }

    // AZA-CBC-003 intensified after a change

    [Fact]
    public void AZA_CBC_003_RegimenChanged10DaysAgo_Fires()
    {
        var result = Evaluate(Quiet.WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart, Patients.DaysAgo(10)));

        var finding = result.ShouldRaise("AZA-CBC-003").ShouldBe(Severity.Warning, Topics.CbcMonitoring, FindingKind.Monitoring);
        finding.Summary.Should().Be("Weekly blood counts for now: regimen changed on 2026-06-05.");
        finding.ShouldHaveBasis("recent change", "therapy.lastRegimenChange", "regimen changed on 2026-06-05");
        result.ShouldRaise("AZA-CBC-001").Summary.Should().Be("Blood count overdue: 14 days since the last count; the schedule asks for one weekly after a recent change.");
    }

    [Fact]
    public void AZA_CBC_003_NewAllopurinol_Fires()
    {
        var finding = Evaluate(Quiet.WithMedications(Patients.Med("Allopurinol", "519", startedDaysAgo: 5))).ShouldRaise("AZA-CBC-003");

        finding.Summary.Should().Be("Weekly blood counts for now: allopurinol began on 2026-06-10.");
        finding.ShouldHaveBasis("recent change", "medications[0]");
    }

    [Fact]
    public void AZA_CBC_003_RegimenChangedTwoMonthsAgo_DoesNotFire()
    {
        Evaluate(Quiet.WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart, Patients.DaysAgo(60))).ShouldNotRaise("AZA-CBC-003");
    }

    [Fact]
    public void AZA_CBC_003_RecentChangeWhileConsidering_DoesNotFire()
    {
        Evaluate(Quiet.WithTherapy(TherapyStatus.Considering, null, Patients.DaysAgo(3))).ShouldNotRaise("AZA-CBC-003");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void AZA_CBC_003_RegimenChange28Versus29Days_Boundary(int changedDaysAgo, bool fires)
    {
        Evaluate(Quiet.WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart, Patients.DaysAgo(changedDaysAgo))).ShouldRaiseIf("AZA-CBC-003", fires);
    }

    [Theory]
    [InlineData(28, true)]
    [InlineData(29, false)]
    public void AZA_CBC_003_InteractingMedicineBegan28Versus29Days_Boundary(int startedDaysAgo, bool fires)
    {
        Evaluate(Quiet.WithMedications(Patients.Med("Septra", startedDaysAgo: startedDaysAgo))).ShouldRaiseIf("AZA-CBC-003", fires);
    }

    [Fact]
    public void AZA_CBC_003_IntensifiedWindowFromOptions_Boundary()
    {
        var patient = Quiet.WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart, Patients.DaysAgo(20));

        Evaluate(patient, new RuleThresholds { IntensifiedMonitoringDays = 14 }).ShouldNotRaise("AZA-CBC-003");
        Evaluate(patient, new RuleThresholds { IntensifiedMonitoringDays = 20 }).ShouldRaise("AZA-CBC-003");
    }

    // AZA-LFT-001 liver tests not on file

    [Fact]
    public void AZA_LFT_001_NoLiverTests_Fires()
    {
        var finding = Evaluate(Quiet.WithoutLiverTests()).ShouldRaise("AZA-LFT-001").ShouldBe(Severity.Info, Topics.LftMonitoring, FindingKind.Monitoring);

        finding.Summary.Should().Be("No liver tests in the last 90 days while on azathioprine.");
        finding.ShouldHaveBasis("liver tests", "labResults", "none in the last 90 days");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "continuing");
    }

    [Fact]
    public void AZA_LFT_001_RecentLiverTests_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-LFT-001");
    }

    [Fact]
    public void AZA_LFT_001_NotOnTherapy_DoesNotFire()
    {
        Evaluate(Quiet.Considering().WithoutLiverTests()).ShouldNotRaise("AZA-LFT-001");
    }

    [Theory]
    [InlineData(90, false)]
    [InlineData(91, true)]
    public void AZA_LFT_001_LiverTest90Versus91DaysAgo_Boundary(int daysAgo, bool fires)
    {
        Evaluate(Quiet.WithoutLiverTests().WithLabs(Patients.Lab(LabKind.Ast, 24, daysAgo))).ShouldRaiseIf("AZA-LFT-001", fires);
    }

    [Fact]
    public void AZA_LFT_001_WindowFromOptions_Boundary()
    {
        var patient = Quiet.WithoutLiverTests().WithLabs(Patients.Lab(LabKind.Alt, 20, 40));

        var finding = Evaluate(patient, new RuleThresholds { LiverTestWindowDays = 30 }).ShouldRaise("AZA-LFT-001");

        finding.Summary.Should().Be("No liver tests in the last 30 days while on azathioprine.");
    }
}
