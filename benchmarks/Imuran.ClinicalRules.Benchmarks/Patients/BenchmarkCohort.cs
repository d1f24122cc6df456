using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Research.Cohorts;

namespace Imuran.ClinicalRules.Benchmarks.Patients;

/// <summary>
/// The cohort the throughput and batch benchmarks evaluate: the Research library's synthetic cohort (one generator for
/// the tool's <c>cohort</c> command, the benchmarks and researchers) with the default prevalences and a fixed seed, so
/// every run evaluates the same patients. The test project links this file.
/// </summary>
internal static class BenchmarkCohort
{
    /// <summary>The seed of the benchmark cohort.</summary>
    public const int Seed = 20261122;

    /// <summary>Makes the first <paramref name="count"/> patients of the cohort of <paramref name="seed"/>.</summary>
    public static PatientFacts[] Make(int count, int seed = Seed)
    {
        var generator = new CohortGenerator(CohortOptions.Default, seed);
        var patients = new PatientFacts[count];
        for (var i = 0; i < count; i++)
        {
            patients[i] = generator.Next();
        }

        return patients;
    }
}
