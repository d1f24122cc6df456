using System;
using System.CommandLine;
using System.IO;

namespace Imuran.ClinicalRules.Cli;

/// <summary>The imuran-rules command line: parses arguments and runs a command with the given streams.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<Stream>? openStdin = null)
    {
        var io = new CliIO(stdin, stdout, stderr, openStdin);
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
                stderr.WriteLine("error: " + e.Message + Hint(e.Message, parsed));
            }

            stderr.WriteLine("Run 'imuran-rules --help' for usage.");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
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

    /// <summary>Standard input as a byte stream, when the host gave one (the tool does; some tests do not).</summary>
    public Stream? OpenStandardInput() => _openStdin?.Invoke();

    /// <summary>Reads a whole input named on the command line: a file path, or '-' for standard input.</summary>
    public string ReadAll(string source) => source == "-" ? In.ReadToEnd() : File.ReadAllText(source);
}
