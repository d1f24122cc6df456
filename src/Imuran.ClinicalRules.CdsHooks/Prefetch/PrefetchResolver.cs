using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Discovery;
using Imuran.ClinicalRules.CdsHooks.Hooks;
using Imuran.ClinicalRules.CdsHooks.Internal;

namespace Imuran.ClinicalRules.CdsHooks.Prefetch;

/// <summary>Data of one prefetch key that could not be had, and why; written <c>key: why</c>.</summary>
internal sealed record PrefetchGap(string Key, string Why)
{
    public override string ToString() => Key + ": " + Why;
}

/// <summary>The FHIR data for one call: what came as prefetch, what was fetched, and what could be had neither way.</summary>
internal sealed class PrefetchOutcome : IDisposable
{
    private readonly List<JsonDocument> _owned = new();

    /// <summary>Every FHIR value to read: prefetch values and fetched responses (resources or Bundles).</summary>
    public List<JsonElement> Values { get; } = new();

    /// <summary>Data that could not be had, by prefetch key, e.g. <c>labs: not in prefetch and no fhirServer to fetch it from</c>.</summary>
    public List<PrefetchGap> Gaps { get; } = new();

    /// <summary>
    /// The prefetch keys answered with an OperationOutcome (an error the EHR or its FHIR server reported) instead of the
    /// data asked for. The reader reports the issue itself; this says which data it stood in for.
    /// </summary>
    public List<string> AnsweredWithAnError { get; } = new();

    /// <summary>Whether any value is, or holds, a Patient resource.</summary>
    public bool HasPatient { get; set; }

    /// <summary>Whether data was missing and the request's <c>fhirServer</c> was not one the service may read.</summary>
    public bool FhirServerRefused { get; set; }

    public void Own(JsonDocument document) => _owned.Add(document);

    public void Dispose()
    {
        foreach (var document in _owned)
        {
            document.Dispose();
        }
    }
}

/// <summary>
/// Fills in prefetch the EHR did not send by reading the EHR's FHIR server, within a bounded time: the fetch timeout
/// runs on the host's <see cref="TimeProvider"/>, as every other time the service takes, never on the wall clock directly.
/// </summary>
internal sealed class PrefetchResolver
{
    private readonly IHttpClientFactory _clients;
    private readonly CdsHooksOptions _options;
    private readonly TimeProvider _time;

    public PrefetchResolver(IHttpClientFactory clients, CdsHooksOptions options, TimeProvider time)
    {
        _clients = clients;
        _options = options;
        _time = time;
    }

