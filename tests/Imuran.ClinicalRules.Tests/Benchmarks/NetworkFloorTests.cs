using Imuran.ClinicalRules.Benchmarks;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Tests.Benchmarks;

/// <summary>
/// The stripped NRules networks the <c>floor</c> benchmarks time are what they claim to be: one rule for each
/// definition, the real evaluation's firings (each rule that fired, once for each fact its first pattern matched, and
/// the facts the derivations inserted, so the rules reading derived facts fire too), nothing firing where nothing
/// should, and a session left empty after each cycle, as the pooled session is.
/// </summary>
public sealed class NetworkFloorTests
{
    public static TheoryData<string> Patients => new() { "typical", "worst" };

    [Theory]
    [MemberData(nameof(Patients))]
    public void FloorWithFirings_FiresWhatTheRealEvaluationFires_AndLeavesTheSessionEmpty(string patient)
    {
        var floor = new NetworkFloor(Facts(patient));

        floor.RuleCount.Should().Be(ClinicalRuleSet.Default.Definitions.Count);
        floor.FiringCount.Should().BeGreaterThan(0);
        floor.FloorFiringCount.Should().Be(floor.FiringCount, "every real firing matched a first fact of its own");
        floor.FloorWithFirings().Should().Be(floor.FloorFiringCount);
        floor.FloorWithFirings().Should().Be(floor.FloorFiringCount, "a second cycle finds the session as the first left it");
    }

    [Theory]
    [MemberData(nameof(Patients))]
    public void FloorsWithoutFirings_FireNothing(string patient)
    {
        var floor = new NetworkFloor(Facts(patient));

        floor.FloorNoFirings().Should().Be(0);
        floor.FloorOneRichFact().Should().Be(0);
        floor.FloorNoFirings().Should().Be(0);
        floor.OurNetworkInAndOut();
        floor.OurNetworkInAndOut();
    }

    [Fact]
    public void TypicalPatient_DerivedFactsAreAmongTheFloorsFacts()
    {
        var floor = new NetworkFloor(BenchmarkPatients.Typical());

        // Two phenotype calls and the blood-count schedule are derived by rules, beside the eleven facts loaded.
        floor.FactCount.Should().Be(14);
    }

    private static PatientFacts Facts(string patient) => patient == "worst" ? BenchmarkPatients.WorstCase() : BenchmarkPatients.Typical();
}
