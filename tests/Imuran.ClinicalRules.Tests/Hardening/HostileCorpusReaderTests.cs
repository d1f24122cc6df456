using System.IO;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Hardening;

/// <summary>
/// The hostile-input corpus (Hardening/Corpus, written by its generate.py) against both readers: neither throws, and
/// what cases.tsv records as invalid input stays invalid. The tool's <c>check</c> and <c>batch</c> meet the same
/// corpus in the CLI tests (HostileCorpusTests).
/// </summary>
public class HostileCorpusReaderTests
{
    private static readonly string Folder = RepoPaths.InRepo("tests", "Imuran.ClinicalRules.Tests", "Hardening", "Corpus");

    public static TheoryData<string, string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, string, int, string>();
        foreach (var row in File.ReadAllLines(Path.Combine(Folder, "cases.tsv")).Skip(1).Where(l => l.Length > 0))
        {
            var c = row.Split('\t');
            data.Add(c[0], c[1], c[2], int.Parse(c[3], System.Globalization.CultureInfo.InvariantCulture), c[4]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Readers_HostileDocument_NeverThrow(string name, string reader, string file, int exit, string contains)
    {
        _ = (name, reader, exit, contains);
        var bytes = File.ReadAllBytes(Path.Combine(Folder, file));

        var facts = PatientFactsJson.Read(bytes.AsSpan());
        var factsFromStream = PatientFactsJson.Read(new MemoryStream(bytes));
        var fhir = FhirPatientReader.Read(new MemoryStream(bytes), new Facts.ClinicalDate(2026, 11, 22));

        // The facts reader agrees with itself; what is not a problem for a reader (a huge number read as infinity)
        // is one for validation, which check runs too.
        factsFromStream.Problems.Should().BeEquivalentTo(facts.Problems);
        if (reader == "facts" && exit == 2)
        {
            (facts.Succeeded && ClinicalRuleSet.Default.Evaluate(facts.Facts!).IsValid).Should().BeFalse(name);
        }

        if (fhir.Succeeded)
        {
            fhir.Facts.Should().NotBeNull();
        }
    }
}
