using System.IO;
using System.Text;
using Imuran.ClinicalRules.Facts;
using Xunit.Abstractions;
using static Imuran.ClinicalRules.Tests.Common.LongListPatient;

namespace Imuran.ClinicalRules.Cli.Tests.Hardening;

/// <summary>
/// Long lists through the tool (issue 10): <c>check</c> on a file of 100,000 labs and 100,000 medications completes,
/// and its cost grows about linearly. No wall-clock bound (the machine is shared; time is the benchmarks' job,
/// ScalingBenchmarks): the bytes the tool allocates on this thread (it runs <c>check</c> synchronously) are counted
/// exactly, for a file of a quarter of the entries and for the whole one. Reading, loading and writing allocate a
/// fact, a path, a line per entry, so four times the entries allocates about four times the bytes; a list or text
/// rebuilt for every entry allocates sixteen.
/// </summary>
public class LongListsTests
{
    private readonly ITestOutputHelper _output;

    public LongListsTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Check_HundredThousandLabsAndMedications_CompletesAndAllocatesInProportionToTheEntries()
    {
        var quarter = Check(25_000);
        var whole = Check(100_000);
        _output.WriteLine($"bytes {quarter.Bytes} then {whole.Bytes}");

        whole.Exit.Should().Be(0, whole.Error);
        whole.Output.Should().Contain("AZA-INT-001");
        quarter.Exit.Should().Be(0, quarter.Error);
        ((double)whole.Bytes / quarter.Bytes).Should().BeLessThan(6, "four times the entries allocates about four times the bytes ({0} then {1}), not sixteen", quarter.Bytes, whole.Bytes);
    }

    /// <summary>Runs <c>check</c> on a file of <paramref name="entries"/> labs and as many medications; the quarter-size run goes first, so one-off costs land on it.</summary>
    private static (int Exit, string Output, string Error, long Bytes) Check(int entries)
    {
        var labs = Enumerable.Range(0, entries).Select(i => new LabResult
        {
            LoincCode = (i % 4) switch { 0 => "6690-2", 1 => "751-8", 2 => "777-3", _ => "1742-6" },
            Value = 5 + (i % 7),
            Unit = "10*9/L",
            Date = Today.AddDays(-(i % 5000)),
            Flag = LabFlag.Normal,
        }).ToList();
        var medications = Enumerable.Range(0, entries).Select(i => i % 2 == 0 ? Allopurinol(i % 3000) : new Medication { Name = "atorvastatin " + (i % 50), Active = true }).ToList();
        var path = Path.Combine(Path.GetTempPath(), "imuran-long-lists-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Imuran.ClinicalRules.Serialization.PatientFactsJsonWriter.ToJson(Patient(medications, labs)), new UTF8Encoding(false));
        try
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var (exit, output, error) = CliRunner.Run("check", path, "--format", "json");
            var bytes = GC.GetAllocatedBytesForCurrentThread() - before;
            return (exit, output, error, bytes);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
