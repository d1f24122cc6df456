using System.Text.Json;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>One resource found in the payload: the root resource, a Bundle entry's resource, or a contained one.</summary>
internal sealed class ResourceEntry
{
    public ResourceEntry(JsonElement resource, string resourceType, string? id, string path, string? fullUrl = null, string? searchMode = null)
    {
        Resource = resource;
        ResourceType = resourceType;
        Id = id;
        Path = path;
        FullUrl = fullUrl;
        SearchMode = searchMode;
    }

    public JsonElement Resource { get; }

    public string ResourceType { get; }

    public string? Id { get; }

    public string Path { get; }

    /// <summary>The Bundle entry's <c>fullUrl</c>, when there is one.</summary>
    public string? FullUrl { get; }

    /// <summary>The searchset entry's <c>search.mode</c> (match, include, outcome), when there is one.</summary>
    public string? SearchMode { get; }

    /// <summary><c>Type/id</c>, or <see langword="null"/> without an id.</summary>
    public string? Key => Id is null ? null : ResourceType + "/" + Id;

    /// <summary>Reads the <c>id</c> of a resource when it is a non-empty string.</summary>
    public static string? ReadId(JsonElement resource) =>
        resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString())
            ? id.GetString()!.Trim()
            : null;

    /// <summary>Reads the <c>resourceType</c> of a resource when it is a non-empty string.</summary>
    public static string? ReadType(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object
        && resource.TryGetProperty("resourceType", out var type)
        && type.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(type.GetString())
            ? type.GetString()!.Trim()
            : null;
}
