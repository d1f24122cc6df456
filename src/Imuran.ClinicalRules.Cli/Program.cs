using System;
using System.IO;
using System.Text;
using Imuran.ClinicalRules.Cli;

// Standard output is buffered (Console.Out flushes on every write, a system call each time, which dominated batch
// runs) and flushed once the command has finished.
var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16) { AutoFlush = false };
try
{
    return CliApp.Run(args, Console.In, stdout, Console.Error, Console.OpenStandardInput);
}
finally
{
    stdout.Flush();
}
