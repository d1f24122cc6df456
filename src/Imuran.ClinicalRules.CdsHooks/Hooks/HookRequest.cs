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

        if (Duplicate(root, null, TopLevelMembers) is { } twice)
        {
            (field, problem) = twice;
            return null;
        }

        var hook = RequiredString(root, "hook", ref field, ref problem);
        var hookInstance = RequiredString(root, "hookInstance", ref field, ref problem);
        if (hook is null || hookInstance is null)
        {
            return null;
        }

        // CDS Hooks: hookInstance is "a universally unique identifier (UUID) for this particular hook call"; the
        // official examples spell it 8-4-4-4-12 hexadecimal digits with hyphens.
        if (!Guid.TryParseExact(hookInstance, "D", out _))
        {
            (field, problem) = ("hookInstance", "'hookInstance' must be a UUID (such as d1577c69-dfbe-44ad-ba6d-3e05e953b2ea), one for each hook call.");
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

        if (Duplicate(context, "context", ContextMembers) is { } twiceInContext)
        {
            (field, problem) = twiceInContext;
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

            if (Duplicate(authorization, "fhirAuthorization", new[] { "access_token" }) is { } twiceInAuthorization)
            {
                (field, problem) = twiceInAuthorization;
                return null;
            }

            request.AccessToken = OptionalString(authorization, "access_token");
        }

        if (root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object)
        {
            if (Duplicate(prefetch, "prefetch", null) is { } twiceInPrefetch)
            {
                (field, problem) = twiceInPrefetch;
                return null;
            }

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
            var present = context.TryGetProperty(name, out var draft);
            if (name == "draftOrders" && CheckDraftOrders(present, draft, service) is { } bad)
            {
                (field, problem) = bad;
                return null;
            }

            if (present && CheckDraftShape(name, draft) is { } badShape)
            {
                (field, problem) = badShape;
                return null;
            }

            if (present && draft.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                request.Drafts.Add(draft);
            }
        }

        return request;
    }

    /// <summary>The top-level members read; one given twice makes the request ambiguous.</summary>
    private static readonly string[] TopLevelMembers = { "hook", "hookInstance", "context", "fhirServer", "fhirAuthorization", "prefetch" };

    /// <summary>The context members read, on any hook.</summary>
    private static readonly string[] ContextMembers = { "patientId", "userId", "encounterId", "selections", "draftOrders", "medications", "medication", "order" };

    /// <summary>
    /// The first of <paramref name="names"/> (every member when <see langword="null"/>) given more than once in
    /// <paramref name="owner"/>, as a field and a problem. JSON readers differ on which of two values wins (this one
    /// reads the last), so which one the caller meant cannot be told: the request is refused naming the member (QA,
    /// 2 Dec: a duplicate <c>hook</c> was answered as a hook mismatch).
    /// </summary>
    private static (string Field, string Problem)? Duplicate(JsonElement owner, string? prefix, string[]? names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in owner.EnumerateObject())
        {
            if ((names is null || Array.IndexOf(names, member.Name) >= 0) && !seen.Add(member.Name))
            {
                var field = prefix is null ? member.Name : prefix + "." + member.Name;
                return (field, $"'{field}' is given more than once; which one is meant cannot be told.");
            }
        }

        return null;
    }

    /// <summary>
    /// <c>context.draftOrders</c>: required on order-sign and order-select (CDS Hooks 2.0 and the hook pages: 1..1, a
    /// Bundle; QA, 2 Dec: an order-select without it answered an empty list of cards); when given, an object (a
    /// Bundle or one resource) or, on the older hooks, an array, and a Bundle's entries each wrap a resource with a
    /// <c>resourceType</c>. A draft that cannot be read is refused naming the field, never read as "no orders" (QA, 2 Dec:
    /// a string, null or missing draftOrders, and entries without <c>resource</c>, answered an empty list of cards).
    /// </summary>
    private static (string Field, string Problem)? CheckDraftOrders(bool present, JsonElement draft, ServiceDefinition service)
    {
        const string Field = "context.draftOrders";
        if (!present || draft.ValueKind == JsonValueKind.Null)
        {
            return service.Kind switch
            {
                HookKind.OrderSign => (Field, $"'draftOrders' is required by the {service.Hook} hook and must be a FHIR Bundle of the orders being signed."),
                HookKind.OrderSelect => (Field, $"'draftOrders' is required by the {service.Hook} hook and must be a FHIR Bundle of the orders being written."),
                _ => null,
            };
        }

        if (draft.ValueKind != JsonValueKind.Object && !(draft.ValueKind == JsonValueKind.Array && service.Kind is not (HookKind.OrderSign or HookKind.OrderSelect)))
        {
            return (Field, $"'draftOrders' must be a FHIR Bundle (a JSON object), not {Describe(draft.ValueKind)}.");
        }

        if (draft.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!draft.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return (Field + ".resourceType", "'draftOrders' must have a string 'resourceType' (a Bundle).");
        }

        if (!type.ValueEquals("Bundle") || !draft.TryGetProperty("entry", out var entries) || entries.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (entries.ValueKind != JsonValueKind.Array)
        {
            return (Field + ".entry", $"'draftOrders.entry' must be an array, not {Describe(entries.ValueKind)}.");
        }

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = $"{Field}.entry[{index}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return (path, $"Each entry of 'draftOrders' must be an object, not {Describe(entry.ValueKind)}.");
            }

            if (!entry.TryGetProperty("resource", out var resource) || resource.ValueKind != JsonValueKind.Object)
            {
                return (path + ".resource", "Each entry of 'draftOrders' must hold its order as a 'resource' object.");
            }

            if (!resource.TryGetProperty("resourceType", out var resourceType) || resourceType.ValueKind != JsonValueKind.String)
            {
                return (path + ".resource.resourceType", "Each order in 'draftOrders' must have a string 'resourceType'.");
            }

            index++;
        }

        return null;
    }

    /// <summary>
    /// A draft member (<c>medications</c>, <c>medication</c>, <c>order</c>, or <c>draftOrders</c> on the older hooks):
    /// absent or null, a resource or a Bundle (an object), or an array whose every item is one. Anything else is refused
    /// naming the member or the item, as a <c>draftOrders</c> entry that is not an object is (QA, stop 25: items that are
    /// not objects, and a member that is neither an object nor an array, were dropped in silence, so the order they
    /// stood for was never checked).
    /// </summary>
    private static (string Field, string Problem)? CheckDraftShape(string name, JsonElement draft)
    {
        var field = "context." + name;
        switch (draft.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Object:
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in draft.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.Object)
                    {
                        var path = $"{field}[{index}]";
                        return (path, $"Each item of '{field}' must be a FHIR resource (a JSON object); '{path}' is {Describe(item.ValueKind)}.");
                    }

                    index++;
                }

                return null;
            default:
                return (field, $"'{field}' must be a FHIR resource or Bundle (a JSON object), or an array of them, not {Describe(draft.ValueKind)}.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

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
