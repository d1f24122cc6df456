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
}
