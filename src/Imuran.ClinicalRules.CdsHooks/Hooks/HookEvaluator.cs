using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Cards;
using Imuran.ClinicalRules.CdsHooks.Contract;
using Imuran.ClinicalRules.CdsHooks.Discovery;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Internal;
using Imuran.ClinicalRules.CdsHooks.Prefetch;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Fhir;

namespace Imuran.ClinicalRules.CdsHooks.Hooks;

/// <summary>How a call ended: cards, or an error status with an OperationOutcome.</summary>
internal sealed record HookOutcome(int Status, CardsResponse? Cards, OperationOutcome? Error)
{
    public static HookOutcome Ok(CardsResponse cards) => new(200, cards, null);

    public static HookOutcome Fail(int status, string code, string diagnostics, string? expression = null) =>
        new(status, null, OperationOutcome.Error(code, diagnostics, expression));
}

/// <summary>
/// Answers one hook call: decides whether the call is about azathioprine at all, gathers the FHIR data (prefetch, then
/// the FHIR server), reads it with the project's FHIR reader, evaluates the rule set and makes the cards.
/// Thread-safe: holds no per-call state.
/// </summary>
internal sealed class HookEvaluator
{
    private readonly IClinicalRuleEvaluator _ruleSet;
    private readonly CardFactory _cards;
    private readonly PrefetchResolver _prefetch;
    private readonly ICdsFeedbackStore _feedback;
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo? _zone;

    public HookEvaluator(IClinicalRuleEvaluator ruleSet, CardFactory cards, PrefetchResolver prefetch, ICdsFeedbackStore feedback, TimeProvider time, TimeZoneInfo? zone)
    {
        _ruleSet = ruleSet;
        _cards = cards;
        _prefetch = prefetch;
        _feedback = feedback;
        _time = time;
        _zone = zone;
    }

