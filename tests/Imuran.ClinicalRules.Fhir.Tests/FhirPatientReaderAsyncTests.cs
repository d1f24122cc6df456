using Imuran.ClinicalRules.Tests.Common;
using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Tests.Samples;
using Imuran.ClinicalRules.Fhir.Tests.Support;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Fhir.Tests;

public class FhirPatientReaderAsyncTests
{
    [Theory]
    [MemberData(nameof(FhirSamplesTests.EverySample), MemberType = typeof(FhirSamplesTests))]
    public async Task ReadAsync_EverySampleFromAnAsyncOnlyBody_EqualsTheSynchronousRead(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.FhirSamples, file));

        var read = await FhirPatientReader.ReadAsync(new AsyncOnlyStream(bytes), FhirSamplesTests.EvaluationDate);

        var expected = FhirPatientReader.Read(new MemoryStream(bytes), FhirSamplesTests.EvaluationDate);
        read.Succeeded.Should().BeTrue();
        PatientFactsJsonWriter.ToJson(read.Facts!).Should().Be(PatientFactsJsonWriter.ToJson(expected.Facts!));
        read.Should().BeEquivalentTo(expected);
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_SameErrorAsTheSynchronousRead()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"resourceType\": \"Bundle\",\n \"entry\": [ }");

        var read = await FhirPatientReader.ReadAsync(new AsyncOnlyStream(bytes), new ClinicalDate(2025, 6, 1));

        read.Error.Should().BeEquivalentTo(FhirPatientReader.Read(new MemoryStream(bytes), new ClinicalDate(2025, 6, 1)).Error);
        read.Error!.Code.Should().Be(FhirReadErrorCode.MalformedJson);
    }

    [Fact]
    public async Task ReadAsync_500MegabyteBody_RefusedWithAClearErrorAfterReadingOnlyPastTheLimit()
    {
        var body = new LargeBodyStream(500L * 1024 * 1024, declareLength: false);

        var read = await FhirPatientReader.ReadAsync(body, new ClinicalDate(2025, 6, 1));

        read.Succeeded.Should().BeFalse();
        read.Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
        read.Error.Message.Should().Contain("limit of 16777216 bytes").And.Contain("MaxBytes");
        body.BytesRead.Should().Be(FhirReadOptions.DefaultMaxBytes + 1, "a reader stops one byte past the limit");
    }

    [Fact]
    public async Task ReadAsync_BodyThatDeclaresALengthOverTheConfiguredLimit_RefusedUnread()
    {
        var body = new LargeBodyStream(500L * 1024 * 1024, declareLength: true);

        var read = await FhirPatientReader.ReadAsync(body, new ClinicalDate(2025, 6, 1), new FhirReadOptions { MaxBytes = 1_000_000 });

        read.Error!.Code.Should().Be(FhirReadErrorCode.PayloadTooLarge);
        read.Error.Message.Should().Contain("(524288000 bytes)").And.Contain("limit of 1000000 bytes");
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => FhirPatientReader.ReadAsync(new AsyncOnlyStream(new byte[10]), new ClinicalDate(2025, 6, 1), cancellationToken: cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Succeeded_PromisesFacts_SoCallersNeedNoBang()
    {
        var attribute = typeof(FhirMappingResult).GetProperty(nameof(FhirMappingResult.Succeeded))!
            .GetCustomAttributes(typeof(System.Diagnostics.CodeAnalysis.MemberNotNullWhenAttribute), false)
            .Cast<System.Diagnostics.CodeAnalysis.MemberNotNullWhenAttribute>().Single();

        attribute.ReturnValue.Should().BeTrue();
        attribute.Members.Should().Equal(nameof(FhirMappingResult.Facts));
    }

    [Theory]
    [MemberData(nameof(FhirSamplesTests.EverySample), MemberType = typeof(FhirSamplesTests))]
    public async Task Serialize_EverySampleResult_IsExactlyTheWritersContract(string file)
    {
        await using var body = File.OpenRead(Path.Combine(RepoPaths.FhirSamples, file));
        var mapped = await FhirPatientReader.ReadAsync(body, FhirSamplesTests.EvaluationDate);
        mapped.Succeeded.Should().BeTrue();
        var result = ClinicalRuleSet.Default.Evaluate(mapped.Facts!);

        System.Text.Json.JsonSerializer.Serialize(result, ImuranJson.Options).Should().Be(EvaluationResultJson.ToJson(result, indented: false));
    }
}
