using System.IO;
using System.Security.Cryptography;
using System.Text;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Benchmarks;

/// <summary>
/// Guards the speed work on the patient-facts reader: thousands of documents (written from fuzzed patients, then
/// damaged in structured ways: unknown members, wrong types, unknown enum texts, bad dates, nulls, cut or corrupted
/// text) must read to exactly the facts and problems recorded in <c>read-snapshot.txt</c> before the reader was
/// optimised.
/// </summary>
/// <remarks>
/// After a deliberate change to the reader's contract, re-record with
/// <c>IMURAN_UPDATE_SNAPSHOT=1 dotnet test tests/Imuran.ClinicalRules.Tests --filter ReadSnapshotTests</c>.
/// </remarks>
public sealed class ReadSnapshotTests
{
    private const int Documents = 4000;
    private const string FileName = "read-snapshot.txt";

    [Fact]
    public void Read_VariedDocuments_MatchesRecordedSnapshot()
    {
        var actual = Record();
        if (Environment.GetEnvironmentVariable("IMURAN_UPDATE_SNAPSHOT") == "1")
        {
            File.WriteAllText(Path.Combine(SnapshotFiles.SourceDirectory(), FileName), actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Benchmarks", FileName)).Replace("\r\n", "\n").Split('\n');
        var lines = actual.Split('\n');
        lines.Length.Should().Be(expected.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != expected[i])
            {
                var index = int.Parse(lines[i].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                var document = Document(index);
                lines[i].Should().Be(expected[i], "document {0} must read as recorded; it is:\n{1}\nand now reads as:\n{2}", index, document, Outcome(document));
            }
        }
    }

    private static string Record()
    {
        var dumpPath = Environment.GetEnvironmentVariable("IMURAN_SNAPSHOT_DUMP");
        using var dump = string.IsNullOrEmpty(dumpPath) ? null : new StreamWriter(dumpPath + ".read");
        var sb = new StringBuilder("# index, SHA-256 prefix of the facts read back (re-written as JSON) and every problem\n");
        for (var i = 0; i < Documents; i++)
        {
            var outcome = Outcome(Document(i));
            dump?.Write(i + " " + outcome + "\n");
            sb.Append(i).Append(' ').Append(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(outcome)), 0, 8).ToLowerInvariant()).Append('\n');
        }

        return sb.ToString();
    }

    private static string Outcome(string document)
    {
        var read = PatientFactsJson.Read(document);
        var sb = new StringBuilder();
        sb.Append(read.Facts is null ? "(no facts)" : PatientFactsJsonWriter.ToJson(read.Facts)).Append('\n');
        foreach (var p in read.Problems)
        {
            sb.Append(p.Field).Append(" | ").Append(p.Code).Append(" | ").Append(p.Message).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Document <paramref name="index"/>: a fuzzed patient written as JSON, then damaged (or not) by its own seed.</summary>
    internal static string Document(int index)
    {
        var facts = new PatientFuzzer(1000 + index).Next(index);
        var json = PatientFactsJsonWriter.ToJson(facts);
        var r = new Random(index);
        switch (r.Next(12))
        {
            case 0:
            case 1:
            case 2:
            case 3:
                return json;
            case 4:
                return Replace(json, r, "\"name\":", "\"nmae\":", "\"sex\":", "\"Sex\":", "\"flag\":", "\"flags\":", "\"date\":", "\"dates\":");
            case 5:
                return Replace(json, r, "\"female\"", "\"FEMALE\"", "\"male\"", "\"mail\"", "\"normal\"", "\"critically-low\"", "\"continuing\"", "\"continued\"", "\"genotype\"", "\"Genotype\"", "\"tpmt\"", "\"TPMT\"", "\"nudt15\"", "\"nudt_15\"", "\"dispensing\"", "7");
            case 6:
                return Replace(json, r, "\"2026-", "\"2026/", "-1", "-13", "\"value\":", "\"value\":\"NaN\",\"x\":", "\"active\":false", "\"active\":\"no\"");
            case 7:
                return Replace(json, r, "\"labResults\":[", "\"labResults\":[null,7,", "\"medications\":[", "\"medications\":{},\"x\":[", "\"therapy\":", "\"therapy\":null,\"t\":", "\"indications\":[", "\"indications\":[\"other\",3,");
            case 8:
                return Replace(json, r, "\"date\":\"", "\"date\":\"2026-11-05T10:00:00Z\",\"d\":\"", "\"birthDate\":\"", "\"birthDate\":\"1980-02-30\",\"b\":\"", "\"rxNormCode\":\"", "\"rxNormCode\":1256,\"r\":\"");
            case 9:
                return json.Length > 10 ? json.Substring(0, r.Next(json.Length)) : json;
            case 10:
                var chars = json.ToCharArray();
                for (var k = r.Next(1, 4); k > 0; k--)
                {
                    chars[r.Next(chars.Length)] = "{}[]\",:0-e\\ ntx"[r.Next(15)];
                }

                return new string(chars);
            default:
                return "[" + json + "]";
        }
    }

    private static string Replace(string json, Random r, params string[] pairs)
    {
        for (var k = 0; k < 2; k++)
        {
            var p = r.Next(pairs.Length / 2) * 2;
            var at = json.IndexOf(pairs[p], StringComparison.Ordinal);
            if (at >= 0)
            {
                json = json.Substring(0, at) + pairs[p + 1] + json.Substring(at + pairs[p].Length);
            }
        }

        return json;
    }
}

/// <summary>Where the snapshot files live in the source tree, for re-recording.</summary>
internal static class SnapshotFiles
{
    public static string SourceDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Imuran.ClinicalRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("The repository root (with Imuran.ClinicalRules.sln) was not found above " + AppContext.BaseDirectory)
            : Path.Combine(dir.FullName, "tests", "Imuran.ClinicalRules.Tests", "Benchmarks");
    }
}