    public async Task<HookOutcome> EvaluateAsync(ServiceDefinition service, HookRequest request, CancellationToken cancellationToken)
    {
        // An order hook whose draft names no medicine or vaccine (the sandbox's first order-select) has nothing to check.
        if (service.Kind != HookKind.PatientView && !DraftOrders.HaveMedicationOrVaccine(request.Drafts))
        {
            return HookOutcome.Ok(CardsResponse.Empty);
        }

        using var data = await _prefetch.ResolveAsync(request, cancellationToken).ConfigureAwait(false);
        if (!data.HasPatient)
        {
            var why = data.Gaps.FirstOrDefault(g => g.Key == ServiceCatalog.PatientKey)?.ToString()
                ?? "patient: no Patient resource in the prefetch";
            return data.FhirServerRefused
                ? HookOutcome.Fail(
                    412,
                    "forbidden",
                    $"The Patient (Patient/{request.PatientId}) is needed and is not in the prefetch, and the fhirServer '{request.FhirServer}' is not one this service may read (its host lists them in AllowedFhirServers). Send the Patient as prefetch '{ServiceCatalog.PatientKey}'.",
                    "fhirServer")
                : HookOutcome.Fail(
                    412,
                    "not-found",
                    $"The Patient (Patient/{request.PatientId}) is needed and could not be had ({why}). Send it as prefetch '{ServiceCatalog.PatientKey}' or give fhirServer and fhirAuthorization.",
                    "prefetch." + ServiceCatalog.PatientKey);
        }

        var evaluationDate = EvaluationDate();
        var mapping = ReadFhir(data.Values, request.Drafts, evaluationDate, out var firstDraft);
        if (!mapping.Succeeded)
        {
            return HookOutcome.Fail(412, "processing", "The FHIR data could not be read: " + NoDoseText.RemoveStrengths(mapping.Error!.Message), mapping.Error.Path);
        }

        // A draft order whose medicine could not be identified may be azathioprine, or interact with it: say it was not
        // checked, whatever else the call gives (QA, 2 Dec: an unreadable azathioprine draft answered no cards at all).
        var draftsNotChecked = service.Kind == HookKind.PatientView
            ? new List<string>()
            : mapping.Problems
                .Where(p => p.Code == MappingProblemCode.MedicineNotIdentified && IsFromDrafts(p.Path, firstDraft))
                .Select(p => p.Message)
                .ToList();

        var facts = mapping.Facts!;
        if (service.Kind == HookKind.PatientView && !IsAboutAzathioprine(service.Kind, facts.Therapy.Status)
            && MedicationDataNotHad(data, mapping) is { Count: > 0 } notHad)
        {
            // Stop 28: patient-view speaks only for a patient who takes azathioprine, which only the medication orders
            // and statements tell; without them, or with a current order whose medicine could not be identified (a
            // medicationReference to a Medication not sent), "not on it" and "could not tell" both answered 200 with no
            // cards. CDS Hooks: a service that cannot obtain data it requires answers 412. An unidentified draft or
            // planned order cannot tell it (stop 30): it is not counted here.
            return HookOutcome.Fail(
                412,
                data.FhirServerRefused ? "forbidden" : "not-found",
                $"Whether the patient takes azathioprine cannot be told without the medication orders and statements ({string.Join("; ", notHad.Select(n => n.Text))}). Send them as prefetch or give fhirServer and fhirAuthorization.",
                data.FhirServerRefused ? "fhirServer" : notHad[0].Expression);
        }

        if (!IsAboutAzathioprine(service.Kind, facts.Therapy.Status))
        {
            return draftsNotChecked.Count == 0
                ? HookOutcome.Ok(CardsResponse.Empty)
                : HookOutcome.Ok(new CardsResponse(new List<Card> { DraftsNotCheckedCard(service, request, draftsNotChecked) }));
        }

        facts = facts with
        {
            Setting = service.Kind switch
            {
                HookKind.PatientView => CareSetting.Review,
                HookKind.MedicationVerify => CareSetting.Dispensing,
                _ => CareSetting.Prescribing,
            },
            Medications = facts.Medications.Select(m => NoDoseText.RemoveStrengths(m.Name) is var name && name == m.Name ? m : m with { Name = name }).ToArray(),
            Allergies = facts.Allergies.Select(a => NoDoseText.RemoveStrengths(a.Substance) is var name && name == a.Substance ? a : a with { Substance = name }).ToArray(),
        };

        var result = _ruleSet.Evaluate(facts);
        var missing = data.Gaps.Select(g => g.ToString())
            .Concat(mapping.Problems.Where(p => p.MeansIncompleteData).Select(p => p.Message))
            .ToList();
        var notRecognised = result.Unrecognised.Select(u => $"{u.Category} '{u.Text}'").ToList();
        var gaps = new DataGaps(missing, notRecognised);

        var cards = new List<Card>();
        if (!result.IsValid)
        {
            var uuid = CardIds.For(service.Id, request.HookInstance, "INPUT-INVALID");
            _feedback.RecordIssued(new IssuedCard(service.Id, uuid, "INPUT-INVALID"));
            cards.Add(_cards.InvalidData(result.Validation, uuid, gaps));
            if (draftsNotChecked.Count > 0)
            {
                cards.Add(DraftsNotCheckedCard(service, request, draftsNotChecked));
            }

            return HookOutcome.Ok(new CardsResponse(cards));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in result.Findings)
        {
            seen[finding.RuleId] = seen.TryGetValue(finding.RuleId, out var n) ? n + 1 : 0;
            var key = seen[finding.RuleId] == 0 ? finding.RuleId : $"{finding.RuleId}#{seen[finding.RuleId]}";
            var uuid = CardIds.For(service.Id, request.HookInstance, key);
            _feedback.RecordIssued(new IssuedCard(service.Id, uuid, finding.RuleId));
            cards.Add(_cards.FromFinding(finding, uuid, gaps));
        }

        if (draftsNotChecked.Count > 0)
        {
            cards.Add(DraftsNotCheckedCard(service, request, draftsNotChecked));
        }

        if (result.RuleErrors.Count > 0)
        {
            var uuid = CardIds.For(service.Id, request.HookInstance, "REVIEW-INCOMPLETE");
            _feedback.RecordIssued(new IssuedCard(service.Id, uuid, "REVIEW-INCOMPLETE"));
            cards.Add(_cards.RulesFailed(result.RuleErrors.Select(e => e.RuleId).Distinct().ToList(), uuid));
        }

        return HookOutcome.Ok(new CardsResponse(cards));
    }

    /// <summary>
    /// Today in the options' time zone, else in the clock's: the FHIR reader keeps each date as the EHR wrote it, so a
    /// UTC date would put this morning's results east of UTC "in the future" (QA, 2 Dec).
    /// </summary>
    private ClinicalDate EvaluationDate()
    {
        var today = TimeZoneInfo.ConvertTime(_time.GetUtcNow(), _zone ?? _time.LocalTimeZone);
        return new ClinicalDate(today.Year, today.Month, today.Day);
    }

