using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Imuran.ClinicalRules.Cli;

/// <summary>
/// A progress bar with rate and time remaining on standard error, shown only when standard error is the process's
/// own terminal; otherwise (redirected, or a test's writer) nothing is drawn. Standard output is never touched.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Whether a progress bar can be drawn on <paramref name="io"/>'s standard error.</summary>
    public static bool IsTerminal(CliIO io) => ReferenceEquals(io.Error, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>
    /// Runs <paramref name="body"/>, giving it a callback to report each chunk (lines, characters). The bar's total is
    /// the file's length in characters when known, else <paramref name="expectedLines"/>, else it is indeterminate.
    /// </summary>
    public static void Run(CliIO io, string title, long? totalChars, int? expectedLines, Action<Action<int, long>?> body)
    {
        if (!IsTerminal(io))
        {
            body(null);
            return;
        }

        // Standard input is usually a pipe here, which Spectre would take as a non-interactive session; standard
        // error is known to be a terminal, so the live display is asked for explicitly.
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        var counter = new RateCounter();
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new RateColumn(counter),
                new ElapsedTimeColumn(),
                new EtaColumn(),
                new SpinnerColumn())
            .Start(ctx =>
            {
                var byChars = totalChars is > 0;
                var task = ctx.AddTask(title, maxValue: byChars ? totalChars!.Value : expectedLines ?? 1);
                task.IsIndeterminate = !byChars && expectedLines is null;
                body((lines, chars) =>
                {
                    counter.Add(lines);
                    if (!task.IsIndeterminate)
                    {
                        task.Increment(byChars ? chars : lines);
                    }
                });
                task.Value = task.MaxValue;
                task.IsIndeterminate = false;
                task.StopTask();
            });
    }

    /// <summary>Patients done so far and since when; read by the render thread.</summary>
    private sealed class RateCounter
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;

        public long Done => Interlocked.Read(ref _done);

        public double Seconds => _clock.Elapsed.TotalSeconds;

        public void Add(int lines) => Interlocked.Add(ref _done, lines);
    }

    /// <summary>"12,345 patients  2,100/s".</summary>
    private sealed class RateColumn : ProgressColumn
    {
        private readonly RateCounter _counter;

        public RateColumn(RateCounter counter) => _counter = counter;

        protected override bool NoWrap => true;

        public override int? GetColumnWidth(RenderOptions options) => 30;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            var done = _counter.Done;
            var seconds = _counter.Seconds;
            var rate = seconds > 0 ? done / seconds : 0;
            return new Text(string.Format(CultureInfo.InvariantCulture, "{0,9:N0} patients {1,7:N0}/s", done, rate));
        }
    }

    /// <summary>"ETA 0:01:23", or "ETA -:--:--" while the total is unknown.</summary>
    private sealed class EtaColumn : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
        {
            if (task.IsIndeterminate || task.RemainingTime is not { } left)
            {
                return new Text("ETA -:--:--");
            }

            return new Text("ETA " + ((int)left.TotalHours).ToString(CultureInfo.InvariantCulture) + left.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture));
        }
    }
}
