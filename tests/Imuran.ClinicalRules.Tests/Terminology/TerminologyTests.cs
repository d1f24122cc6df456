using System.Collections.Generic;
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

    // A negation cue negates the condition only in its scope: before the disease term in the same clause, or closing
    // the clause after it. Vaccination and immunity words negate it anywhere in the name.
    [Theory]
    [InlineData("No tuberculosis")]
    [InlineData("Ruled out TB")]
    [InlineData("Denies hepatitis B")]
    [InlineData("Negative for hepatitis B")]
    [InlineData("No history of tuberculosis")]
    [InlineData("TB ruled out")]
    [InlineData("Latent TB ruled out")]
    [InlineData("Tuberculosis excluded")]
    [InlineData("Hepatitis B negative")]
    [InlineData("HBsAg negative")]
    [InlineData("Hepatitis B: not detected")]
    [InlineData("TB absent")]
    [InlineData("Tuberculosis (ruled out)")]
    [InlineData("Hepatitis B screening negative 2024")]
    [InlineData("Hepatitis B immune")]
    [InlineData("Hepatitis B immune by vaccination")]
    [InlineData("Hepatitis B vaccination series completed")]
    [InlineData("TB, immunised as a child")]
    [InlineData("Not pregnant")]
    [InlineData("No evidence of malignancy")]
    [InlineData("No active TB")]
    public void ConditionClassify_NameNegatedInScope_IsUnrecognised(string name) =>
        ConditionTerminology.Classify(new Condition { Name = name }).Kind.Should().Be(ConditionKind.Unrecognised);

    [Theory]
    [InlineData("History of tuberculosis, no recurrence", ConditionKind.Tuberculosis)]
    [InlineData("Hepatitis B, not active", ConditionKind.HepatitisB)]
    [InlineData("Hepatitis B not active", ConditionKind.HepatitisB)]
    [InlineData("Malignant melanoma 2015 - no recurrence", ConditionKind.SkinCancer)]
    [InlineData("Lymphoma in remission", ConditionKind.Lymphoma)]
    [InlineData("Latent TB, not on treatment", ConditionKind.Tuberculosis)]
    [InlineData("Latent tuberculosis not on treatment", ConditionKind.Tuberculosis)]
    [InlineData("Hepatitis B core antibody positive, surface antigen negative", ConditionKind.HepatitisB)]
    [InlineData("Chronic hepatitis B; HBV DNA not detected", ConditionKind.HepatitisB)]
    [InlineData("Breast cancer 2010 - no evidence of recurrence", ConditionKind.Malignancy)]
    [InlineData("Hepatitis B carrier. No treatment", ConditionKind.HepatitisB)]
    [InlineData("Crohn's disease, not in remission", ConditionKind.CrohnsDisease)]
    [InlineData("Kidney transplant, no rejection", ConditionKind.KidneyTransplant)]
    [InlineData("Past TB; ruled out reinfection", ConditionKind.Tuberculosis)]
    [InlineData("Non-melanoma skin cancer, not recurred", ConditionKind.SkinCancer)]
    [InlineData("Tuberculosis – no relapse", ConditionKind.Tuberculosis)]
    [InlineData("No recurrence of tuberculosis", ConditionKind.Tuberculosis)] // stop 28: the cue denies a return, not the disease
    [InlineData("No reactivation of hepatitis B", ConditionKind.HepatitisB)]
    [InlineData("Not a relapse of Crohn's disease", ConditionKind.CrohnsDisease)]
    public void ConditionClassify_NegationOutsideScope_KeepsTheKind(string name, ConditionKind expected) =>
        ConditionTerminology.Classify(new Condition { Name = name }).Kind.Should().Be(expected);

    [Theory]
    [InlineData("Crohn's disease and chronic hepatitis B", new[] { ConditionKind.CrohnsDisease, ConditionKind.HepatitisB })]
    [InlineData("No tuberculosis; chronic hepatitis B", new[] { ConditionKind.HepatitisB })]
    [InlineData("Kidney disease after kidney transplant", new[] { ConditionKind.ChronicKidneyDisease, ConditionKind.KidneyTransplant })]
    [InlineData("Crohn's disease, TB ruled out", new[] { ConditionKind.CrohnsDisease })]
    [InlineData("No tuberculosis or hepatitis B", new ConditionKind[0])]
    [InlineData("Crohn's disease; hepatitis B vaccination", new ConditionKind[0])]
    // Stop 30: a cancer word is refined only by a type named with it (its clause, up to a conjunction).
    [InlineData("Breast cancer, history of melanoma", new[] { ConditionKind.Malignancy, ConditionKind.SkinCancer })]
    [InlineData("Breast cancer and melanoma", new[] { ConditionKind.Malignancy, ConditionKind.SkinCancer })]
    [InlineData("Carcinoma of colon; basal cell carcinoma of skin", new[] { ConditionKind.Malignancy, ConditionKind.SkinCancer, ConditionKind.SkinCancer })]
    [InlineData("Lymphoma; malignant melanoma", new[] { ConditionKind.Lymphoma, ConditionKind.SkinCancer, ConditionKind.SkinCancer })]
    [InlineData("Melanoma, malignant", new[] { ConditionKind.SkinCancer, ConditionKind.SkinCancer })]
    [InlineData("Malignant melanoma", new[] { ConditionKind.SkinCancer, ConditionKind.SkinCancer })]
    [InlineData("Crohn's disease: melanoma", new[] { ConditionKind.CrohnsDisease, ConditionKind.SkinCancer })] // only a cancer word is refined
    public void NextNamedKind_GivesEachDiseaseTheNameNames_SkippingNegatedOnes(string name, ConditionKind[] expected)
    {
        var found = new List<ConditionKind>();
        var position = 0;
        while (ConditionTerminology.NextNamedKind(name, ref position, out var kind))
        {
            found.Add(kind);
        }

        found.Should().Equal(expected);
    }

    [Fact]
    public void ConditionClassify_FirstTermNegated_ReadsTheNextDisease() =>
        ConditionTerminology.Classify(new Condition { Name = "Hepatitis B ruled out; latent TB" }).Kind.Should().Be(ConditionKind.Tuberculosis);

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
