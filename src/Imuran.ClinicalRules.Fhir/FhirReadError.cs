namespace Imuran.ClinicalRules.Fhir;

/// <summary>Why a payload could not be read at all, in words and as a stable code.</summary>
public sealed record FhirReadError
{
    /// <summary>The machine-readable reason, as an enum for <c>switch</c>; <see cref="ErrorCode"/> is its stable text form.</summary>
    public FhirReadErrorCode Code { get; init; }

    /// <summary>
    /// The stable code of <see cref="Code"/> from the one vocabulary, <see cref="Validation.ErrorCodes"/> (e.g.
    /// <c>FHIR_MISSING_PATIENT</c>, or <c>MALFORMED_INPUT</c> as for patient facts): the form to log, store or compare.
    /// </summary>
    public string ErrorCode => Internal.StableCodes.Of(Code);

    /// <summary>What went wrong, in words a host can show or log.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>For <see cref="FhirReadErrorCode.MalformedJson"/>: the line of the fault, counting from 1.</summary>
    public long? LineNumber { get; init; }

    /// <summary>For <see cref="FhirReadErrorCode.MalformedJson"/>: the byte within that line, counting from 1.</summary>
    public long? BytePositionInLine { get; init; }

    /// <summary>Where in the payload the fault is, e.g. <c>Bundle.entry[2].resource</c>, when it is one place.</summary>
    public string? Path { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorCode}: {Message}";
}
