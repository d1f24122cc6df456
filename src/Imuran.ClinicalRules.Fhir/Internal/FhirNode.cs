using System.Collections.Generic;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>
/// A JSON object inside one FHIR resource, with its path, and typed readers for its members. A member of the wrong
/// JSON type is reported once as a problem of the resource and read as absent; nothing here throws.
/// </summary>
internal readonly struct FhirNode
{
    public FhirNode(JsonElement element, string path, ResourceScope scope)
    {
        Element = element;
        Path = path;
        Scope = scope;
    }

    public JsonElement Element { get; }

    public string Path { get; }

    public ResourceScope Scope { get; }

    /// <summary>The member's value when it is present and not JSON <c>null</c>.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object
            && Element.TryGetProperty(name, out value)
            && value.ValueKind != JsonValueKind.Null
            && !Scope.IsDuplicate(Path, name))
        {
            return true;
        }

        value = default;
        return false;
    }

    public bool Has(string name) => TryGet(name, out _);

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString();
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        WrongType(name, "a string", value);
        return null;
    }

    public double? Number(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && !double.IsNaN(number) && !double.IsInfinity(number))
        {
            return number;
        }

        WrongType(name, value.ValueKind == JsonValueKind.Number ? "a finite number within range" : "a number", value);
        return null;
    }

    public FhirNode? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            return new FhirNode(value, Path + "." + name, Scope);
        }

        WrongType(name, "an object", value);
        return null;
    }

    /// <summary>The objects in an array member; items that are not objects are reported and skipped.</summary>
    public List<FhirNode> Array(string name)
    {
        var items = new List<FhirNode>();
        if (!TryGet(name, out var value))
        {
            return items;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            WrongType(name, "an array", value);
            return items;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"{Path}.{name}[{index}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(new FhirNode(item, path, Scope));
            }
            else if (item.ValueKind != JsonValueKind.Null)
            {
                Scope.Problem(
                    MappingProblemCode.InvalidMemberType,
                    $"{Scope.Label}: {path} should be an object but is {Describe(item.ValueKind)}; it was skipped.",
                    path);
            }

            index++;
        }

        return items;
    }

    /// <summary>A CodeableConcept member.</summary>
    public Concept? Concept(string name) => Object(name) is { } node ? Internal.Concept.Read(node) : null;

    /// <summary>An array of CodeableConcepts.</summary>
    public List<Concept> Concepts(string name)
    {
        var concepts = new List<Concept>();
        foreach (var node in Array(name))
        {
            concepts.Add(Internal.Concept.Read(node));
        }

        return concepts;
    }

    /// <summary>A Reference member.</summary>
    public FhirReference? Reference(string name) =>
        Object(name) is { } node ? new FhirReference(node.String("reference"), node.String("display")) : null;

    /// <summary>
    /// The first full date among the given members (dotted paths such as <c>effectivePeriod.start</c> allowed). An
    /// invalid date is reported; a date that is only a year or month is reported only when no member gives a full one.
    /// </summary>
    public ClinicalDate? FirstDate(params string[] members)
    {
        string? partial = null;
        string? partialPath = null;
        foreach (var member in members)
        {
            var (owner, name) = Resolve(member);
            if (owner is not { } node || node.String(name) is not { } text)
            {
                continue;
            }

            switch (FhirDate.Parse(text, out var date))
            {
                case FhirDateKind.Full:
                    return date;
                case FhirDateKind.Partial:
                    partial ??= text;
                    partialPath ??= node.Path + "." + name;
                    break;
                default:
                    Scope.Problem(
                        MappingProblemCode.InvalidDate,
                        $"{Scope.Label}: '{Echo.Value(text)}' in {member} is not a valid FHIR date; it was ignored.",
                        node.Path + "." + name);
                    break;
            }
        }

        if (partial is not null)
        {
            Scope.Problem(
                MappingProblemCode.InvalidDate,
                $"{Scope.Label}: the date '{Echo.Value(partial)}' has no day; a full date is needed, so it was left unset.",
                partialPath);
        }

        return null;
    }

    private (FhirNode? Owner, string Name) Resolve(string dotted)
    {
        var parts = dotted.Split('.');
        FhirNode? node = this;
        for (var i = 0; i < parts.Length - 1 && node is { } current; i++)
        {
            node = current.Object(parts[i]);
        }

        return (node, parts[parts.Length - 1]);
    }

    private void WrongType(string name, string expected, JsonElement value)
    {
        var path = Path + "." + name;
        Scope.Problem(
            MappingProblemCode.InvalidMemberType,
            $"{Scope.Label}: {path} should be {expected} but is {Describe(value.ValueKind)}; it was read as absent.",
            path);
    }

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}
