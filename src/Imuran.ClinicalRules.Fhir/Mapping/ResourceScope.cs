using System.Collections.Generic;
using Imuran.ClinicalRules.Fhir.Internal;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>
/// One resource being read: its type, id and path in the payload, and the report its outcome goes to. Every
/// resource ends up used (once per fact) or unrecognised; problems come on top.
/// </summary>
internal sealed class ResourceScope
{
    private readonly MappingReport _report;
    private HashSet<string>? _problemKeys;

    public ResourceScope(string resourceType, string? id, string path, MappingReport report)
    {
        ResourceType = resourceType;
        Id = id;
        Path = path;
        _report = report;
    }

    public string ResourceType { get; }

    public string? Id { get; }

    public string Path { get; }

    /// <summary><c>Type/id</c>, or the type and path when the resource has no id: for messages.</summary>
    public string Label => Id is null ? $"{ResourceType} at {Path}" : $"{ResourceType}/{Echo.Value(Id)}";

    /// <summary>Whether the resource has been reported as used or unrecognised yet.</summary>
    public bool Reported { get; private set; }

    /// <summary>
    /// Whether member <paramref name="name"/> of the object at <paramref name="objectPath"/> is given more than once in
    /// it (and so must be read as absent). The member's path is built only when the payload has repeated members.
    /// </summary>
    public bool IsDuplicate(string objectPath, string name) =>
        _report.DuplicatePaths is { Count: > 0 } paths && paths.Contains(objectPath + "." + name);

    /// <summary>Reports a problem once per code and path, however often the member is read.</summary>
    /// <param name="code">The kind of problem.</param>
    /// <param name="message">What is wrong, in words.</param>
    /// <param name="path">Where; the resource's path when <see langword="null"/>.</param>
    /// <param name="notYetTaken">For a medicine not identified: its order or statement is not yet taken (<see cref="MappingProblem.NotYetTaken"/>).</param>
    public void Problem(MappingProblemCode code, string message, string? path = null, bool notYetTaken = false)
    {
        path ??= Path;
        if (!(_problemKeys ??= new HashSet<string>()).Add(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + path))
        {
            return;
        }

        _report.Problems.Add(new MappingProblem
        {
            Code = code,
            Message = message,
            ResourceType = ResourceType,
            Id = Id,
            Path = path,
            NotYetTaken = notYetTaken,
        });
    }

    public void Used(MappedFact fact, string description, bool matchedByText = false)
    {
        Reported = true;
        _report.Used.Add(new MappedResource
        {
            ResourceType = ResourceType,
            Id = Id,
            Path = Path,
            Fact = fact,
            Description = description,
            MatchedByText = matchedByText,
        });
    }

    public void Ignored(string why) => Used(MappedFact.None, "ignored: " + why);

    public void Unrecognised(UnrecognisedReason reason, string message)
    {
        Reported = true;
        _report.Unrecognised.Add(new UnrecognisedResource
        {
            ResourceType = ResourceType,
            Id = Id,
            Path = Path,
            Reason = reason,
            Message = message,
        });
    }
}
