using System;
using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Cli;

/// <summary>
/// <c>imuran-rules batch [FILE|-]</c>: NDJSON of patients in, NDJSON of results out, one line per input line in input
/// order, evaluated in parallel in bounded chunks. A bad line gives an error record and the run goes on.
/// </summary>
internal static class BatchCommand
{
    /// <summary>Lines per chunk: a few milliseconds of work for each core, about a megabyte of input.</summary>
    internal const int ChunkSize = 512;

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliIO io)
    {
        var input = new Argument<string>("input")
        {
            Description = "NDJSON: one patient-facts object (or FHIR R4 Bundle) per line; a file path, or '-' (the default) for standard input.",
            DefaultValueFactory = _ => "-",
        };
        var date = CommonOptions.EvaluationDate();
        var total = new Option<int?>("--expected-lines")
        {
            Description = "How many lines standard input will bring, so the progress bar can show time remaining (a file's size is used otherwise).",
        };
        var policy = new PolicyOptions();
        var engine = CommonOptions.Engine(RuleEngines.NRules);
        var command = new Command("batch", "Check many patients: NDJSON in, one NDJSON result per line out (with the input's line number and patient id), in input order.")
        {
            input, date, total, engine,
        };
        policy.AddTo(command);
        command.SetAction(parse =>
        {
            var (file, disable, thresholds) = policy.Values(parse);
            if (!PolicyOptions.TryBuild(io, file, disable, thresholds, parse.GetValue(engine) ?? RuleEngines.NRules, out var rules))
            {
                return ExitCodes.InvalidInput;
            }

            return Run(io, parse.GetValue(input) ?? "-", parse.GetValue(date), parse.GetValue(total), rules: rules);
        });
        return command;
    }

    internal static int Run(CliIO io, string source, string? evaluationDate, int? expectedLines = null, int chunkSize = ChunkSize, ClinicalRuleSet? rules = null)
    {
        rules ??= ClinicalRuleSet.Default;
        if (!CommonOptions.TryParseDate(evaluationDate, io, out var date))
        {
            return ExitCodes.InvalidInput;
        }

        if (expectedLines is < 0)
        {
            io.Error.WriteLine("error: --expected-lines must not be negative.");
            return ExitCodes.InvalidInput;
        }

        if (io.RefuseClosedInput(source))
        {
            return ExitCodes.InvalidInput;
        }

        if (source == "-" && io.OpenStandardInput() is { } stdin)
        {
            // Standard input takes the UTF-8 byte path too (UTF-8 is the NDJSON encoding; a UTF-8 byte order mark is skipped).
            using (stdin)
            {
                // Peek at the start (standard input cannot rewind), then read it again from the peeked bytes on.
                var head = new byte[4096];
                var n = ReadHead(stdin, head);
                if (LooksPrettyPrinted(head, n))
                {
                    io.Error.WriteLine(PrettyPrinted("standard input"));
                    return ExitCodes.InvalidInput;
                }

                using var whole = new PrefixedStream(head, n, stdin);
                return RunUtf8(io, whole, "standard input", null, date, expectedLines, chunkSize, rules);
            }
        }

        if (source != "-")
        {
            var stream = InputSource.OpenUtf8(io, source, out var fileLength);
            if (stream is null)
            {
                return ExitCodes.InvalidInput;
            }

            if (stream != Stream.Null)
            {
                var head = new byte[4096];
                var n = ReadHead(stream, head);
                stream.Position = 0;
                if (LooksPrettyPrinted(head, n))
                {
                    stream.Dispose();
                    io.Error.WriteLine(PrettyPrinted("'" + source + "'"));
                    return ExitCodes.InvalidInput;
                }
            }

            if (stream != Stream.Null)
            {
                using (stream)
                {
                    return RunUtf8(io, stream, "'" + source + "'", fileLength, date, expectedLines, chunkSize, rules);
                }
            }
        }

        // Text that is not UTF-8 (a UTF-16 or UTF-32 file, or standard input with no stream behind it) goes through the
        // same byte pipeline, transcoded to UTF-8.
        var reader = InputSource.Open(io, source, out var length);
        if (reader is null)
        {
            return ExitCodes.InvalidInput;
        }

        try
        {
            using var utf8 = new Utf8TextStream(reader);
            return RunUtf8(io, utf8, source == "-" ? "standard input" : "'" + source + "'", length, date, expectedLines, chunkSize, rules);
        }
        finally
        {
            if (!ReferenceEquals(reader, io.In))
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>
    /// The one path: lines stay bytes from input to output. A reader task splits the file into chunks
    /// while each chunk is evaluated in parallel slices, every slice writing its records as UTF-8 into its own reused
    /// buffer; the buffers go to the output in input order.
    /// </summary>
    private static int RunUtf8(CliIO io, Stream input, string inputName, long? length, ClinicalDate? date, int? expectedLines, int chunkSize, ClinicalRuleSet rules)
    {
        var today = CheckCommand.Today();
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        var output = new RecordOutput(io.Out);
        var slices = new RecordSlice[Math.Max(1, Environment.ProcessorCount * 4)];
        for (var i = 0; i < slices.Length; i++)
        {
            slices[i] = new RecordSlice();
        }

        var outcomes = new LineOutcome?[chunkSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        var lines = 0;
        try
        {
            ProgressDisplay.Run(io, "batch", length, expectedLines, progress =>
            {
                lines = NdjsonPipeline.Run(
                    input,
                    chunkSize,
                    chunk =>
                    {
                        var count = Math.Min(slices.Length, chunk.Count);
                        Parallel.For(0, count, options, s =>
                        {
                            var slice = slices[s];
                            slice.Buffer.ResetWrittenCount();
                            var to = (int)((long)chunk.Count * (s + 1) / count);
                            for (var i = (int)((long)chunk.Count * s / count); i < to; i++)
                            {
                                var outcome = LineOutcome.Evaluate(chunk, i, date, today, null, rules);
                                outcomes[i] = outcome;
                                slice.Write(outcome);
                            }
                        });

                        for (var s = 0; s < count; s++)
                        {
                            output.Write(slices[s].Buffer.WrittenSpan);
                        }

                        // Flushed per chunk, so a reader that went away stops the run within a chunk, and the records
                        // counted as written really left the tool.
                        output.Flush();
                        summary.Written += chunk.Count;
                        for (var i = 0; i < chunk.Count; i++)
                        {
                            summary.Add(outcomes[i]!);
                            outcomes[i] = null;
                        }
                    },
                    progress);
            });
        }
        catch (OutputClosedException ex)
        {
            return summary.OutputClosed(io.Error, ex);
        }

        summary.Write(io.Error, lines, clock.Elapsed.TotalSeconds);
        if (summary.Records == 0)
        {
            // An upstream extract that produced nothing must not look like a run that checked every patient.
            io.Error.WriteLine(NoPatients(inputName, lines));
            return ExitCodes.InvalidInput;
        }

        return summary.ExitCode;
    }

    /// <summary>
    /// The error for input with no patient line (no lines, or only blank ones): exit 2, a local choice [L] shared with
    /// <c>coverage</c> and <c>check</c> (which names "no patient", one document being one patient).
    /// </summary>
    /// <param name="inputName">The input as messages name it: <c>'path'</c>, or <c>standard input</c>.</param>
    /// <param name="lines">The lines the input holds, blank ones all.</param>
    /// <param name="patients">What was looked for: <c>patients</c> (lines of NDJSON), or <c>patient</c> (one document).</param>
    internal static string NoPatients(string inputName, long lines, string patients = "patients") =>
        lines == 0
            ? $"error: no {patients} in {inputName}: it is empty."
            : $"error: no {patients} in {inputName}: its {lines} line{(lines == 1 ? " is" : "s are")} blank.";

    private static string PrettyPrinted(string what) =>
        $"error: {what} looks like one JSON document spread over several lines; batch wants one document per line (NDJSON). Use 'check' for a single document, or write each patient on one line.";

    private static int ReadHead(Stream stream, byte[] head)
    {
        var n = 0;
        int read;
        while (n < head.Length && (read = stream.Read(head, n, head.Length - n)) > 0)
        {
            n += read;
        }

        return n;
    }

    /// <summary>
    /// Whether the first line of an input (its first <paramref name="n"/> bytes, after blank lines and a byte-order
    /// mark) opens a JSON object or array without closing it: a pretty-printed document, which batch would read as
    /// many broken lines.
    /// </summary>
    internal static bool LooksPrettyPrinted(byte[] head, int n)
    {
        var i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
        while (i < n && (head[i] == (byte)' ' || head[i] == (byte)'\t' || head[i] == (byte)'\r' || head[i] == (byte)'\n'))
        {
            i++;
        }

        if (i >= n || (head[i] != (byte)'{' && head[i] != (byte)'['))
        {
            return false;
        }

        var end = Array.IndexOf(head, (byte)'\n', i, n - i);
        if (end < 0)
        {
            return false;
        }

        var line = Encoding.UTF8.GetString(head, i, end - i).Trim();
        if (line.Length == 0)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            return false;
        }
        catch (JsonException)
        {
            // The first line is not a whole document; one that merely opens one is a pretty-printed file.
            return line is "{" or "[" || line.EndsWith("{", StringComparison.Ordinal) || line.EndsWith("[", StringComparison.Ordinal) || line.EndsWith(",", StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Writes the output line of <paramref name="o"/> and flushes the writer: <c>{"line":N,"patientId":"…","result":{…}}</c>
    /// for an evaluated line, or <c>{"line":N,"patientId":"…","error":{"code":"…","message":"…","problems":[…]}}</c> for a bad one.
    /// </summary>
    internal static void Write(LineOutcome o, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteNumber("line", o.Line);
        if (o.PatientId is not null)
        {
            w.WriteString("patientId", o.PatientId);
        }

        if (o.Result is not null)
        {
            w.WritePropertyName("result");
            EvaluationResultJson.Write(o.Result, w);
        }
        else
        {
            w.WriteStartObject("error");
            w.WriteString("code", o.ErrorCode);
            w.WriteString("message", o.ErrorMessage);
            if (o.Problems.Count > 0)
            {
                w.WriteStartArray("problems");
                foreach (var p in o.Problems)
                {
                    w.WriteStartObject();
                    w.WriteString("field", p.Field);
                    w.WriteString("code", p.Code);
                    w.WriteString("message", p.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>One slice of a chunk: its records as UTF-8 lines in a buffer reused from chunk to chunk.</summary>
    private sealed class RecordSlice
    {
        private readonly Utf8JsonWriter _writer;

        public RecordSlice()
        {
            _writer = new Utf8JsonWriter(Buffer, Compact);
        }

        public ArrayBufferWriter<byte> Buffer { get; } = new(1 << 16);

        public void Write(LineOutcome o)
        {
            _writer.Reset(Buffer);
            BatchCommand.Write(o, _writer);
            Buffer.GetSpan(1)[0] = (byte)'\n';
            Buffer.Advance(1);
        }
    }

    /// <summary>
    /// Where records go: straight to the stream under a UTF-8 <see cref="StreamWriter"/> without a byte order mark (the
    /// tool's standard output), else as text to the writer (tests).
    /// </summary>
    private sealed class RecordOutput
    {
        private readonly TextWriter _text;
        private readonly Stream? _stream;

        public RecordOutput(TextWriter text)
        {
            _text = text;
            if (text is StreamWriter { Encoding.CodePage: 65001 } writer && writer.Encoding.GetPreamble().Length == 0)
            {
                writer.Flush();
                _stream = writer.BaseStream;
            }
        }

        public void Write(ReadOnlySpan<byte> utf8)
        {
            if (_stream is not null)
            {
                _stream.Write(utf8);
            }
            else
            {
                _text.Write(Encoding.UTF8.GetString(utf8));
            }
        }

        public void Flush()
        {
            _stream?.Flush();
            _text.Flush();
        }
    }
}

/// <summary>The end-of-run counts written to standard error.</summary>
internal sealed class BatchSummary
{
    private readonly long[] _bySeverity = new long[4];

    public long Patients { get; private set; }

    public long Invalid { get; private set; }

    public long Incomplete { get; private set; }

    public long InternalErrors { get; private set; }

    /// <summary>Non-blank lines seen: patients evaluated, invalid lines and internal errors.</summary>
    public long Records => Patients + Invalid + InternalErrors;

    /// <summary>Records that reached standard output.</summary>
    public long Written { get; set; }

    /// <summary>Reports a run stopped because standard output closed, and gives its exit code (1).</summary>
    public int OutputClosed(System.IO.TextWriter error, System.IO.IOException ex)
    {
        error.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "batch: stopped: standard output closed ({0}); {1} records written; the rest of the input was not read or not written.",
            ex.Message,
            Written));
        return ExitCodes.InternalError;
    }

    /// <summary>0 when every line was evaluated; 1 for an internal error or an incomplete result; else 2 for an invalid line.</summary>
    public int ExitCode => InternalErrors > 0 || Incomplete > 0 ? ExitCodes.InternalError : Invalid > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;

    public void Add(LineOutcome o)
    {
        switch (o.Status)
        {
            case LineStatus.Invalid:
                Invalid++;
                return;
            case LineStatus.InternalError:
                InternalErrors++;
                return;
            case LineStatus.Incomplete:
                Incomplete++;
                break;
        }

        Patients++;
        foreach (var f in o.Result!.Findings)
        {
            _bySeverity[(int)f.Severity]++;
        }
    }

    public long Findings(Severity severity) => _bySeverity[(int)severity];

    public void Write(System.IO.TextWriter error, int lines, double seconds)
    {
        var c = CultureInfo.InvariantCulture;
        var rate = seconds > 0 ? Patients / seconds : 0;
        error.WriteLine(string.Format(
            c,
            "batch: {0} lines read; {1} patients evaluated ({2} incomplete); {3} invalid lines; {4} internal errors; {5:0.00} seconds ({6:0} patients/s)",
            lines,
            Patients,
            Incomplete,
            Invalid,
            InternalErrors,
            seconds,
            rate));
        error.WriteLine(string.Format(
            c,
            "findings: {0} critical, {1} warning, {2} info",
            Findings(Severity.Critical),
            Findings(Severity.Warning),
            Findings(Severity.Info)));
    }
}
