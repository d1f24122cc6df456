using System.Collections.Generic;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>Collects the report while a payload is read: resources used, resources not recognised, problems.</summary>
internal sealed class MappingReport
{
    public List<MappedResource> Used { get; } = new();

    public List<UnrecognisedResource> Unrecognised { get; } = new();

    public List<MappingProblem> Problems { get; } = new();

    /// <summary>Paths of members given more than once in their object; they are read as absent. Null when there are none.</summary>
    public HashSet<string>? DuplicatePaths { get; set; }

    public FhirMappingResult ToResult(Imuran.ClinicalRules.Facts.PatientFacts? facts, FhirReadError? error) => new()
    {
        Facts = error is null ? facts : null,
        Error = error,
        Used = Used,
        Unrecognised = Unrecognised,
        Problems = Problems,
    };
}
