using System.IO;
using System.Text;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Serialization;

/// <summary>Hostile input to the patient-facts reader (issue 10): every fault is a problem naming its field, never an exception.</summary>
public class PatientFactsJsonHardeningTests
{
    private const string Valid = """{"evaluationDate":"2026-11-22","sex":"male","medications":[{"name":"allopurinol","active":true}],"labResults":[{"loincCode":"6690-2","value":5,"unit":"10*9/L","date":"2026-11-01"}]}""";

    private static PatientFactsReadResult ReadAllWays(string json, out PatientFactsReadResult fromBytes, out PatientFactsReadResult fromStream)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        fromBytes = PatientFactsJson.Read(bytes.AsSpan());
        fromStream = PatientFactsJson.Read(new MemoryStream(bytes));
        return PatientFactsJson.Read(json);
    }

    [Theory]
    [InlineData("""{"evaluationDate":"2026-11-22","patientId":"a\ud800b"}""", "patientId")]
    [InlineData("""{"evaluationDate":"2026-11-22","medications":[{"name":"allo\udc00purinol"}]}""", "medications[0].name")]
    [InlineData("""{"evaluationDate":"2026-11-22","sex":"ma\ud800le"}""", "sex")]
    [InlineData("""{"evaluationDate":"2026-11-\ud800"}""", "evaluationDate")]
    [InlineData("""{"evaluationDate":"2026-11-22","labResults":[{"loincCode":"6690-2","value":5,"unit":"10*9/L\udfff","date":"2026-11-01"}]}""", "labResults[0].unit")]
    [InlineData("""{"evaluationDate":"2026-11-22","indications":["\ud800"]}""", "indications[0]")]
    public void Read_LoneEscapedSurrogate_IsAnInvalidTextProblemNamingTheField(string json, string field)
    {
        var read = ReadAllWays(json, out var fromBytes, out var fromStream);

        foreach (var r in new[] { read, fromBytes, fromStream })
        {
            r.Succeeded.Should().BeFalse();
            r.Problems.Should().Contain(p => p.Field == field && p.Code == ErrorCodes.InvalidText);
        }
    }

    [Fact]
    public void Read_LoneSurrogateInAMemberName_IsAProblemNotAnException()
    {
        var read = ReadAllWays("""{"evaluationDate":"2026-11-22","x\ud800":1}""", out var fromBytes, out var fromStream);

        foreach (var r in new[] { read, fromBytes, fromStream })
        {
            r.Succeeded.Should().BeFalse();
            r.Problems.Should().Contain(p => p.Code == ErrorCodes.InvalidText);
        }
    }

    [Fact]
    public void Read_StringWithALoneSurrogateCharacter_IsAProblemNotAnException()
    {
        var read = PatientFactsJson.Read("{\"evaluationDate\":\"2026-11-22\",\"patientId\":\"a\ud800\"}");

        read.Succeeded.Should().BeFalse();
        read.Problems.Should().ContainSingle().Which.Code.Should().Be(ErrorCodes.InvalidText);
    }

    [Fact]
    public void Read_ValidSurrogatePair_IsRead()
    {
        var read = PatientFactsJson.Read("""{"evaluationDate":"2026-11-22","patientId":"x\ud83d\ude00"}""");

        read.Succeeded.Should().BeTrue();
        read.Facts!.PatientId.Should().Be("x\U0001F600");
    }

    [Theory]
    [InlineData("""{"evaluationDate":"2026-11-22","evaluationDate":"2020-01-01"}""", "evaluationDate")]
    [InlineData("""{"evaluationDate":"2026-11-22","medications":[],"medications":[{"name":"allopurinol"}]}""", "medications")]
    [InlineData("""{"evaluationDate":"2026-11-22","medications":[{"name":"allopurinol","name":"atorvastatin"}]}""", "medications[0].name")]
    [InlineData("""{"evaluationDate":"2026-11-22","therapy":{"status":"considering","status":"continuing"}}""", "therapy.status")]
    [InlineData("""{"evaluationDate":"2026-11-22","eval\u0075ationDate":"2020-01-01"}""", "evaluationDate")]
    public void Read_DuplicateMember_IsADuplicateFieldProblem(string json, string field)
    {
        var read = ReadAllWays(json, out var fromBytes, out var fromStream);

        foreach (var r in new[] { read, fromBytes, fromStream })
        {
            r.Succeeded.Should().BeFalse();
            r.Problems.Should().Contain(p => p.Field == field && p.Code == ErrorCodes.DuplicateField);
        }
    }

    [Fact]
    public void Read_ValidDocument_HasNoProblem() => PatientFactsJson.Read(Valid).Succeeded.Should().BeTrue();
}
