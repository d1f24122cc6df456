using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Validation;

/// <summary>
/// A text built in code that holds a lone UTF-16 surrogate is refused with <c>INVALID_TEXT</c> naming the field, as the
/// JSON reader refuses one: every output echoes the texts, and a lone surrogate would be echoed as U+FFFD, not as given.
/// </summary>
public sealed class LoneSurrogateTextTests
{
    // The theories name the text rather than carry it: xUnit serialises theory data, and a lone surrogate would arrive
    // as U+FFFD.
    private static readonly Dictionary<string, string> Texts = new()
    {
        ["high surrogate at the end"] = "abc\uD800",
        ["low surrogate at the start"] = "\uDC00abc",
        ["high surrogate before a letter, after a pair"] = "\U0001F600\uD83Dx",
    };

    private static readonly ClinicalDate Today = new(2026, 6, 15);

    private static PatientFacts Valid() => new()
    {
        PatientId = "MRN-0042",
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1980, 1, 1),
        Sex = Sex.Female,
        PregnancyStatus = PregnancyStatus.NotPregnant,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2024, 1, 1) },
    };

    private static LabResult Lab() => new() { LoincCode = "6690-2", Name = "WBC", Value = 5.1, Unit = "10*9/L", Date = new ClinicalDate(2026, 6, 10), Flag = LabFlag.Normal };

    private static readonly Dictionary<string, Func<string, PatientFacts>> Fields = new()
    {
        ["patientId"] = t => Valid() with { PatientId = t },
        ["pharmacogenomics[0].diplotype"] = t => Valid() with { Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = t, Date = Today } } },
        ["medications[0].name"] = t => Valid() with { Medications = new[] { new Medication { Name = t } } },
        ["medications[0].rxNormCode"] = t => Valid() with { Medications = new[] { new Medication { Name = "allopurinol", RxNormCode = t } } },
        ["allergies[0].substance"] = t => Valid() with { Allergies = new[] { new Allergy { Substance = t } } },
        ["allergies[0].rxNormCode"] = t => Valid() with { Allergies = new[] { new Allergy { Substance = "penicillin", RxNormCode = t } } },
        ["conditions[0].name"] = t => Valid() with { Conditions = new[] { new Condition { Name = t } } },
        ["conditions[0].code"] = t => Valid() with { Conditions = new[] { new Condition { Name = "gout", Code = t } } },
        ["conditions[0].codeSystem"] = t => Valid() with { Conditions = new[] { new Condition { Name = "gout", Code = "M10.9", CodeSystem = t } } },
        ["labResults[0].name"] = t => Valid() with { LabResults = new[] { Lab() with { Name = t } } },
        ["labResults[0].loincCode"] = t => Valid() with { LabResults = new[] { Lab() with { LoincCode = t } } },
        ["labResults[0].unit"] = t => Valid() with { LabResults = new[] { Lab() with { Unit = t } } },
        ["vaccinations[0].name"] = t => Valid() with { Vaccinations = new[] { new Vaccination { Name = t, Date = Today } } },
        ["vaccinations[0].cvxCode"] = t => Valid() with { Vaccinations = new[] { new Vaccination { Name = "influenza", CvxCode = t, Date = Today } } },
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in Fields.Keys)
        {
            foreach (var text in Texts.Keys)
            {
                data.Add(field, text);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_LoneSurrogateInAText_IsInvalidTextNamingTheField(string field, string text)
    {
        var result = ClinicalRuleSet.Default.Evaluate(Fields[field](Texts[text]));

        result.IsValid.Should().BeFalse();
        result.Validation.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p => p.Field == field && p.Code == ErrorCodes.InvalidText);
        var json = EvaluationResultJson.ToJson(result);
        json.Should().NotContain("\uFFFD").And.NotContainEquivalentOf("\\uFFFD");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadFacts_LoneSurrogateInAText_Throws(string field, string text)
    {
        var act = () => ClinicalRuleSet.Default.LoadFacts(Fields[field](Texts[text]));

        act.Should().Throw<InvalidPatientFactsException>().Which.Problems.Should().Contain(p => p.Field == field && p.Code == ErrorCodes.InvalidText);
    }

    [Fact]
    public void Evaluate_SurrogatePairsAndUnicode_AreValid()
    {
        var facts = Valid() with
        {
            PatientId = "MRN-\U0001F600",
            Medications = new[] { new Medication { Name = "café \U0001F48A" } },
            Conditions = new[] { new Condition { Name = "\U0001F600" } },
        };

        ClinicalRuleSet.Default.Evaluate(facts).IsValid.Should().BeTrue();
    }
}
