using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>What the resource mappers share while one payload is read.</summary>
internal sealed class MappingContext
{
    private readonly HashSet<string> _referencedPaths = new(StringComparer.Ordinal);

    public MappingContext(ClinicalDate evaluationDate, ResourceIndex index, MappingReport report)
    {
        EvaluationDate = evaluationDate;
        Index = index;
        Report = report;
    }

    public ClinicalDate EvaluationDate { get; }

    /// <summary>The index of the root Bundle's first draft-order entry (<see cref="FhirReadOptions.FirstDraftEntry"/>), if any.</summary>
    public int? FirstDraftEntry { get; init; }

    public ResourceIndex Index { get; }

    public MappingReport Report { get; }

    public FactsBuilder Facts { get; } = new();

    /// <summary>The id of the payload's Patient, when it has one.</summary>
    public string? PatientId { get; set; }

    /// <summary>The fullUrl of the payload's Patient entry, when it has one.</summary>
    public string? PatientFullUrl { get; set; }

    /// <summary>Notes that a supporting resource (a Medication) was used through a reference.</summary>
    public void MarkReferenced(ResourceEntry entry) => _referencedPaths.Add(entry.Path);

    public bool IsReferenced(ResourceEntry entry) => _referencedPaths.Contains(entry.Path);

    /// <summary>
    /// Whether the resource at <paramref name="path"/> (<c>Bundle.entry[N]…</c>) is among the draft orders: in entry
    /// <see cref="FirstDraftEntry"/> or after it, or in a Bundle nested there.
    /// </summary>
    public bool IsDraft(string path)
    {
        const string Prefix = "Bundle.entry[";
        if (FirstDraftEntry is not { } first || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = path.IndexOf(']', Prefix.Length);
        return end > Prefix.Length
            && int.TryParse(path.Substring(Prefix.Length, end - Prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index >= first;
    }

    /// <summary>
    /// <see langword="true"/> when <paramref name="reference"/> names a Patient other than the payload's. Unknown or
    /// unresolvable references are given the benefit of the doubt.
    /// </summary>
    public bool IsOtherPatient(string reference)
    {
        if (PatientFullUrl is not null && string.Equals(reference, PatientFullUrl, StringComparison.Ordinal))
        {
            return false;
        }

        return PatientId is not null
            && ResourceIndex.TryTypeAndId(reference, out var type, out var id)
            && type == "Patient"
            && !string.Equals(id, PatientId, StringComparison.Ordinal);
    }
}
