using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Tests.Common;

/// <summary>
/// The patient the long-list tests grow (the core's <c>ListSizeTests</c> and the CLI's <c>LongListsTests</c>): an adult
/// considering azathioprine with normal TPMT and NUDT15 results, given whatever medications and labs a test lists.
/// </summary>
internal static class LongListPatient
{
    /// <summary>The evaluation date.</summary>
    public static readonly ClinicalDate Today = new(2026, 11, 22);

    /// <summary>The patient with the given lists (empty when not given).</summary>
    public static PatientFacts Patient(IReadOnlyList<Medication>? medications = null, IReadOnlyList<LabResult>? labs = null) => new()
    {
        PatientId = "long-lists",
        EvaluationDate = Today,
        BirthDate = new ClinicalDate(1961, 3, 14),
        Sex = Sex.Male,
        Therapy = new AzathioprineTherapy { Status = TherapyStatus.Considering },
        Pharmacogenomics = new[] { new PharmacogenomicResult { Gene = Gene.Tpmt, Diplotype = "*1/*1" }, new PharmacogenomicResult { Gene = Gene.Nudt15, Diplotype = "*1/*1" } },
        Medications = medications ?? Array.Empty<Medication>(),
        LabResults = labs ?? Array.Empty<LabResult>(),
    };

    /// <summary>An allopurinol entry (RxNorm ingredient 519) started <paramref name="daysAgo"/> days before <see cref="Today"/>.</summary>
    public static Medication Allopurinol(int daysAgo, bool active = true) =>
        new() { Name = "Allopurinol 100 MG Oral Tablet", RxNormCode = "519", StartDate = Today.AddDays(-daysAgo), Active = active };
}
