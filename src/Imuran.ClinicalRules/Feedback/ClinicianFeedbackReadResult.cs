using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Feedback;

/// <summary>The outcome of reading a clinician feedback export.</summary>
public sealed record ClinicianFeedbackReadResult
{
    private IReadOnlyList<ValidationProblem> _problems = ReadOnly.Empty<ValidationProblem>();

    /// <summary>The export; null when the file has any problem (an export is used whole or not at all).</summary>
    public ClinicianFeedbackExport? Export { get; init; }

    /// <summary>Every problem found, with its field path (e.g. <c>rules[2].accepted</c>), a stable code and a message.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get => _problems; init => _problems = ReadOnly.Copy(value); }

    /// <summary>Whether the file was read without problems. When true, <see cref="Export"/> is not null.</summary>
    [MemberNotNullWhen(true, nameof(Export))]
    public bool Succeeded => Export is not null && Problems.Count == 0;
}
