using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Benchmarks.Batch;

/// <summary>Writes an NDJSON cohort of typical patients (one patient-facts object per line) for the batch benchmark.</summary>
internal static class CohortFile
{
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Writes <paramref name="lines"/> patients of the benchmark cohort (the same seed, so the same file every time).</summary>
    public static void Write(string path, int lines)
    {
        var generator = new Research.Cohorts.CohortGenerator(Research.Cohorts.CohortOptions.Default, BenchmarkCohort.Seed);
        var temporary = path + ".partial";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            using var writer = new Utf8JsonWriter(stream, Compact);
            for (var i = 0; i < lines; i++)
            {
                PatientFactsJsonWriter.Write(generator.Next(), writer);
                writer.Flush();
                writer.Reset();
                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The cohort file of <paramref name="lines"/> patients in <paramref name="directory"/>, written when missing.</summary>
    public static string Ensure(string directory, int lines)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"cohort-{lines}.ndjson");
        if (!File.Exists(path))
        {
            System.Console.WriteLine($"writing {path} ...");
            Write(path, lines);
        }

        return path;
    }
}
