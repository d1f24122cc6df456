using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Terminology;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>Per-rule tests for AZA-MAL-001 to AZA-MAL-006.</summary>
public class MalignancyRulesTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    // AZA-MAL-001 history of malignancy or lymphoma

    [Fact]
    public void AZA_MAL_001_CurrentMalignancy_Fires()
    {
        var result = Evaluate(Quiet.WithConditions(Patients.Condition("Malignant neoplastic disease", "363346000")));

        var finding = result.ShouldRaise("AZA-MAL-001").ShouldBe(Severity.Warning, Topics.Malignancy);
        finding.Summary.Should().Be("Malignancy on record: azathioprine raises the risk of lymphoma and other cancers.");
        finding.ShouldHaveBasis("condition", "conditions[0]", "Malignant neoplastic disease; snomed 363346000 (current)");
    }

    [Fact]
    public void AZA_MAL_001_SkinCancerOnly_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithConditions(Patients.Condition("Malignant neoplasm of skin", "372130007")));

        result.ShouldNotRaise("AZA-MAL-001");
        result.ShouldRaise("AZA-MAL-002");
    }

    [Theory]
    [InlineData("Personal history of non-Hodgkin lymphoma", "Z85.72", "icd-10-cm", ConditionStatus.Active)] // a history code
    [InlineData("Lymphoma", "118600007", "snomed", ConditionStatus.History)] // recorded as past
    [InlineData("Post-transplant lymphoproliferative disorder", "D47.Z1", "icd-10-cm", ConditionStatus.Active)]
    public void AZA_MAL_001_PastOrLymphoma_Boundary_Fires(string name, string code, string system, ConditionStatus status)
    {
        var finding = Evaluate(Quiet.WithConditions(Patients.Condition(name, code, system, status))).ShouldRaise("AZA-MAL-001");

        finding.ShouldHaveBasis("condition", "conditions[0]", code);
    }

    [Fact]
    public void AZA_MAL_001_TwoMalignancies_Boundary_FiresOncePerCondition()
    {
        var patient = Quiet.WithConditions(Patients.Condition("Malignant neoplastic disease", "363346000"), Patients.Condition("Myeloma"));

        var findings = Evaluate(patient).ShouldRaise("AZA-MAL-001", 2);

        findings.Select(f => f.Basis.Facts.Single().Path).Should().Equal("conditions[0]", "conditions[1]");
    }

    // AZA-MAL-002 history of skin cancer

    [Fact]
    public void AZA_MAL_002_SkinCancer_Fires()
    {
        var finding = Evaluate(Quiet.WithConditions(Patients.Condition("Skin cancer", "C44.90", "icd-10-cm"))).ShouldRaise("AZA-MAL-002")
            .ShouldBe(Severity.Warning, Topics.SkinCancer);

        finding.Summary.Should().Be("Skin cancer on record: azathioprine raises skin-cancer risk; limit UV exposure and keep skin checks.");
        finding.ShouldHaveBasis("condition", "conditions[0]", "C44.90");
    }

    [Theory]
    [InlineData("Malignant melanoma")]
    [InlineData("Malignant melanoma of skin of back")]
    [InlineData("Cancer: melanoma, excised 2019")]
    public void AZA_MAL_002_MelanomaNamedWithAGeneralCancerWord_Fires(string name)
    {
        // The rule's logic is "a skin cancer (including melanoma)"; knowledge.md gives skin cancer its own caution (UV
        // exposure, skin surveillance). A name whose first cancer word was general ("Malignant melanoma") was read as a
        // malignancy of no type, so the skin-cancer caution was lost (audit, 3 Dec): the specific kind now wins.
        var result = Evaluate(Quiet.WithConditions(Patients.Condition(name)));

        result.ShouldRaise("AZA-MAL-002");
        result.ShouldNotRaise("AZA-MAL-001");
    }

    // codes.md: "Malignant neoplasm of skin" (372130007), "Personal history of other malignant neoplasm of skin" (Z85.828);
    // knowledge.md: "history of skin cancer". A cutaneous squamous cell carcinoma is a malignant neoplasm of skin.
    [Theory]
    [InlineData("Squamous cell carcinoma of skin")]
    [InlineData("Cutaneous squamous cell carcinoma")]
    [InlineData("Non-melanoma skin cancer")]
    [InlineData("Malignant neoplasm of skin of face")]
    [InlineData("Skin squamous cell carcinoma, excised 2021")]
    public void AZA_MAL_002_SkinCancerNameVariants_Fire(string name)
    {
        ConditionTerminology.Classify(Patients.Condition(name)).Kind.Should().Be(ConditionKind.SkinCancer);
        var result = Evaluate(Quiet.WithConditions(Patients.Condition(name)));

        result.ShouldRaise("AZA-MAL-002");
        result.ShouldNotRaise("AZA-MAL-001");
    }

    [Theory]
    [InlineData("Squamous cell carcinoma of lung", ConditionKind.Malignancy)]
    [InlineData("Squamous cell carcinoma of cervix", ConditionKind.Malignancy)]
    [InlineData("Secondary malignant neoplasm of skin", ConditionKind.Malignancy)] // a metastasis in the skin: the general caution
    [InlineData("Breast carcinoma with cutaneous metastases", ConditionKind.Malignancy)]
    [InlineData("Malignant lymphoma of skin", ConditionKind.Lymphoma)]
    [InlineData("Eczema of skin", ConditionKind.Unrecognised)]
    public void AZA_MAL_002_OtherSquamousOrSecondaryInSkin_IsNotSkinCancer(string name, ConditionKind expected)
    {
        ConditionTerminology.Classify(Patients.Condition(name)).Kind.Should().Be(expected);
        Evaluate(Quiet.WithConditions(Patients.Condition(name))).ShouldNotRaise("AZA-MAL-002");
    }

    [Theory]
    [InlineData("Breast cancer, history of melanoma")]
    [InlineData("Breast cancer and melanoma")]
    [InlineData("Carcinoma of colon; basal cell carcinoma of skin")]
    public void AZA_MAL_001_AndMal002_CancerAndSkinCancerInOneName_BothFire(string name)
    {
        // Stop 30: a cancer word was refined by a type named anywhere in the name, so the breast cancer was read as
        // melanoma and the malignancy caution was lost. Each disease the name names now gives its own caution.
        var result = Evaluate(Quiet.WithConditions(Patients.Condition(name)));

        result.ShouldRaise("AZA-MAL-001");
        result.ShouldRaise("AZA-MAL-002");
    }

    [Theory]
    [InlineData("Melanoma, malignant")]
    [InlineData("Melanoma - malignant")]
    public void AZA_MAL_001_CancerWordAloneInItsClause_QualifiesTheName_Boundary(string name)
    {
        var result = Evaluate(Quiet.WithConditions(Patients.Condition(name)));

        result.ShouldRaise("AZA-MAL-002");
        result.ShouldNotRaise("AZA-MAL-001");
    }

    [Fact]
    public void AZA_MAL_001_MalignantLymphomaByName_IsLymphoma() =>
        ConditionTerminology.Classify(Patients.Condition("Malignant lymphoma")).Kind.Should().Be(ConditionKind.Lymphoma);

    [Fact]
    public void AZA_MAL_002_OtherMalignancy_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithConditions(Patients.Condition("Carcinoma of breast")));

        result.ShouldNotRaise("AZA-MAL-002");
        result.ShouldRaise("AZA-MAL-001");
    }

    [Theory]
    [InlineData("Personal history of other malignant neoplasm of skin", "Z85.828", "icd-10-cm", ConditionStatus.Active)]
    [InlineData("Melanoma", null, null, ConditionStatus.History)]
    public void AZA_MAL_002_PastSkinCancer_Boundary_Fires(string name, string? code, string? system, ConditionStatus status)
    {
        Evaluate(Quiet.WithConditions(Patients.Condition(name, code, system, status))).ShouldRaise("AZA-MAL-002");
    }

    // AZA-MAL-003 IBD with a TNF blocker

    [Fact]
    public void AZA_MAL_003_CrohnsWithActiveInfliximab_Fires()
    {
        var result = Evaluate(Quiet.WithIndications(Indication.CrohnsDisease).WithMedications(Patients.Med("Remicade", "191831")));

        var finding = result.ShouldRaise("AZA-MAL-003").ShouldBe(Severity.Warning, Topics.Hstcl);
        finding.Summary.Should().Be("IBD with a TNF blocker (infliximab): hepatosplenic T-cell lymphoma has been reported.");
        finding.ShouldHaveBasis("indication", "indications", "inflammatory bowel disease");
        finding.ShouldHaveBasis("medication", "medications[0]", "infliximab (Remicade; RxNorm 191831) active");
        result.ShouldNotRaise("AZA-INT-008");
    }

    [Theory]
    [InlineData("Inflammatory bowel disease")]
    [InlineData("IBD, in remission")]
    [InlineData("Inflammatory bowel disease, type unclassified")]
    public void AZA_MAL_003_IbdOnTheProblemListByName_Fires(string name)
    {
        // knowledge.md: indications include "inflammatory bowel disease (Crohn's, ulcerative colitis)", and the hstcl row is
        // "inflammatory bowel disease and a TNF blocker". A condition naming IBD without its type was unrecognised, so the
        // patient was not read as having IBD and got the immunosuppressant-combination rule instead (audit, 3 Dec).
        var result = Evaluate(Quiet.WithIndications().WithConditions(Patients.Condition(name)).WithMedications(Patients.Med("Remicade", "191831")));

        result.ShouldRaise("AZA-MAL-003");
        result.ShouldNotRaise("AZA-INT-008");
        result.Unrecognised.Should().BeEmpty();
    }

    [Fact]
    public void AZA_MAL_004_YoungMaleWithIbdOnTheProblemListByName_Fires() =>
        Evaluate(Quiet.Male().Aged(20).WithIndications().WithConditions(Patients.Condition("Inflammatory bowel disease"))).ShouldRaise("AZA-MAL-004");

    [Fact]
    public void AZA_MAL_003_IbdRuledOut_Boundary_DoesNotFire() =>
        Evaluate(Quiet.WithIndications().WithConditions(Patients.Condition("IBD ruled out")).WithMedications(Patients.Med("Remicade", "191831"))).ShouldNotRaise("AZA-MAL-003");

    [Fact]
    public void AZA_MAL_003_PastTnfBlocker_DoesNotFire()
    {
        var result = Evaluate(Quiet.WithIndications(Indication.UlcerativeColitis).WithMedications(Patients.PastMed("Humira")));

        result.ShouldNotRaise("AZA-MAL-003");
        result.ShouldNotRaise("AZA-INT-008");
    }

    [Theory]
    [InlineData(true, true)] // Crohn's disease on the problem list: the IBD rule
    [InlineData(false, false)] // no IBD: the immunosuppressant-combination rule instead
    public void AZA_MAL_003_IbdDecidesBetweenHstclAndCombination_Boundary(bool ibd, bool fires)
    {
        var patient = Quiet.WithMedications(Patients.Med("adalimumab", "327361"));
        if (ibd)
        {
            patient = patient.WithConditions(Patients.Condition("Crohn's disease", "K50.90", "icd-10-cm"));
        }

        var result = Evaluate(patient);

        result.ShouldRaiseIf("AZA-MAL-003", fires);
        result.ShouldRaiseIf("AZA-INT-008", !fires);
    }

    // AZA-MAL-004 IBD in a young male

    [Fact]
    public void AZA_MAL_004_MaleAged25WithIbd_Fires()
    {
        var finding = Evaluate(Quiet.Male().Aged(25).WithIndications(Indication.UlcerativeColitis)).ShouldRaise("AZA-MAL-004")
            .ShouldBe(Severity.Info, Topics.Hstcl);

        finding.Summary.Should().Be("Male aged 25 with IBD: hepatosplenic T-cell lymphoma has been reported with azathioprine alone.");
        finding.ShouldHaveBasis("sex and age", "birthDate", "male, 25 years");
        finding.ShouldHaveBasis("indication", "indications", "inflammatory bowel disease");
    }

    [Theory]
    [InlineData(TherapyStatus.Stopped, false)] // knowledge.md: "on azathioprine without a TNF blocker"; stopped is not on it
    [InlineData(TherapyStatus.Continuing, true)]
    [InlineData(TherapyStatus.NewlyStarted, true)]
    [InlineData(TherapyStatus.Considering, true)] // the rule's logic: "on or considering azathioprine"
    [InlineData(TherapyStatus.Unknown, true)] // unknown is not "stopped"
    public void AZA_MAL_004_TherapyStatus_Boundary(TherapyStatus status, bool fires)
    {
        // Before (audit, 3 Dec) it fired whatever the therapy status, also after azathioprine had stopped, although its
        // logic says "on or considering azathioprine" and the knowledge base's row says "on azathioprine".
        var start = status is TherapyStatus.Continuing or TherapyStatus.NewlyStarted ? Patients.DaysAgo(10) : (ClinicalDate?)null;
        Evaluate(Quiet.Male().Aged(25).WithIndications(Indication.UlcerativeColitis).WithTherapy(status, start)).ShouldRaiseIf("AZA-MAL-004", fires);
    }

    [Fact]
    public void AZA_MAL_004_FemaleAged25WithIbd_DoesNotFire()
    {
        Evaluate(Quiet.Aged(25).WithIndications(Indication.UlcerativeColitis)).ShouldNotRaise("AZA-MAL-004");
    }

    [Fact]
    public void AZA_MAL_004_YoungMaleWithTnfBlocker_DoesNotFire()
    {
        var result = Evaluate(Quiet.Male().Aged(25).WithIndications(Indication.CrohnsDisease).WithMedications(Patients.Med("Humira")));

        result.ShouldNotRaise("AZA-MAL-004");
        result.ShouldRaise("AZA-MAL-003");
    }

    [Fact]
    public void AZA_MAL_004_OtherActiveMedicineOrPastTnfBlocker_Boundary_StillFires()
    {
        // Only an active TNF blocker silences the rule: any other active medicine, or a TNF blocker that has ended, does not.
        var patient = Quiet.Male().Aged(25).WithIndications(Indication.CrohnsDisease)
            .WithMedications(Patients.Med("Atorvastatin"), Patients.PastMed("Humira"));

        Evaluate(patient).ShouldRaise("AZA-MAL-004");
    }

    [Theory]
    [InlineData(11, false)]
    [InlineData(12, true)]
    [InlineData(35, true)]
    [InlineData(36, false)]
    public void AZA_MAL_004_AgeBand12To35_Boundary(int age, bool fires)
    {
        Evaluate(Quiet.Male().Aged(age).WithIndications(Indication.InflammatoryBowelDisease)).ShouldRaiseIf("AZA-MAL-004", fires);
    }

    [Theory]
    [InlineData(12, false)] // 11 today
    [InlineData(36, true)] // 35 today
    public void AZA_MAL_004_DayBeforeBirthday_Boundary(int turningTomorrow, bool fires)
    {
        Evaluate(Quiet.Male().TurningTomorrow(turningTomorrow).WithIndications(Indication.CrohnsDisease)).ShouldRaiseIf("AZA-MAL-004", fires);
    }

    [Fact]
    public void AZA_MAL_004_NoBirthDate_Boundary_DoesNotFireButFlagsTheMissingDate()
    {
        var result = Evaluate(Quiet.Male().WithIndications(Indication.CrohnsDisease) with { BirthDate = null });

        result.ShouldNotRaise("AZA-MAL-004");
        result.ShouldRaise("AZA-DQ-001").Summary.Should().Be("Check the birth date: no birth date on file.");
    }

    // AZA-MAL-005 transplant recipient

    [Fact]
    public void AZA_MAL_005_KidneyTransplantIndication_Fires()
    {
        var finding = Evaluate(Quiet.WithIndications(Indication.KidneyTransplant)).ShouldRaise("AZA-MAL-005")
            .ShouldBe(Severity.Info, Topics.Malignancy);

        finding.Summary.Should().Be("Transplant recipient: post-transplant lymphoma and skin cancer risk; make sure surveillance is in place.");
        finding.ShouldHaveBasis("transplant", "indications", "organ transplant recipient");
    }

    [Fact]
    public void AZA_MAL_005_NoTransplant_DoesNotFire()
    {
        Evaluate(Quiet).ShouldNotRaise("AZA-MAL-005");
    }

    [Theory]
    [InlineData(Indication.OtherOrganTransplant)]
    [InlineData(null)] // kidney transplant status only on the problem list
    public void AZA_MAL_005_OtherOrganOrProblemList_Boundary_Fires(Indication? indication)
    {
        var patient = indication is { } i
            ? Quiet.WithIndications(i)
            : Quiet.WithConditions(Patients.Condition("Kidney transplant status", "Z94.0", "icd-10-cm", ConditionStatus.History));

        Evaluate(patient).ShouldRaise("AZA-MAL-005");
    }

    // codes.md names "Transplant of kidney (procedure)" (70536003) and "Kidney transplant status" (Z94.0).
    [Theory]
    [InlineData("Kidney transplantation")]
    [InlineData("Renal transplantation")]
    [InlineData("Transplant of kidney")]
    [InlineData("Status post transplant of kidney, 2019")]
    [InlineData("Deceased-donor renal transplantation, no rejection")]
    public void AZA_MAL_005_KidneyTransplantNameVariants_Fire(string name)
    {
        ConditionTerminology.Classify(Patients.Condition(name)).Kind.Should().Be(ConditionKind.KidneyTransplant);
        Evaluate(Quiet.WithConditions(Patients.Condition(name))).ShouldRaise("AZA-MAL-005");
    }

    [Theory]
    [InlineData("Kidney transplantation ruled out")]
    [InlineData("No renal transplantation")]
    [InlineData("Transplant of cornea")]
    [InlineData("Cyst of kidney")]
    public void AZA_MAL_005_NotAKidneyTransplant_DoesNotFire(string name)
    {
        ConditionTerminology.Classify(Patients.Condition(name)).Kind.Should().NotBe(ConditionKind.KidneyTransplant);
        Evaluate(Quiet.WithConditions(Patients.Condition(name))).ShouldNotRaise("AZA-MAL-005");
    }

    // AZA-MAL-006 boxed warning at a new start

    [Fact]
    public void AZA_MAL_006_PrescribingAndConsidering_Fires()
    {
        var finding = Evaluate(Quiet.Considering().WithSetting(CareSetting.Prescribing)).ShouldRaise("AZA-MAL-006")
            .ShouldBe(Severity.Info, Topics.Malignancy);

        finding.Summary.Should().Be("Boxed warning: chronic immunosuppression raises malignancy risk; inform the patient at the outset.");
        finding.ShouldHaveBasis("setting", "setting", "prescribing");
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "considering");
    }

    [Fact]
    public void AZA_MAL_006_ReviewSettingAtNewStart_DoesNotFire()
    {
        Evaluate(Quiet.Considering().WithSetting(CareSetting.Review)).ShouldNotRaise("AZA-MAL-006");
    }

    [Theory]
    [InlineData(CareSetting.Prescribing, TherapyStatus.NewlyStarted, true)]
    [InlineData(CareSetting.Prescribing, TherapyStatus.Continuing, false)]
    [InlineData(CareSetting.Prescribing, TherapyStatus.Unknown, false)]
    [InlineData(CareSetting.Dispensing, TherapyStatus.Considering, false)]
    [InlineData(CareSetting.Unspecified, TherapyStatus.Considering, false)]
    public void AZA_MAL_006_SettingAndTherapyStatus_Boundary(CareSetting setting, TherapyStatus status, bool fires)
    {
        var start = status is TherapyStatus.NewlyStarted or TherapyStatus.Continuing ? Patients.DaysAgo(5) : (ClinicalDate?)null;

        Evaluate(Quiet.WithTherapy(status, start).WithSetting(setting)).ShouldRaiseIf("AZA-MAL-006", fires);
    }

    // AZA-CNS-001 and AZA-CNS-002 counselling at a new start (issue 11, texts)

    [Theory]
    [InlineData("AZA-CNS-001")]
    [InlineData("AZA-CNS-002")]
    public void AZA_CNS_001_002_Considering_Fires(string id)
    {
        var finding = Evaluate(Quiet.Considering()).ShouldRaise(id);

        finding.ShouldBe(Severity.Info, id == "AZA-CNS-001" ? Topics.SkinCancer : Topics.Hypersensitivity);
        finding.ShouldHaveBasis("azathioprine therapy", "therapy", "therapy status considering");
    }

    [Fact]
    public void AZA_CNS_001_Fires_ForEveryNewStartNotOnlyAfterSkinCancer() =>
        Evaluate(Quiet.StartedOn(Patients.DaysAgo(10))).ShouldRaise("AZA-CNS-001").Summary.Should().Be("New start: counsel on sun protection and regular skin checks (raised skin-cancer risk on azathioprine).");

    [Fact]
    public void AZA_CNS_002_Fires_AtANewStart() =>
        Evaluate(Quiet.StartedOn(Patients.DaysAgo(10))).ShouldRaise("AZA-CNS-002").Summary.Should().StartWith("New start: warn of the early hypersensitivity reaction");

    [Theory]
    [InlineData("AZA-CNS-001")]
    [InlineData("AZA-CNS-002")]
    public void AZA_CNS_001_002_Continuing_DoesNotFire(string id) => Evaluate(Quiet).ShouldNotRaise(id);

    [Fact]
    public void AZA_CNS_001_DoesNotFire_WhenContinuing() => Evaluate(Quiet).ShouldNotRaise("AZA-CNS-001");

    [Fact]
    public void AZA_CNS_002_DoesNotFire_WhenStopped() => Evaluate(Quiet.WithTherapy(TherapyStatus.Stopped)).ShouldNotRaise("AZA-CNS-002");

    [Theory]
    [InlineData(TherapyStatus.NewlyStarted, true)]
    [InlineData(TherapyStatus.Unknown, false)]
    [InlineData(TherapyStatus.Continuing, false)]
    public void AZA_CNS_001_TherapyStatus_Boundary(TherapyStatus status, bool fires) =>
        Evaluate(Quiet.WithTherapy(status, Patients.DaysAgo(10))).ShouldRaiseIf("AZA-CNS-001", fires);

    [Theory]
    [InlineData(TherapyStatus.NewlyStarted, true)]
    [InlineData(TherapyStatus.Unknown, false)]
    public void AZA_CNS_002_TherapyStatus_Boundary(TherapyStatus status, bool fires) =>
        Evaluate(Quiet.WithTherapy(status, Patients.DaysAgo(10))).ShouldRaiseIf("AZA-CNS-002", fires);
}
