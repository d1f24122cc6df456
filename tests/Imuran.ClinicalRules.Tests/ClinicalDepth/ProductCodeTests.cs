using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Terminology;
using Imuran.ClinicalRules.Tests.Rules;
using static Imuran.ClinicalRules.Tests.Rules.RuleAssertions;

namespace Imuran.ClinicalRules.Tests.ClinicalDepth;

/// <summary>
/// Issue 11 item 0: a medicine sent only as an RxNorm product code (clinical or branded drug, pack) is recognised
/// through the embedded product table, and the basis shows the code and the ingredient it was mapped to. Also the
/// brand names of interacting drugs and the hepatitis B vaccination record.
/// </summary>
public class ProductCodeTests
{
    private static readonly PatientFacts Quiet = Patients.Quiet();

    [Fact]
    public void Allopurinol100ClinicalDrugCodeWithoutText_RaisesCriticalInteraction_WithCodeAndIngredientInBasis()
    {
        // Before: unrecognised, so the critical allopurinol interaction was missed.
        var result = Evaluate(Quiet.WithMedications(new Medication { RxNormCode = "197319" }));

        var finding = result.ShouldRaise("AZA-INT-001").ShouldBe(Severity.Critical, Topics.XanthineOxidaseInhibitor);
        finding.ShouldHaveBasis("medication", "medications[0]", "RxNorm 197319, product code mapped to the ingredient allopurinol");
        result.Unrecognised.Should().BeEmpty();
    }

    [Fact]
    public void Azathioprine50ClinicalDrugCodeWithoutText_PatientIsOnTherapy()
    {
        // Before: unrecognised, so a patient with no stated status was not seen as on therapy.
        var patient = Quiet.WithTherapy(TherapyStatus.Unknown) with
        {
            Medications = new[] { new Medication { RxNormCode = "197388", StartDate = Patients.DaysAgo(400) } },
        };

        var result = Evaluate(patient);

        result.Unrecognised.Should().BeEmpty();
        result.ShouldRaise("AZA-CBC-002").ShouldHaveBasis("therapy phase", "therapy", "RxNorm 197388, product code mapped to the ingredient azathioprine");
    }

    [Theory]
    [InlineData("105611", "Azathioprine", "azathioprine")] // IMURAN 50 MG Oral Tablet (SBD)
    [InlineData("202559", "Azathioprine", "azathioprine")] // Imuran (brand name)
    [InlineData("855332", "Coumarin", "warfarin")]
    [InlineData("208416", "CoTrimoxazole", "sulfamethoxazole / trimethoprim")]
    [InlineData("197931", "OtherThiopurine", "mercaptopurine")]
    public void Classify_ProductCode_MapsToIngredient(string code, string cls, string ingredient)
    {
        var match = MedicationTerminology.Classify(code, null);

        match.Should().Be(new MedicationMatch(Enum.Parse<MedicationClass>(cls), ingredient, MatchedBy.ProductCode));
    }

    [Fact]
    public void Classify_IngredientCode_StillMatchesAsIngredientCode() =>
        MedicationTerminology.Classify("1256", null).MatchedBy.Should().Be(MatchedBy.Code);

    [Theory]
    [InlineData("197320")] // an allopurinol 300 MG code public files disagree on: not shipped
    [InlineData("1973190")]
    [InlineData("19731")]
    public void Classify_UnsourcedOrNearMissCode_IsUnrecognised(string code) =>
        MedicationTerminology.Classify(code, null).Class.Should().Be(MedicationClass.Unrecognised);

    [Fact]
    public void ProductTable_HasTheFiftyFiveAzathioprineCodesAndNoIngredientOutsideTheRules()
    {
        MedicationTerminology.ProductCodeCount.Should().BeGreaterThan(1500);
        var azathioprine = new[] { "105609", "105610", "105611", "197388", "199310", "359228", "359229", "404351", "404475", "404476", "701338", "1256" };
        azathioprine.Select(c => MedicationTerminology.Classify(c, null).Class).Should().OnlyContain(c => c == MedicationClass.Azathioprine);
    }

    [Theory]
    [InlineData("Zestril", "lisinopril")]
    [InlineData("Vasotec", "enalapril")]
    [InlineData("Altace", "ramipril")]
    [InlineData("Lotensin", "benazepril")]
    [InlineData("Accupril", "quinapril")]
    [InlineData("Mavik", "trandolapril")]
    [InlineData("Coversyl", "perindopril")]
    public void AceInhibitorBrandName_RaisesAceInteraction(string brand, string ingredient)
    {
        // Before: brand names of ACE inhibitors were unrecognised.
        Evaluate(Quiet.WithMedications(Patients.Med(brand, startedDaysAgo: 10))).ShouldRaise("AZA-INT-005").Summary.Should().StartWith("Co-prescribed " + ingredient + ":");
    }

    [Fact]
    public void AceInhibitorBrandNearMiss_IsUnrecognised()
    {
        var result = Evaluate(Quiet.WithMedications(Patients.Med("Zestrilx")));

        result.ShouldNotRaise("AZA-INT-005");
        result.Unrecognised.Should().ContainSingle(u => u.Field == "medications[0]");
    }

    [Theory]
    [InlineData("Hepatitis B vaccination series completed")]
    [InlineData("Hepatitis B vaccine given")]
    [InlineData("Immunization against hepatitis B")]
    public void HepatitisBVaccinationRecord_IsNotHepatitisBInfection(string name)
    {
        // Before: matched by the words "hepatitis B" and raised AZA-INF-002.
        Evaluate(Quiet.WithConditions(Patients.Condition(name))).ShouldNotRaise("AZA-INF-002");
    }

    [Fact]
    public void HepatitisBInfection_ByName_StillRaises() =>
        Evaluate(Quiet.WithConditions(Patients.Condition("Chronic hepatitis B"))).ShouldRaise("AZA-INF-002");
}
