using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.Tests.Common;

/// <summary>A stream like ASP.NET Core's request body: synchronous reads throw, it cannot seek.</summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly Stream _inner;

    public AsyncOnlyStream(byte[] bytes) => _inner = new MemoryStream(bytes);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _inner.ReadAsync(buffer, cancellationToken);

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A body of <c>length</c> bytes (spaces after an opening brace) that is made as it is read and never held, so a
/// 500 MB request costs no memory; it counts the bytes handed out. When <c>declareLength</c> is set it can seek and
/// says its length, and any read throws: a reader must refuse it unread.
/// </summary>
internal sealed class LargeBodyStream : Stream
{
    private readonly long _length;
    private readonly bool _declareLength;
    private long _position;

    public LargeBodyStream(long length, bool declareLength)
    {
        _length = length;
        _declareLength = declareLength;
    }

    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => _declareLength;

    public override bool CanWrite => false;

    public override long Length => _declareLength ? _length : throw new NotSupportedException();

    public override long Position { get => _declareLength ? 0 : throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_declareLength)
        {
            throw new InvalidOperationException("A body that declares a length over the limit must not be read.");
        }

        var n = (int)Math.Min(count, _length - _position);
        for (var i = 0; i < n; i++)
        {
            buffer[offset + i] = _position + i == 0 ? (byte)'{' : (byte)' ';
        }

        _position += n;
        return Task.FromResult(n);
    }

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
