using System.Linq;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Fhir.Tests.Support.Payloads;

namespace Imuran.ClinicalRules.Fhir.Tests.Mapping;

/// <summary>
/// Brief e, item 2: the core's AZA-DQ-001 says "azathioprine therapy status: not recorded" when the status is unknown.
/// That is true for the FHIR reader only if it never sets unknown for a patient whose azathioprine status WAS recorded
/// (for pregnancy it does, on contradictory records, so that basis says "unknown"). These pin that it does not: azathioprine
/// records that disagree settle on a recorded status (active over planned over stopped), and unknown means no
/// azathioprine record was read.
/// </summary>
public class TherapyStatusSettlementTests
{
    private const string NotRecorded = "not recorded (considering, newly started or continuing)";

    [Theory]
    [InlineData("active", "stopped", TherapyStatus.Continuing)]
    [InlineData("active", "completed", TherapyStatus.Continuing)]
    [InlineData("on-hold", "cancelled", TherapyStatus.Continuing)]
    [InlineData("active", "draft", TherapyStatus.Continuing)]
    [InlineData("draft", "stopped", TherapyStatus.Considering)]
    [InlineData("intended", "cancelled", TherapyStatus.Considering)]
    [InlineData("stopped", "completed", TherapyStatus.Stopped)]
    [InlineData("unknown", "stopped", TherapyStatus.Continuing)] // an unknown status is read as active, with a problem
    public void Read_AzathioprineRecordsThatDisagree_SettleOnARecordedStatus_NeverNotRecorded(string first, string second, TherapyStatus expected)
    {
        var result = ReadWithPatient(
            MedicationRequest("1256", "azathioprine", status: first, id: "aza1"),
            MedicationRequest("1256", "azathioprine", status: second, id: "aza2"));

        result.Facts!.Therapy.Status.Should().Be(expected);
        BasisValues(result.Facts).Should().NotContain(NotRecorded, "an azathioprine status was recorded");
    }

    [Fact]
    public void Read_AzathioprineStatementAndOrderThatDisagree_SettleOnARecordedStatus()
    {
        var statement = """{"resourceType":"MedicationStatement","id":"ms1","status":"stopped","medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1256","display":"azathioprine"}]},"subject":{"reference":"Patient/p1"},"effectivePeriod":{"start":"2024-01-01","end":"2024-06-01"}}""";

        var result = ReadWithPatient(statement, MedicationRequest("1256", "azathioprine", status: "draft", id: "plan"));

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Considering);
        BasisValues(result.Facts).Should().NotContain(NotRecorded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("entered-in-error")] // a record made in error records nothing
    public void Read_NoAzathioprineRecord_IsUnknown_AndOnlyThenNotRecorded(string status)
    {
        var resources = status.Length == 0
            ? new[] { MedicationRequest("519", "allopurinol", id: "allo") }
            : new[] { MedicationRequest("1256", "azathioprine", status: status, id: "aza1") };

        var result = ReadWithPatient(resources);

        result.Facts!.Therapy.Status.Should().Be(TherapyStatus.Unknown);
        BasisValues(result.Facts).Should().Contain(NotRecorded);
    }

    /// <summary>The values of every basis fact about the azathioprine therapy status, in the findings on the patient.</summary>
    private static string[] BasisValues(PatientFacts facts) =>
        ClinicalRuleSet.Default.Evaluate(facts).Findings
            .SelectMany(f => f.Basis.Facts)
            .Where(b => b.Name == "azathioprine therapy status")
            .Select(b => b.Value)
            .ToArray();
}
