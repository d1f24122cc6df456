using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>The request body, read asynchronously into one buffer, never past the configured limit.</summary>
internal readonly record struct BodyReadResult(byte[]? Buffer, int Length, int Status, string? Problem)
{
    public bool Succeeded => Buffer is not null;

    /// <summary>The body, without a UTF-8 byte-order mark.</summary>
    public ReadOnlyMemory<byte> Memory
    {
        get
        {
            if (Buffer is null)
            {
                return ReadOnlyMemory<byte>.Empty;
            }

            var body = Buffer.AsMemory(0, Length);
            return body.Span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? body.Slice(3) : body;
        }
    }

    /// <summary>Gives the buffer back to the pool; the result must not be used afterwards.</summary>
    public void Return()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}

internal static class RequestBody
{
    public static async Task<BodyReadResult> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is { } declared && declared > limit)
        {
            return new BodyReadResult(null, 0, StatusCodes.Status413PayloadTooLarge, $"The request body is {declared} bytes; at most {limit} bytes are accepted.");
        }

        // Let the server stop a body that goes on past the limit (chunked uploads), where the feature allows it.
        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit + 1L;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(request.ContentLength ?? 16 * 1024, 256), limit + 1L));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > limit)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return TooLarge(limit);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return TooLarge(limit);
                }
            }

            // JsonDocument does not check the UTF-8 inside strings until they are read: check it all here, once.
            if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, length)))
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return new BodyReadResult(null, 0, StatusCodes.Status400BadRequest, "The request body is not valid UTF-8.");
            }

            return new BodyReadResult(buffer, length, StatusCodes.Status200OK, null);
        }
        catch (BadHttpRequestException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(limit)
                : new BodyReadResult(null, 0, StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
        catch (IOException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return new BodyReadResult(null, 0, StatusCodes.Status400BadRequest, "The request body could not be read.");
        }
    }

    private static BodyReadResult TooLarge(int limit) =>
        new(null, 0, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the {limit} bytes accepted.");
}
