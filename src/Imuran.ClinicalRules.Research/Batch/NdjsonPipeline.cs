using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.Research.Batch;

/// <summary>
/// A chunk of non-blank NDJSON lines as UTF-8 bytes (line breaks removed), reused from chunk to chunk. A line longer
/// than the chunk's limit is not kept: only that it was too long (see <see cref="IsTooLong"/>), so one huge line costs
/// no more memory than the limit.
/// </summary>
internal sealed class LineChunk
{
    private byte[] _data;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _numbers;
    private readonly bool[] _tooLong;
    private readonly int _maxLineBytes;
    private long _lineBytes;

    public LineChunk(int capacity, int maxLineBytes = NdjsonPipeline.DefaultMaxLineBytes)
    {
        if (maxLineBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLineBytes), "The line limit must be at least 1 byte.");
        }

        _data = new byte[1 << 16];
        _starts = new int[capacity];
        _lengths = new int[capacity];
        _numbers = new int[capacity];
        _tooLong = new bool[capacity];
        _maxLineBytes = maxLineBytes;
    }

    /// <summary>The longest line kept, in bytes (without its line break).</summary>
    public int MaxLineBytes => _maxLineBytes;

    /// <summary>How many lines the chunk holds.</summary>
    public int Count { get; private set; }

    /// <summary>The input bytes the chunk covered, blank lines and line breaks included (for progress).</summary>
    public long Bytes { get; private set; }

    /// <summary>Whether the chunk has room for no more lines.</summary>
    public bool Full => Count == _starts.Length;

    /// <summary>The bytes of line <paramref name="i"/>.</summary>
    public ReadOnlySpan<byte> Line(int i) => _data.AsSpan(_starts[i], _lengths[i]);

    /// <summary>The 1-based input line number of line <paramref name="i"/> (blank lines count).</summary>
    public int Number(int i) => _numbers[i];

    /// <summary>Whether line <paramref name="i"/> was longer than <see cref="MaxLineBytes"/>: its bytes were not kept (<see cref="Line"/> is empty).</summary>
    public bool IsTooLong(int i) => _tooLong[i];

    /// <summary>The bytes of the line being read so far (0 once it went over the limit).</summary>
    internal int Pending { get; private set; }

    /// <summary>Whether a line is being read (some of its bytes have been appended).</summary>
    internal bool InLine => _lineBytes > 0;

    internal void Append(ReadOnlySpan<byte> bytes)
    {
        _lineBytes += bytes.Length;
        if (_lineBytes > _maxLineBytes)
        {
            // Over the limit: drop what was kept of the line and keep nothing more of it.
            Pending = 0;
            return;
        }

        var end = LineStart + Pending;
        if (end + bytes.Length > _data.Length)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, end + bytes.Length));
        }

        bytes.CopyTo(_data.AsSpan(end));
        Pending += bytes.Length;
    }

    /// <summary>Ends the line being read: keeps it when it is not blank.</summary>
    internal void EndLine(int number)
    {
        Bytes += _lineBytes + 1;
        var tooLong = _lineBytes > _maxLineBytes;
        var line = _data.AsSpan(LineStart, Pending);
        if (tooLong || !IsBlank(line))
        {
            _starts[Count] = LineStart;
            _lengths[Count] = Pending;
            _numbers[Count] = number;
            _tooLong[Count] = tooLong;
            Count++;
            LineStart += Pending;
        }

        Pending = 0;
        _lineBytes = 0;
    }

    internal void Reset()
    {
        Count = 0;
        Bytes = 0;
        LineStart = 0;
        Pending = 0;
        _lineBytes = 0;
    }

    private int LineStart { get; set; }

    /// <summary>Whether the line's text is empty or white space (as <see cref="string.IsNullOrWhiteSpace"/> says).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line) =>
        line.Length == 0 || (line[0] != (byte)'{' && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line)));
}

/// <summary>Reads or evaluates one line of a chunk (on a worker thread).</summary>
/// <typeparam name="T">The result of a line.</typeparam>
/// <param name="chunk">The chunk.</param>
/// <param name="index">The line's index in the chunk.</param>
internal delegate T LineWork<out T>(LineChunk chunk, int index);

/// <summary>
/// The one NDJSON pipeline (the tool's batch and coverage, and this library): streams UTF-8 NDJSON in bounded chunks
/// of lines. A reader task splits the input into chunks of line bytes (no string per line) while the caller processes
/// the chunk before, in input order. At most <see cref="ChunksInFlight"/> chunks exist, reused, and no line is kept
/// beyond the line limit, so memory does not grow with the input. Lines are split as <see cref="TextReader.ReadLine"/>
/// splits them ('\n', '\r' or "\r\n"), and a UTF-8 byte order mark is skipped. Text that is not UTF-8 comes in
/// through <see cref="Utf8TextStream"/>.
/// </summary>
internal static class NdjsonPipeline
{
    /// <summary>Chunks alive at once: one being processed, the others being read or waiting.</summary>
    public const int ChunksInFlight = 3;

    /// <summary>The default chunk for per-line work: large enough to keep every core busy, small enough to keep memory flat.</summary>
    public const int DefaultChunkSize = 128;

