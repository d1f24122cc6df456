using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Research.Tests.Cohorts;

/// <summary>The cohort generator is reproducible: a seed names a cohort.</summary>
public sealed class CohortGeneratorTests
{
    [Fact]
    public void Next_SameSeed_GivesTheSamePatients()
    {
        var a = new CohortGenerator(CohortOptions.Default, 7);
        var b = new CohortGenerator(CohortOptions.Default, 7);

        for (var i = 0; i < 200; i++)
        {
            PatientFactsJsonWriter.ToJson(a.Next()).Should().Be(PatientFactsJsonWriter.ToJson(b.Next()), "patient {0}", i);
        }
    }

    [Fact]
    public void Next_OtherSeed_GivesOtherPatients()
    {
        var a = new CohortGenerator(CohortOptions.Default, 7);
        var b = new CohortGenerator(CohortOptions.Default, 8);

        var first = Enumerable.Range(0, 50).Select(_ => PatientFactsJsonWriter.ToJson(a.Next()));
        var second = Enumerable.Range(0, 50).Select(_ => PatientFactsJsonWriter.ToJson(b.Next()));

        first.Should().NotEqual(second);
    }
}
