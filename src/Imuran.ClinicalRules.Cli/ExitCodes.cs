namespace Imuran.ClinicalRules.Cli;

/// <summary>The tool's exit codes, a stable contract for scripts and pharmacy systems.</summary>
internal static class ExitCodes
{
    /// <summary>The input was evaluated (or the command succeeded).</summary>
    public const int Ok = 0;

    /// <summary>An internal error, or an evaluation that could not be completed (a rule failed, or an order's medicine was not identified).</summary>
    public const int InternalError = 1;

    /// <summary>Invalid input or usage; the problems are printed.</summary>
    public const int InvalidInput = 2;

    /// <summary>A finding at or above the <c>--fail-on</c> severity is present (or a coverage gate failed).</summary>
    public const int ThresholdReached = 3;
}
