using System.Diagnostics;
using System.IO;
using System.Text;
using Imuran.ClinicalRules.Facts;
using static Imuran.ClinicalRules.Tests.Common.LongListPatient;

namespace Imuran.ClinicalRules.Cli.Tests.Hardening;

/// <summary>
/// Long lists through the tool (issue 10): <c>check</c> on a file of 100,000 labs and 100,000 medications costs about
/// linear time. The time bound is deliberately generous, so only a complexity regression can break it.
/// </summary>
public class LongListsTests
{
    [Fact]
    public void Check_HundredThousandLabsAndMedications_FinishesWellWithinAQuadraticBound()
    {
        var labs = Enumerable.Range(0, 100_000).Select(i => new LabResult
        {
            LoincCode = (i % 4) switch { 0 => "6690-2", 1 => "751-8", 2 => "777-3", _ => "1742-6" },
            Value = 5 + (i % 7),
            Unit = "10*9/L",
            Date = Today.AddDays(-(i % 5000)),
            Flag = LabFlag.Normal,
        }).ToList();
        var medications = Enumerable.Range(0, 100_000).Select(i => i % 2 == 0 ? Allopurinol(i % 3000) : new Medication { Name = "atorvastatin " + (i % 50), Active = true }).ToList();
        var path = Path.Combine(Path.GetTempPath(), "imuran-long-lists-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, Imuran.ClinicalRules.Serialization.PatientFactsJsonWriter.ToJson(Patient(medications, labs)), new UTF8Encoding(false));
        try
        {
            var clock = Stopwatch.StartNew();
            var (exit, output, error) = CliRunner.Run("check", path, "--format", "json");
            clock.Stop();

            exit.Should().Be(0, error);
            output.Should().Contain("AZA-INT-001");
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "100,000 labs and 100,000 medications must cost about linear time (quadratic took minutes)");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
