using System;
using System.IO;
using System.Text;

namespace Imuran.ClinicalRules.Research.Batch;

/// <summary>
/// A read-only stream of the UTF-8 bytes of a text reader's characters, so text that is not UTF-8 (a UTF-16 file, a
/// reader a host already has) goes through the one byte pipeline, <see cref="NdjsonPipeline"/>. A lone surrogate,
/// which has no UTF-8 form, becomes an invalid byte (0xFF) rather than a replacement character: the line it is on is
/// then reported as not valid UTF-8 instead of being read with a changed character. Holds one buffer of characters.
/// </summary>
internal sealed class Utf8TextStream : Stream
{
    private readonly TextReader _reader;
    private readonly char[] _chars = new char[8192];
    private readonly byte[] _bytes = new byte[(8192 * 3) + 4];
    private int _start;
    private int _end;
    private char? _carry;

    public Utf8TextStream(TextReader reader) => _reader = reader ?? throw new ArgumentNullException(nameof(reader));

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_start == _end && !Fill())
        {
            return 0;
        }

        var n = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_bytes, _start, buffer, offset, n);
        _start += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>Encodes the next characters; false at the end of the text.</summary>
    private bool Fill()
    {
        var n = 0;
        if (_carry is { } c)
        {
            _chars[n++] = c;
            _carry = null;
        }

        var read = _reader.Read(_chars, n, _chars.Length - n);
        n += read;
        if (n == 0)
        {
            return false;
        }

        // A high surrogate at the end of the buffer may be half of a pair: keep it for the next fill.
        if (read > 0 && char.IsHighSurrogate(_chars[n - 1]))
        {
            _carry = _chars[--n];
            if (n == 0)
            {
                return Fill();
            }
        }

        _start = 0;
        _end = 0;
        var from = 0;
        for (var i = 0; i < n; i++)
        {
            var ch = _chars[i];
            if (!char.IsSurrogate(ch))
            {
                continue;
            }

            if (char.IsHighSurrogate(ch) && i + 1 < n && char.IsLowSurrogate(_chars[i + 1]))
            {
                i++;
                continue;
            }

            _end += Strict.GetBytes(_chars, from, i - from, _bytes, _end);
            _bytes[_end++] = 0xFF;
            from = i + 1;
        }

        _end += Strict.GetBytes(_chars, from, n - from, _bytes, _end);
        return true;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
