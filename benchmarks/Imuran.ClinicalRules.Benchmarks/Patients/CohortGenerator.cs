using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks.Patients;

/// <summary>
/// Makes a reproducible cohort of typical patients (10 to 14 facts each) for the throughput and batch benchmarks:
/// varied ages, therapy phases, genotypes, co-medications and lab flags, so a run exercises many rules and not one
/// cached path. The same seed always gives the same cohort.
/// </summary>
internal sealed class CohortGenerator
{
    private static readonly (string Name, string? RxNorm)[] CoMedications =
    {
        ("Lisinopril 10 MG Oral Tablet", "29046"),
        ("Allopurinol 100 MG Oral Tablet", "519"),
        ("Mesalamine 800 MG Delayed Release Oral Tablet", "52582"),
        ("Warfarin Sodium 5 MG Oral Tablet", "11289"),
        ("Methotrexate 2.5 MG Oral Tablet", "6851"),
        ("Infliximab 100 MG Injection", "191831"),
        ("Atorvastatin 20 MG Oral Tablet", null),
        ("Folic acid 5 MG Oral Tablet", null),
        ("Omeprazole 20 MG Delayed Release Oral Capsule", null),
        ("Prednisolone 5 MG Oral Tablet", null),
    };

    private static readonly (string Name, string Code, string System)[] ConditionCodes =
    {
        ("Rheumatoid arthritis", "69896004", "snomed"),
        ("Crohn's disease", "34000006", "snomed"),
        ("Ulcerative colitis", "K51.90", "icd-10-cm"),
        ("Kidney transplant", "Z94.0", "icd-10-cm"),
        ("Essential hypertension", "59621000", "snomed"),
        ("Type 2 diabetes mellitus", "44054006", "snomed"),
        ("Chronic kidney disease stage 3", "N18.3", "icd-10-cm"),
    };

    private static readonly (string Loinc, string Name, double Value, string Unit)[] Labs =
    {
        ("6690-2", "WBC", 6.0, "10*9/L"),
        ("751-8", "Neutrophils", 3.8, "10*9/L"),
        ("777-3", "Platelets", 250, "10*9/L"),
        ("718-7", "Hemoglobin", 135, "g/L"),
        ("1742-6", "ALT", 24, "U/L"),
        ("33914-3", "eGFR", 78, "mL/min/{1.73_m2}"),
    };

    private static readonly string[] Diplotypes = { "*1/*1", "*1/*1", "*1/*1", "*1/*1", "*1/*3A", "*1/*2" };

    private readonly Random _random;

    /// <summary>Creates a generator; the same <paramref name="seed"/> gives the same patients.</summary>
    public CohortGenerator(int seed = 20261122) => _random = new Random(seed);

    /// <summary>Makes <paramref name="count"/> patients.</summary>
    public PatientFacts[] Make(int count)
    {
        var patients = new PatientFacts[count];
        for (var i = 0; i < count; i++)
        {
            patients[i] = Next(i);
        }

        return patients;
    }

    /// <summary>The next patient of the cohort.</summary>
    public PatientFacts Next(int index)
    {
        var r = _random;
        var evaluation = BenchmarkPatients.EvaluationDate;
        var age = 18 + r.Next(65);
        var sex = r.Next(2) == 0 ? Sex.Female : Sex.Male;
        var status = (TherapyStatus)(1 + r.Next(3));
        var start = evaluation.AddDays(-(status == TherapyStatus.NewlyStarted ? r.Next(27) : 30 + r.Next(900)));

        var conditionCount = 1 + r.Next(2);
        var conditions = new List<Condition>(conditionCount);
        var first = ConditionCodes[r.Next(4)];
        conditions.Add(new Condition { Name = first.Name, Code = first.Code, CodeSystem = first.System });
        if (conditionCount > 1)
        {
            var other = ConditionCodes[4 + r.Next(ConditionCodes.Length - 4)];
            conditions.Add(new Condition { Name = other.Name, Code = other.Code, CodeSystem = other.System });
        }

        var medications = new List<Medication>(4)
        {
            new() { Name = "Azathioprine 50 MG Oral Tablet", RxNormCode = "1256", StartDate = status == TherapyStatus.Considering ? null : start },
        };
        var coMedicationCount = 2 + r.Next(2);
        for (var m = 0; m < coMedicationCount; m++)
        {
            var (name, rxNorm) = CoMedications[r.Next(CoMedications.Length)];
            medications.Add(new Medication { Name = name, RxNormCode = rxNorm, StartDate = evaluation.AddDays(-r.Next(1500)) });
        }

        var labDate = evaluation.AddDays(-r.Next(45));
        var labCount = r.Next(5) == 0 ? Labs.Length - 1 : Labs.Length;
        var labs = new List<LabResult>(labCount);
        for (var l = 0; l < labCount; l++)
        {
            var (loinc, name, value, unit) = Labs[l];
            var roll = r.Next(20);
            var flag = roll == 0 ? LabFlag.Low : roll == 1 ? LabFlag.High : LabFlag.Normal;
            labs.Add(new LabResult { LoincCode = loinc, Name = name, Value = Math.Round(value * (0.8 + (r.Next(40) / 100.0)), 1), Unit = unit, Date = labDate, Flag = flag });
        }

        var tpmt = new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = Diplotypes[r.Next(Diplotypes.Length)], Method = TestMethod.Genotype, Date = start.AddDays(-20) };
        var pgx = r.Next(10) == 0
            ? new[] { tpmt }
            : new[] { tpmt, new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*1/*1", Method = TestMethod.Genotype, Date = start.AddDays(-20) } };

        return new PatientFacts
        {
            PatientId = "cohort-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            EvaluationDate = evaluation,
            BirthDate = evaluation.AddDays(-(age * 365) - r.Next(365)),
            Sex = sex,
            Therapy = new AzathioprineTherapy { Status = status, StartDate = status == TherapyStatus.Considering ? null : start },
            Setting = (CareSetting)(1 + r.Next(3)),
            Indications = Array.Empty<Indication>(),
            PregnancyStatus = sex == Sex.Female ? PregnancyStatus.NotPregnant : PregnancyStatus.Unknown,
            Pharmacogenomics = pgx,
            Medications = medications,
            Conditions = conditions,
            LabResults = labs,
        };
    }
}
