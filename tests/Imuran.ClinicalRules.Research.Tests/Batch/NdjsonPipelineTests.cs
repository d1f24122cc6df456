using System.IO;
using System.Text;
using System.Threading;
using Imuran.ClinicalRules.Research.Batch;

namespace Imuran.ClinicalRules.Research.Tests.Batch;

/// <summary>
/// The one NDJSON pipeline must split lines, number them and skip blank ones exactly as
/// <see cref="TextReader.ReadLine"/> does, keep memory bounded, keep no line beyond its line limit, and give results
/// in input order whatever the thread timing.
/// </summary>
/// <remarks>
/// <see cref="Run_HugeLine_IsNeverBufferedWhole"/> counts the bytes the whole process allocates, so these tests run
/// alone (<see cref="ProcessAllocationCollection"/>): a test running beside them once pushed it over its bound.
/// </remarks>
[Collection(ProcessAllocationCollection.Name)]
public sealed class NdjsonPipelineTests
{
    private const string Awkward =
        "{\"a\":1}\n\n   \n{\"b\":2}\r\n{\"c\":3}\r{\"d\":4}\r\n\r\n\u00a0\u2003\n\t\n é {\n{\"e\":\"ü\"}\n \t x\n{\"f\":6}";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(512)]
    public void Run_AwkwardLineBreaksAndBlankLines_GivesTheLinesReadLineGives(int chunkSize)
    {
        foreach (var text in new[] { Awkward, Awkward + "\n", Awkward + "\r", Awkward + "\r\n   ", "\uFEFF" + Awkward, string.Empty, "\n\n", "x" })
        {
            foreach (var slow in new[] { false, true })
            {
                var (expectedCount, expected) = ReadLines(text.TrimStart('\uFEFF'));

                var actual = new List<(int, string)>();
                var bytes = new UTF8Encoding(false).GetBytes(text);
                Stream input = slow ? new OneByteStream(bytes) : new MemoryStream(bytes);
                var count = NdjsonPipeline.Run(input, chunkSize, chunk =>
                {
                    chunk.Count.Should().BeInRange(1, chunkSize);
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        actual.Add((chunk.Number(i), Encoding.UTF8.GetString(chunk.Line(i))));
                    }
                });

                count.Should().Be(expectedCount);
                actual.Should().Equal(expected);
            }
        }
    }

    [Fact]
    public void Run_LinesLongerThanTheReadBuffer_AreKeptWhole()
    {
        var longLine = "{\"x\":\"" + new string('y', 200_000) + "\"}";
        var text = longLine + "\n" + "{}" + "\r\n" + longLine;
        var actual = new List<string>();

        NdjsonPipeline.Run(new MemoryStream(Encoding.UTF8.GetBytes(text)), 1, chunk => actual.Add(Encoding.UTF8.GetString(chunk.Line(0))));

        actual.Should().Equal(longLine, "{}", longLine);
    }

    [Fact]
    public void Run_LargeInput_ReadsOnlyAFewChunksAheadOfTheProcessing()
    {
        const int lines = 50_000;
        var line = "{\"p\":\"" + new string('z', 92) + "\"}\n"; // 100 bytes
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(line, lines)));
        var input = new MemoryStream(bytes);
        long processed = 0, mostAhead = 0;

        var count = NdjsonPipeline.Run(input, 100, chunk =>
        {
            Thread.Sleep(chunk.Number(0) % 5000 == 1 ? 20 : 0); // let the reader run ahead as far as it can
            processed += chunk.Bytes;
            mostAhead = Math.Max(mostAhead, input.Position - processed);
        });

        count.Should().Be(lines);
        processed.Should().Be(bytes.Length);
        mostAhead.Should().BeLessThan(256 * 1024, "the reader holds at most a few chunks of 10 KB and one 64 KB read buffer");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_LineOverTheLimit_IsMarkedTooLongAndNotKept(bool slow)
    {
        const int limit = 1000;
        var atLimit = "{\"a\":\"" + new string('x', limit - 8) + "\"}";
        var overLimit = "{\"b\":\"" + new string('y', 300_000) + "\"}";
        var blankOverLimit = new string(' ', limit + 1);
        var text = atLimit + "\n" + overLimit + "\r\n{}\n" + blankOverLimit + "\n" + overLimit;
        var bytes = Encoding.UTF8.GetBytes(text);
        var seen = new List<(int Number, bool TooLong, string Text)>();

        var count = NdjsonPipeline.Run(
            slow ? new OneByteStream(bytes) : new MemoryStream(bytes),
            2,
            chunk =>
            {
                chunk.MaxLineBytes.Should().Be(limit);
                for (var i = 0; i < chunk.Count; i++)
                {
                    seen.Add((chunk.Number(i), chunk.IsTooLong(i), Encoding.UTF8.GetString(chunk.Line(i))));
                }
            },
            maxLineBytes: limit);

        count.Should().Be(5);
        Encoding.UTF8.GetByteCount(atLimit).Should().Be(limit);
        seen.Should().Equal((1, false, atLimit), (2, true, string.Empty), (3, false, "{}"), (4, true, string.Empty), (5, true, string.Empty));
    }

    [Fact]
    public void Run_HugeLine_IsNeverBufferedWhole()
    {
        // 64 MB of one line against a 1 KB limit: the reader must not hold it (a chunk's buffer stays small).
        var input = new RepeatingStream((byte)'z', 64L * 1024 * 1024, tail: "\n{}\n"u8.ToArray());
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var seen = new List<(int, bool)>();

        NdjsonPipeline.Run(input, 4, chunk =>
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                seen.Add((chunk.Number(i), chunk.IsTooLong(i)));
            }
        }, maxLineBytes: 1024);

        seen.Should().Equal((1, true), (2, false));
        (GC.GetTotalAllocatedBytes(precise: true) - before).Should().BeLessThan(4L * 1024 * 1024, "only the read buffer and the chunks are allocated, never the line");
    }

    [Fact]
    public void RunWork_ManyLinesOnManyThreads_ConsumesResultsInInputOrder()
    {
        var text = string.Join("\n", Enumerable.Range(1, 5000).Select(i => i % 7 == 0 ? string.Empty : "{\"n\":" + i + "}"));
        var consumed = new List<int>();

        var count = NdjsonPipeline.Run(
            new MemoryStream(Encoding.UTF8.GetBytes(text)),
            64,
            (chunk, i) =>
            {
                Thread.SpinWait((chunk.Number(i) * 7919) % 2000); // uneven work, so threads finish out of order
                return chunk.Number(i);
            },
            consumed.Add);

        count.Should().Be(5000);
        consumed.Should().Equal(Enumerable.Range(1, 5000).Where(i => i % 7 != 0));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-32")]
    public void Run_TextOfAnotherEncodingThroughUtf8TextStream_GivesTheSameLines(string encoding)
    {
        var text = Awkward + "\n{\"emoji\":\"\U0001F600\"}";
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.GetEncoding(encoding));
        var (expectedCount, expected) = ReadLines(text);
        var actual = new List<(int, string)>();

        var count = NdjsonPipeline.Run(new Utf8TextStream(reader), 3, chunk =>
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                actual.Add((chunk.Number(i), Encoding.UTF8.GetString(chunk.Line(i))));
            }
        });

        count.Should().Be(expectedCount);
        actual.Should().Equal(expected);
    }

    [Fact]
    public void Utf8TextStream_LoneSurrogate_BecomesAnInvalidByteNotAReplacementCharacter()
    {
        var text = "{\"a\":\"x\ud800y\"}\n{\"b\":\"\udc00\"}\n{\"c\":\"\U0001F600\"}";
        using var stream = new Utf8TextStream(new StringReader(text));
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        var lines = Encoding.Latin1.GetString(bytes.ToArray()).Split('\n');

        lines[0].Should().Be("{\"a\":\"x\u00ffy\"}");
        lines[1].Should().Be("{\"b\":\"\u00ff\"}");
        Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(lines[2])).Should().Be("{\"c\":\"\U0001F600\"}", "a surrogate pair is one character, encoded whole");
    }

    /// <summary>The oracle: non-blank lines and the line count as <see cref="TextReader.ReadLine"/> gives them.</summary>
    private static (int Count, List<(int, string)> Lines) ReadLines(string text)
    {
        var lines = new List<(int, string)>();
        var reader = new StringReader(text);
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                lines.Add((number, line));
            }
        }

        return (number, lines);
    }

    /// <summary>A long run of one byte, then a tail, made on the fly (nothing of it is held).</summary>
    private sealed class RepeatingStream : Stream
    {
        private readonly byte _value;
        private readonly long _length;
        private readonly byte[] _tail;
        private long _position;

        public RepeatingStream(byte value, long length, byte[] tail)
        {
            _value = value;
            _length = length;
            _tail = tail;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length + _tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = 0;
            while (n < count && _position < Length)
            {
                buffer[offset + n++] = _position < _length ? _value : _tail[_position - _length];
                _position++;
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that hands out one byte per read, to split every line break and mark across reads.</summary>
    private sealed class OneByteStream : MemoryStream
    {
        public OneByteStream(byte[] bytes)
            : base(bytes)
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer.Slice(0, Math.Min(buffer.Length, 1)));
    }
}
