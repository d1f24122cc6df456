using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>Code system URIs, as listed in shared/clinical/codes.md and shared/interop/README.md.</summary>
internal static class Systems
{
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Cvx = "http://hl7.org/fhir/sid/cvx";
    public const string Ucum = "http://unitsofmeasure.org";
    public const string Hgnc = "http://www.genenames.org";
    public const string HgncGeneId = "http://www.genenames.org/geneId";
    public const string ObservationInterpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public const string GeneticsGeneExtension = "http://hl7.org/fhir/StructureDefinition/observation-geneticsGene";
}

/// <summary>
/// The codes this reader recognises itself. Only codes listed in shared/clinical/codes.md (never its UNVERIFIED
/// list) and the FHIR shapes in shared/interop/README.md. Conditions, labs and medicines other than these are passed
/// to the core, which classifies them.
/// </summary>
internal static class Codes
{
    // RxNorm ingredients.
    public const string Azathioprine = "1256";
    public const string Mercaptopurine = "103";

    // FHIR R4 status codes (the codes the mappers already read): verificationStatus values that mean the record is not
    // a real one (Condition and AllergyIntolerance), and Condition clinicalStatus values (AllergyIntolerance's active,
    // inactive and resolved are among them).
    public static readonly HashSet<string> NotRealVerification = Set("refuted", "entered-in-error");
    public static readonly HashSet<string> ClinicalStatuses = Set("active", "recurrence", "relapse", "inactive", "remission", "resolved");

    // Pregnancy and breastfeeding as conditions.
    public static readonly HashSet<string> PregnancySnomed = Set("77386006");
    public static readonly HashSet<string> PregnancyIcd10Cm = Set("Z33.1");
    public static readonly HashSet<string> BreastfeedingSnomed = Set("413712001", "866041003", "69840006");
    public static readonly HashSet<string> BreastfeedingIcd10Cm = Set("Z39.1");

    // Pregnancy status observation (LOINC 82810-3) and its answers.
    public const string PregnancyStatusObservation = "82810-3";
    public static readonly HashSet<string> PregnantSnomed = Set("77386006");
    public static readonly HashSet<string> NotPregnantSnomed = Set("60001007");
    public static readonly HashSet<string> PregnancyUnknownSnomed = Set("152231000119106", "146799005");
    public static readonly HashSet<string> PregnantLoinc = Set("LA15173-0");
    public static readonly HashSet<string> NotPregnantLoinc = Set("LA26683-5");
    public static readonly HashSet<string> PregnancyUnknownLoinc = Set("LA4489-6");

    // Breastfeeding status observation (LOINC 63895-7) and its "currently breastfeeding" answer.
    public const string BreastfeedingStatusObservation = "63895-7";
    public const string CurrentlyBreastfeeding = "LA29252-6";

    // Qualitative hCG pregnancy tests (serum, urine).
    public static readonly HashSet<string> QualitativeHcg = Set("2118-8", "2106-3");

    // Pharmacogenomics (shared/interop/README.md, codes.md).
    public const string GenomicsReportingCodes = "http://hl7.org/fhir/uv/genomics-reporting/CodeSystem/tbd-codes-cs";
    public const string TherapeuticImplication = "therapeutic-implication";
    public const string GenotypeObservation = "84413-4";
    public const string GeneStudied = "48018-6";
    public const string MedicationAssessed = "51963-7";
    public const string DrugMetabolismEffect = "53040-2";
    public const string TpmtInterpretation = "79713-4";
    public const string GenotypeDeterminationSnomed = "363779003";
    public static readonly HashSet<string> TpmtGenotypeLoinc = Set("36922-3", "41048-0", "80738-8");
    public const string TpmtAndNudt15Genotype = "93193-1";
    public static readonly HashSet<string> TpmtActivityLoinc = Set("21563-2", "43421-7", "79468-5", "91141-2", "91142-0", "91143-8", "91139-6", "53819-9");
    public const string PoorMetabolizer = "LA9657-3";
    public const string IntermediateMetabolizer = "LA10317-8";
    public const string NormalMetabolizer = "LA25391-6";
    public static readonly HashSet<string> OtherMetabolizerAnswers = Set("LA25390-8", "LA10315-2");
    public static readonly HashSet<string> FunctionAnswers = Set("LA25394-0", "LA25395-7", "LA25393-2", "LA25392-4");
    public static readonly HashSet<string> TpmtHgnc = Set("HGNC:12014", "12014");
    public static readonly HashSet<string> Nudt15Hgnc = Set("HGNC:23063", "23063");

    // Statuses (FHIR value sets, not clinical codes).
    public static readonly HashSet<string> InterpretationCodes = Set("L", "LL", "H", "HH", "N");

    public static bool IsHgnc(string? system) =>
        string.Equals(system, Systems.Hgnc, StringComparison.Ordinal) || string.Equals(system, Systems.HgncGeneId, StringComparison.Ordinal);

    private static HashSet<string> Set(params string[] codes) => new(codes, StringComparer.Ordinal);
}
