using System;
using System.IO;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.Cli;

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
