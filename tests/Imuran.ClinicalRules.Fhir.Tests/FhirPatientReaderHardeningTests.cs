using System.IO;
using System.Text;
using Imuran.ClinicalRules.Fhir.Tests.Support;

namespace Imuran.ClinicalRules.Fhir.Tests;

/// <summary>Hostile input to the FHIR reader (issue 10): broken text and repeated members are reported, never thrown or silently resolved.</summary>
public class FhirPatientReaderHardeningTests
{
    private static FhirMappingResult[] ReadBothWays(string json) =>
        new[] { Payloads.Read(json), FhirPatientReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Payloads.Today) };

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1","gender":"fe\ud800male"}""", "Patient.gender")]
    [InlineData("""{"resourceType":"Patient","id":"p\udc001"}""", "Patient.id")]
    [InlineData("""{"resourceType":"Pat\ud800ient","id":"p1"}""", "Patient.resourceType")]
    public void Read_LoneEscapedSurrogate_FailsWithInvalidTextNamingTheField(string json, string path)
    {
        foreach (var result in ReadBothWays(json))
        {
            result.Succeeded.Should().BeFalse();
            result.Error!.Code.Should().Be(FhirReadErrorCode.InvalidText);
            result.Error.Path.Should().Be(path.Replace("Patient.resourceType", "$.resourceType", System.StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("""{"resourceType":"PatXient","id":"p1"}""")]
    [InlineData("""{"resourceType":"Patient","id":"pX1"}""")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1","gender":"feXmale"}}]}""")]
    public async System.Threading.Tasks.Task Read_StreamWithBytesThatAreNotUtf8InAText_FailsWithMalformedJson_NotAnException(string json)
    {
        // Fuzzing, stop 30: the parser does not check the UTF-8 inside strings, and reading resourceType threw
        // InvalidOperationException from the stream readers (a string cannot hold such bytes, so Read(string) never met them).
        var bytes = Encoding.UTF8.GetBytes(json);
        bytes[System.Array.IndexOf(bytes, (byte)'X')] = 0xFE;

        foreach (var result in new[] { FhirPatientReader.Read(new MemoryStream(bytes), Payloads.Today), await FhirPatientReader.ReadAsync(new MemoryStream(bytes), Payloads.Today) })
        {
            result.Succeeded.Should().BeFalse();
            result.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
            result.Error.Message.Should().Contain("not valid UTF-8");
        }
    }

    [Fact]
    public void Read_LoneEscapedSurrogateInABundleEntry_NamesTheEntryPath()
    {
        var lab = Payloads.Lab("6690-2", 5).Replace("\"final\"", "\"fin\\ud800al\"", System.StringComparison.Ordinal);
        foreach (var result in ReadBothWays(Payloads.Bundle(lab)))
        {
            result.Error!.Code.Should().Be(FhirReadErrorCode.InvalidText);
            result.Error.Path.Should().Be("Bundle.entry[1].resource.status");
        }
    }

    [Fact]
    public void Read_StringWithALoneSurrogateCharacter_DoesNotThrow()
    {
        var result = Payloads.Read("{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"\ud800\"}");

        result.Succeeded.Should().BeFalse();
        result.Error.Should().NotBeNull();
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1","birthDate":"1990-01-01","birthDate":"2020-01-01"}""", "Patient.birthDate")]
    [InlineData("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","id":"p1","gender":"male","gender":"female"}}]}""", "Bundle.entry[0].resource.gender")]
    public void Read_DuplicateMember_IsReportedAsAMappingProblem(string json, string path)
    {
        foreach (var result in ReadBothWays(json))
        {
            result.Problems.Should().Contain(p => p.Code == MappingProblemCode.DuplicateMember && p.Path == path);
        }
    }

    [Fact]
    public void Read_DuplicateBirthDate_LeavesAgeUnknown()
    {
        var result = Payloads.Read("""{"resourceType":"Patient","id":"p1","birthDate":"1990-01-01","birthDate":"2020-01-01"}""");

        result.Facts!.BirthDate.Should().BeNull();
    }

    [Fact]
    public void Read_InvalidBirthDate_LeavesAgeUnknownAndSaysSo()
    {
        var result = Payloads.Read("""{"resourceType":"Patient","id":"p1","birthDate":"1990-13-45"}""");

        result.Facts!.BirthDate.Should().BeNull();
        result.Problems.Should().Contain(p => p.Code == MappingProblemCode.InvalidDate && p.Path == "Patient.birthDate");
    }
}

/// <summary>Dates the FHIR reader no longer guesses at (issue 10, item 7).</summary>
public class FhirDateStrictnessTests
{
    [Theory]
    [InlineData("1990-01-01Tjunk")]
    [InlineData("1990-01-01T00:00:00Z")]
    [InlineData("1990-01-01T25:00:00Z")]
    public void Read_BirthDateThatIsNotAFhirDate_LeavesAgeUnknownAndSaysSo(string text)
    {
        var result = Payloads.Read($$"""{"resourceType":"Patient","id":"p1","birthDate":"{{text}}"}""");

        result.Facts!.BirthDate.Should().BeNull();
        result.Problems.Should().Contain(p => p.Code == MappingProblemCode.InvalidDate && p.Path == "Patient.birthDate");
    }

    [Fact]
    public void Read_EffectiveDateTimeWithAnInvalidTime_IsAnInvalidDate()
    {
        var result = Payloads.ReadWithPatient(Payloads.Lab("6690-2", 5, date: "2025-05-20T99:99", id: "lab1").Replace("T08:00:00Z", string.Empty, System.StringComparison.Ordinal));

        result.Problems.Should().Contain(p => p.Code == MappingProblemCode.InvalidDate);
    }

    [Fact]
    public void Read_StringAtTheConfiguredSizeLimit_IsRead()
    {
        var json = Payloads.Bundle(Payloads.Lab("6690-2", 5));
        var options = new FhirReadOptions { MaxBytes = Encoding.UTF8.GetByteCount(json) };

        Payloads.Read(json, options).Succeeded.Should().BeTrue();
        FhirPatientReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Payloads.Today, options).Succeeded.Should().BeTrue();
    }

    [Fact]
    public async System.Threading.Tasks.Task Read_PayloadOneByteOverTheConfiguredSizeLimit_FailsWithPayloadTooLargeFromEveryReader()
    {
        var json = Payloads.Bundle(Payloads.Lab("6690-2", 5));
        var bytes = Encoding.UTF8.GetByteCount(json);
        var options = new FhirReadOptions { MaxBytes = bytes - 1 };

        var results = new[]
        {
            Payloads.Read(json, options),
            FhirPatientReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Payloads.Today, options),
            await FhirPatientReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), Payloads.Today, options),
        };

        foreach (var result in results)
        {
            result.Succeeded.Should().BeFalse();
            result.Facts.Should().BeNull();
            result.Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
            result.Error.Message.Should().Contain($"larger than the limit of {bytes - 1} bytes (FhirReadOptions.MaxBytes)");
        }

        results[0].Error!.Message.Should().Contain($"({json.Length} characters)");
    }

    [Fact]
    public void Read_StringWithinTheLimitInCharactersButOverItInUtf8Bytes_FailsWithPayloadTooLarge()
    {
        // Each "é" is one UTF-16 character and two UTF-8 bytes: the limit is in bytes, as on the stream paths.
        var json = Payloads.Bundle().Replace("\"female\"", "\"female\",\"name\":[{\"text\":\"" + new string('é', 300) + "\"}]", System.StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetByteCount(json);
        var options = new FhirReadOptions { MaxBytes = json.Length + 10 };

        var result = Payloads.Read(json, options);

        result.Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
        result.Error.Message.Should().Contain($"({bytes} bytes)");
        Payloads.Read(json, new FhirReadOptions { MaxBytes = bytes }).Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Read_StringOverTheDefaultSizeLimit_FailsWithPayloadTooLarge()
    {
        var padding = new string(' ', (int)FhirReadOptions.DefaultMaxBytes);
        var json = Payloads.Patient.Replace("{\"resourceType\"", "{" + padding + "\"resourceType\"", System.StringComparison.Ordinal);

        var result = FhirPatientReader.Read(json, Payloads.Today);

        result.Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
        result.Error.Message.Should().Contain("limit of 16777216 bytes");
        FhirPatientReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), Payloads.Today).Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
    }

    [Fact]
    public void Read_StreamThatDeclaresALengthOverTheLimit_IsRefusedUnread()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(Payloads.Patient));

        var result = FhirPatientReader.Read(stream, Payloads.Today, new FhirReadOptions { MaxBytes = 10 });

        result.Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
        result.Error.Message.Should().Contain($"({stream.Length} bytes)");
        stream.Position.Should().Be(0, "a stream that declares its length is refused before a byte is read");
    }
}
