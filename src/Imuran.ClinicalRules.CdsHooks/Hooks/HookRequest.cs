using System;
using System.Collections.Generic;
using System.Text.Json;
using Imuran.ClinicalRules.CdsHooks.Discovery;

namespace Imuran.ClinicalRules.CdsHooks.Hooks;

/// <summary>
/// A hook call, read from the parsed body. Holds elements of the request's <see cref="JsonDocument"/>, so it lives no
/// longer than the document. Unknown members (extensions, the legacy top-level <c>user</c> and <c>patient</c>) are ignored.
/// </summary>
internal sealed class HookRequest
{
    private HookRequest(string hook, string hookInstance, string patientId)
    {
        Hook = hook;
        HookInstance = hookInstance;
        PatientId = patientId;
    }

    public string Hook { get; }

    public string HookInstance { get; }

    public string PatientId { get; }

    public string? UserId { get; private set; }

    public string? EncounterId { get; private set; }

    public Uri? FhirServer { get; private set; }

    /// <summary>The FHIR access token; never logged, only sent to <see cref="FhirServer"/>.</summary>
    public string? AccessToken { get; private set; }

    /// <summary>The prefetch members as sent: a resource, a Bundle, or JSON null (a read that found nothing).</summary>
    public Dictionary<string, JsonElement> Prefetch { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// order-select's <c>context.selections</c>: references (<c>Type/id</c>) to the newly selected orders in draftOrders.
    /// Checked for shape only. They do not narrow the check: the service gives no advice per order (no suggestions), and
    /// a finding about azathioprine in the draft orders matters whichever order of them the clinician is editing.
    /// </summary>
    public List<string> Selections { get; } = new();

    /// <summary>The orders being written: each a resource or a Bundle of them (draftOrders, medications, medication, order).</summary>
    public List<JsonElement> Drafts { get; } = new();

    /// <summary>Reads the request; returns <see langword="null"/> and a problem (field and message) when it is not a valid call.</summary>
    public static HookRequest? Read(JsonElement root, ServiceDefinition service, out string? field, out string? problem)
    {
        field = null;
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            (field, problem) = ("$", "The request body must be a JSON object.");
            return null;
        }

        var hook = RequiredString(root, "hook", ref field, ref problem);
        var hookInstance = RequiredString(root, "hookInstance", ref field, ref problem);
        if (hook is null || hookInstance is null)
        {
            return null;
        }

        if (!string.Equals(hook, service.Hook, StringComparison.Ordinal))
        {
            (field, problem) = ("hook", $"The service '{service.Id}' answers the '{service.Hook}' hook, not '{hook}'.");
            return null;
        }

        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
        {
            (field, problem) = ("context", "'context' is required and must be an object.");
            return null;
        }

        var patientId = RequiredString(context, "patientId", ref field, ref problem);
        if (patientId is null)
        {
            field = "context.patientId";
            return null;
        }

        var request = new HookRequest(hook, hookInstance, patientId)
        {
            UserId = OptionalString(context, "userId"),
            EncounterId = OptionalString(context, "encounterId"),
        };

        if (root.TryGetProperty("fhirServer", out var server) && server.ValueKind != JsonValueKind.Null)
        {
            if (server.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(server.GetString(), UriKind.Absolute, out var serverUri)
                || (serverUri.Scheme != Uri.UriSchemeHttps && serverUri.Scheme != Uri.UriSchemeHttp))
            {
                (field, problem) = ("fhirServer", "'fhirServer' must be an absolute http or https URL.");
                return null;
            }

            request.FhirServer = serverUri;
        }

        if (root.TryGetProperty("fhirAuthorization", out var authorization) && authorization.ValueKind != JsonValueKind.Null)
        {
            if (authorization.ValueKind != JsonValueKind.Object)
            {
                (field, problem) = ("fhirAuthorization", "'fhirAuthorization' must be an object.");
                return null;
            }

            if (request.FhirServer is null)
            {
                (field, problem) = ("fhirServer", "'fhirServer' is required when 'fhirAuthorization' is given.");
                return null;
            }

            request.AccessToken = OptionalString(authorization, "access_token");
        }

        if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in prefetch.EnumerateObject())
            {
                request.Prefetch[member.Name] = member.Value;
            }
        }
        else if (prefetch.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            (field, problem) = ("prefetch", "'prefetch' must be an object.");
            return null;
        }

        if (context.TryGetProperty("selections", out var selections) && selections.ValueKind != JsonValueKind.Null)
        {
            if (selections.ValueKind != JsonValueKind.Array)
            {
                (field, problem) = ("context.selections", "'selections' must be an array of references such as 'MedicationRequest/123'.");
                return null;
            }

            var index = 0;
            foreach (var selection in selections.EnumerateArray())
            {
                var reference = selection.ValueKind == JsonValueKind.String ? selection.GetString() : null;
                var slash = reference?.IndexOf('/') ?? -1;
                if (reference is null || slash <= 0 || slash == reference.Length - 1)
                {
                    (field, problem) = ($"context.selections[{index}]", "Each selection must be a reference such as 'MedicationRequest/123' to an order in draftOrders.");
                    return null;
                }

                request.Selections.Add(reference);
                index++;
            }
        }

        foreach (var name in DraftMembers(service.Kind))
        {
            if (context.TryGetProperty(name, out var draft) && draft.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                request.Drafts.Add(draft);
            }
        }

        return request;
    }

    private static string[] DraftMembers(HookKind kind) => kind switch
    {
        HookKind.PatientView => Array.Empty<string>(),
        HookKind.MedicationPrescribe => new[] { "medications", "draftOrders" },
        HookKind.MedicationVerify => new[] { "medication", "order", "draftOrders" },
        _ => new[] { "draftOrders" },
    };

    private static string? RequiredString(JsonElement owner, string name, ref string? field, ref string? problem)
    {
        if (owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
        {
            return text;
        }

        field = name;
        problem = $"'{name}' is required and must be a non-empty string.";
        return null;
    }

    private static string? OptionalString(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
