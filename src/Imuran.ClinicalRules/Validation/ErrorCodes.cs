namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// The one vocabulary of stable machine-readable codes, for every package and the command-line tool: input problems
/// (validation, site policies), FHIR read errors and mapping problems, and the tool's batch error records. Never
/// renamed or reused; hosts may map, suppress or translate them. Every code, who emits it and what it means:
/// <c>docs/error-codes.md</c>.
/// </summary>
public static class ErrorCodes
{
    /// <summary>A required value is missing.</summary>
    public const string Required = "REQUIRED";

    /// <summary>
    /// The evaluation date is missing. For facts built in memory, 0001-01-01 reads the same: it is the value of an unset
    /// date, so the validator cannot tell the two apart (its message says "missing or 0001-01-01"); the JSON reader can,
    /// and reports a given 0001-01-01 as <see cref="InvalidDate"/>.
    /// </summary>
    public const string EvaluationDateMissing = "EVALUATION_DATE_MISSING";

    /// <summary>A date lies after the evaluation date where that is impossible.</summary>
    public const string DateInFuture = "DATE_IN_FUTURE";

    /// <summary>The birth date lies after the evaluation date.</summary>
    public const string BirthAfterEvaluation = "BIRTH_AFTER_EVALUATION";

    /// <summary>A date lies before the patient's birth.</summary>
    public const string DateBeforeBirth = "DATE_BEFORE_BIRTH";

    /// <summary>An end date lies before its start date.</summary>
    public const string EndBeforeStart = "END_BEFORE_START";

    /// <summary>A lab value is negative.</summary>
    public const string LabValueNegative = "LAB_VALUE_NEGATIVE";

    /// <summary>A lab value is not a finite number.</summary>
    public const string LabValueNotANumber = "LAB_VALUE_NOT_A_NUMBER";

    /// <summary>A lab result has no unit.</summary>
    public const string LabUnitMissing = "LAB_UNIT_MISSING";

    /// <summary>A lab result has no date.</summary>
    public const string LabDateMissing = "LAB_DATE_MISSING";

    /// <summary>
    /// A diplotype is not of the form <c>*1/*3A</c>. No longer raised by validation (since issue 11): an unreadable
    /// diplotype is a data-quality finding and is listed as unrecognised, so the rest of the evaluation still runs.
    /// </summary>
    public const string DiplotypeMalformed = "DIPLOTYPE_MALFORMED";

    /// <summary>A pharmacogenomic result has neither phenotype nor diplotype.</summary>
    public const string PharmacogenomicResultEmpty = "PGX_RESULT_EMPTY";

    /// <summary>A list holds a null entry (e.g. <c>medications[2]</c>).</summary>
    public const string NullEntry = "NULL_ENTRY";

    /// <summary>A value is not one of the allowed values (e.g. an unknown enum text).</summary>
    public const string UnknownValue = "UNKNOWN_VALUE";

    /// <summary>Two facts contradict each other.</summary>
    public const string Contradictory = "CONTRADICTORY";

    /// <summary>The patient id is free text that reads as dosing text; it is echoed verbatim in every output, so it is refused.</summary>
    public const string PatientIdCarriesDosingText = "PATIENT_ID_CARRIES_DOSING_TEXT";

    /// <summary>
    /// A site policy's name or version is free text that reads as dosing text; every result of a rule set built from
    /// the policy echoes both verbatim, so it is refused.
    /// </summary>
    public const string PolicyTextCarriesDosingText = "POLICY_TEXT_CARRIES_DOSING_TEXT";

    /// <summary>
    /// A site policy (or rule set options) leaves out a rule that reports unknown data (a data-quality rule, or another
    /// marked <see cref="Engine.RuleMetadata.ReportsUnknownData"/> such as AZA-PGX-008 or AZA-CBC-001), or a topic that
    /// holds one. Those rules report data that are missing, stale, unreadable or contradictory (unknown is not normal),
    /// so no policy may silence them.
    /// </summary>
    public const string PolicyDisablesDataQuality = "POLICY_DISABLES_DATA_QUALITY";

