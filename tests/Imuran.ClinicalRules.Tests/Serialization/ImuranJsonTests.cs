using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Serialization;

public class ImuranJsonTests
{
    public static IEnumerable<object[]> Samples() =>
        Directory.GetFiles(RepoPaths.InRepo("samples", "patients"), "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Serialize_EverySampleResult_IsExactlyTheWritersContract(string sample)
    {
        var result = Evaluate(sample);

        JsonSerializer.Serialize(result, ImuranJson.Options).Should().Be(EvaluationResultJson.ToJson(result, indented: false));
        JsonSerializer.Serialize(result, new JsonSerializerOptions(ImuranJson.Options) { WriteIndented = true }).Should().Be(EvaluationResultJson.ToJson(result));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Serialize_EverySampleResultWithWebDefaults_IsTheSameJsonValue(string sample)
    {
        var result = Evaluate(sample);

        var web = JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        JsonNode.DeepEquals(JsonNode.Parse(web), JsonNode.Parse(EvaluationResultJson.ToJson(result))).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Deserialize_EveryValidSampleAsPatientFacts_RoundTripsThroughTheContract(string sample)
    {
        var text = File.ReadAllText(RepoPaths.InRepo("samples", "patients", sample));
        var read = PatientFactsJson.Read(text);
        if (!read.Succeeded)
        {
            var act = () => JsonSerializer.Deserialize<PatientFacts>(text, ImuranJson.Options);
            act.Should().Throw<JsonException>().Which.Message.Should().Contain(read.Problems[0].Field);
            return;
        }

        var facts = JsonSerializer.Deserialize<PatientFacts>(text, ImuranJson.Options)!;

        JsonSerializer.Serialize(facts, ImuranJson.Options).Should().Be(PatientFactsJsonWriter.ToJson(read.Facts));
    }

    [Fact]
    public void Serialize_EnumsDatesAndFindingsAlone_UseTheContractForms()
    {
        JsonSerializer.Serialize(Severity.Critical, ImuranJson.Options).Should().Be("\"critical\"");
        JsonSerializer.Serialize(LabFlag.CriticallyLow, ImuranJson.Options).Should().Be("\"criticallyLow\"");
        JsonSerializer.Serialize(new ClinicalDate(2026, 11, 22)).Should().Be("\"2026-11-22\"");
        JsonSerializer.Deserialize<ClinicalDate>("\"2026-11-22\"").Should().Be(new ClinicalDate(2026, 11, 22));
        JsonSerializer.Deserialize<Severity>("\"warning\"", ImuranJson.Options).Should().Be(Severity.Warning);

        var finding = Evaluate("tpmt-poor-allopurinol.json").Findings[0];
        JsonNode.Parse(JsonSerializer.Serialize(finding))!["ruleId"]!.GetValue<string>().Should().Be(finding.RuleId);
    }

    [Fact]
    public void Configure_HostOptions_GiveTheExactContract()
    {
        var host = ImuranJson.Configure(ImuranJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var result = Evaluate("tpmt-poor-allopurinol.json");

        host.Converters.Should().ContainSingle("configuring twice adds nothing");
        JsonSerializer.Serialize(result, host).Should().Be(EvaluationResultJson.ToJson(result, indented: false));
    }

    private static EvaluationResult Evaluate(string sample)
    {
        var read = PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", sample)));
        return read.Succeeded
            ? ClinicalRuleSet.Default.Evaluate(read.Facts)
            : new EvaluationResult { RuleSetId = ClinicalRuleSet.Default.Id, RuleSetVersion = ClinicalRuleSet.Default.Version, Validation = read.Problems };
    }
}
