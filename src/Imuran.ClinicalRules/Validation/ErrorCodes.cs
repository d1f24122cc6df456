namespace Imuran.ClinicalRules.Validation;

/// <summary>Stable machine-readable codes for input problems. Never renamed; hosts may map or translate them.</summary>
public static class ErrorCodes
{
    /// <summary>A required value is missing.</summary>
    public const string Required = "REQUIRED";

    /// <summary>The evaluation date is missing.</summary>
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

    /// <summary>A text is not valid Unicode: it holds a lone UTF-16 surrogate (often a broken emoji escape such as <c>\ud800</c>).</summary>
    public const string InvalidText = "INVALID_TEXT";

    /// <summary>A JSON member is given more than once in the same object; the contract never lets the last one silently win.</summary>
    public const string DuplicateField = "DUPLICATE_FIELD";

    /// <summary>The input is larger than the configured limits (document size, list length or text length).</summary>
    public const string InputTooLarge = "INPUT_TOO_LARGE";

    /// <summary>A setting lies outside its valid range (e.g. a negative window in a site policy).</summary>
    public const string OutOfRange = "OUT_OF_RANGE";
}
