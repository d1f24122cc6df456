namespace Imuran.ClinicalRules.Fhir;

/// <summary>Which patient fact a FHIR resource became. Numeric values are stable and never renumbered.</summary>
public enum MappedFact
{
    /// <summary>No fact: the resource was read and deliberately ignored (see <see cref="MappedResource.Description"/>).</summary>
    None = 0,

    /// <summary>The patient's id, birth date and sex.</summary>
    Patient = 1,

    /// <summary>Azathioprine therapy status.</summary>
    Therapy = 2,

    /// <summary>A medicine (<see cref="Imuran.ClinicalRules.Facts.Medication"/>).</summary>
    Medication = 3,

    /// <summary>A condition (<see cref="Imuran.ClinicalRules.Facts.Condition"/>).</summary>
    Condition = 4,

    /// <summary>Pregnancy status.</summary>
    PregnancyStatus = 5,

    /// <summary>Breastfeeding.</summary>
    Breastfeeding = 6,

    /// <summary>A laboratory result (<see cref="Imuran.ClinicalRules.Facts.LabResult"/>).</summary>
    LabResult = 7,

    /// <summary>A TPMT or NUDT15 result (<see cref="Imuran.ClinicalRules.Facts.PharmacogenomicResult"/>).</summary>
    Pharmacogenomics = 8,

    /// <summary>An allergy or intolerance (<see cref="Imuran.ClinicalRules.Facts.Allergy"/>).</summary>
    Allergy = 9,

    /// <summary>A vaccination given or planned (<see cref="Imuran.ClinicalRules.Facts.Vaccination"/>).</summary>
    Vaccination = 10,

    /// <summary>Suspected intrahepatic cholestasis of pregnancy.</summary>
    CholestasisOfPregnancy = 11,

    /// <summary>Supporting data: a Medication resource another resource refers to, or an OperationOutcome reported as problems.</summary>
    Supporting = 12,
}
