using System.IO;
using Imuran.ClinicalRules.Cli;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>Runs the imuran-rules command line in-process with captured streams.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) RunWithInput(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var bytes = System.Text.Encoding.UTF8.GetBytes(stdin);
        var exit = CliApp.Run(args, new StringReader(stdin), output, error, () => new MemoryStream(bytes));
        return (exit, output.ToString(), error.ToString());
    }

    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWithInput(string.Empty, args);
}