    /// <summary>
    /// The default line limit: a line longer than this many bytes is reported as too large (<c>INPUT_TOO_LARGE</c>)
    /// and not read. 4 MiB, the limit of one patient-facts document (<c>PatientFactsJson.DefaultMaxBytes</c>); a local
    /// choice, far above a typical patient line (about 2 KB).
    /// </summary>
    public const int DefaultMaxLineBytes = (int)Serialization.PatientFactsJson.DefaultMaxBytes;

    /// <summary>Runs <paramref name="work"/> on every line, a chunk at a time in parallel, and hands the results to <paramref name="consume"/> in input order; returns the number of lines read, blank ones included.</summary>
    /// <param name="input">The UTF-8 NDJSON stream.</param>
    /// <param name="chunkSize">Non-blank lines per chunk (at least 1).</param>
    /// <param name="work">Runs on a worker thread for each non-blank line; must be thread-safe.</param>
    /// <param name="consume">Runs on the calling thread for each result, in input order.</param>
    /// <param name="progress">Told after each chunk how many non-blank lines and input bytes it held.</param>
    /// <param name="maxLineBytes">The line limit (see <see cref="DefaultMaxLineBytes"/>).</param>
    public static int Run<T>(Stream input, int chunkSize, LineWork<T> work, Action<T> consume, Action<int, long>? progress = null, int maxLineBytes = DefaultMaxLineBytes)
    {
        var results = new T[chunkSize < 1 ? 1 : chunkSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        return Run(
            input,
            chunkSize,
            chunk =>
            {
                if (chunk.Count == 1)
                {
                    results[0] = work(chunk, 0);
                }
                else
                {
                    Parallel.For(0, chunk.Count, options, i => results[i] = work(chunk, i));
                }

                for (var i = 0; i < chunk.Count; i++)
                {
                    consume(results[i]);
                    results[i] = default!;
                }
            },
            progress,
            maxLineBytes);
    }

    /// <summary>Runs the pipeline; returns the number of lines read, blank ones included.</summary>
    /// <param name="input">The UTF-8 NDJSON stream.</param>
    /// <param name="chunkSize">Non-blank lines per chunk (at least 1).</param>
    /// <param name="process">Runs on the calling thread for each chunk, in input order.</param>
    /// <param name="progress">Told after each chunk how many non-blank lines and input bytes it held.</param>
    /// <param name="maxLineBytes">The line limit (see <see cref="DefaultMaxLineBytes"/>).</param>
    public static int Run(Stream input, int chunkSize, Action<LineChunk> process, Action<int, long>? progress = null, int maxLineBytes = DefaultMaxLineBytes)
    {
        if (chunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), "The chunk size must be at least 1.");
        }

        if (maxLineBytes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLineBytes), "The line limit must be at least 1 byte.");
        }

        using var free = new BlockingCollection<LineChunk>(ChunksInFlight);
        using var full = new BlockingCollection<LineChunk>(ChunksInFlight);
        for (var i = 0; i < ChunksInFlight; i++)
        {
            free.Add(new LineChunk(chunkSize, maxLineBytes));
        }

        using var stop = new CancellationTokenSource();
        var lines = 0;
        Exception? failure = null;
        var reader = Task.Run(() =>
        {
            try
            {
                lines = Split(input, free, full, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                full.CompleteAdding();
            }
        });

        try
        {
            foreach (var chunk in full.GetConsumingEnumerable())
            {
                process(chunk);
                progress?.Invoke(chunk.Count, chunk.Bytes);
                chunk.Reset();
                free.Add(chunk);
            }
        }
        finally
        {
            stop.Cancel();
            reader.Wait();
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        return lines;
    }

    /// <summary>Splits the input into chunks (on the reader task); returns the number of lines.</summary>
    private static int Split(Stream input, BlockingCollection<LineChunk> free, BlockingCollection<LineChunk> full, CancellationToken stop)
    {
        var buffer = new byte[1 << 16];
        var chunk = free.Take(stop);
        var number = 0;
        var skipLineFeed = false;
        var n = input.ReadAtLeast(buffer, 3, throwOnEndOfStream: false);
        var first = n >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        while (n > 0)
        {
            var span = buffer.AsSpan(first, n - first);
            first = 0;
            while (span.Length > 0)
            {
                if (skipLineFeed)
                {
                    skipLineFeed = false;
                    if (span[0] == (byte)'\n')
                    {
                        span = span.Slice(1);
                        continue;
                    }
                }

                var end = span.IndexOfAny((byte)'\n', (byte)'\r');
                if (end < 0)
                {
                    chunk.Append(span);
                    break;
                }

                chunk.Append(span.Slice(0, end));
                chunk.EndLine(++number);
                skipLineFeed = span[end] == (byte)'\r';
                span = span.Slice(end + 1);
                if (chunk.Full)
                {
                    full.Add(chunk, stop);
                    chunk = free.Take(stop);
                }
            }

            n = input.Read(buffer, 0, buffer.Length);
        }

        if (chunk.InLine)
        {
            chunk.EndLine(++number);
        }

        if (chunk.Count > 0)
        {
            full.Add(chunk, stop);
        }

        return number;
    }
}
