using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;

namespace Imuran.ClinicalRules.Fhir;

/// <summary>
/// The outcome of reading a FHIR payload: the patient facts, or an error, plus the mapping report. Immutable: lists
/// are copied into read-only lists when set. Safe to share across threads.
/// </summary>
/// <remarks>
/// Every resource read appears in <see cref="Used"/> (possibly more than once, one entry per fact) or in
/// <see cref="Unrecognised"/>; nothing is dropped silently. <see cref="Problems"/> lists what was wrong with
/// resources that were still read. When reading fails, <see cref="Facts"/> is <see langword="null"/> and the report
/// lists what had been read before the fault, if anything.
/// </remarks>
public sealed record FhirMappingResult
{
    private IReadOnlyList<MappedResource> _used = ReadOnly.Copy<MappedResource>(null);
    private IReadOnlyList<UnrecognisedResource> _unrecognised = ReadOnly.Copy<UnrecognisedResource>(null);
    private IReadOnlyList<MappingProblem> _problems = ReadOnly.Copy<MappingProblem>(null);

    /// <summary>The patient facts; <see langword="null"/> when reading failed (see <see cref="Error"/>).</summary>
    public PatientFacts? Facts { get; init; }

    /// <summary>Why the payload could not be read; <see langword="null"/> on success.</summary>
    public FhirReadError? Error { get; init; }

    /// <summary><see langword="true"/> when <see cref="Facts"/> is set and there is no <see cref="Error"/>.</summary>
    [MemberNotNullWhen(true, nameof(Facts))]
    public bool Succeeded => Facts is not null && Error is null;

    /// <summary>Every resource read, with the fact it became or why it was ignored.</summary>
    public IReadOnlyList<MappedResource> Used { get => _used; init => _used = ReadOnly.Copy(value); }

    /// <summary>Every resource (or coding) that gave no fact, with the reason.</summary>
    public IReadOnlyList<UnrecognisedResource> Unrecognised { get => _unrecognised; init => _unrecognised = ReadOnly.Copy(value); }

    /// <summary>Problems met in resources that were still read (e.g. a lab result without a unit).</summary>
    public IReadOnlyList<MappingProblem> Problems { get => _problems; init => _problems = ReadOnly.Copy(value); }

    /// <summary>The facts, for callers who prefer an exception to checking <see cref="Succeeded"/>.</summary>
    /// <exception cref="InvalidDataException">Reading failed; the message is the <see cref="Error"/>'s.</exception>
    public PatientFacts GetFactsOrThrow() =>
        Succeeded ? Facts : throw new InvalidDataException(Error?.Message ?? "The FHIR payload gave no patient facts.");
}