    /// <summary>
    /// One Bundle of the prefetch values and the drafts, read by the project's FHIR reader. The Bundle is written into a
    /// buffer kept for the thread (written and read without an await, so no other call can use it meanwhile); a buffer
    /// grown past <see cref="MaxKeptPayload"/> bytes by a large request is not kept.
    /// </summary>
    private static FhirMappingResult ReadFhir(IEnumerable<System.Text.Json.JsonElement> values, IEnumerable<System.Text.Json.JsonElement> drafts, ClinicalDate evaluationDate, out int firstDraft)
    {
        var buffer = t_payload ?? new ArrayBufferWriter<byte>(16 * 1024);
        t_payload = null;
        buffer.ResetWrittenCount();
        firstDraft = FhirPayload.Write(buffer, values, drafts);
        var written = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(buffer.WrittenMemory, out var segment)
            ? segment
            : new ArraySegment<byte>(buffer.WrittenMemory.ToArray());
        FhirMappingResult mapping;
        using (var stream = new System.IO.MemoryStream(written.Array!, written.Offset, written.Count, writable: false))
        {
            // Every part of the payload is already bounded (the request body by MaxRequestBodyBytes, each fetched answer by
            // MaxFhirResponseBytes), so the reader's own bound must not refuse what the service admitted (stop 30: answers
            // of a long record, each within its limit, passed 16 MiB together, and the call answered 412).
            mapping = FhirPatientReader.Read(stream, evaluationDate, new FhirReadOptions { FirstDraftEntry = firstDraft, MaxBytes = Math.Max(FhirReadOptions.DefaultMaxBytes, written.Count) });
        }

        if (buffer.Capacity <= MaxKeptPayload)
        {
            t_payload = buffer;
        }

        return mapping;
    }

    private const int MaxKeptPayload = 256 * 1024;

    private Card DraftsNotCheckedCard(ServiceDefinition service, HookRequest request, IReadOnlyList<string> orders)
    {
        var uuid = CardIds.For(service.Id, request.HookInstance, "DRAFT-NOT-CHECKED");
        _feedback.RecordIssued(new IssuedCard(service.Id, uuid, "DRAFT-NOT-CHECKED"));
        return _cards.DraftsNotChecked(orders, uuid);
    }

    /// <summary>
    /// Whether a problem's path (<c>Bundle.entry[N]…</c> in the Bundle <see cref="FhirPayload"/> wrote) is in an entry
    /// that came from the draft orders, which follow the prefetch values from entry <paramref name="firstDraft"/> on.
    /// </summary>
    private static bool IsFromDrafts(string path, int firstDraft)
    {
        const string Prefix = "Bundle.entry[";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = path.IndexOf(']', Prefix.Length);
        return end > Prefix.Length
            && int.TryParse(path.AsSpan(Prefix.Length, end - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= firstDraft;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_payload;

    /// <summary>
    /// The medication data that could not be had or read, each with the request member concerned and in words: a
    /// medication prefetch key missing or answered with an OperationOutcome, or an order or statement whose medicine
    /// could not be identified and that could show the patient taking it (active, on-hold or of no known status: newly
    /// started or continuing, were it azathioprine). A draft, intended, proposed or planned one is not counted: were it
    /// azathioprine it would be "considered", which patient-view does not speak for, so it cannot make the patient take
    /// it; it stays a problem meaning incomplete data, named in the cards when there are any. Empty when every
    /// medication order and statement that could tell was read.
    /// </summary>
    private static List<(string Expression, string Text)> MedicationDataNotHad(PrefetchOutcome data, FhirMappingResult mapping)
    {
        var notHad = new List<(string Expression, string Text)>();
        foreach (var gap in data.Gaps)
        {
            if (IsMedicationKey(gap.Key))
            {
                notHad.Add(("prefetch." + gap.Key, gap.ToString()));
            }
        }

        foreach (var key in data.AnsweredWithAnError)
        {
            if (IsMedicationKey(key))
            {
                notHad.Add(("prefetch." + key, key + ": answered with an OperationOutcome (an error), not the records asked for"));
            }
        }

        foreach (var problem in mapping.Problems)
        {
            if (problem.Code == MappingProblemCode.MedicineNotIdentified && !problem.NotYetTaken)
            {
                notHad.Add(("prefetch", "medication: " + problem.Message));
            }
        }

        return notHad;
    }

    /// <summary>The prefetch key of the medication orders or statements.</summary>
    private static bool IsMedicationKey(string key) => key is ServiceCatalog.MedicationRequestsKey or ServiceCatalog.MedicationStatementsKey;

    /// <summary>
    /// Order hooks: azathioprine in the draft or the active orders (considered, newly started or continuing; a stopped or
    /// completed order is not). patient-view: only when the patient takes it (newly started or continuing).
    /// </summary>
    private static bool IsAboutAzathioprine(HookKind kind, TherapyStatus status) => kind == HookKind.PatientView
        ? status is TherapyStatus.NewlyStarted or TherapyStatus.Continuing
        : status is TherapyStatus.Considering or TherapyStatus.NewlyStarted or TherapyStatus.Continuing;
}
