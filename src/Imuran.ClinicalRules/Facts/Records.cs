using System.Collections.Generic;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Facts;

/// <summary>Azathioprine therapy: whether it is considered, newly started or continuing, and when the regimen last changed.</summary>
/// <remarks>There is deliberately no amount anywhere: the library does not reason about doses.</remarks>
public sealed record AzathioprineTherapy
{
    /// <summary>Where the patient stands with azathioprine. Default <see cref="TherapyStatus.Unknown"/>.</summary>
    public TherapyStatus Status { get; init; }

    /// <summary>The date azathioprine started, when known.</summary>
    public ClinicalDate? StartDate { get; init; }

    /// <summary>The date of the last change of regimen (no amounts), when known.</summary>
    public ClinicalDate? LastRegimenChange { get; init; }
}

/// <summary>A TPMT or NUDT15 result: a diplotype, a phenotype, or both.</summary>
public sealed record PharmacogenomicResult
{
    /// <summary>The gene tested.</summary>
    public Gene Gene { get; init; }

    /// <summary>The reported phenotype, when the report states one.</summary>
    public MetabolizerPhenotype? Phenotype { get; init; }

    /// <summary>The diplotype in star-allele form, e.g. <c>*1/*3A</c>; allele order does not matter.</summary>
    public string? Diplotype { get; init; }

    /// <summary>How the result was obtained.</summary>
    public TestMethod Method { get; init; }

    /// <summary>The date of the sample or report.</summary>
    public ClinicalDate? Date { get; init; }
}

/// <summary>A medicine the patient takes or took, identified by RxNorm code and/or name.</summary>
public sealed record Medication
{
    /// <summary>The name as prescribed (ingredient or brand), e.g. <c>Allopurinol 100 MG Oral Tablet</c>.</summary>
    public string? Name { get; init; }

    /// <summary>An RxNorm code (ingredient or clinical drug).</summary>
    public string? RxNormCode { get; init; }

    /// <summary>When it started, when known.</summary>
    public ClinicalDate? StartDate { get; init; }

    /// <summary>When it ended, when it has.</summary>
    public ClinicalDate? EndDate { get; init; }

    /// <summary><see langword="true"/> (the default) while the patient takes it; <see langword="false"/> for history.</summary>
    public bool Active { get; init; } = true;
}

/// <summary>An allergy or intolerance to a substance.</summary>
public sealed record Allergy
{
    /// <summary>The substance, e.g. <c>azathioprine</c>.</summary>
    public string? Substance { get; init; }

    /// <summary>An RxNorm code for the substance.</summary>
    public string? RxNormCode { get; init; }
}

/// <summary>A diagnosis or problem-list entry, current or past.</summary>
public sealed record Condition
{
    /// <summary>The name or text of the condition.</summary>
    public string? Name { get; init; }

    /// <summary>A SNOMED CT or ICD-10-CM code.</summary>
    public string? Code { get; init; }

    /// <summary>The code system of <see cref="Code"/>: <c>snomed</c>, <c>icd-10-cm</c>, or a FHIR system URI.</summary>
    public string? CodeSystem { get; init; }

    /// <summary>The kind as the host states it; when absent it is recognised from the code or name.</summary>
    public ConditionKind? Kind { get; init; }

    /// <summary>Current or past. Default <see cref="ConditionStatus.Active"/>.</summary>
    public ConditionStatus Status { get; init; } = ConditionStatus.Active;

    /// <summary>When it began, when known.</summary>
    public ClinicalDate? Onset { get; init; }
}

/// <summary>A laboratory result with the laboratory's own flag.</summary>
public sealed record LabResult
{
    /// <summary>The kind as the host states it; when absent it is recognised from the LOINC code.</summary>
    public LabKind? Kind { get; init; }

    /// <summary>The LOINC code.</summary>
    public string? LoincCode { get; init; }

    /// <summary>The test name as reported.</summary>
    public string? Name { get; init; }

    /// <summary>The numeric value.</summary>
    public double Value { get; init; }

    /// <summary>The unit, preferably UCUM (e.g. <c>10*9/L</c>). Required.</summary>
    public string? Unit { get; init; }

    /// <summary>The date the sample was taken. Required.</summary>
    public ClinicalDate? Date { get; init; }

    /// <summary>The laboratory's flag. Rules use it, and the host's numeric thresholds (<see cref="RuleThresholds"/>) besides.</summary>
    public LabFlag Flag { get; init; }

    /// <summary>
    /// The laboratory's upper reference limit, in the same unit as <see cref="Value"/>, when it sends one (FHIR
    /// <c>referenceRange.high</c>). Liver tests are judged against multiples of it.
    /// </summary>
    public double? UpperReferenceLimit { get; init; }
}

/// <summary>A vaccine given or planned.</summary>
public sealed record Vaccination
{
    /// <summary>The CVX code.</summary>
    public string? CvxCode { get; init; }

    /// <summary>The vaccine name.</summary>
    public string? Name { get; init; }

    /// <summary>When it was given, or is planned (may be absent for a plan with no date).</summary>
    public ClinicalDate? Date { get; init; }