    public async Task<PrefetchOutcome> ResolveAsync(HookRequest request, CancellationToken cancellationToken)
    {
        var outcome = new PrefetchOutcome();
        var missing = new List<string>();

        // Keys whose prefetch value is neither a resource nor null: said as such, not as "not in prefetch" (stop 28).
        var notResources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in request.Prefetch)
        {
            if (member.Value.ValueKind == JsonValueKind.Object)
            {
                outcome.Values.Add(member.Value);
                NotePatient(outcome, member.Key, member.Value, request.PatientId);
                NoteError(outcome, member.Key, member.Value);
            }
            else if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (member.Key == ServiceCatalog.PatientKey)
                {
                    outcome.Gaps.Add(new PrefetchGap(member.Key, $"the EHR found no Patient/{request.PatientId}"));
                }
            }
            else if (ServiceCatalog.PrefetchTemplates.ContainsKey(member.Key))
            {
                missing.Add(member.Key);
                notResources[member.Key] = $"the prefetch value is {Kind(member.Value.ValueKind)}, not a FHIR resource";
            }
        }

        foreach (var key in ServiceCatalog.PrefetchTemplates.Keys)
        {
            if (!request.Prefetch.ContainsKey(key))
            {
                missing.Add(key);
            }
        }

        if (missing.Count == 0)
        {
            return outcome;
        }

        if (request.FhirServer is null)
        {
            foreach (var key in missing)
            {
                outcome.Gaps.Add(new PrefetchGap(key, Why(key) + ", and no fhirServer to fetch it from"));
            }

            return outcome;
        }

        if (!IsAllowed(request.FhirServer, _options.AllowedFhirServers))
        {
            outcome.FhirServerRefused = true;
            foreach (var key in missing)
            {
                outcome.Gaps.Add(new PrefetchGap(key, Why(key) + ", and the fhirServer given is not one this service may read"));
            }

            return outcome;
        }

        // The timer is the TimeProvider's (stop 28: CancelAfter ran on the wall clock, so a host's or a test's clock had no say).
        using var deadline = new CancellationTokenSource(_options.FhirFetchTimeout, _time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var client = _clients.CreateClient(CdsHooksOptions.FhirHttpClientName);
        var fetches = missing.Select(key => FetchAsync(client, request, key, timeout.Token)).ToArray();
        var results = await Task.WhenAll(fetches).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var (key, document, gap) in results)
        {
            if (document is not null)
            {
                outcome.Own(document);
                outcome.Values.Add(document.RootElement);
                NotePatient(outcome, key, document.RootElement, request.PatientId);
                NoteError(outcome, key, document.RootElement);
            }
            else if (gap is not null)
            {
                outcome.Gaps.Add(new PrefetchGap(key, gap));
            }
        }

        return outcome;

        string Why(string key) => notResources.TryGetValue(key, out var why) ? why : "not in prefetch";
    }

    /// <summary>Notes <paramref name="key"/> when its value is an OperationOutcome rather than the data asked for.</summary>
    private static void NoteError(PrefetchOutcome outcome, string key, JsonElement value)
    {
        if (value.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("OperationOutcome"))
        {
            outcome.AnsweredWithAnError.Add(key);
        }
    }

    /// <summary>A JSON value's kind in words, for a prefetch value that is not a resource.</summary>
    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "not an object",
    };

    /// <summary>
    /// Whether <paramref name="server"/> is on the allow-list: an entry <c>*</c> allows any server; otherwise an entry
    /// matches when scheme, host and port are the same and the server's path is the entry's path or below it, segment
    /// by segment (so <c>https://ehr.example.org/fhir</c> allows neither <c>https://ehr.example.org.evil.test/</c> nor
    /// <c>https://ehr.example.org/fhir-other</c>). An empty list allows nothing.
    /// </summary>
    internal static bool IsAllowed(Uri server, IEnumerable<string> allowed)
    {
        foreach (var raw in allowed)
        {
            var entry = raw?.Trim();
            if (entry == "*")
            {
                return true;
            }

            if (entry is null || !Uri.TryCreate(entry, UriKind.Absolute, out var allowedUri))
            {
                continue;
            }

            if (string.Equals(allowedUri.Scheme, server.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(allowedUri.IdnHost, server.IdnHost, StringComparison.OrdinalIgnoreCase)
                && allowedUri.Port == server.Port
                && (server.AbsolutePath.TrimEnd('/') + "/").StartsWith(allowedUri.AbsolutePath.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<(string Key, JsonDocument? Document, string? Gap)> FetchAsync(HttpClient client, HookRequest request, string key, CancellationToken cancellationToken)
    {
        var relative = ServiceCatalog.PrefetchTemplates[key].Replace("{{context.patientId}}", Uri.EscapeDataString(request.PatientId), StringComparison.Ordinal);
        var baseUrl = request.FhirServer!.AbsoluteUri.TrimEnd('/');
        var bytes = ReadOnlyMemory<byte>.Empty;
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/" + relative);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/fhir+json"));
            if (request.AccessToken is { } token)
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound && key == ServiceCatalog.PatientKey)
            {
                return (key, null, $"the FHIR server found no Patient/{request.PatientId}");
            }

            if (!response.IsSuccessStatusCode)
            {
                return (key, null, $"the FHIR server answered HTTP {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > _options.MaxFhirResponseBytes)
            {
                return (key, null, "the FHIR server's answer is larger than this service reads");
            }

            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var limited = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (limited.Length + read > _options.MaxFhirResponseBytes)
                {
                    return (key, null, "the FHIR server's answer is larger than this service reads");
                }

                limited.Write(buffer, 0, read);
            }

            bytes = limited.GetBuffer().AsMemory(0, (int)limited.Length);
            if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
            {
                return (key, null, "the FHIR server's answer is not valid UTF-8");
            }

            if (bytes.Span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            {
                bytes = bytes.Slice(3);
            }

            var document = JsonDocument.Parse(bytes, JsonBody.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (key, null, "the FHIR server's answer is not a FHIR resource");
            }

            // A lone surrogate escape ("\ud800") makes reading the text, copying the resource or looking up members of
            // its object throw (fuzzing, stop 30: in a hook request, a 500): refused, as an answer that is not UTF-8 is.
            if (Fhir.Mapping.PayloadCheck.BrokenText(bytes.Span, document.RootElement) is { } broken)
            {
                document.Dispose();
                return (key, null, $"the FHIR server's answer holds text that is not valid Unicode (a lone surrogate) at {broken}");
            }

            return (key, document, null);
        }
        catch (OperationCanceledException)
        {
            return (key, null, $"the FHIR server did not answer within {_options.FhirFetchTimeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException)
        {
            return (key, null, "the FHIR server could not be reached");
        }
        catch (JsonException)
        {
            return (key, null, JsonBody.TooDeepAt(bytes.Span) is null
                ? "the FHIR server's answer is not well-formed JSON"
                : $"the FHIR server's answer is nested more than {JsonBody.MaxDepth} levels deep, more than this service reads");
        }
        catch (IOException)
        {
            return (key, null, "the FHIR server's answer could not be read");
        }
    }

    /// <summary>
    /// Whether the value holds the patient in context. A Patient of another id is not that patient: the call is then
    /// refused like one without a Patient (412), naming the mismatch, never answered from another patient's record
    /// (QA, 2 Dec: it answered an empty list of cards).
    /// </summary>
    private static void NotePatient(PrefetchOutcome outcome, string key, JsonElement value, string patientId)
    {
        string? otherId = null;
        if (HoldsPatient(value, patientId, ref otherId))
        {
            outcome.HasPatient = true;
        }
        else if (otherId is not null)
        {
            outcome.Gaps.Add(new PrefetchGap(ServiceCatalog.PatientKey, $"prefetch '{key}' holds Patient/{otherId}, not the patient in context (context.patientId '{patientId}')"));
        }
    }

    /// <summary>
    /// A Patient resource, or a Bundle with one among its entries, that is the patient <paramref name="patientId"/> (a
    /// Patient without an id is taken as that patient). <paramref name="otherId"/> is set to the id of a Patient that is not.
    /// </summary>
    public static bool HoldsPatient(JsonElement value, string patientId, ref string? otherId)
    {
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        if (type.ValueEquals("Patient"))
        {
            if (!value.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.ValueEquals(patientId))
            {
                return true;
            }

            otherId ??= id.GetString();
            return false;
        }

        if (!type.ValueEquals("Bundle") || !value.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("resource", out var resource) && HoldsPatient(resource, patientId, ref otherId))
            {
                return true;
            }
        }

        return false;
    }
}
