using System;
using System.IO;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.Cli.Research;

/// <summary>One non-blank input line: its 1-based line number (blank lines count) and its text.</summary>
internal readonly record struct InputLine(int Number, string Text);

/// <summary>
/// Streams NDJSON through a per-line function in bounded chunks: read up to <c>chunkSize</c> lines, run the function on
/// them in parallel, hand the results to <c>consume</c> in input order, repeat. At most one chunk of lines and one of
/// results is held at a time, so memory does not grow with the input, and the output order is the input order
/// whatever the thread timing.
/// </summary>
internal static class NdjsonPipeline
{
    /// <summary>The default chunk: large enough to keep every core busy, small enough to keep memory flat.</summary>
    public const int DefaultChunkSize = 128;

    /// <summary>Runs the pipeline; returns the number of lines read, blank ones included.</summary>
    /// <param name="input">The NDJSON text.</param>
    /// <param name="chunkSize">Lines per chunk (at least 1).</param>
    /// <param name="work">Runs on a worker thread for each non-blank line; must be thread-safe.</param>
    /// <param name="consume">Runs on the calling thread for each result, in input order.</param>
    /// <param name="progress">Told after each chunk how many non-blank lines and input characters it held.</param>
    public static int Run<T>(TextReader input, int chunkSize, Func<InputLine, T> work, Action<T> consume, Action<int, long>? progress = null)
    {
        if (chunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), "The chunk size must be at least 1.");
        }

        var lines = new InputLine[chunkSize];
        var results = new T[chunkSize];
        var lineNumber = 0;
        var done = false;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        while (!done)
        {
            var count = 0;
            long chars = 0;
            while (count < chunkSize)
            {
                var text = input.ReadLine();
                if (text is null)
                {
                    done = true;
                    break;
                }

                lineNumber++;
                chars += text.Length + 1;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    lines[count++] = new InputLine(lineNumber, text);
                }
            }

            if (count == 0)
            {
                continue;
            }

            if (count == 1)
            {
                results[0] = work(lines[0]);
            }
            else
            {
                Parallel.For(0, count, options, i => results[i] = work(lines[i]));
            }

            for (var i = 0; i < count; i++)
            {
                consume(results[i]);
                results[i] = default!;
                lines[i] = default;
            }

            progress?.Invoke(count, chars);
        }

        return lineNumber;
    }
}

/// <summary>Opens the input a command names: a file path, or '-' for standard input.</summary>
internal static class InputSource
{
    /// <summary>
    /// When <paramref name="path"/> is a directory, says so on standard error and returns true (a file was expected;
    /// the system's own message would be a bare "access denied").
    /// </summary>
    public static bool RejectDirectory(CliIO io, string path, string what = "input")
    {
        if (path != "-" && Directory.Exists(path))
        {
            io.Error.WriteLine($"error: cannot read the {what} '{path}': it is a directory, not a file.");
            return true;
        }

        return false;
    }

    /// <summary>Reads a whole file; on failure writes the reason to standard error and returns false.</summary>
    public static bool TryReadAllBytes(CliIO io, string path, string what, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (RejectDirectory(io, path, what))
        {
            return false;
        }

        try
        {
            bytes = File.ReadAllBytes(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            io.Error.WriteLine($"error: cannot read the {what} '{path}': {ex.Message}");
            return false;
        }
    }

    /// <summary>Opens <paramref name="source"/>; on failure writes the reason to standard error and returns null.</summary>
    /// <param name="io">The command's streams.</param>
    /// <param name="source">A path, or '-'.</param>
    /// <param name="length">The file's length in characters (bytes, near enough), or null for standard input.</param>
    public static TextReader? Open(CliIO io, string source, out long? length)
    {
        length = null;
        if (source == "-")
        {
            return io.In;
        }

        if (Directory.Exists(source))
        {
            io.Error.WriteLine($"error: cannot read '{source}': it is a directory, not a file.");
            return null;
        }

        try
        {
            length = new FileInfo(source).Length;
            return new StreamReader(source, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            io.Error.WriteLine($"error: cannot read '{source}': {ex.Message}");
            return null;
        }
    }

    /// <summary>
    /// Opens a file for the UTF-8 byte path. Returns null (the reason written to standard error) when it cannot be
    /// opened, and <see cref="Stream.Null"/> when it starts with a UTF-16 or UTF-32 byte order mark, which only
    /// <see cref="Open"/> reads.
    /// </summary>
    /// <param name="io">The command's streams.</param>
    /// <param name="path">The file.</param>
    /// <param name="length">The file's length in bytes.</param>
    public static Stream? OpenUtf8(CliIO io, string path, out long length)
    {
        length = 0;
        FileStream stream;
        if (Directory.Exists(path))
        {
            io.Error.WriteLine($"error: cannot read '{path}': it is a directory, not a file.");
            return null;
        }

        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            length = stream.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            io.Error.WriteLine($"error: cannot read '{path}': {ex.Message}");
            return null;
        }

        var first = stream.ReadByte();
        if (first is 0x00 or 0xFE or 0xFF)
        {
            stream.Dispose();
            return Stream.Null;
        }

        stream.Position = 0;
        return stream;
    }
}

/// <summary>A read-only stream of some bytes already read, then the rest of the stream they came from.</summary>
internal sealed class PrefixedStream : Stream
{
    private readonly byte[] _prefix;
    private readonly int _length;
    private readonly Stream _rest;
    private int _position;

    public PrefixedStream(byte[] prefix, int length, Stream rest)
    {
        _prefix = prefix;
        _length = length;
        _rest = rest;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position < _length)
        {
            var n = Math.Min(count, _length - _position);
            Buffer.BlockCopy(_prefix, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        return _rest.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
