using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Tests.Rules;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.ClinicalDepth;

/// <summary>
/// Issue 11 item 3: the blood-count schedule (AZA-CBC-001/002) is satisfied only by a white count (or neutrophils) and
/// platelets within the window, not by any one lab such as a haemoglobin.
/// </summary>
public class CompleteBloodCountTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    [Fact]
    public void HaemoglobinOnly_IsNoBloodCount_Overdue()
    {
        // Before: a haemoglobin alone two weeks ago satisfied the monthly schedule.
        var patient = Quiet.WithoutBloodCounts().WithLabs(Patients.Lab(LabKind.Haemoglobin, 130, 14));

        var finding = Evaluate(patient).ShouldRaise("AZA-CBC-001");

        finding.Summary.Should().StartWith("Blood count overdue: no complete blood count on file;");
        finding.ShouldHaveBasis("last blood count", "labResults", "none on file (no white count or platelets)");
    }

    [Fact]
    public void WhiteCountWithoutPlatelets_IsIncomplete_Overdue()
    {
        var patient = Quiet.WithoutLabs(LabKind.Platelets);

        Evaluate(patient).ShouldRaise("AZA-CBC-001").ShouldHaveBasis("last blood count", "labResults", "incomplete: white count or neutrophils on 2026-06-01 but no platelets");
    }

    [Fact]
    public void NeutrophilsAndPlatelets_WithinSchedule_NextDue()
    {
        var patient = Quiet.WithoutLabs(LabKind.WhiteCells);

        var result = Evaluate(patient);

        result.ShouldNotRaise("AZA-CBC-001");
        result.ShouldRaise("AZA-CBC-002");
    }

    [Theory]
    [InlineData(31, false)] // platelets 31 days ago: the complete count is as old as the older part
    [InlineData(32, true)]
    public void PlateletsOlderThanWhiteCount_TheOlderPartCounts_Boundary(int plateletsDaysAgo, bool overdue)
    {
        var patient = Quiet.WithoutBloodCounts()
            .WithLabs(Patients.Lab(LabKind.WhiteCells, 6.0, 2), Patients.Lab(LabKind.Platelets, 250, plateletsDaysAgo));

        var result = Evaluate(patient);

        result.ShouldRaiseIf("AZA-CBC-001", overdue);
        result.ShouldRaiseIf("AZA-CBC-002", !overdue);
    }
}
