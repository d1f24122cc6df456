using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Feedback;

namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>
/// Exports the feedback kept in the <see cref="ICdsFeedbackStore"/> as a clinician feedback export
/// (<see cref="ClinicianFeedbackJson"/>, format <c>imuran-clinicalrules-feedback</c> version 1), stamped with the rule set
/// the service evaluates with and the host's clock. <c>imuran-rules coverage --feedback FILE</c> reads the file beside a
/// cohort run. Free-text comments are left out. Registered by <c>AddImuranCdsHooks</c>; resolve it to write an export,
/// e.g. when the host stops. Thread-safe.
/// </summary>
public sealed class CdsFeedbackExporter
{
    private readonly ICdsFeedbackStore _store;
    private readonly ClinicalRuleSet _ruleSet;
    private readonly TimeProvider _time;

    /// <summary>Creates an exporter of <paramref name="store"/> for feedback about cards of <paramref name="ruleSet"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CdsFeedbackExporter(ICdsFeedbackStore store, ClinicalRuleSet ruleSet, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _ruleSet = ruleSet;
        _time = time;
    }

    /// <summary>The feedback kept now, one entry per card (its latest outcome), with per-rule counts and override reasons.</summary>
    public ClinicianFeedbackExport Export() => ClinicianFeedbackExport.Create(
        _ruleSet.Id,
        _ruleSet.Version,
        _time.GetUtcNow(),
        _store.Export().Select(f => new ClinicianFeedbackEntry
        {
            ServiceId = f.ServiceId,
            CardUuid = f.CardUuid,
            RuleId = f.RuleId,
            Outcome = f.Outcome,
            OverrideReason = f.Outcome == CardOutcome.Overridden && !string.IsNullOrWhiteSpace(f.OverrideReasonCode)
                ? new OverrideReason(f.OverrideReasonSystem, f.OverrideReasonCode!)
                : null,
            OutcomeTimestamp = f.OutcomeTimestamp,
        }));

    /// <summary>Writes <see cref="Export"/> as UTF-8 JSON to <paramref name="utf8Json"/> (not closed).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public async Task WriteAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        ClinicianFeedbackJson.Write(buffer, Export());
        buffer.Position = 0;
        await buffer.CopyToAsync(utf8Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <see cref="Export"/> to <paramref name="path"/>, replacing it: a temporary file beside it is written first and then moved, so a reader never sees half a file.</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="IOException">The file could not be written.</exception>
    public async Task WriteFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temporary = full + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 16 * 1024, useAsync: true))
        {
            await WriteAsync(file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, full, overwrite: true);
    }
}
