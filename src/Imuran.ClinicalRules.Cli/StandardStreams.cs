using System;
using System.Globalization;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace Imuran.ClinicalRules.Cli;

/// <summary>Raised when standard output can no longer be written (a full disk, a closed descriptor, a reader gone away).</summary>
internal sealed class OutputClosedException : IOException
{
    public OutputClosedException(IOException inner)
        : base(inner.Message, inner)
    {
    }
}

/// <summary>
/// Standard output as a stream that reports failures (.NET's console stream ignores a broken pipe, so lost output
/// would look like success), and a check for standard streams that were closed before the tool started.
/// </summary>
internal static class StandardStreams
{
    /// <summary>
    /// Whether descriptor <paramref name="fd"/> (0, 1 or 2) was closed when the tool started. On Linux an inherited
    /// standard stream never has close-on-exec set; if the descriptor is missing, or carries that flag, the runtime
    /// reused the number for its own file, and reading or writing it would hang or go astray. Elsewhere: false.
    /// </summary>
    public static bool WasClosedAtStart(int fd)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var info = "/proc/self/fdinfo/" + fd.ToString(CultureInfo.InvariantCulture);
            if (!File.Exists(info))
            {
                return Directory.Exists("/proc/self/fdinfo");
            }

            foreach (var line in File.ReadLines(info))
            {
                if (line.StartsWith("flags:", StringComparison.Ordinal))
                {
                    const long CloseOnExec = 0x80000; // O_CLOEXEC, octal 02000000
                    var flags = Convert.ToInt64(line.Substring("flags:".Length).Trim(), 8);
                    return (flags & CloseOnExec) != 0;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return false;
    }

    /// <summary>Standard output as a stream whose write failures surface as <see cref="OutputClosedException"/>.</summary>
    public static Stream OpenOutput()
    {
        Stream inner;
        if (OperatingSystem.IsWindows())
        {
            inner = Console.OpenStandardOutput();
        }
        else
        {
            // A plain file stream on descriptor 1: unlike the console stream it reports EPIPE and ENOSPC.
            inner = new FileStream(new SafeFileHandle((IntPtr)1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        }

        return new ReportingStream(inner);
    }

    /// <summary>Passes writes through; the first failure becomes an <see cref="OutputClosedException"/> and later writes are dropped.</summary>
    internal sealed class ReportingStream : Stream
    {
        private readonly Stream _inner;

        public ReportingStream(Stream inner) => _inner = inner;

        /// <summary>Whether a write has failed.</summary>
        public bool Failed { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Guard(() => _inner.Flush());

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Failed)
            {
                return;
            }

            try
            {
                _inner.Write(buffer);
            }
            catch (IOException ex)
            {
                Failed = true;
                throw new OutputClosedException(ex);
            }
        }

        private void Guard(Action action)
        {
            if (Failed)
            {
                return;
            }

            try
            {
                action();
            }
            catch (IOException ex)
            {
                Failed = true;
                throw new OutputClosedException(ex);
            }
        }
    }
}
