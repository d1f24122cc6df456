using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>The outcome of reading a patient-facts JSON document.</summary>
public sealed record PatientFactsReadResult
{
    private IReadOnlyList<ValidationProblem> _problems = ReadOnly.Empty<ValidationProblem>();

    /// <summary>The facts read; null when the document could not be read at all.</summary>
    public PatientFacts? Facts { get; init; }

    /// <summary>Every problem found while reading (malformed JSON with line and position, wrong types, unknown values or members).</summary>
    public IReadOnlyList<ValidationProblem> Problems { get => _problems; init => _problems = ReadOnly.Copy(value); }

    /// <summary>Whether the document was read without problems. When true, <see cref="Facts"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(Facts))]
    public bool Succeeded => Facts is not null && Problems.Count == 0;
}
