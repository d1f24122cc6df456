using System;
using System.Text.Json;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>How a request body is parsed, and what to say when it cannot be.</summary>
internal static class JsonBody
{
    /// <summary>How deep a request body may nest.</summary>
    public const int MaxDepth = 64;

    /// <summary>The options every endpoint parses a body with.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// What is wrong with a body <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> refused:
    /// nested deeper than <see cref="MaxDepth"/>, or not well-formed (QA, 2 Dec: well-formed JSON nested too deep was
    /// called malformed). The body is read again without the depth limit, up to the first problem: when the depth goes
    /// past the limit before any syntax error, the limit is what the parser met first.
    /// </summary>
    public static string Problem(JsonException ex, ReadOnlySpan<byte> body)
    {
        if (TooDeepAt(body) is { } at)
        {
            return $"The request body is nested more than {MaxDepth} levels deep (at byte {at + 1}); at most {MaxDepth} levels are read.";
        }

        var where = ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : string.Empty;
        return $"The request body is not well-formed JSON{where}.";
    }

    /// <summary>
    /// Where JSON that <see cref="DocumentOptions"/> refused first goes past <see cref="MaxDepth"/> (the byte offset of
    /// the object or array that would open level <see cref="MaxDepth"/> + 1), read without the depth limit up to the
    /// first problem; <see langword="null"/> when a syntax error comes first, or the depth never goes past the limit.
    /// Also read for a FHIR server's answer (QA, stop 25: one nested too deep was called not well-formed).
    /// </summary>
    public static long? TooDeepAt(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                // The parser refuses the object or array that would open the (MaxDepth + 1)th level.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before the depth went past the limit: not well-formed.
        }

        return null;
    }
}
