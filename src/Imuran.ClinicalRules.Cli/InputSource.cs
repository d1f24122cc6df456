using System;
using System.IO;

namespace Imuran.ClinicalRules.Cli;

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

    /// <summary>
    /// Reads a file, but never more than one byte past <paramref name="maxBytes"/> (a longer file, or a device such as
    /// <c>/dev/zero</c>, gives <paramref name="maxBytes"/> + 1 bytes, for the reader to refuse as too large); on
    /// failure writes the reason to standard error and returns false.
    /// </summary>
    public static bool TryReadAllBytes(CliIO io, string path, string what, long maxBytes, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (RejectDirectory(io, path, what))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while (buffer.Length <= maxBytes && (n = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, n);
            }

            bytes = buffer.ToArray();
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
