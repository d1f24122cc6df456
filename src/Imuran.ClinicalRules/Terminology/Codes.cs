namespace Imuran.ClinicalRules.Terminology;

/// <summary>Code systems, as FHIR names them and as the patient-facts file may abbreviate them.</summary>
internal static class CodeSystems
{
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Loinc = "http://loinc.org";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    public static bool IsSnomed(string? system) =>
        system is null || system == Snomed || string.Equals(system, "snomed", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(system, "snomed-ct", System.StringComparison.OrdinalIgnoreCase);

    public static bool IsIcd10(string? system) =>
        system is null || system == Icd10Cm || string.Equals(system, "icd-10-cm", System.StringComparison.OrdinalIgnoreCase)
        || string.Equals(system, "icd10", System.StringComparison.OrdinalIgnoreCase);
}
