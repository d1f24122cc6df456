using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// How cost grows with list length (issue 10): one patient with 1,000, 10,000 or 100,000 lab results, or as many
/// medication entries (half of them refills of one interacting medicine), evaluated in process; the same labs read from
/// patient-facts JSON; and a FHIR Bundle with as many Observations mapped. Linear growth shows as a tenfold step in the
/// mean per tenfold step in <see cref="Count"/>. Run with <c>--filter '*Scaling*'</c>.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScalingBenchmarks
{
    private static readonly ClinicalDate Today = new(2026, 11, 22);
    private static readonly string[] Loinc = { "6690-2", "751-8", "777-3", "718-7", "1742-6", "33914-3" };

    private PatientFacts _labs = null!;
    private PatientFacts _medications = null!;
    private string _labsJson = null!;
    private string _fhir = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var basePatient = new PatientFacts
        {
            PatientId = "scaling",
            EvaluationDate = Today,
            BirthDate = new ClinicalDate(1961, 3, 14),
            Sex = Sex.Male,
            Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2020, 1, 1) },
            Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*1" }, new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*1/*1" } },
        };
        _labs = basePatient with
        {
            LabResults = Enumerable.Range(0, Count).Select(i => new LabResult
            {
                LoincCode = Loinc[i % Loinc.Length],
                Value = 5 + (i % 7),
                Unit = "10*9/L",
                Date = Today.AddDays(-(i % 5000)),
                Flag = LabFlag.Normal,
            }).ToList(),
        };
        _medications = basePatient with
        {
            Medications = Enumerable.Range(0, Count).Select(i => i % 2 == 0
                ? new Medication { Name = "Allopurinol", RxNormCode = "519", StartDate = Today.AddDays(-(i % 3000)), Active = true }
                : new Medication { Name = "atorvastatin " + (i % 50), Active = true }).ToList(),
        };
        _labsJson = PatientFactsJsonWriter.ToJson(_labs);
        _fhir = Bundle(Count);
    }

    [Benchmark]
    [BenchmarkCategory("Evaluate labs")]
    public EvaluationResult EvaluateLabs() => ClinicalRuleSet.Default.Evaluate(_labs);

    [Benchmark]
    [BenchmarkCategory("Evaluate medications")]
    public EvaluationResult EvaluateMedications() => ClinicalRuleSet.Default.Evaluate(_medications);

    [Benchmark]
    [BenchmarkCategory("Read facts JSON (labs)")]
    public PatientFactsReadResult ReadLabsJson() => PatientFactsJson.Read(_labsJson);

    [Benchmark]
    [BenchmarkCategory("Map FHIR Observations")]
    public FhirMappingResult MapFhirObservations() => FhirPatientReader.Read(_fhir, Today);

    private static string Bundle(int observations)
    {
        var sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\",\"gender\":\"male\",\"birthDate\":\"1961-03-14\"}}");
        for (var i = 0; i < observations; i++)
        {
            var date = Today.AddDays(-(i % 5000));
            sb.Append(",{\"fullUrl\":\"urn:uuid:o").Append(i).Append("\",\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o").Append(i)
                .Append("\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"").Append(Loinc[i % Loinc.Length])
                .Append("\"}]},\"subject\":{\"reference\":\"Patient/p1\"},\"effectiveDateTime\":\"").Append(date)
                .Append("\",\"valueQuantity\":{\"value\":").Append(5 + (i % 7)).Append(",\"unit\":\"10*9/L\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"10*9/L\"}}}");
        }

        return sb.Append("]}").ToString();
    }
}
