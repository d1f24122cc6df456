using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Policy;
using Microsoft.Extensions.Logging;

namespace Imuran.ClinicalRules.DependencyInjection;

/// <summary>
/// The registered <see cref="IClinicalRuleEvaluator"/>: the shared rule set, with logging that never carries patient
/// data or finding texts (counts, severities, codes and rule ids only). Per evaluation at Debug; an incomplete
/// evaluation at Warning. Thread-safe.
/// </summary>
internal sealed class LoggingEvaluator : IClinicalRuleEvaluator
{
    private static readonly Action<ILogger, bool, bool, int, string, Exception?> Evaluated = LoggerMessage.Define<bool, bool, int, string>(
        LogLevel.Debug, new EventId(2, "Evaluated"), "Evaluated: valid {IsValid}, complete {IsComplete}, {FindingCount} findings, highest severity {HighestSeverity}");

    private static readonly Action<ILogger, string, Exception?> Invalid = LoggerMessage.Define<string>(
        LogLevel.Debug, new EventId(3, "InvalidInput"), "Input not evaluated: validation codes {Codes}");

    private static readonly Action<ILogger, string, Exception?> Incomplete = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(4, "Incomplete"), "Evaluation incomplete: rules {RuleIds} failed; the result must not be shown as a complete review");

    private readonly ClinicalRuleSet _rules;
    private readonly ILogger _logger;

    public LoggingEvaluator(ClinicalRuleSet rules, ILogger<ClinicalRuleSet> logger)
    {
        _rules = rules;
        _logger = logger;
    }

    public string Id => _rules.Id;

    public string Version => _rules.Version;

    public IReadOnlyList<RuleMetadata> Rules => _rules.Rules;

    public IReadOnlyList<string> DisabledRules => _rules.DisabledRules;

    public PolicyReference? Policy => _rules.Policy;

    public RuleThresholds Thresholds => _rules.Thresholds;

    public EvaluationResult Evaluate(PatientFacts facts, EvaluationOptions? options = null)
    {
        var result = _rules.Evaluate(facts, options);
        if (!result.IsValid)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Invalid(_logger, string.Join(",", result.Validation.Select(p => p.Code).Distinct()), null);
            }
        }
        else if (!result.IsComplete)
        {
            Incomplete(_logger, string.Join(",", result.RuleErrors.Select(e => e.RuleId).Distinct()), null);
        }
        else if (_logger.IsEnabled(LogLevel.Debug))
        {
            Evaluated(_logger, result.IsValid, result.IsComplete, result.Findings.Count, result.HighestSeverity?.ToString() ?? "none", null);
        }

        return result;
    }
}
