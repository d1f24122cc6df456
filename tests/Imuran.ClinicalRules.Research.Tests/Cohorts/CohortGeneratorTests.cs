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

    [Theory]
    [InlineData(1, 6, 1)]
    [InlineData(9500, 1, 1)]
    public void Constructor_EvaluationDateTheGeneratedPatientsCannotHave_IsRefusedNamingIt(int year, int month, int day)
    {
        // QA, 2 Dec: a far-past date threw from Next() (an un-representable DateTime), a date after 9000-12-31 gave
        // patients every evaluation refuses.
        var options = CohortOptions.Default with { EvaluationDate = new Facts.ClinicalDate(year, month, day) };

        FluentActions.Invoking(() => new CohortGenerator(options, 1))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*EvaluationDate*");
        FluentActions.Invoking(() => Scenarios.ScenarioGenerator.Generate(ClinicalRuleSet.Default, options.EvaluationDate))
            .Should().Throw<ArgumentOutOfRangeException>().WithMessage("*evaluationDate*", "refused when called, before any scenario is made");
    }

    [Theory]
    [InlineData(101, 1, 1)]
    [InlineData(9000, 12, 31)]
    public void Constructor_EvaluationDateAtEitherLimit_IsAccepted(int year, int month, int day)
    {
        // The boundaries of the check above: the earliest date the generators take, and the rule set's latest
        // (PatientFacts.LatestEvaluationDate), whose patients it evaluates.
        var date = new Facts.ClinicalDate(year, month, day);
        var patient = new CohortGenerator(CohortOptions.Default with { EvaluationDate = date }, 1).Next();

        patient.EvaluationDate.Should().Be(date);
        ClinicalRuleSet.Default.Evaluate(patient).IsValid.Should().BeTrue();
        new Facts.ClinicalDate(9001, 1, 1).Should().BeGreaterThan(Facts.PatientFacts.LatestEvaluationDate);
    }

    public static IEnumerable<object[]> UnusableOptions() => new[]
    {
        new object[] { CohortOptions.Default with { TpmtPoor = double.NaN }, "tpmtPoor is NaN" },
        new object[] { CohortOptions.Default with { Allopurinol = 1.5 }, "allopurinol is 1.5" },
        new object[] { CohortOptions.Default with { Female = -0.1 }, "female is -0.1" },
        new object[] { CohortOptions.Default with { Ancestry = Array.Empty<AncestryGroup>() }, "the ancestry mix is empty" },
        new object[] { CohortOptions.Default with { Ancestry = new[] { new AncestryGroup("european", double.NaN, 0.003) } }, "share of 'european' is NaN" },
        new object[] { CohortOptions.Default with { Ancestry = new[] { new AncestryGroup("european", 0, 0.003) } }, "do not add up to a positive number" },
        new object[] { CohortOptions.Default with { Ancestry = new[] { new AncestryGroup("european", 1, 2) } }, "NUDT15 allele frequency of 'european' is 2" },
    };

    [Theory]
    [MemberData(nameof(UnusableOptions))]
    public void Constructor_UnusableOptions_AreRefusedNamingTheMember(CohortOptions options, string named)
    {
        // Stop 28: nothing checked them: a NaN prevalence passed every comparison and drew as 0, an empty mix ended in an
        // index error at the first patient.
        FluentActions.Invoking(() => new CohortGenerator(options, 1))
            .Should().Throw<ArgumentOutOfRangeException>().Where(e => e.Message.Contains(named) && e.ParamName == "options");
    }

    [Fact]
    public void Constructor_ProbabilitiesAtZeroAndOne_AreAccepted()
    {
        var options = CohortOptions.Default with { TpmtPoor = 1, Allopurinol = 0, Ancestry = new[] { new AncestryGroup("eastAsian", 1, 1) } };

        FluentActions.Invoking(() => new CohortGenerator(options, 1).Next()).Should().NotThrow();
    }
}
