using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir;

/// <summary>
/// Reads FHIR R4 JSON — a Bundle (collection, searchset, transaction, batch, document, or without a type) or a single
/// resource — into <see cref="PatientFacts"/> for one evaluation date, with a report of what was used, what was not
/// recognised and what was wrong.
/// </summary>
/// <remarks>
/// <para>Reads Patient, MedicationRequest, MedicationStatement (and the Medication resources they refer to),
/// Condition, Procedure, Observation (laboratory results by LOINC, pregnancy and breastfeeding status, TPMT and NUDT15
/// results), AllergyIntolerance, Immunization, ImmunizationRecommendation and OperationOutcome. Other resource types
/// are listed as unrecognised. Unknown members are ignored.</para>
/// <para>Invalid input never throws: malformed JSON, a payload that is not FHIR R4, or a missing Patient come back as
/// a failed result with an <see cref="FhirReadError"/>, and a resource with a wrong member type is read as far as it
/// can be, with a <see cref="MappingProblem"/>. The reader never reads the clock: dates are judged against
/// <c>evaluationDate</c>. All members are static and thread-safe.</para>
/// </remarks>
public static class FhirPatientReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The parser's own message is quoted up to this length (it can quote a whole line of input).</summary>
    private const int MaxDetailLength = 200;

    /// <summary>Reads a FHIR R4 payload from a JSON string of at most <see cref="FhirReadOptions.MaxBytes"/> UTF-8 bytes.</summary>
    /// <param name="json">The payload: a Bundle or a single resource.</param>
    /// <param name="evaluationDate">The date the facts are for (therapy start, planned vaccines, the facts' own date).</param>
    /// <param name="options">How to read; <see cref="FhirReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>
    /// The facts and the mapping report, or a failed result with an error (<see cref="FhirReadErrorCode.PayloadTooLarge"/>
    /// when the payload is longer than the limit: it is then not parsed).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static FhirMappingResult Read(string json, ClinicalDate evaluationDate, FhirReadOptions? options = null)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        options ??= FhirReadOptions.Default;
        var limit = Limit(options);

        // UTF-8 takes one to three bytes for each UTF-16 character: count them only when the length cannot tell.
        if (json.Length > limit)
        {
            return TooLarge($" ({json.Length} characters)", limit);
        }

        if (json.Length > limit / 3 && Encoding.UTF8.GetByteCount(json) is var bytes && bytes > limit)
        {
            return TooLarge($" ({bytes} bytes)", limit);
        }

        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions(options));
            return Read(document.RootElement, PayloadCheck.HasSurrogateEscape(json), evaluationDate, options);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }
        catch (ArgumentException)
        {
            return new FhirMappingResult
            {
                Error = new FhirReadError
                {
                    Code = FhirReadErrorCode.InvalidText,
                    Message = "The payload is not valid Unicode text: it holds a lone surrogate character (such as a broken emoji), so it has no UTF-8 form to read.",
                    Path = "$",
                },
            };
        }
    }

    /// <summary>
    /// Reads a FHIR R4 payload from a stream of UTF-8 JSON, up to <see cref="FhirReadOptions.MaxBytes"/>. The stream is
    /// read to its end (or one byte past the limit) and not closed.
    /// </summary>
    /// <param name="utf8Json">The payload: a Bundle or a single resource, UTF-8 encoded (a byte-order mark is allowed).</param>
    /// <param name="evaluationDate">The date the facts are for.</param>
    /// <param name="options">How to read; <see cref="FhirReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>
    /// The facts and the mapping report, or a failed result with an error (<see cref="FhirReadErrorCode.PayloadTooLarge"/>
    /// when the payload is longer than the limit).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static FhirMappingResult Read(Stream utf8Json, ClinicalDate evaluationDate, FhirReadOptions? options = null)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        options ??= FhirReadOptions.Default;
        var limit = Limit(options);
        using var input = BoundedInput.Read(utf8Json, limit);
        return input.ExceededLimit ? TooLarge(input, limit) : ReadUtf8(input.Bytes, evaluationDate, options);
    }

    /// <summary>Reads UTF-8 bytes without a byte-order mark: the one path of <see cref="Read(Stream, ClinicalDate, FhirReadOptions?)"/> and <see cref="ReadAsync"/>.</summary>
    private static FhirMappingResult ReadUtf8(ReadOnlyMemory<byte> bytes, ClinicalDate evaluationDate, FhirReadOptions options)
    {
        // The parser does not check the UTF-8 inside strings until they are read, and then reading one throws (fuzzing,
        // stop 30: a resourceType with such bytes threw; a gender with them was read as no gender): check it all, once.
        if (!IsValidUtf8(bytes))
        {
            return new FhirMappingResult
            {
                Error = new FhirReadError
                {
                    Code = FhirReadErrorCode.MalformedJson,
                    Message = "The payload is not well-formed JSON: it is not valid UTF-8.",
                    Path = "$",
                },
            };
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, DocumentOptions(options));
            return Read(document.RootElement, PayloadCheck.HasSurrogateEscape(bytes.Span), evaluationDate, options);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }
        catch (ArgumentException ex)
        {
            return Malformed(ex);
        }
    }

    private static FhirMappingResult Read(JsonElement root, bool mayHoldSurrogateEscapes, ClinicalDate evaluationDate, FhirReadOptions options)
    {
        var check = PayloadCheck.Run(root, mayHoldSurrogateEscapes);
        if (check.BrokenTextPath is { } path)
        {
            return new FhirMappingResult
            {
                Error = new FhirReadError
                {
                    Code = FhirReadErrorCode.InvalidText,
                    Message = $"The payload holds text that is not valid Unicode at {path}: a lone surrogate (such as a broken emoji escape). It was not read, because the text cannot be kept as written.",
                    Path = path,
                },
            };
        }

        return PayloadReader.Read(root, evaluationDate, options, check.Duplicates);
    }

    /// <summary>
    /// Reads a FHIR R4 payload from a stream of UTF-8 JSON (an HTTP request body, for example) asynchronously, up to
    /// <see cref="FhirReadOptions.MaxBytes"/>. Never blocks on synchronous I/O, so it works where a server disallows
    /// synchronous reads. The stream is read to its end (or one byte past the limit) and not closed.
    /// </summary>
    /// <param name="utf8Json">The payload: a Bundle or a single resource, UTF-8 encoded (a byte-order mark is allowed).</param>
    /// <param name="evaluationDate">The date the facts are for.</param>
    /// <param name="options">How to read; <see cref="FhirReadOptions.Default"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The same result as <see cref="Read(Stream, ClinicalDate, FhirReadOptions?)"/>, or a failed result with
    /// <see cref="FhirReadErrorCode.PayloadTooLarge"/>.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<FhirMappingResult> ReadAsync(Stream utf8Json, ClinicalDate evaluationDate, FhirReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        options ??= FhirReadOptions.Default;
        var limit = Limit(options);
        using var input = await BoundedInput.ReadAsync(utf8Json, limit, cancellationToken).ConfigureAwait(false);
        return input.ExceededLimit ? TooLarge(input, limit) : ReadUtf8(input.Bytes, evaluationDate, options);
    }

    private static long Limit(FhirReadOptions options) => options.MaxBytes > 0 ? options.MaxBytes : FhirReadOptions.DefaultMaxBytes;

    private static FhirMappingResult TooLarge(BoundedInput input, long limit) =>
        TooLarge(input.DeclaredLength is { } declared ? $" ({declared} bytes)" : string.Empty, limit);

    private static FhirMappingResult TooLarge(string size, long limit) => new()
    {
        Error = new FhirReadError
        {
            Code = FhirReadErrorCode.PayloadTooLarge,
            Message = $"The payload{size} is larger than the limit of {limit} bytes (FhirReadOptions.MaxBytes); it was not read.",
        },
    };

    /// <summary>
    /// <see langword="true"/> when <paramref name="root"/> looks like a FHIR resource: a JSON object with a string
    /// <c>resourceType</c>. Lets a host tell FHIR from its own JSON formats before reading.
    /// </summary>
    public static bool LooksLikeFhir(JsonElement root)
    {
        try
        {
            return ResourceEntry.ReadType(root) is not null;
        }
        catch (InvalidOperationException)
        {
            // A resourceType that is not valid text still says the document is meant as FHIR.
            return true;
        }
    }

    private static JsonDocumentOptions DocumentOptions(FhirReadOptions options) => new()
    {
        MaxDepth = options.MaxDepth > 0 ? options.MaxDepth : FhirReadOptions.Default.MaxDepth,
    };

    /// <summary>Whether every byte is part of valid UTF-8.</summary>
    private static bool IsValidUtf8(ReadOnlyMemory<byte> bytes)
    {
        var segment = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(bytes, out var array) ? array : new ArraySegment<byte>(bytes.ToArray());
        try
        {
            _ = StrictUtf8.GetCharCount(segment.Array!, segment.Offset, segment.Count);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static FhirMappingResult Malformed(Exception ex)
    {
        long? line = null;
        long? position = null;
        if (ex is JsonException json)
        {
            line = json.LineNumber + 1;
            position = json.BytePositionInLine + 1;
        }

        var where = line is null ? string.Empty : $" at line {line}, byte {position}";
        var detail = Regex.Replace(ex.Message, @"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?", string.Empty, RegexOptions.None, Regex.InfiniteMatchTimeout);
        if (detail.Length > MaxDetailLength)
        {
            detail = detail.Substring(0, MaxDetailLength) + "…";
        }

        return new FhirMappingResult
        {
            Error = new FhirReadError
            {
                Code = FhirReadErrorCode.MalformedJson,
                Message = $"The payload is not well-formed JSON{where}: {detail}",
                LineNumber = line,
                BytePositionInLine = position,
            },
        };
    }
}
