using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// Reads and writes the patient-facts JSON contract (camelCase members, ISO 8601 dates, camelCase enum names).
/// Reading never throws for bad input: every problem is returned with its field path. Thread-safe.
/// </summary>
public static class PatientFactsJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <summary>Reads patient facts from JSON text.</summary>
    public static PatientFactsReadResult Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, DocumentOptions);
            return Read(doc.RootElement);
        }
        catch (JsonException ex)
        {
            return Malformed(ex);
        }
        catch (ArgumentException)
        {
            // The string itself holds a lone surrogate character, so it has no UTF-8 form to parse.
            return BrokenText();
        }
    }

    /// <summary>
    /// Reads patient facts from UTF-8 JSON bytes (e.g. one NDJSON line; a leading byte-order mark is skipped). A
    /// well-formed document is read in place without building a document tree; anything irregular is read as text, so
    /// the result, problems included, is the same as <see cref="Read(string)"/>.
    /// </summary>
    public static PatientFactsReadResult Read(ReadOnlySpan<byte> utf8Json)
    {
        // Stop 30: a byte-order mark was skipped by Read(Stream) but not here ("'0xEF' is an invalid start"), as the
        // site-policy and feedback readers skip it.
        utf8Json = Internal.Utf8Bom.Skip(utf8Json);
        if (Utf8PatientFactsReader.TryRead(utf8Json, out var facts))
        {
            return new PatientFactsReadResult { Facts = facts };
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8Json.ToArray());
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            return NotUtf8(ex.Index);
        }

        return Read(text);
    }

    /// <summary>Reads patient facts from a UTF-8 JSON stream.</summary>
    /// <remarks>The stream is read to its end (a UTF-8 byte-order mark is skipped) and read as <see cref="Read(ReadOnlySpan{byte})"/>.</remarks>
    public static PatientFactsReadResult Read(Stream utf8Json)
    {
        var buffer = new MemoryStream();
        utf8Json.CopyTo(buffer);
        return Read(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>
    /// The largest document <see cref="ReadAsync(Stream, CancellationToken)"/> reads: 4 MiB (4,194,304 bytes). A
    /// patient's facts are a few kilobytes; a local choice, set another with <see cref="ReadAsync(Stream, long, CancellationToken)"/>.
    /// </summary>
    public const long DefaultMaxBytes = 4L * 1024 * 1024;

    /// <summary>
    /// Reads patient facts from a UTF-8 JSON stream (an HTTP request body, for example) asynchronously, up to
    /// <see cref="DefaultMaxBytes"/>. Never blocks on synchronous I/O; the stream is not closed.
    /// </summary>
    /// <returns>The same result as <see cref="Read(Stream)"/>; a larger document gives one <c>INPUT_TOO_LARGE</c> problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<PatientFactsReadResult> ReadAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        ReadAsync(utf8Json, DefaultMaxBytes, cancellationToken);

    /// <summary>
    /// Reads patient facts from a UTF-8 JSON stream asynchronously, refusing a document longer than
    /// <paramref name="maxBytes"/>: a stream that declares a greater length is refused before a byte is read, any
    /// other is read no further than one byte past the limit. Never blocks on synchronous I/O; the stream is not closed.
    /// </summary>
    /// <returns>The same result as <see cref="Read(Stream)"/>; a larger document gives one <c>INPUT_TOO_LARGE</c> problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<PatientFactsReadResult> ReadAsync(Stream utf8Json, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (maxBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The size limit must be positive.");
        }

        using var input = await BoundedInput.ReadAsync(utf8Json, maxBytes, cancellationToken).ConfigureAwait(false);
        if (input.ExceededLimit)
        {
            var size = input.DeclaredLength is { } declared ? $" ({declared} bytes)" : string.Empty;
            return new PatientFactsReadResult
            {
                Problems = new[] { new ValidationProblem("$", ErrorCodes.InputTooLarge, $"The input{size} is larger than the limit of {maxBytes} bytes; it was not read.") },
            };
        }

        // The bytes, without a byte-order mark, go through the same reader as Read(Stream).
        return Read(input.Bytes.Span);
    }

    /// <summary>Reads patient facts from a parsed JSON element.</summary>
    public static PatientFactsReadResult Read(JsonElement root)
    {
        var problems = new List<ValidationProblem>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new ValidationProblem("$", ErrorCodes.MalformedInput, "The document must be a JSON object of patient facts."));
            return new PatientFactsReadResult { Problems = problems };
        }

        var facts = PatientFactsSchema.Root.ReadWithProblems(new ObjectReader(root, string.Empty, problems));
        return new PatientFactsReadResult { Facts = facts, Problems = problems };
    }

    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them with U+FFFD (facts are never read from guessed text).</summary>
    internal static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static PatientFactsReadResult BrokenText() => new()
    {
        Problems = new[] { new ValidationProblem("$", ErrorCodes.InvalidText, "The input is not valid Unicode text: it holds a lone surrogate character (such as a broken emoji).") },
    };

    private static PatientFactsReadResult NotUtf8(int index) => new()
    {
        Problems = new[] { new ValidationProblem("$", ErrorCodes.MalformedInput, $"The input is not valid UTF-8 (an invalid byte near byte {index + 1}); it was not read, because replaced characters could change its meaning.") },
    };

    private static PatientFactsReadResult Malformed(JsonException ex)
    {
        var where = JsonErrorPosition.Describe(ex);
        var reason = ex.Message;
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = reason.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                reason = reason.Substring(0, cut);
            }
        }

        reason = reason.Replace("\r", " ").Replace("\n", " ").Trim();

        return new PatientFactsReadResult
        {
            Problems = new[] { new ValidationProblem("$", ErrorCodes.MalformedInput, $"The input is not valid JSON{where}: {reason}") },
        };
    }
}