    /// <summary>Given or planned.</summary>
    public VaccinationStatus Status { get; init; } = VaccinationStatus.Given;
}

/// <summary>
/// Everything the rules may know about one patient on one evaluation date. Immutable: collections are copied
/// into read-only lists when set. Build one per evaluation; it is safe to share across threads.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Imuran.ClinicalRules.Serialization.PatientFactsJsonConverter))]
public sealed record PatientFacts
{
    private IReadOnlyList<Indication> _indications = ReadOnly.Empty<Indication>();
    private IReadOnlyList<PharmacogenomicResult> _pharmacogenomics = ReadOnly.Empty<PharmacogenomicResult>();
    private IReadOnlyList<Medication> _medications = ReadOnly.Empty<Medication>();
    private IReadOnlyList<Allergy> _allergies = ReadOnly.Empty<Allergy>();
    private IReadOnlyList<Condition> _conditions = ReadOnly.Empty<Condition>();
    private IReadOnlyList<LabResult> _labResults = ReadOnly.Empty<LabResult>();
    private IReadOnlyList<Vaccination> _vaccinations = ReadOnly.Empty<Vaccination>();
    private IReadOnlyList<NeurologicalSign> _signs = ReadOnly.Empty<NeurologicalSign>();

    /// <summary>The host's identifier for the patient, echoed in results. Optional.</summary>
    public string? PatientId { get; init; }

    /// <summary>The date the evaluation is made for. Required: rules never read the clock.</summary>
    public ClinicalDate EvaluationDate { get; init; }

    /// <summary>Date of birth, when known (age comes from it and the evaluation date).</summary>
    public ClinicalDate? BirthDate { get; init; }

    /// <summary>Administrative sex.</summary>
    public Sex Sex { get; init; }

    /// <summary>Azathioprine therapy status.</summary>
    public AzathioprineTherapy Therapy { get; init; } = new();

    /// <summary>The workflow the evaluation serves.</summary>
    public CareSetting Setting { get; init; }

    /// <summary>What azathioprine is (or would be) used for.</summary>
    public IReadOnlyList<Indication> Indications { get => _indications; init => _indications = ReadOnly.Copy(value); }

    /// <summary>TPMT and NUDT15 results.</summary>
    public IReadOnlyList<PharmacogenomicResult> Pharmacogenomics { get => _pharmacogenomics; init => _pharmacogenomics = ReadOnly.Copy(value); }

    /// <summary>The date of the last red-cell transfusion, when there was one.</summary>
    public ClinicalDate? LastRedCellTransfusion { get; init; }

    /// <summary>Pregnancy status.</summary>
    public PregnancyStatus PregnancyStatus { get; init; }

    /// <summary>
    /// When the pregnancy status (or the hCG result it rests on) was recorded. A status older than the host's window
    /// (<see cref="RuleThresholds.PregnancyStatusMaxAgeDays"/>, <see cref="RuleThresholds.PregnantStatusMaxAgeDays"/>) counts as
    /// unknown. Null: the date is not known and the status is taken as current.
    /// </summary>
    public ClinicalDate? PregnancyStatusDate { get; init; }

    /// <summary>Pruritus reported in the current pregnancy.</summary>
    public bool PruritusInPregnancy { get; init; }

    /// <summary>Raised serum bile acids in the current pregnancy.</summary>
    public bool RaisedBileAcids { get; init; }

    /// <summary>Intrahepatic cholestasis of pregnancy suspected or diagnosed.</summary>
    public bool SuspectedCholestasisOfPregnancy { get; init; }

    /// <summary>Breastfeeding: <see langword="null"/> when not recorded.</summary>
    public bool? Breastfeeding { get; init; }

    /// <summary>
    /// When the breastfeeding status was recorded; older than <see cref="RuleThresholds.BreastfeedingStatusMaxAgeDays"/> it
    /// counts as unknown. Null: taken as current.
    /// </summary>
    public ClinicalDate? BreastfeedingDate { get; init; }

    /// <summary>The patient (any sex) plans a conception.</summary>
    public bool PlannedConception { get; init; }

    /// <summary>Medicines, current (active) and past.</summary>
    public IReadOnlyList<Medication> Medications { get => _medications; init => _medications = ReadOnly.Copy(value); }

    /// <summary>Allergies and intolerances.</summary>
    public IReadOnlyList<Allergy> Allergies { get => _allergies; init => _allergies = ReadOnly.Copy(value); }

    /// <summary>Diagnoses and history.</summary>
    public IReadOnlyList<Condition> Conditions { get => _conditions; init => _conditions = ReadOnly.Copy(value); }

    /// <summary>Laboratory results.</summary>
    public IReadOnlyList<LabResult> LabResults { get => _labResults; init => _labResults = ReadOnly.Copy(value); }

    /// <summary>Vaccines given or planned.</summary>
    public IReadOnlyList<Vaccination> Vaccinations { get => _vaccinations; init => _vaccinations = ReadOnly.Copy(value); }

    /// <summary>New neurological signs reported while on therapy.</summary>
    public IReadOnlyList<NeurologicalSign> NewNeurologicalSigns { get => _signs; init => _signs = ReadOnly.Copy(value); }
}
