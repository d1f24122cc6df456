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

    /// <summary>The bytes read as they came, a byte-order mark included (what a content hash is of). Valid until disposed.</summary>
    public ReadOnlyMemory<byte> BytesAsRead => _buffer is null ? ReadOnlyMemory<byte>.Empty : new ReadOnlyMemory<byte>(_buffer, 0, _start + _length);

    /// <summary>Reads <paramref name="stream"/> to its end, or to one byte past <paramref name="maxBytes"/>, without blocking on synchronous I/O.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<BoundedInput> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        var limit = Math.Min(maxBytes, LargestLimit);
        if (RefusedUnread(stream, limit) is { } refused)
        {
            return refused;
        }

        var filling = new Filling(limit);
        try
        {
            BoundedInput? done;
            do
            {
                var room = filling.Room();
                done = filling.Advance(await stream.ReadAsync(filling.Buffer, filling.Length, room, cancellationToken).ConfigureAwait(false));
            }
            while (done is null);
            return done;
        }
        catch
        {
            filling.Abandon();
            throw;
        }
    }

    /// <summary>Reads <paramref name="stream"/> synchronously to its end, or to one byte past <paramref name="maxBytes"/>.</summary>
    public static BoundedInput Read(Stream stream, long maxBytes)
    {
        var limit = Math.Min(maxBytes, LargestLimit);
        if (RefusedUnread(stream, limit) is { } refused)
        {
            return refused;
        }

        var filling = new Filling(limit);
        try
        {
            BoundedInput? done;
            do
            {
                var room = filling.Room();
                done = filling.Advance(stream.Read(filling.Buffer, filling.Length, room));
            }
            while (done is null);
            return done;
        }
        catch
        {
            filling.Abandon();
            throw;
        }
    }

    /// <summary>A refusal when the stream says it holds more than the limit; null when it must be read to tell.</summary>
    private static BoundedInput? RefusedUnread(Stream stream, long limit)
    {
        if (stream.CanSeek)
        {
            var remaining = stream.Length - stream.Position;
            if (remaining > limit)
            {
                return new BoundedInput(null, 0, 0, exceededLimit: true, declaredLength: remaining);
            }
        }

        return null;
    }

    /// <summary>The pooled buffer being filled by one read loop (synchronous or not), never past one byte over the limit.</summary>
    private sealed class Filling
    {
        private readonly long _limit;

        public Filling(long limit)
        {
            _limit = limit;
            Buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1, FirstChunk));
        }

        public byte[] Buffer { get; private set; }

        public int Length { get; private set; }

        /// <summary>How many bytes the next read may ask for, growing the buffer first when it is full.</summary>
        public int Room()
        {
            if (Length == Buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_limit + 1, (long)Buffer.Length * 2));
                System.Buffer.BlockCopy(Buffer, 0, larger, 0, Length);
                ArrayPool<byte>.Shared.Return(Buffer, clearArray: true);
                Buffer = larger;
            }

            // Never ask for more than one byte past the limit (a pooled array may be longer than asked for).
            return (int)Math.Min(Buffer.Length - Length, _limit + 1 - Length);
        }

        /// <summary>Takes a read's count: the input when the stream ended or passed the limit, otherwise null (read on).</summary>
        public BoundedInput? Advance(int read)
        {
            if (read == 0)
            {
                var start = Length >= 3 && Buffer[0] == 0xEF && Buffer[1] == 0xBB && Buffer[2] == 0xBF ? 3 : 0;
                return new BoundedInput(Buffer, start, Length - start, exceededLimit: false, declaredLength: null);
            }

            Length += read;
            if (Length > _limit)
            {
                Abandon();
                return new BoundedInput(null, 0, 0, exceededLimit: true, declaredLength: null);
            }

            return null;
        }

        /// <summary>Returns the buffer to the pool, cleared.</summary>
        public void Abandon() => ArrayPool<byte>.Shared.Return(Buffer, clearArray: true);
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
