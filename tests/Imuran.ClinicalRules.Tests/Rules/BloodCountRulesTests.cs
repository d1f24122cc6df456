using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for cytopenia (AZA-CYT-*), renal (AZA-REN-*) and hepatic (AZA-HEP-*) rules.</summary>
public class BloodCountRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    /// <summary>The quiet patient with a white-cell count of 10 three weeks ago and <paramref name="latest"/> yesterday.</summary>
    private static PatientFacts WhiteCellsFalling(double latest, LabFlag flag = LabFlag.Normal, string? unit = null) =>
        Quiet.WithoutLabs(LabKind.WhiteCells)
            .WithLabs(Patients.Lab(LabKind.WhiteCells, 10, 20), Patients.Lab(LabKind.WhiteCells, latest, 1, flag, unit));

    // AZA-CYT-001 blood count flagged low

    [Fact]
    public void AZA_CYT_001_LatestWhiteCellsFlaggedLow_Fires()
    {
        // 3.5 after 6.1 two weeks earlier is a fall of about 0.43: use a previous value close enough to be no marked fall.
        var patient = Quiet.WithoutLabs(LabKind.WhiteCells)
            .WithLabs(Patients.Lab(LabKind.WhiteCells, 3.9, 20), Patients.Lab(LabKind.WhiteCells, 3.5, 1, LabFlag.Low));

        var result = Evaluate(patient);

        var finding = result.ShouldRaise("AZA-CYT-001").ShouldBe(Severity.Warning, Topics.Cytopenia);
        finding.Summary.Should().Be("White-cell count flagged low: cytopenias can occur with azathioprine, sometimes late.");
        finding.ShouldHaveBasis("result", "labResults[9]", "3.5 10*9/L on 2026-06-14, flag low");
        result.ShouldNotRaise("AZA-CYT-002");
    }

    [Fact]
    public void AZA_CYT_001_EarlierLowLatestNormal_DoesNotFire()
    {
        var patient = Quiet.WithoutLabs(LabKind.Platelets)
            .WithLabs(Patients.Lab(LabKind.Platelets, 120, 30, LabFlag.Low), Patients.Lab(LabKind.Platelets, 180, 1));

        Evaluate(patient).ShouldNotRaise("AZA-CYT-001");
    }

    [Fact]
    public void AZA_CYT_001_LowLymphocytes_DoesNotFire()
    {
        Evaluate(Quiet.WithLabs(Patients.Lab(LabKind.Lymphocytes, 0.8, 1, LabFlag.Low))).ShouldNotRaise("AZA-CYT-001");
    }

    [Theory]
    [InlineData(LabFlag.Normal, false)]
    [InlineData(LabFlag.Low, true)]
    [InlineData(LabFlag.CriticallyLow, false)] // the critical rule instead
    public void AZA_CYT_001_LowVersusCriticallyLow_Boundary(LabFlag flag, bool fires)
    {
        // 115 after 132 is no marked fall: only the flag decides.
        var result = Evaluate(Quiet.WithLabs(Patients.Lab(LabKind.Haemoglobin, 115, 1, flag)));

        result.ShouldRaiseIf("AZA-CYT-001", fires);
        result.ShouldRaiseIf("AZA-CYT-002", flag == LabFlag.CriticallyLow);
    }

    [Fact]
    public void AZA_CYT_001_LowWithMarkedFall_Boundary_EscalatesToCritical()
    {
        var result = Evaluate(WhiteCellsFalling(3.0, LabFlag.Low));

        result.ShouldNotRaise("AZA-CYT-001");
        result.ShouldRaise("AZA-CYT-002");
    }

    // AZA-CYT-002 critically low or marked fall

    [Fact]
    public void AZA_CYT_002_PlateletsCriticallyLow_Fires()
    {
        var finding = Evaluate(Quiet.WithLabs(Patients.Lab(LabKind.Platelets, 22, 1, LabFlag.CriticallyLow))).ShouldRaise("AZA-CYT-002")
            .ShouldBe(Severity.Critical, Topics.Cytopenia);

        finding.Summary.Should().Be("Platelet count flagged critically low: urgent review for azathioprine myelosuppression.");
        finding.ShouldHaveBasis("result", "labResults[9]", "22 10*9/L on 2026-06-14, flag critically low");
        finding.Basis.Facts.Should().ContainSingle("a critically low flag needs no previous result");
    }

    [Fact]
    public void AZA_CYT_002_MarkedFall_Fires()
    {
        var finding = Evaluate(WhiteCellsFalling(5.0)).ShouldRaise("AZA-CYT-002");

        finding.Summary.Should().Be("White-cell count fell markedly since the previous count: urgent review for azathioprine myelosuppression.");
        finding.ShouldHaveBasis("result", "labResults[9]", "5 10*9/L on 2026-06-14, flag normal");
        finding.ShouldHaveBasis("previous result", "labResults[8]", "10 10*9/L on 2026-05-26");
        finding.ShouldHaveBasis("fall", null, "fell by 0.50 of the earlier value; host threshold 0.30");
    }

    [Fact]
    public void AZA_CYT_002_SmallFall_DoesNotFire()
    {
        Evaluate(WhiteCellsFalling(8.0)).ShouldNotRaise("AZA-CYT-002");
    }

    [Theory]
    [InlineData(7.0, true)] // a fall of exactly 0.3 of the earlier value
    [InlineData(7.01, false)]
    public void AZA_CYT_002_MarkedFallAtExactly03_Boundary(double latest, bool fires)
    {
        var result = Evaluate(WhiteCellsFalling(latest));

        result.ShouldRaiseIf("AZA-CYT-002", fires);
        if (fires)
        {
            result.ShouldRaise("AZA-CYT-002").ShouldHaveBasis("fall", null, "fell by 0.30");
        }
    }

    [Fact]
    public void AZA_CYT_002_FallAcrossDifferentUnits_Boundary_DoesNotFire()
    {
        // 5 in another unit cannot be compared with 10 in 10*9/L.
        Evaluate(WhiteCellsFalling(5.0, unit: "10*3/uL")).ShouldNotRaise("AZA-CYT-002");
    }

    [Fact]
    public void AZA_CYT_002_MarkedFallCheckTurnedOff_Boundary_DoesNotFire()
    {
        Evaluate(WhiteCellsFalling(5.0), new RuleOptions { MarkedFallFraction = null }).ShouldNotRaise("AZA-CYT-002");
    }

    [Fact]
    public void AZA_CYT_002_FallThenRecovery_Boundary_OnlyLatestCounts()
    {
        var patient = WhiteCellsFalling(5.0).WithLabs(Patients.Lab(LabKind.WhiteCells, 6.0, 0));

        Evaluate(patient).ShouldNotRaise("AZA-CYT-002");
    }

    // AZA-REN-001 kidney disease

    [Fact]
    public void AZA_REN_001_ChronicKidneyDiseaseStage3_Fires()
    {
        var finding = Evaluate(Quiet.WithConditions(Patients.Condition("Chronic kidney disease stage 3", "N18.3", "icd-10-cm"))).ShouldRaise("AZA-REN-001")
            .ShouldBe(Severity.Warning, Topics.Renal);

        finding.Summary.Should().Be("Kidney impairment on record: slower clearance and greater sensitivity to azathioprine.");
        finding.ShouldHaveBasis("condition", "conditions[0]", "N18.3 (current)");
    }

    [Fact]
    public void AZA_REN_001_PastKidneyDisease_DoesNotFire()
    {
        Evaluate(Quiet.WithConditions(Patients.Condition("Chronic kidney disease", "709044004", status: ConditionStatus.History))).ShouldNotRaise("AZA-REN-001");
    }

    [Theory]
    [InlineData("Early post-transplant oliguria", ConditionStatus.Active, true)]
    [InlineData("Renal impairment", ConditionStatus.Active, true)]
    [InlineData("Early post-transplant oliguria", ConditionStatus.History, false)]
    public void AZA_REN_001_OliguriaOrImpairment_Boundary(string name, ConditionStatus status, bool fires)
    {
        Evaluate(Quiet.WithConditions(Patients.Condition(name, status: status))).ShouldRaiseIf("AZA-REN-001", fires);
    }

    // AZA-REN-002 reduced eGFR

    [Fact]
    public void AZA_REN_002_EgfrBelowThreshold_Fires()
    {
        var finding = Evaluate(Quiet.WithLabs(Patients.Egfr(45, 1))).ShouldRaise("AZA-REN-002").ShouldBe(Severity.Warning, Topics.Renal);

        finding.Summary.Should().Be("Reduced eGFR (45 mL/min/{1.73_m2}): slower clearance and greater sensitivity to azathioprine.");
        finding.ShouldHaveBasis("eGFR", "labResults[9]", "45 mL/min/{1.73_m2} on 2026-06-14");
    }

    [Fact]
    public void AZA_REN_002_EgfrNormal_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-REN-002");
    }

    [Theory]
    [InlineData(60.0, false)]
    [InlineData(59.9, true)]
    public void AZA_REN_002_EgfrAt60Versus59Point9_Boundary(double egfr, bool fires)
    {
        Evaluate(Quiet.WithLabs(Patients.Egfr(egfr, 1))).ShouldRaiseIf("AZA-REN-002", fires);
    }

    [Theory]
    [InlineData(LabFlag.Low, true)] // the laboratory's flag counts whatever the number
    [InlineData(LabFlag.Normal, false)]
    public void AZA_REN_002_FlaggedLowAboveThreshold_Boundary(LabFlag flag, bool fires)
    {
        Evaluate(Quiet.WithLabs(Patients.Egfr(65, 1, flag))).ShouldRaiseIf("AZA-REN-002", fires);
    }

    [Fact]
    public void AZA_REN_002_ThresholdTurnedOff_Boundary_OnlyFlagsCount()
    {
        var result = Evaluate(Quiet.WithLabs(Patients.Egfr(45, 1)), new RuleOptions { EgfrThreshold = null });

        result.ShouldNotRaise("AZA-REN-002");
    }

    [Fact]
    public void AZA_REN_002_EarlierLowLatestNormal_Boundary_DoesNotFire()
    {
        var patient = Quiet.WithoutLabs(LabKind.Egfr).WithLabs(Patients.Egfr(50, 60), Patients.Egfr(75, 1));

        Evaluate(patient).ShouldNotRaise("AZA-REN-002");
    }

    // AZA-HEP-001 chronic liver disease

    [Fact]
    public void AZA_HEP_001_Cirrhosis_Fires()
    {
        var finding = Evaluate(Quiet.WithConditions(Patients.Condition("Cirrhosis of liver", "19943007"))).ShouldRaise("AZA-HEP-001")
            .ShouldBe(Severity.Warning, Topics.Hepatic);

        finding.Summary.Should().Be("Liver disease on record: hepatotoxicity and hepatic veno-occlusive disease are reported with azathioprine.");
        finding.ShouldHaveBasis("condition", "conditions[0]", "Cirrhosis of liver; snomed 19943007 (current)");
    }

    [Fact]
    public void AZA_HEP_001_PastLiverDisease_DoesNotFire()
    {
        Evaluate(Quiet.WithConditions(Patients.Condition("Chronic liver disease", "328383001", status: ConditionStatus.History))).ShouldNotRaise("AZA-HEP-001");
    }

    [Theory]
    [InlineData("Liver disease, unspecified", "K76.9", true)]
    [InlineData("Autoimmune hepatitis", "K75.4", false)] // an indication, not chronic liver disease as the rule knows it
    public void AZA_HEP_001_LiverDiseaseKinds_Boundary(string name, string code, bool fires)
    {
        Evaluate(Quiet.WithConditions(Patients.Condition(name, code, "icd-10-cm"))).ShouldRaiseIf("AZA-HEP-001", fires);
    }

    // AZA-HEP-002 liver test flagged high

    [Fact]
    public void AZA_HEP_002_AltFlaggedHigh_Fires()
    {
        var finding = Evaluate(Quiet.WithLabs(Patients.Lab(LabKind.Alt, 140, 1, LabFlag.High))).ShouldRaise("AZA-HEP-002")
            .ShouldBe(Severity.Warning, Topics.Hepatic);

        finding.Summary.Should().Be("ALT flagged high: hepatotoxicity is reported with azathioprine; review liver tests.");
        finding.ShouldHaveBasis("result", "labResults[9]", "140 U/L on 2026-06-14, flag high");
    }

    [Fact]
    public void AZA_HEP_002_EarlierHighLatestNormal_DoesNotFire()
    {
        var patient = Quiet.WithoutLabs(LabKind.Bilirubin)
            .WithLabs(Patients.Lab(LabKind.Bilirubin, 40, 30, LabFlag.High), Patients.Lab(LabKind.Bilirubin, 12, 1));

        Evaluate(patient).ShouldNotRaise("AZA-HEP-002");
    }

    [Theory]
    [InlineData(LabKind.Ast, LabFlag.High, true)]
    [InlineData(LabKind.AlkalinePhosphatase, LabFlag.CriticallyHigh, true)]
    [InlineData(LabKind.Alt, LabFlag.Low, false)]
    [InlineData(LabKind.Creatinine, LabFlag.High, false)] // not a liver test
    public void AZA_HEP_002_FlagAndKind_Boundary(LabKind kind, LabFlag flag, bool fires)
    {
        Evaluate(Quiet.WithLabs(Patients.Lab(kind, 300, 1, flag))).ShouldRaiseIf("AZA-HEP-002", fires);
    }
}
