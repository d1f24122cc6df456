using System.IO;
using System.Text;
using System.Threading;
using Imuran.ClinicalRules.Cli;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// The byte pipeline of <c>batch FILE</c> must split lines, number them and skip blank ones exactly as the text
/// pipeline (<see cref="TextReader.ReadLine"/>) does, keep memory bounded, and the command must write the same output
/// from a file as from standard input.
/// </summary>
public sealed class Utf8NdjsonPipelineTests
{
    private const string Awkward =
        "{\"a\":1}\n\n   \n{\"b\":2}\r\n{\"c\":3}\r{\"d\":4}\r\n\r\n\u00a0\u2003\n\t\n é {\n{\"e\":\"ü\"}\n \t x\n{\"f\":6}";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(512)]
    public void Run_AwkwardLineBreaksAndBlankLines_GivesTheTextPipelinesLines(int chunkSize)
    {
        foreach (var text in new[] { Awkward, Awkward + "\n", Awkward + "\r", Awkward + "\r\n   ", "\uFEFF" + Awkward, string.Empty, "\n\n", "x" })
        {
            foreach (var slow in new[] { false, true })
            {
                var expected = new List<(int, string)>();
                var expectedCount = NdjsonPipeline.Run(new StringReader(text.TrimStart('\uFEFF')), chunkSize, l => (l.Number, l.Text), expected.Add);

                var actual = new List<(int, string)>();
                var bytes = new UTF8Encoding(false).GetBytes(text);
                Stream input = slow ? new OneByteStream(bytes) : new MemoryStream(bytes);
                var count = Utf8NdjsonPipeline.Run(input, chunkSize, chunk =>
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

        Utf8NdjsonPipeline.Run(new MemoryStream(Encoding.UTF8.GetBytes(text)), 1, chunk => actual.Add(Encoding.UTF8.GetString(chunk.Line(0))));

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

        var count = Utf8NdjsonPipeline.Run(input, 100, chunk =>
        {
            Thread.Sleep(chunk.Number(0) % 5000 == 1 ? 20 : 0); // let the reader run ahead as far as it can
            processed += chunk.Bytes;
            mostAhead = Math.Max(mostAhead, input.Position - processed);
        });

        count.Should().Be(lines);
        processed.Should().Be(bytes.Length);
        mostAhead.Should().BeLessThan(256 * 1024, "the reader holds at most a few chunks of 10 KB and one 64 KB read buffer");
    }

    [Fact]
    public void Batch_FileAndStandardInput_WriteTheSameRecords()
    {
        var lines = new List<string>
        {
            BatchCommandTests.PatientA, string.Empty, BatchCommandTests.NotJson, "   ", BatchCommandTests.PatientB,
            "{\"patientId\":\"x\",\"evaluationDate\":\"2026-01-15\",\"colour\":\"red\"}",
            "{\"patientId\":\"\\u0078\",\"evaluationDate\":\"2026-01-15T08:00:00Z\",\"sex\":\"FEMALE\"}",
            "{\"patientId\":\"nodate\",\"sex\":\"male\"}",
            "[1,2]",
        };
        lines.AddRange(ResearchCliRunner.Run(string.Empty, "scenarios").OutLines.Take(40));
        lines.AddRange(ResearchCliRunner.Run(string.Empty, "cohort", "-n", "200").OutLines);
        var text = string.Join("\r\n", lines) + "\n";
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(true));
            foreach (var date in new[] { null, "2025-06-30" })
            {
                var args = date is null ? new[] { "batch" } : new[] { "batch", "--evaluation-date", date };
                var fromStdin = ResearchCliRunner.Run(text, args.Append("-").ToArray());
                var fromFile = ResearchCliRunner.Run(string.Empty, args.Append(path).ToArray());

                fromFile.ExitCode.Should().Be(fromStdin.ExitCode).And.Be(ExitCodes.InvalidInput);
                fromFile.OutLines.Should().HaveCount(lines.Count(l => l.Trim().Length > 0));
                fromFile.Out.Should().Be(fromStdin.Out);
                FirstWords(fromFile.Error).Should().Be(FirstWords(fromStdin.Error));
            }

            // Small chunks, and records written straight to a UTF-8 stream.
            var bytes = new MemoryStream();
            using (var stdout = new StreamWriter(bytes, new UTF8Encoding(false)))
            {
                var io = new CliIO(new StringReader(string.Empty), stdout, new StringWriter(), null);
                BatchCommand.Run(io, path, null, chunkSize: 3).Should().Be(ExitCodes.InvalidInput);
            }

            Encoding.UTF8.GetString(bytes.ToArray()).Should().Be(ResearchCliRunner.Run(text, "batch").Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The summary up to the timing, which differs from run to run.</summary>
    private static string FirstWords(string summary) => summary.Substring(0, summary.LastIndexOf("; ", summary.IndexOf(" seconds", StringComparison.Ordinal), StringComparison.Ordinal));

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
