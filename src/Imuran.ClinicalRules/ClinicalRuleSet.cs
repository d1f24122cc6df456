using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules;

/// <summary>
/// Evaluates patient facts against the azathioprine rule set. The seam for dependency injection
/// (<c>services.AddImuranClinicalRules()</c> registers it as a singleton). Implementations are thread-safe.
/// </summary>
public interface IClinicalRuleEvaluator
{
    /// <summary>The rule set's id; every result is stamped with it.</summary>
    string Id { get; }

    /// <summary>The rule set's version; every result is stamped with it.</summary>
    string Version { get; }

    /// <summary>The finding rules this evaluator runs, ordered by id (rules left out are not listed).</summary>
    IReadOnlyList<RuleMetadata> Rules { get; }

    /// <summary>Ids of rules left out by options or a site policy; every result lists them.</summary>
    IReadOnlyList<string> DisabledRules { get; }

    /// <summary>The site policy the rule set was built with, or null; every result carries it.</summary>
    PolicyReference? Policy { get; }

    /// <summary>The thresholds the rule set was built with; every result carries them.</summary>
    RuleOptions Thresholds { get; }

    /// <summary>Validates <paramref name="facts"/> and, when valid, runs every enabled rule.</summary>
    /// <returns>The result; never null. Invalid input comes back as validation problems, not as an exception.</returns>
    EvaluationResult Evaluate(PatientFacts facts, EvaluationOptions? options = null);
}

/// <summary>Per-evaluation options.</summary>
public sealed record EvaluationOptions
{
    /// <summary>Receives engine events (facts inserted, rules fired, conditions tested) for tracing and coverage.</summary>
    public IRuleEventListener? Listener { get; init; }
}

/// <summary>How to build a rule set: host thresholds and rules or topics to leave out.</summary>
public sealed record RuleSetOptions
{
    private IReadOnlyList<string> _disabledRules = ReadOnly.Empty<string>();
    private IReadOnlyList<string> _disabledTopics = ReadOnly.Empty<string>();

    /// <summary>
    /// Host thresholds and windows (local choices). Defaults to a new <see cref="RuleOptions"/> of this instance's own,
    /// so binding configuration into it changes these options only. The rule set copies and validates it when built.
    /// </summary>
    public RuleOptions Rules { get; init; } = new();

    /// <summary>Rule ids to leave out, matched ignoring case. Every result lists them, so nothing disappears unseen.</summary>
    public IReadOnlyList<string> DisabledRules { get => _disabledRules; init => _disabledRules = ReadOnly.Copy(value); }

    /// <summary>Topics to leave out (every rule of the topic), matched ignoring case. Every result lists the rules left out.</summary>
    public IReadOnlyList<string> DisabledTopics { get => _disabledTopics; init => _disabledTopics = ReadOnly.Copy(value); }

    /// <summary>
    /// The site policy these options came from (<see cref="SitePolicy.ToRuleSetOptions"/> sets it), or null. Every
    /// result of the rule set carries it, so a finding that did not appear can be traced to the reviewed file.
    /// </summary>
    public PolicyReference? Policy { get; init; }
}

/// <summary>
/// The compiled azathioprine rule set. Build it once and share it: it is immutable and thread-safe, and each
/// <see cref="Evaluate"/> call uses its own short-lived session. Evaluation does no I/O and never reads the clock.
/// </summary>
public sealed class ClinicalRuleSet : IClinicalRuleEvaluator
{
    private static readonly Lazy<ClinicalRuleSet> LazyDefault = new(() => Create());

    private readonly CompiledRules _compiled;

    /// <summary>The rule set's own copy of the thresholds, which no caller holds.</summary>
    private readonly RuleOptions _options;

    private ClinicalRuleSet(CompiledRules compiled, RuleOptions options, IReadOnlyList<string> disabled, PolicyReference? policy)
    {
        _compiled = compiled;
        _options = options with { };
        Thresholds = options with { };
        DisabledRules = disabled;
        Policy = policy;
        Rules = ReadOnly.Freeze(compiled.Rules.Where(r => !r.Metadata.IsDerivation).Select(r => r.Metadata).OrderBy(m => m.Id, StringComparer.Ordinal).ToList());
    }

    /// <summary>The rule set with default options, built on first use.</summary>
    public static ClinicalRuleSet Default => LazyDefault.Value;

    /// <summary>The rule set's id.</summary>
    public string Id => RuleCatalog.RuleSetId;

    /// <summary>The rule set's version; every result is stamped with it.</summary>
    public string Version => RuleCatalog.RuleSetVersion;

    /// <summary>The finding rules in this rule set (derivation rules are internal), ordered by id.</summary>
    public IReadOnlyList<RuleMetadata> Rules { get; }

    /// <summary>The host thresholds and windows this rule set was built with.</summary>
    internal RuleOptions Options => _options;

    /// <summary>Ids of rules the options left out.</summary>
    public IReadOnlyList<string> DisabledRules { get; }

    /// <summary>The site policy the rule set was built with (name, version, content hash), or null; every result carries it.</summary>
    public PolicyReference? Policy { get; }


    /// <summary>
    /// The thresholds this rule set was built with: a copy taken when it was built, so later changes to the options it
    /// was given do not reach it. Every result carries them as <see cref="EvaluationResult.Thresholds"/>.
    /// </summary>
    public RuleOptions Thresholds { get; }

