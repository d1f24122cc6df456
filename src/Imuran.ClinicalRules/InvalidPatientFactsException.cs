using System;
using System.Collections.Generic;
using System.Linq;

namespace Imuran.ClinicalRules;

/// <summary>Thrown by <see cref="EvaluationResult.ThrowIfInvalid"/> for callers who prefer exceptions.</summary>
public sealed class InvalidPatientFactsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidPatientFactsException(IReadOnlyList<ValidationProblem> problems)
        : base("The patient facts are invalid: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")))
    {
        Problems = problems;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ValidationProblem> Problems { get; }
}
