using System.Diagnostics;
using System.IO;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// Runs the built imuran-rules tool as a real process through bash, for what an in-process run cannot show: a closed
/// or full standard stream, a reader that goes away early. Linux only (the CI machine); elsewhere the tests return early.
/// </summary>
internal static class ToolProcess
{
    public static bool Available => OperatingSystem.IsLinux() && File.Exists("/bin/bash") && File.Exists(Tool);

    /// <summary>The apphost copied beside the tests by the project reference.</summary>
    public static string Tool => Path.Combine(AppContext.BaseDirectory, "imuran-rules");

    /// <summary>Runs <paramref name="script"/> with <c>$TOOL</c> set; it is killed after <paramref name="timeoutSeconds"/>.</summary>
    public static (int Exit, string Out, string Err, bool TimedOut) Bash(string script, int timeoutSeconds = 60)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["TOOL"] = Tool;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, output.Result, error.Result, true);
        }

        return (process.ExitCode, output.Result, error.Result, false);
    }
}