    /// <summary>Builds and validates the rule set. The thresholds in <paramref name="options"/> are copied.</summary>
    /// <exception cref="RuleSetValidationException">A rule breaks a rule-set invariant (id, topic, source, summary length, no-dose policy); the message names it.</exception>
    /// <exception cref="ArgumentException">
    /// The options name a rule id or topic that does not exist (ids and topics match ignoring case; the message lists
    /// the valid ones), or a threshold is nonsense (a negative window, an age
    /// range upside down, a firing limit below one, ...); the message names every such option, e.g.
    /// <c>RuleSetOptions.Rules.LiverTestWindowDays</c>.
    /// </exception>
    public static ClinicalRuleSet Create(RuleSetOptions? options = null) => Create(RuleCatalog.All(), options ?? new RuleSetOptions());

    internal static ClinicalRuleSet Create(IEnumerable<RuleDefinition> rules, RuleSetOptions options)
    {
        var thresholds = options.Rules ?? throw new ArgumentException($"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.Rules)} is null; leave it unset for the defaults.", nameof(options));
        var problems = thresholds.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The rule set options are invalid: " + string.Join(" ", problems.Select(p => $"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.Rules)}.{p.Key} {p.Value}")),
                nameof(options));
        }

        var all = rules.ToList();
        options = RuleSelection.Canonicalise(options, all.Where(r => !r.Metadata.IsDerivation).Select(r => r.Metadata.Id).OrderBy(id => id, StringComparer.Ordinal).ToList());
        foreach (var id in options.DisabledRules)
        {
            if (!all.Any(r => r.Metadata.Id == id && !r.Metadata.IsDerivation))
            {
                throw new ArgumentException($"No rule has the id '{id}'.", nameof(options));
            }
        }

        foreach (var topic in options.DisabledTopics)
        {
            if (!Topics.IsKnown(topic))
            {
                throw new ArgumentException($"'{topic}' is not a topic in the vocabulary.", nameof(options));
            }
        }

        var disabled = all
            .Where(r => !r.Metadata.IsDerivation && (options.DisabledRules.Contains(r.Metadata.Id) || options.DisabledTopics.Contains(r.Metadata.Topic)))
            .Select(r => r.Metadata.Id)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();
        var compiled = CompiledRules.Compile(all.Where(r => !disabled.Contains(r.Metadata.Id)), RuleCatalog.Policy);
        return new ClinicalRuleSet(compiled, thresholds, ReadOnly.Freeze(disabled), options.Policy);
    }

    /// <inheritdoc />
    /// <remarks>Traced and measured through <see cref="ClinicalRulesTelemetry"/> when a host listens.</remarks>
    public EvaluationResult Evaluate(PatientFacts facts, EvaluationOptions? options = null)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        if (!ClinicalRulesTelemetry.IsObserved)
        {
            return EvaluateCore(facts, options);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var activity = ClinicalRulesTelemetry.StartEvaluation(this);
        EvaluationResult result;
        try
        {
            result = EvaluateCore(facts, options);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }

        ClinicalRulesTelemetry.Record(result, started, activity);
        return result;
    }

    private EvaluationResult EvaluateCore(PatientFacts facts, EvaluationOptions? options)
    {
        var problems = (IReadOnlyList<ValidationProblem>?)InputLimitCheck.Check(facts, _options) ?? PatientFactsValidation.Validate(facts);
        if (problems.Count > 0)
        {
            return new EvaluationResult
            {
                RuleSetId = Id,
                RuleSetVersion = Version,
                PatientId = facts.PatientId,
                EvaluationDate = facts.EvaluationDate,
                Validation = problems,
                DisabledRules = DisabledRules,
                Thresholds = Thresholds,
                Policy = Policy,
            };
        }

        var session = Session.Rent(_compiled, options?.Listener, _options.MaxFirings);
        try
        {
            var working = session.WorkingFacts;
            var unrecognised = session.Unrecognised;
            FactLoader.Load(facts, _options, working, unrecognised);
            for (var i = 0; i < working.Count; i++)
            {
                session.Insert(working[i]);
            }

            session.Fire();

            var findings = new Finding[session.Findings.Count];
            for (var i = 0; i < findings.Length; i++)
            {
                findings[i] = session.Findings[i];
            }

            SortFindings(findings);
            var errors = session.Errors;
            return new EvaluationResult
            {
                RuleSetId = Id,
                RuleSetVersion = Version,
                PatientId = facts.PatientId,
                EvaluationDate = facts.EvaluationDate,
                Findings = ReadOnly.Freeze(findings),
                Unrecognised = ReadOnly.Freeze(unrecognised.ToArray()),
                RuleErrors = errors.Count == 0 ? ReadOnly.Empty<RuleError>() : ReadOnly.Copy(errors),
                DisabledRules = DisabledRules,
                Thresholds = Thresholds,
                Policy = Policy,
            };
        }
        finally
        {
            Session.Return(session);
        }
    }

    /// <summary>Severity (critical first), then rule id, then the order raised (a stable sort).</summary>
    internal static void SortFindings(IList<Finding> findings)
    {
        // An insertion sort: stable, allocation-free, and quick for the few findings an evaluation raises.
        for (var i = 1; i < findings.Count; i++)
        {
            var f = findings[i];
            var j = i - 1;
            while (j >= 0 && Precedes(f, findings[j]))
            {
                findings[j + 1] = findings[j];
                j--;
            }

            findings[j + 1] = f;
        }
    }

    /// <summary>Whether <paramref name="a"/> sorts strictly before <paramref name="b"/> (more severe, or the same and a lower id).</summary>
    private static bool Precedes(Finding a, Finding b)
    {
        if (a.Severity != b.Severity)
        {
            return a.Severity > b.Severity;
        }

        return string.CompareOrdinal(a.RuleId, b.RuleId) < 0;
    }
}
