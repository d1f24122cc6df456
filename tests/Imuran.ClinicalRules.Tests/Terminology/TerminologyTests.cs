using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Tests.Terminology;

public class TerminologyTests
{
    [Theory]
    [InlineData("519", null, "Allopurinol")]
    [InlineData(null, "ZYLOPRIM 100mg", "Allopurinol")]
    [InlineData(null, "Uloric", "Febuxostat")]
    [InlineData("834235", null, "Febuxostat")]
    [InlineData(null, "Salazopyrin EN", "Aminosalicylate")]
    [InlineData(null, "Azulfidine", "Aminosalicylate")]
    [InlineData(null, "Asacol", "Aminosalicylate")]
    [InlineData(null, "pentasa", "Aminosalicylate")]
    [InlineData(null, "Lialda", "Aminosalicylate")]
    [InlineData(null, "Bactrim DS", "CoTrimoxazole")]
    [InlineData(null, "Septra", "CoTrimoxazole")]
    [InlineData(null, "Sulfamethoxazole 800 MG / Trimethoprim 160 MG Oral Tablet", "CoTrimoxazole")]
    [InlineData(null, "co-trimoxazole", "CoTrimoxazole")]
    [InlineData(null, "Coumadin", "Coumarin")]
    [InlineData(null, "Purinethol", "OtherThiopurine")]
    [InlineData(null, "Tabloid", "OtherThiopurine")]
    [InlineData(null, "Remicade", "TnfBlocker")]
    [InlineData(null, "HUMIRA Pen", "TnfBlocker")]
    [InlineData(null, "Cytoxan", "AlkylatingAgent")]
    [InlineData(null, "Leukeran", "AlkylatingAgent")]
    [InlineData(null, "Alkeran", "AlkylatingAgent")]
    [InlineData("1256", null, "Azathioprine")]
    [InlineData("29046", null, "AceInhibitor")]
    [InlineData("9344", null, "Ribavirin")]
    public void Classify_CodesNamesAndBrands_AreRecognised(string? code, string? name, string expected) =>
        MedicationTerminology.Classify(code, name).Class.ToString().Should().Be(expected);

    [Theory]
    [InlineData(null, "Allopurinolx")]
    [InlineData(null, "Atorvastatin")]
    [InlineData("6387", "thing")]
    [InlineData("73689", null)]
    public void Classify_NonWordsAndUnverifiedCodes_AreNotRecognised(string? code, string? name) =>
        MedicationTerminology.Classify(code, name).Class.Should().Be(MedicationClass.Unrecognised);

    [Theory]
    [InlineData("N18.4", "icd-10-cm", ConditionKind.ChronicKidneyDisease)]
    [InlineData("709044004", "http://snomed.info/sct", ConditionKind.ChronicKidneyDisease)]
    [InlineData("Z94.0", "http://hl7.org/fhir/sid/icd-10-cm", ConditionKind.KidneyTransplant)]
    [InlineData("B18.1", "icd-10-cm", ConditionKind.HepatitisB)]
    [InlineData("34000006", "snomed", ConditionKind.CrohnsDisease)]
    public void ConditionClassify_Codes_AreRecognised(string code, string system, ConditionKind expected) =>
        ConditionTerminology.Classify(new Condition { Code = code, CodeSystem = system }).Kind.Should().Be(expected);

    [Fact]
    public void ConditionClassify_PersonalHistoryCode_IsHistory() =>
        ConditionTerminology.Classify(new Condition { Code = "Z85.72", CodeSystem = "icd-10-cm" }).IsHistoryCode.Should().BeTrue();

    [Fact]
    public void ConditionClassify_SnomedCodeUnderIcdSystem_IsNotMatched() =>
        ConditionTerminology.Classify(new Condition { Code = "709044004", CodeSystem = "icd-10-cm" }).Kind.Should().Be(ConditionKind.Unrecognised);

    [Theory]
    [InlineData("03", true)]
    [InlineData("3", true)]
    [InlineData("187", false)]
    [InlineData("188", null)]
    [InlineData("141", null)]
    public void VaccineIsLive_FollowsTheCdcList(string cvx, bool? live) =>
        VaccineTerminology.IsLive(new Vaccination { CvxCode = cvx }).Should().Be(live);

    [Theory]
    [InlineData("Allopurinol 300 MG Oral Tablet", "Allopurinol")]
    [InlineData("Mesalamine 1.2 G Delayed Release Oral Tablet", "Mesalamine Delayed Release")]
    [InlineData("Humira 40 mg/0.8 mL pen", "Humira pen")]
    [InlineData("Warfarin", "Warfarin")]
    public void RedactStrength_RemovesStrengthsAndForms(string name, string expected)
    {
        var redacted = NoDosePolicy.RedactStrength(name);

        redacted.Should().Be(expected);
        NoDosePolicy.FindViolation(redacted).Should().BeNull();
    }

    [Theory]
    [InlineData("Consider testing TPMT before the first prescription.", true)]
    [InlineData("Review the regimen with the prescriber.", true)]
    [InlineData("Diplotype *1/*3A is intermediate.", true)]
    [InlineData("The dosage should be reviewed.", false)]
    [InlineData("Give 2 tablets.", false)]
    [InlineData("Half the usual.", false)]
    [InlineData("Discontinue azathioprine.", false)]
    [InlineData("Use 25 percent.", false)]
    public void NoDosePolicy_Examples(string text, bool clean) =>
        (NoDosePolicy.FindViolation(text) is null).Should().Be(clean);
}
