using System;
using System.IO;
using System.Text;
using Imuran.ClinicalRules.Cli;

// Standard output is buffered (Console.Out flushes on every write, a system call each time, which dominated batch
// runs) and flushed once the command has finished. It is written through a stream that reports a full disk or a
// reader that went away, so lost output never looks like success.
if (StandardStreams.WasClosedAtStart(1))
{
    Console.Error.WriteLine("error: standard output is closed; nothing could be written.");
    return ExitCodes.InternalError;
}

var output = StandardStreams.OpenOutput();
var stdout = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
var exit = CliApp.Run(args, Console.In, stdout, Console.Error, Console.OpenStandardInput, StandardStreams.WasClosedAtStart(0));
try
{
    stdout.Flush();
}
catch (OutputClosedException ex)
{
    Console.Error.WriteLine("error: cannot write standard output: " + ex.Message);
    return ExitCodes.InternalError;
}

return exit;