    /// <summary>An item carries neither a name nor a code, so nothing can recognise it.</summary>
    public const string Unidentified = "UNIDENTIFIED";

    /// <summary>A JSON member has the wrong type (e.g. a number where a date text is expected).</summary>
    public const string WrongType = "WRONG_TYPE";

    /// <summary>A JSON member is not part of the contract (often a misspelt name).</summary>
    public const string UnknownField = "UNKNOWN_FIELD";

    /// <summary>A date is not a calendar date in the form yyyy-MM-dd.</summary>
    public const string InvalidDate = "INVALID_DATE";

    /// <summary>The input is not well-formed JSON or not of the expected shape.</summary>
    public const string MalformedInput = "MALFORMED_INPUT";

    /// <summary>A text is not valid Unicode: it holds a lone UTF-16 surrogate (often a broken emoji escape such as <c>\ud800</c>), in JSON or in facts built in code.</summary>
    public const string InvalidText = "INVALID_TEXT";

    /// <summary>A JSON member is given more than once in the same object; the contract never lets the last one silently win.</summary>
    public const string DuplicateField = "DUPLICATE_FIELD";

    /// <summary>The input is larger than the configured limits (document size, list length or text length).</summary>
    public const string InputTooLarge = "INPUT_TOO_LARGE";

    /// <summary>A setting lies outside its valid range (e.g. a negative window in a site policy).</summary>
    public const string OutOfRange = "OUT_OF_RANGE";

    /// <summary>A batch line was read but is not valid patient facts (or is FHIR that could not be read); its problems are listed.</summary>
    public const string InvalidPatientFacts = "INVALID_PATIENT_FACTS";

    /// <summary>The tool failed on an input (a defect); the message says how.</summary>
    public const string InternalError = "INTERNAL_ERROR";

    /// <summary>FHIR: the JSON is not a FHIR resource (its root is not an object with a string <c>resourceType</c>).</summary>
    public const string FhirNotAResource = "FHIR_NOT_A_RESOURCE";

    /// <summary>FHIR: the payload is FHIR, but not R4 (4.0.x).</summary>
    public const string FhirUnsupportedVersion = "FHIR_UNSUPPORTED_VERSION";

    /// <summary>FHIR: no Patient resource was found, and one is required.</summary>
    public const string FhirMissingPatient = "FHIR_MISSING_PATIENT";

    /// <summary>FHIR: Patient resources with different ids were found; the facts of two people are never mixed.</summary>
    public const string FhirMultiplePatients = "FHIR_MULTIPLE_PATIENTS";

    /// <summary>FHIR mapping: a known member has the wrong JSON type; it was treated as absent.</summary>
    public const string FhirInvalidMemberType = "FHIR_INVALID_MEMBER_TYPE";

    /// <summary>FHIR mapping: a date is not a valid FHIR date, or is too imprecise where a day is needed.</summary>
    public const string FhirInvalidDate = "FHIR_INVALID_DATE";

    /// <summary>FHIR mapping: a laboratory result has no unit (passed on; validation rejects it).</summary>
    public const string FhirLabWithoutUnit = "FHIR_LAB_WITHOUT_UNIT";

    /// <summary>FHIR mapping: a laboratory result has no date (passed on; validation rejects it).</summary>
    public const string FhirLabWithoutDate = "FHIR_LAB_WITHOUT_DATE";

    /// <summary>FHIR mapping: a laboratory result has no numeric value; no result was made.</summary>
    public const string FhirLabWithoutValue = "FHIR_LAB_WITHOUT_VALUE";

    /// <summary>FHIR mapping: a laboratory value carries a comparator the patient facts cannot hold.</summary>
    public const string FhirComparatorIgnored = "FHIR_COMPARATOR_IGNORED";

    /// <summary>FHIR mapping: an interpretation code other than L, LL, H, HH or N; the flag was left as none.</summary>
    public const string FhirInterpretationNotMapped = "FHIR_INTERPRETATION_NOT_MAPPED";

