using System;
using System.CommandLine;
using System.IO;

namespace Imuran.ClinicalRules.Cli;

/// <summary>The imuran-rules command line: parses arguments and runs a command with the given streams.</summary>
internal static class CliApp
{
    /// <summary>A parser message without .NET type names ("as expected type 'System.Int32'" becomes words).</summary>
    internal static string Plain(string message) => System.Text.RegularExpressions.Regex.Replace(
        message,
        @"as expected type '([^']*)'",
        m => m.Groups[1].Value switch
        {
            var t when t.Contains("Int32", StringComparison.Ordinal) => "as a whole number (at most 2,147,483,647)",
            var t when t.Contains("Int64", StringComparison.Ordinal) => "as a whole number",
            var t when t.Contains("Double", StringComparison.Ordinal) || t.Contains("Decimal", StringComparison.Ordinal) => "as a number",
            _ => "as a valid value",
        },
        System.Text.RegularExpressions.RegexOptions.None,
        TimeSpan.FromSeconds(1));

    /// <summary>Parses <paramref name="args"/> and runs the command with the given streams; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="stdin">Standard input as text.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="openStdin">Opens standard input as bytes, when the host can.</param>
    /// <param name="stdinClosed">Standard input was closed when the tool started: reading '-' must fail, not wait.</param>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<Stream>? openStdin = null, bool stdinClosed = false)
    {
        var io = new CliIO(stdin, stdout, stderr, openStdin) { StandardInputClosed = stdinClosed };
        var root = new RootCommand("imuran-rules: azathioprine (Imuran) clinical decision support. Raises cautions and monitoring prompts for clinician review; never makes a dosing decision.");
        root.Subcommands.Add(CheckCommand.Create(io));
        root.Subcommands.Add(CatalogCommand.Create(io));
        root.Subcommands.Add(BatchCommand.Create(io));
        root.Subcommands.Add(CoverageCommand.Create(io));
        root.Subcommands.Add(ScenariosCommand.Create(io));
        root.Subcommands.Add(CohortCommand.Create(io));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                stderr.WriteLine("error: " + Plain(e.Message) + Hint(e.Message, parsed));
            }

            stderr.WriteLine("Run 'imuran-rules --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (OutputClosedException ex)
        {
            stderr.WriteLine("error: cannot write standard output: " + ex.Message);
            return ExitCodes.InternalError;
        }
        catch (Exception ex)
        {
            stderr.WriteLine("internal error: " + ex.GetType().Name + ": " + ex.Message);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>" Did you mean '…'?" for a mistyped command or option: the nearest of the command's own.</summary>
    private static string Hint(string message, ParseResult parsed)
    {
        const string Marker = "Unrecognized command or argument '";
        var start = message.IndexOf(Marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return string.Empty;
        }

        start += Marker.Length;
        var end = message.IndexOf('\'', start);
        if (end <= start)
        {
            return string.Empty;
        }

        var token = message.Substring(start, end - start);
        var command = parsed.CommandResult.Command;
        if (token.StartsWith("-", StringComparison.Ordinal))
        {
            var options = new System.Collections.Generic.List<string>();
            foreach (var o in command.Options)
            {
                options.Add(o.Name);
                options.AddRange(o.Aliases);
            }

            return Suggestions.DidYouMean(token, options);
        }

        if (command is RootCommand && parsed.Tokens.Count > 0 && parsed.Tokens[0].Value == token)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (var c in command.Subcommands)
            {
                names.Add(c.Name);
            }

            return Suggestions.DidYouMean(token, names);
        }

        return string.Empty;
    }
}

/// <summary>The streams a command reads and writes (so tests can capture them).</summary>
internal sealed class CliIO
{
    private readonly Func<Stream>? _openStdin;

    public CliIO(TextReader stdin, TextWriter stdout, TextWriter stderr, Func<Stream>? openStdin)
    {
        In = stdin;
        Out = stdout;
        Error = stderr;
        _openStdin = openStdin;
    }

    public TextReader In { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Standard input was closed when the tool started (reading '-' is then an error, never a wait).</summary>
    public bool StandardInputClosed { get; init; }

    /// <summary>Writes the closed-input error when <paramref name="source"/> is standard input and it is closed.</summary>
    public bool RefuseClosedInput(string source)
    {
        if (source != "-" || !StandardInputClosed)
        {
            return false;
        }

        Error.WriteLine("error: standard input is closed; give a file, or pipe the input in.");
        return true;
    }

    /// <summary>Standard input as a byte stream, when the host gave one (the tool does; some tests do not).</summary>
    public Stream? OpenStandardInput() => _openStdin?.Invoke();

    /// <summary>The largest input document <c>check</c> reads, 64 MiB (a local choice: far above any real patient record).</summary>
    public const long MaxDocumentBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Reads a whole input named on the command line (a file path, or '-' for standard input) as strict UTF-8: a
    /// byte-order mark is skipped; invalid UTF-8, a directory, a missing file, a closed standard input or a document
    /// over <paramref name="maxBytes"/> is reported on standard error (one line) and gives <see langword="false"/>.
    /// </summary>
    public bool TryReadAll(string source, long maxBytes, out string text)
    {
        text = string.Empty;
        if (RefuseClosedInput(source))
        {
            return false;
        }

        var shown = source == "-" ? "standard input" : "'" + source + "'";
        byte[] bytes;
        try
        {
            if (source != "-" && Directory.Exists(source))
            {
                Error.WriteLine($"error: cannot read {shown}: it is a directory, not a file.");
                return false;
            }

            using var stream = source == "-" ? OpenStandardInput() : new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            if (stream is null)
            {
                text = In.ReadToEnd();
                return true;
            }

            var buffer = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > maxBytes)
                {
                    Error.WriteLine($"error: {shown} is larger than {maxBytes / (1024 * 1024)} MiB, the most one document may be; it was not read.");
                    return false;
                }
            }

            bytes = buffer.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Error.WriteLine($"error: cannot read {shown}: {ex.Message}");
            return false;
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            return true;
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            Error.WriteLine($"error: {shown} is not valid UTF-8 (an invalid byte near byte {ex.Index + start + 1}); it was not read, because replaced characters could change its meaning.");
            return false;
        }
    }

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
