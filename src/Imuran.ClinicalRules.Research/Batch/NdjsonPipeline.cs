using System;
using System.IO;
using System.Threading.Tasks;

namespace Imuran.ClinicalRules.Research.Batch;

/// <summary>One non-blank input line: its 1-based line number (blank lines count) and its text.</summary>
internal readonly record struct InputLine(int Number, string Text);

/// <summary>
/// Streams NDJSON through a per-line function in bounded chunks: read up to <c>chunkSize</c> lines, run the function on
/// them in parallel, hand the results to <c>consume</c> in input order, repeat. At most one chunk of lines and one of
/// results is held at a time, so memory does not grow with the input, and the output order is the input order
/// whatever the thread timing.
/// </summary>
internal static class NdjsonPipeline
{
    /// <summary>The default chunk: large enough to keep every core busy, small enough to keep memory flat.</summary>
    public const int DefaultChunkSize = 128;

    /// <summary>Runs the pipeline; returns the number of lines read, blank ones included.</summary>
    /// <param name="input">The NDJSON text.</param>
    /// <param name="chunkSize">Lines per chunk (at least 1).</param>
    /// <param name="work">Runs on a worker thread for each non-blank line; must be thread-safe.</param>
    /// <param name="consume">Runs on the calling thread for each result, in input order.</param>
    /// <param name="progress">Told after each chunk how many non-blank lines and input characters it held.</param>
    public static int Run<T>(TextReader input, int chunkSize, Func<InputLine, T> work, Action<T> consume, Action<int, long>? progress = null)
    {
        if (chunkSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), "The chunk size must be at least 1.");
        }

        var lines = new InputLine[chunkSize];
        var results = new T[chunkSize];
        var lineNumber = 0;
        var done = false;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        while (!done)
        {
            var count = 0;
            long chars = 0;
            while (count < chunkSize)
            {
                var text = input.ReadLine();
                if (text is null)
                {
                    done = true;
                    break;
                }

                lineNumber++;
                chars += text.Length + 1;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    lines[count++] = new InputLine(lineNumber, text);
                }
            }

            if (count == 0)
            {
                continue;
            }

            if (count == 1)
            {
                results[0] = work(lines[0]);
            }
            else
            {
                Parallel.For(0, count, options, i => results[i] = work(lines[i]));
            }

            for (var i = 0; i < count; i++)
            {
                consume(results[i]);
                results[i] = default!;
                lines[i] = default;
            }

            progress?.Invoke(count, chars);
        }

        return lineNumber;
    }
}
