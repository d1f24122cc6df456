using System.Text;
using BenchmarkDotNet.Attributes;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// The patient-facts contract on its own: reading a well-formed NDJSON line from UTF-8 bytes (the fast path batch
/// uses), reading the same document as text (the path that writes problems), writing it, and validating the facts with
/// and without the allocation-free pre-check. Each operation is one patient.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class ReadWriteBenchmarks
{
    private readonly PatientFacts _typical = BenchmarkPatients.Typical();
    private readonly PatientFacts _worstCase = BenchmarkPatients.WorstCase();
    private byte[] _typicalUtf8 = System.Array.Empty<byte>();
    private byte[] _worstUtf8 = System.Array.Empty<byte>();
    private string _typicalText = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _typicalText = PatientFactsJsonWriter.ToJson(_typical);
        _typicalUtf8 = Encoding.UTF8.GetBytes(_typicalText);
        _worstUtf8 = Encoding.UTF8.GetBytes(PatientFactsJsonWriter.ToJson(_worstCase));
    }

    [Benchmark]
    public PatientFactsReadResult ReadTypicalUtf8() => PatientFactsJson.Read(_typicalUtf8);

    [Benchmark]
    public PatientFactsReadResult ReadWorstCaseUtf8() => PatientFactsJson.Read(_worstUtf8);

    [Benchmark]
    public PatientFactsReadResult ReadTypicalText() => PatientFactsJson.Read(_typicalText);

    [Benchmark]
    public string WriteTypical() => PatientFactsJsonWriter.ToJson(_typical);

    [Benchmark]
    public int ValidateTypical() => PatientFactsValidation.Validate(_typical).Count;

    [Benchmark]
    public int ValidateWorstCase() => PatientFactsValidation.Validate(_worstCase).Count;
}