    /// <summary>FHIR mapping: pregnancy statuses of the same date contradict each other; the status was set to unknown.</summary>
    public const string FhirContradictoryPregnancyStatus = "FHIR_CONTRADICTORY_PREGNANCY_STATUS";

    /// <summary>FHIR mapping: breastfeeding records contradict each other; breastfeeding was set to true.</summary>
    public const string FhirContradictoryBreastfeeding = "FHIR_CONTRADICTORY_BREASTFEEDING";

    /// <summary>FHIR mapping: the server reported an issue (an OperationOutcome).</summary>
    public const string FhirServerReportedIssue = "FHIR_SERVER_REPORTED_ISSUE";

    /// <summary>FHIR mapping: a search Bundle has a <c>next</c> link; only this page was read.</summary>
    public const string FhirIncompleteSearchResults = "FHIR_INCOMPLETE_SEARCH_RESULTS";

    /// <summary>FHIR mapping: a status is missing or <c>unknown</c>; the resource was read as current.</summary>
    public const string FhirStatusUnknown = "FHIR_STATUS_UNKNOWN";

    /// <summary>FHIR mapping: a resource about another patient was left out.</summary>
    public const string FhirOtherPatient = "FHIR_OTHER_PATIENT";

    /// <summary>FHIR mapping: the same Patient appears more than once; the first was used.</summary>
    public const string FhirDuplicatePatient = "FHIR_DUPLICATE_PATIENT";

    /// <summary>FHIR mapping: azathioprine is active but its start date is unknown; therapy was taken as continuing.</summary>
    public const string FhirTherapyStartUnknown = "FHIR_THERAPY_START_UNKNOWN";

    /// <summary>FHIR mapping: Bundles nest deeper than the reader follows; the inner ones were not read.</summary>
    public const string FhirBundleNestingTooDeep = "FHIR_BUNDLE_NESTING_TOO_DEEP";

    /// <summary>FHIR mapping: a resource of an unexpected shape could not be mapped; it is listed as unrecognised.</summary>
    public const string FhirMappingFailed = "FHIR_MAPPING_FAILED";

    /// <summary>FHIR mapping: a member is given more than once in the same object; it was read as absent.</summary>
    public const string FhirDuplicateMember = "FHIR_DUPLICATE_MEMBER";

    /// <summary>FHIR mapping: a medicine's name names more than one medicine the rules know; it was read as the first.</summary>
    public const string FhirSeveralMedicinesNamed = "FHIR_SEVERAL_MEDICINES_NAMED";

    /// <summary>FHIR mapping: a current medication order or statement names no medicine the reader can identify; it was not checked.</summary>
    public const string FhirMedicineNotIdentified = "FHIR_MEDICINE_NOT_IDENTIFIED";

    /// <summary>FHIR mapping: a current medication statement whose period ended before the evaluation date; read as current, without the end date.</summary>
    public const string FhirStatusContradictsPeriod = "FHIR_STATUS_CONTRADICTS_PERIOD";

    /// <summary>FHIR mapping: a Bundle entry gives no resource (nor a request or response explaining why); what it held was not read.</summary>
    public const string FhirEntryWithoutResource = "FHIR_ENTRY_WITHOUT_RESOURCE";

    /// <summary>FHIR mapping: an Observation of a kind read has a status that is not final (preliminary, unknown, missing); it was not read.</summary>
    public const string FhirResultNotFinal = "FHIR_RESULT_NOT_FINAL";

    /// <summary>
    /// FHIR mapping: a current (active) Condition gives an abatement, dated on or before the evaluation date or with no
    /// date at all (abatementString, Age, Range); read as current.
    /// </summary>
    public const string FhirStatusContradictsAbatement = "FHIR_STATUS_CONTRADICTS_ABATEMENT";

    /// <summary>FHIR mapping: a vaccine order (MedicationRequest coded with CVX) was stopped; whether it was given is not known; read as given.</summary>
    public const string FhirVaccineOrderStopped = "FHIR_VACCINE_ORDER_STOPPED";
}
