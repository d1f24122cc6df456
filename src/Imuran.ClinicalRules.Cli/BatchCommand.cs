using System;
using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Cli.Research;
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
        var command = new Command("batch", "Check many patients: NDJSON in, one NDJSON result per line out (with the input's line number and patient id), in input order.")
        {
            input, date, total,
        };
        command.SetAction(parse => Run(io, parse.GetValue(input) ?? "-", parse.GetValue(date), parse.GetValue(total)));
        return command;
    }

    internal static int Run(CliIO io, string source, string? evaluationDate, int? expectedLines = null, int chunkSize = NdjsonPipeline.DefaultChunkSize)
    {
        if (!CommonOptions.TryParseDate(evaluationDate, io, out var date))
        {
            return ExitCodes.InvalidInput;
        }

        if (expectedLines is < 0)
        {
            io.Error.WriteLine("error: --expected-lines must not be negative.");
            return ExitCodes.InvalidInput;
        }

        var reader = InputSource.Open(io, source, out var length);
        if (reader is null)
        {
            return ExitCodes.InvalidInput;
        }

        var today = CheckCommand.Today();
        var summary = new BatchSummary();
        var clock = Stopwatch.StartNew();
        var lines = 0;
        try
        {
            ProgressDisplay.Run(io, "batch", length, expectedLines, progress =>
            {
                lines = NdjsonPipeline.Run(
                    reader,
                    chunkSize,
                    line => Evaluate(line, date, today),
                    item =>
                    {
                        io.Out.Write(item.Json);
                        io.Out.Write('\n');
                        summary.Add(item);
                    },
                    progress);
            });
        }
        finally
        {
            if (!ReferenceEquals(reader, io.In))
            {
                reader.Dispose();
            }
        }

        io.Out.Flush();
        summary.Write(io.Error, lines, clock.Elapsed.TotalSeconds);
        return summary.ExitCode;
    }

    /// <summary>Reads, evaluates and serialises one line (on a worker thread).</summary>
    internal static BatchItem Evaluate(InputLine line, ClinicalDate? date, ClinicalDate today)
    {
        var outcome = LineOutcome.Evaluate(line, date, today, listener: null);
        return new BatchItem(Record(outcome), outcome);
    }

    /// <summary>
    /// The output line: <c>{"line":N,"patientId":"…","result":{…}}</c> for an evaluated line, or
    /// <c>{"line":N,"patientId":"…","error":{"code":"…","message":"…","problems":[…]}}</c> for a bad one.
    /// </summary>
    internal static string Record(LineOutcome o)
    {
        // One buffer and writer per worker thread, reused line after line.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16384);
        buffer.ResetWrittenCount();
        var w = t_writer ??= new Utf8JsonWriter(buffer, Compact);
        w.Reset(buffer);
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

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;
}

/// <summary>One evaluated line: its output record and what the summary counts.</summary>
internal sealed record BatchItem(string Json, LineOutcome Outcome);

/// <summary>The end-of-run counts written to standard error.</summary>
internal sealed class BatchSummary
{
    private readonly long[] _bySeverity = new long[4];

    public long Patients { get; private set; }

    public long Invalid { get; private set; }

    public long Incomplete { get; private set; }

    public long InternalErrors { get; private set; }

    /// <summary>0 when every line was evaluated; 1 for an internal error or an incomplete result; else 2 for an invalid line.</summary>
    public int ExitCode => InternalErrors > 0 || Incomplete > 0 ? ExitCodes.InternalError : Invalid > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;

    public void Add(BatchItem item)
    {
        var o = item.Outcome;
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
