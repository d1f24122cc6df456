namespace Imuran.ClinicalRules.Fhir;

/// <summary>How <see cref="FhirPatientReader"/> reads a payload. Immutable and safe to share across threads.</summary>
public sealed record FhirReadOptions
{
    /// <summary>The options used when none are given: a Patient is required, JSON nesting up to 256 levels.</summary>
    public static FhirReadOptions Default { get; } = new();

    /// <summary>
    /// When <see langword="true"/> (the default) a payload without a Patient resource fails with
    /// <see cref="FhirReadErrorCode.MissingPatient"/>. Set it to <see langword="false"/> to read loose resources
    /// (for example a single Observation); the facts then have no patient id, birth date or sex.
    /// </summary>
    public bool RequirePatient { get; init; } = true;

    /// <summary>
    /// The deepest JSON nesting accepted, default 256 (FHIR resources rarely pass 20). Deeper payloads fail with
    /// <see cref="FhirReadErrorCode.MalformedJson"/>. Values below 1 mean the default.
    /// </summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// The longest payload any <see cref="FhirPatientReader"/> read accepts, in UTF-8 bytes; default 16 MiB
    /// (16,777,216), a local choice well above one patient's bundle. A longer payload fails with
    /// <see cref="FhirReadErrorCode.PayloadTooLarge"/> and is not parsed: a stream that declares its length is refused
    /// before a byte is read, any other is read no further than one byte past the limit, and a string is measured in
    /// UTF-8 bytes. Values below 1 mean the default.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// For the CDS Hooks service only: the root Bundle's entries from this index on are the draft orders of the call, so
    /// an Immunization among them is being ordered (planned), whatever its status. <see langword="null"/> (the default):
    /// nothing is a draft.
    /// </summary>
    internal int? FirstDraftEntry { get; init; }

    /// <summary>The default <see cref="MaxBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxBytes = 16L * 1024 * 1024;
}
