namespace Imuran.ClinicalRules.Fhir;

/// <summary>Why a payload could not be read at all. Numeric values are stable and never renumbered.</summary>
public enum FhirReadErrorCode
{
    /// <summary>The text is not well-formed JSON, or nests deeper than <see cref="FhirReadOptions.MaxDepth"/>.</summary>
    MalformedJson = 1,

    /// <summary>The JSON is not a FHIR resource: its root is not an object with a string <c>resourceType</c>.</summary>
    NotFhirResource = 2,

    /// <summary>The payload is FHIR, but not R4 (4.0.x): a DSTU2, STU3, R4B or R5 resource or element was found.</summary>
    UnsupportedFhirVersion = 3,

    /// <summary>No Patient resource was found and <see cref="FhirReadOptions.RequirePatient"/> is set.</summary>
    MissingPatient = 4,

    /// <summary>Patient resources with different ids were found: the facts of two people must never be mixed.</summary>
    MultiplePatients = 5,

    /// <summary>
    /// Text in the payload is not valid Unicode: a lone UTF-16 surrogate (often a broken emoji escape such as
    /// <c>\ud800</c>). <see cref="FhirReadError.Path"/> names the member. Nothing is read, because the text cannot be
    /// kept as written.
    /// </summary>
    InvalidText = 6,

    /// <summary>The payload is longer than <see cref="FhirReadOptions.MaxBytes"/>; it was not read.</summary>
    PayloadTooLarge = 7,
}
