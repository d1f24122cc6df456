using System;
using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Research.Batch;

/// <summary>How one input line ended.</summary>
internal enum LineStatus
{
    /// <summary>Read, valid and fully evaluated.</summary>
    Evaluated = 0,

    /// <summary>Read and valid, but a rule failed: the result is incomplete.</summary>
    Incomplete = 1,

    /// <summary>Not JSON, or not valid patient facts: an error record.</summary>
    Invalid = 2,

    /// <summary>Something in this tool failed on the line: an error record.</summary>
    InternalError = 3,
}

/// <summary>Stable codes of batch error records (besides <see cref="ErrorCodes.MalformedInput"/>), from the one vocabulary.</summary>
internal static class LineErrorCodes
{
    /// <summary>The line is JSON but not valid patient facts; the record lists every problem with its field.</summary>
    public const string InvalidPatientFacts = ErrorCodes.InvalidPatientFacts;

    /// <summary>The tool failed on the line (a defect); the message says how.</summary>
    public const string InternalError = ErrorCodes.InternalError;
}

/// <summary>The outcome of reading and evaluating one NDJSON line.</summary>
internal sealed class LineOutcome
{
    private LineOutcome(int line, LineStatus status, string? patientId, EvaluationResult? result, string? errorCode, string? errorMessage, IReadOnlyList<ValidationProblem> problems)
    {
        Line = line;
        Status = status;
        PatientId = patientId;
        Result = result;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
        Problems = problems;
    }

    public int Line { get; }

    public LineStatus Status { get; }

    /// <summary>The patient id from the input, when it could be read.</summary>
    public string? PatientId { get; }

    /// <summary>The evaluation result, for evaluated and incomplete lines.</summary>
    public EvaluationResult? Result { get; }

    public string? ErrorCode { get; }

    public string? ErrorMessage { get; }

    public IReadOnlyList<ValidationProblem> Problems { get; }

    /// <summary>The patient id, or <c>line N</c> when the input gave none.</summary>
    public string Label => PatientId ?? "line " + Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads and evaluates line <paramref name="index"/> of <paramref name="chunk"/>. A line over the chunk's limit is an
    /// invalid line with the code <see cref="ErrorCodes.InputTooLarge"/> (it was never read). Never throws: a failure
    /// becomes an internal-error outcome.
    /// </summary>
    /// <param name="chunk">The chunk of lines.</param>
    /// <param name="index">The line's index in the chunk.</param>
    /// <param name="evaluationDate">The --evaluation-date, overriding the line's own.</param>
    /// <param name="today">The evaluation date of a FHIR line when no --evaluation-date is given (read once per run).</param>
    /// <param name="listener">Receives the engine's events, for coverage.</param>
    /// <param name="rules">The rule set (its executor and any site policy); the default rule set (NRules) when null.</param>
    public static LineOutcome Evaluate(LineChunk chunk, int index, ClinicalDate? evaluationDate, ClinicalDate today, IRuleEventListener? listener, ClinicalRuleSet? rules = null)
    {
        var number = chunk.Number(index);
        if (chunk.IsTooLong(index))
        {
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, "The line is longer than the limit of {0:N0} bytes; it was not read.", chunk.MaxLineBytes);
            return new LineOutcome(number, LineStatus.Invalid, null, null, ErrorCodes.InputTooLarge, message, new[] { new ValidationProblem("$", ErrorCodes.InputTooLarge, message) });
        }

        return Evaluate(number, chunk.Line(index), evaluationDate, today, listener, rules);
    }

    /// <summary>Reads (from the line's UTF-8 bytes) and evaluates one line. Never throws.</summary>
    /// <param name="number">The line's 1-based number.</param>
    /// <param name="utf8">The line's bytes, without the line break.</param>
    /// <param name="evaluationDate">The --evaluation-date, overriding the line's own.</param>
    /// <param name="today">The evaluation date of a FHIR line when no --evaluation-date is given (read once per run).</param>
    /// <param name="listener">Receives the engine's events, for coverage.</param>
    /// <param name="rules">The rule set (its executor and any site policy); the default rule set (NRules) when null.</param>
    public static LineOutcome Evaluate(int number, ReadOnlySpan<byte> utf8, ClinicalDate? evaluationDate, ClinicalDate today, IRuleEventListener? listener = null, ClinicalRuleSet? rules = null)
    {
        PatientInput input;
        try
        {
            input = PatientInput.Read(utf8, evaluationDate, today);
        }
        catch (Exception ex)
        {
            return Failed(number, null, ex);
        }

        return Evaluate(number, input, listener, rules);
    }

    /// <summary>Evaluates one patient already in memory, numbered <paramref name="number"/>. Never throws.</summary>
    /// <param name="number">The patient's 1-based position.</param>
    /// <param name="facts">The patient.</param>
    /// <param name="listener">Receives the engine's events, for coverage.</param>
    /// <param name="rules">The rule set; the default rule set (NRules) when null.</param>
    public static LineOutcome Evaluate(int number, PatientFacts facts, IRuleEventListener? listener, ClinicalRuleSet? rules) =>
        Evaluate(number, new PatientInput(facts, Array.Empty<ValidationProblem>(), "facts"), listener, rules);

    private static LineOutcome Evaluate(int number, PatientInput input, IRuleEventListener? listener, ClinicalRuleSet? rules)
    {
        var patientId = input.Facts?.PatientId;
        try
        {
            var ruleSet = rules ?? ClinicalRuleSet.Default;
            if (!input.Succeeded)
            {
                // The id only when no problem refuses it (one truth with check: ClinicalRuleSet.InvalidInputResult).
                return Invalid(number, ruleSet.InvalidInputResult(input.Facts, input.Problems).PatientId, input.Problems);
            }

            var result = input.WithDataNotRead(ruleSet.Evaluate(input.Facts, listener is null ? null : new EvaluationOptions { Listener = listener }));
            if (!result.IsValid)
            {
                return Invalid(number, result.PatientId, result.Validation);
            }

            var status = result.IsComplete ? LineStatus.Evaluated : LineStatus.Incomplete;
            return new LineOutcome(number, status, patientId, result, null, null, Array.Empty<ValidationProblem>());
        }
        catch (Exception ex)
        {
            return Failed(number, patientId, ex);
        }
    }

    private static LineOutcome Failed(int line, string? patientId, Exception ex) =>
        new(line, LineStatus.InternalError, patientId, null, LineErrorCodes.InternalError, ex.GetType().Name + ": " + ex.Message, Array.Empty<ValidationProblem>());

    private static LineOutcome Invalid(int line, string? patientId, IReadOnlyList<ValidationProblem> problems)
    {
        if (problems.Count == 1 && problems[0].Code == ErrorCodes.MalformedInput)
        {
            return new LineOutcome(line, LineStatus.Invalid, patientId, null, ErrorCodes.MalformedInput, problems[0].Message, problems);
        }

        var parts = new List<string>(problems.Count);
        foreach (var p in problems)
        {
            parts.Add(p.Field + ": " + p.Message);
        }

        var message = $"The patient facts are invalid ({problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}): {string.Join("; ", parts)}";
        return new LineOutcome(line, LineStatus.Invalid, patientId, null, LineErrorCodes.InvalidPatientFacts, message, problems);
    }
}
