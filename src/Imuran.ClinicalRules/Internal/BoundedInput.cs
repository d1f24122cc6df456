using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.Internal;

/// <summary>
/// A whole input read asynchronously into a pooled buffer, never past a size limit. A stream that says it is longer
/// than the limit is refused before a byte is read; any other stream is read to at most one byte past the limit.
/// Dispose it to return (and clear) the buffer. Compiled into the core and the FHIR package from this one file.
/// </summary>
internal sealed class BoundedInput : IDisposable
{
    /// <summary>The largest limit honoured: what one array can hold.</summary>
    private const long LargestLimit = int.MaxValue - 64;

    private const int FirstChunk = 16 * 1024;

    private byte[]? _buffer;
    private readonly int _start;
    private readonly int _length;

    private BoundedInput(byte[]? buffer, int start, int length, bool exceededLimit, long? declaredLength)
    {
        _buffer = buffer;
        _start = start;
        _length = length;
        ExceededLimit = exceededLimit;
        DeclaredLength = declaredLength;
    }

    /// <summary>Whether the input is longer than the limit (and so was not, or not wholly, read).</summary>
    public bool ExceededLimit { get; }

    /// <summary>The length the stream declared when it was refused unread; null when it was read up to the limit.</summary>
    public long? DeclaredLength { get; }

    /// <summary>The bytes read, without a UTF-8 byte-order mark. Valid until disposed.</summary>
    public ReadOnlyMemory<byte> Bytes => _buffer is null ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(_buffer, _start, _length);

    /// <summary>Reads <paramref name="stream"/> to its end, or to one byte past <paramref name="maxBytes"/>, without blocking on synchronous I/O.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<BoundedInput> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, LargestLimit);
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > limit)
            {
                return new BoundedInput(null, 0, 0, exceededLimit: true, declaredLength: remaining);
            }
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, FirstChunk));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, (long)buffer.Length * 2));
                    Buffer.BlockCopy(buffer, 0, larger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    buffer = larger;
                }

                // Never ask for more than one byte past the limit (a pooled array may be longer than asked for).
                var room = (int)Math.Min(buffer.Length - length, limit + 1 - length);
                var read = await stream.ReadAsync(buffer, length, room, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                    return new BoundedInput(null, 0, 0, exceededLimit: true, declaredLength: null);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw;
        }

        var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        return new BoundedInput(buffer, start, length - start, exceededLimit: false, declaredLength: null);
    }

    /// <summary>Returns the buffer to the pool, cleared: it held patient data.</summary>
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
