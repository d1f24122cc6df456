namespace Imuran.ClinicalRules.Terminology;

/// <summary>The interaction classes the rules know. Numeric values are stable.</summary>
internal enum MedicationClass
{
    Unrecognised = 0,
    Azathioprine = 1,
    Allopurinol = 2,
    Febuxostat = 3,
    Aminosalicylate = 4,
    CoTrimoxazole = 5,
    AceInhibitor = 6,
    Coumarin = 7,
    Ribavirin = 8,
    Immunosuppressant = 9,
    TnfBlocker = 10,
    AlkylatingAgent = 11,
    OtherThiopurine = 12,
}
