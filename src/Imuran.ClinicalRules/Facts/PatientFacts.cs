using System.Collections.Generic;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Facts;

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

    /// <summary>
    /// The latest <see cref="EvaluationDate"/> the rule set accepts, 9000-12-31: the rules add days and years to it, so a
    /// later one is a validation problem (<c>INVALID_DATE</c>). For hosts and tools that make evaluation dates.
    /// </summary>
    public static readonly ClinicalDate LatestEvaluationDate = new(9000, 12, 31);

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
