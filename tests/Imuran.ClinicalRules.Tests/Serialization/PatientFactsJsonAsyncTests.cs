using Imuran.ClinicalRules.Tests.Common;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Serialization;

public class PatientFactsJsonAsyncTests
{
    public static IEnumerable<object[]> Samples() =>
        Directory.GetFiles(RepoPaths.InRepo("samples", "patients"), "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task ReadAsync_EverySampleFromAnAsyncOnlyBody_EqualsTheSynchronousRead(string sample)
    {
        var bytes = File.ReadAllBytes(RepoPaths.InRepo("samples", "patients", sample));

        var read = await PatientFactsJson.ReadAsync(new AsyncOnlyStream(bytes));

        var expected = PatientFactsJson.Read(new MemoryStream(bytes));
        read.Problems.Should().Equal(expected.Problems);
        read.Succeeded.Should().Be(expected.Succeeded);
        if (read.Succeeded)
        {
            PatientFactsJsonWriter.ToJson(read.Facts).Should().Be(PatientFactsJsonWriter.ToJson(expected.Facts!));
        }
    }

    [Fact]
    public async Task ReadAsync_ByteOrderMarkAndMalformedJson_SameProblemsAsTheSynchronousRead()
    {
        var bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("{\"evaluationDate\":\"2026-01-01\"}")).ToArray();
        (await PatientFactsJson.ReadAsync(new AsyncOnlyStream(bom))).Succeeded.Should().BeTrue();

        var malformed = Encoding.UTF8.GetBytes("{\"evaluationDate\":\n \"2026-01-01\",,}");
        var read = await PatientFactsJson.ReadAsync(new AsyncOnlyStream(malformed));
        read.Problems.Should().Equal(PatientFactsJson.Read(new MemoryStream(malformed)).Problems);
        read.Problems.Single().Code.Should().Be(ErrorCodes.MalformedInput);
    }

    [Fact]
    public async Task ReadAsync_500MegabyteBodyOfUnknownLength_RefusedAfterReadingOnlyPastTheLimit()
    {
        var body = new LargeBodyStream(500L * 1024 * 1024, declareLength: false);

        var read = await PatientFactsJson.ReadAsync(body);

        read.Succeeded.Should().BeFalse();
        read.Problems.Single().Code.Should().Be(ErrorCodes.InputTooLarge);
        read.Problems.Single().Message.Should().Contain("4194304");
        body.BytesRead.Should().Be(PatientFactsJson.DefaultMaxBytes + 1, "a reader stops one byte past the limit");
    }

    [Fact]
    public async Task ReadAsync_500MegabyteBodyThatDeclaresItsLength_RefusedWithoutReadingIt()
    {
        var body = new LargeBodyStream(500L * 1024 * 1024, declareLength: true);

        var read = await PatientFactsJson.ReadAsync(body, maxBytes: 1024);

        read.Problems.Single().Code.Should().Be(ErrorCodes.InputTooLarge);
        read.Problems.Single().Message.Should().Contain("524288000 bytes").And.Contain("limit of 1024 bytes");
    }

    [Fact]
    public async Task ReadAsync_DocumentExactlyAtTheLimit_IsRead()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"evaluationDate\":\"2026-01-01\"}");

        (await PatientFactsJson.ReadAsync(new AsyncOnlyStream(bytes), bytes.Length)).Succeeded.Should().BeTrue();
        (await PatientFactsJson.ReadAsync(new AsyncOnlyStream(bytes), bytes.Length - 1)).Problems.Single().Code.Should().Be(ErrorCodes.InputTooLarge);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var act = () => PatientFactsJson.ReadAsync(new AsyncOnlyStream(new byte[10]), cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
