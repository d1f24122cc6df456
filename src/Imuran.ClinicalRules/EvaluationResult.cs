using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Policy;

namespace Imuran.ClinicalRules;

/// <summary>
/// The outcome of one evaluation. Immutable. Findings are in a fixed order: severity (critical first), then rule id,
/// then the order the rule raised them.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Imuran.ClinicalRules.Serialization.EvaluationResultJsonConverter))]
public sealed record EvaluationResult
{
    /// <summary>The thresholds of a result no rule set made (the defaults); a copy of its own, never the rule sets'.</summary>
    private static readonly RuleThresholds DefaultThresholds = new();

    private IReadOnlyList<ValidationProblem> _validation = ReadOnly.Empty<ValidationProblem>();
    private IReadOnlyList<Finding> _findings = ReadOnly.Empty<Finding>();
    private IReadOnlyList<UnrecognisedInput> _unrecognised = ReadOnly.Empty<UnrecognisedInput>();
    private IReadOnlyList<RuleError> _ruleErrors = ReadOnly.Empty<RuleError>();
    private IReadOnlyList<ValidationProblem> _dataNotRead = ReadOnly.Empty<ValidationProblem>();
    private IReadOnlyList<string> _disabled = ReadOnly.Empty<string>();

    /// <summary>The rule set's id.</summary>
    public string RuleSetId { get; init; } = string.Empty;

    /// <summary>The rule set's version.</summary>
    public string RuleSetVersion { get; init; } = string.Empty;

    /// <summary>The host's patient id, echoed.</summary>
    public string? PatientId { get; init; }

    /// <summary>The evaluation date the rules used.</summary>
    public ClinicalDate EvaluationDate { get; init; }

    /// <summary>Problems with the input. When there are any, no rule ran and <see cref="Findings"/> is empty.</summary>
    public IReadOnlyList<ValidationProblem> Validation { get => _validation; init => _validation = ReadOnly.Copy(value); }

    /// <summary>The findings, critical first, then by rule id.</summary>
    public IReadOnlyList<Finding> Findings { get => _findings; init => _findings = ReadOnly.Copy(value); }

    /// <summary>Input items no classifier recognised.</summary>
    public IReadOnlyList<UnrecognisedInput> Unrecognised { get => _unrecognised; init => _unrecognised = ReadOnly.Copy(value); }

    /// <summary>Rules that failed while evaluating; any entry makes the result incomplete.</summary>
    public IReadOnlyList<RuleError> RuleErrors { get => _ruleErrors; init => _ruleErrors = ReadOnly.Copy(value); }

    /// <summary>
    /// Parts of the patient's record that the reader which made the facts (e.g. the FHIR reader) could not read, each
    /// with where it is (<see cref="ValidationProblem.Field"/>), its stable code and what is wrong: an order whose
    /// medicine could not be identified, an incomplete search, an issue the server reported, .... No rule saw them, so
    /// any entry makes the result incomplete. The rule set never sets this; the host that read the record attaches its
    /// reader's gaps (<c>result with { DataNotRead = … }</c>), as <c>imuran-rules check</c> and <c>batch</c> do for FHIR input.
    /// </summary>
    public IReadOnlyList<ValidationProblem> DataNotRead { get => _dataNotRead; init => _dataNotRead = ReadOnly.Copy(value); }

    /// <summary>Ids of rules the host disabled (by id or topic) for this rule set, so nothing disappears unseen.</summary>
    public IReadOnlyList<string> DisabledRules { get => _disabled; init => _disabled = ReadOnly.Copy(value); }

    /// <summary>
    /// The thresholds the rule set used (its copy, taken when it was built), so a finding can be reproduced. The result
    /// JSON lists those that differ from the defaults. The defaults when the result was not made by a rule set.
    /// </summary>
    public RuleThresholds Thresholds { get; init; } = DefaultThresholds;

    /// <summary>The site policy the rule set was built with (name, version, content hash), or null when none was.</summary>
    public PolicyReference? Policy { get; init; }

    /// <summary>Whether the input passed validation.</summary>
    public bool IsValid => Validation.Count == 0;

    /// <summary>
    /// True only when the input was valid, every enabled rule was evaluated without error and no part of the record was
    /// left unread (<see cref="DataNotRead"/>). An incomplete result must never be presented as a complete review.
    /// </summary>
    public bool IsComplete => IsValid && RuleErrors.Count == 0 && DataNotRead.Count == 0;

    /// <summary>The most severe finding's severity, or null when there is none.</summary>
    public Severity? HighestSeverity => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);

    /// <summary>Throws when the input was invalid, listing every problem.</summary>
    /// <exception cref="InvalidPatientFactsException">The input was invalid.</exception>
    public EvaluationResult ThrowIfInvalid() => IsValid ? this : throw new InvalidPatientFactsException(Validation);
}
