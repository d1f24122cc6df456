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
using NRules.RuleModel;

namespace Imuran.ClinicalRules;

/// <summary>
/// The azathioprine rule set: NRules rule definitions (<see cref="Definitions"/>), validated and compiled once.
/// Build it once and share it: it is immutable and thread-safe (NRules' session factory is; each
/// <see cref="Evaluate"/> call uses its own short-lived session, never shared between threads). Evaluation does no
/// I/O and never reads the clock.
/// </summary>
public sealed class ClinicalRuleSet : IClinicalRuleEvaluator
{
    private static readonly Lazy<ClinicalRuleSet> LazyDefault = new(() => Create());

    private readonly CompiledRules? _compiled;
    private readonly NRulesExecutor? _nrules;

    /// <summary>The rule set's own copy of the thresholds, which no caller holds.</summary>
    private readonly RuleThresholds _options;

    private ClinicalRuleSet(IReadOnlyList<(IRuleDefinition Definition, RuleMetadata Metadata)> rules, RuleEngine engine, RuleThresholds options, IReadOnlyList<string> disabled, PolicyReference? policy)
    {
        Engine = engine;
        _options = options with { };
        Thresholds = options with { };
        DisabledRules = disabled;
        Policy = policy;
        Definitions = ReadOnly.Freeze(rules.Select(r => r.Definition).ToList());
        Rules = ReadOnly.Freeze(rules.Where(r => !r.Metadata.IsDerivation).Select(r => r.Metadata).OrderBy(m => m.Id, StringComparer.Ordinal).ToList());
        if (engine == RuleEngine.Compiled)
        {
            _compiled = CompiledRules.Compile(Definitions);
        }
        else
        {
            _nrules = new NRulesExecutor(Definitions);
        }
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
    internal RuleThresholds Options => _options;

    /// <summary>
    /// The compiled NRules rules (null on the <see cref="RuleEngine.Compiled"/> executor), for tests that count the
    /// engine's work through its events: a rule set of one's own sees only one's own evaluations.
    /// </summary>
    internal NRules.ISessionFactory? SessionFactory => _nrules?.Factory;

    /// <summary>Ids of rules the options left out.</summary>
    public IReadOnlyList<string> DisabledRules { get; }

    /// <summary>The site policy the rule set was built with (name, version, content hash), or null; every result carries it.</summary>
    public PolicyReference? Policy { get; }


    /// <summary>
    /// The thresholds this rule set was built with: a copy taken when it was built, so later changes to the options it
    /// was given do not reach it. Every result carries them as <see cref="EvaluationResult.Thresholds"/>.
    /// </summary>
    public RuleThresholds Thresholds { get; }

    /// <summary>
    /// The enabled rules as NRules canonical rule definitions (finding rules and the derivation rules they need), in
    /// agenda order. A host may compile them with <c>NRules.RuleCompiler</c> together with rules of its own; each
    /// definition carries its metadata (<see cref="RuleProperties"/>). Facts for such a session come from
    /// <see cref="LoadFacts"/>; every finding is inserted as a <see cref="FindingFact"/>.
    /// </summary>
    public IReadOnlyList<IRuleDefinition> Definitions { get; }

    /// <summary>The executor this rule set evaluates with.</summary>
    public RuleEngine Engine { get; }

    /// <summary>Builds and validates the rule set. The thresholds in <paramref name="options"/> are copied.</summary>
    /// <exception cref="RuleSetValidationException">A rule breaks a rule-set invariant (id, topic, source, summary length, no-dose policy); the message names it.</exception>
    /// <exception cref="ArgumentException">
    /// The options name a rule id or topic that does not exist (ids and topics match ignoring case; the message lists
    /// the valid ones), or a threshold is nonsense (a negative window, an age
    /// range upside down, a firing limit below one, ...); the message names every such option, e.g.
    /// <c>RuleSetOptions.Thresholds.LiverTestWindowDays</c>; or the policy's name or version, which every result echoes,
    /// reads as dosing text, holds a control character or is longer than 200 characters (<c>RuleSetOptions.Policy.Name</c>);
    /// or the options leave out a rule that reports unknown data (<see cref="RuleMetadata.ReportsUnknownData"/>), or a
    /// topic that holds one, which no policy may do (<c>POLICY_DISABLES_DATA_QUALITY</c>: unknown is not normal).
    /// </exception>
    public static ClinicalRuleSet Create(RuleSetOptions? options = null) => Create(RuleCatalog.All(), options ?? new RuleSetOptions());

    internal static ClinicalRuleSet Create(IEnumerable<IRuleDefinition> definitions, RuleSetOptions options)
    {
        var thresholds = options.Thresholds ?? throw new ArgumentException($"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.Thresholds)} is null; leave it unset for the defaults.", nameof(options));
        var problems = thresholds.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(
                "The rule set options are invalid: " + string.Join(" ", problems.Select(p => $"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.Thresholds)}.{p.Key} {p.Value}")),
                nameof(options));
        }

        if (options.Policy is { } policy && PolicyText.Problems(policy.Name, policy.Version) is { Count: > 0 } echoed)
        {
            // Every result echoes the reference verbatim: refused as the policy reader refuses it.
            throw new ArgumentException(
                string.Join(" ", echoed.Select(p => $"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.Policy)}.{(p.Field == "name" ? nameof(PolicyReference.Name) : nameof(PolicyReference.Version))}: {p.Message} [{p.Code}]")),
                nameof(options));
        }

        var all = definitions.Select(d => (Definition: d, Metadata: RuleProperties.IsClinicalRule(d) ? RuleProperties.Read(d) : new RuleMetadata { Id = d.Name })).ToList();
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

        // Unknown is not normal (principle 2): no options, policy or configuration may leave out a rule that reports
        // missing, stale, unreadable or contradictory data, nor a topic that holds one.
        var findingRules = all.Where(r => !r.Metadata.IsDerivation).Select(r => r.Metadata).ToList();
        var keep = options.DisabledRules
            .Select(id => DataQualityProtection.ForRule(findingRules.First(r => r.Id == id)) is { } why ? $"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.DisabledRules)}: {why}" : null)
            .Concat(options.DisabledTopics.Select(topic => DataQualityProtection.ForTopic(topic, findingRules) is { } why ? $"{nameof(RuleSetOptions)}.{nameof(RuleSetOptions.DisabledTopics)}: {why}" : null))
            .Where(why => why is not null)
            .ToList();
        if (keep.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", keep.Select(why => $"{why} [{ErrorCodes.PolicyDisablesDataQuality}]")), nameof(options));
        }

        var disabled = all
            .Where(r => !r.Metadata.IsDerivation && (options.DisabledRules.Contains(r.Metadata.Id) || options.DisabledTopics.Contains(r.Metadata.Topic)))
            .Select(r => r.Metadata.Id)
            .OrderBy(id => id, StringComparer.Ordinal)
            .ToList();
        var validated = RuleSetValidator.Validate(all.Where(r => !disabled.Contains(r.Metadata.Id)).Select(r => r.Definition), RuleCatalog.Policy);
        return new ClinicalRuleSet(validated, options.Engine, thresholds, ReadOnly.Freeze(disabled), options.Policy);
    }

    /// <summary>
    /// The facts this rule set's definitions match, made from <paramref name="facts"/>, in the order the executors
    /// insert them: for a host that runs <see cref="Definitions"/> in an NRules session of its own.
    /// </summary>
    /// <exception cref="InvalidPatientFactsException">The facts are invalid (the problems are listed).</exception>
    public IReadOnlyList<object> LoadFacts(PatientFacts facts)
    {
        if (facts is null)
        {
            throw new ArgumentNullException(nameof(facts));
        }

        var problems = PatientFactsValidation.Validate(facts);
        if (problems.Count > 0)
        {
            throw new InvalidPatientFactsException(problems);
        }

        var working = new List<object>(32);
        FactLoader.Load(facts, _options, working, new List<UnrecognisedInput>());
        return ReadOnly.Freeze(working);
    }

    /// <summary>
    /// The result for input that could not be read or is not valid: nothing evaluated, every problem listed. The patient
    /// id and the evaluation date are echoed only when no problem names them: a refused patient id (too long, or dosing
    /// text) is not repeated, and a value given twice (<c>DUPLICATE_FIELD</c>) is not shown as if one of them had been read.
    /// </summary>
    /// <param name="facts">What was read of the input, if anything.</param>
    /// <param name="problems">The problems; when empty, a <c>REQUIRED</c> problem says no facts were read.</param>
    /// <returns>A result with <see cref="EvaluationResult.IsValid"/> false.</returns>
    public EvaluationResult InvalidInputResult(PatientFacts? facts, IReadOnlyList<ValidationProblem> problems)
    {
        if (problems is null)
        {
            throw new ArgumentNullException(nameof(problems));
        }

        if (problems.Count == 0)
        {
            // Never a valid-looking result for input that was not read.
            problems = new[] { new ValidationProblem("(input)", ErrorCodes.Required, "No patient facts were read.") };
        }

        return new EvaluationResult
        {
            RuleSetId = Id,
            RuleSetVersion = Version,
            PatientId = Names(problems, "patientId") ? null : facts?.PatientId,
            EvaluationDate = Names(problems, "evaluationDate") ? default : facts?.EvaluationDate ?? default,
            Validation = problems,
            DisabledRules = DisabledRules,
            Thresholds = Thresholds,
            Policy = Policy,
        };

        static bool Names(IReadOnlyList<ValidationProblem> problems, string field)
        {
            foreach (var p in problems)
            {
                if (string.Equals(p.Field, field, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
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
            return InvalidInputResult(facts, problems);
        }

        return _nrules is not null ? EvaluateOnNRules(facts, options?.Listener) : EvaluateCompiled(facts, options?.Listener);
    }

    private EvaluationResult EvaluateOnNRules(PatientFacts facts, IRuleEventListener? listener)
    {
        // The working lists are the scope's (kept per thread with it), as the compiled executor's are its session's.
        var scope = _nrules!.Begin(listener);
        FactLoader.Load(facts, _options, scope.Input, scope.Unrecognised);
        _nrules.Execute(scope, _options.MaxFirings);
        var result = Result(facts, scope.Findings.Sorted(), scope.Unrecognised.ToArray(), scope.Errors);
        EvaluationScope.Return(scope);
        return result;
    }

    private EvaluationResult EvaluateCompiled(PatientFacts facts, IRuleEventListener? listener)
    {
        // The working facts come from the session's pool, unless a listener watches: it is handed the facts and may
        // keep them. The session (with its pool) is kept for the next evaluation only when this one ended cleanly; an
        // exception leaves it to the collector.
        var session = Session.Rent(_compiled!, listener, _options.MaxFirings);
        var working = session.WorkingFacts;
        var unrecognised = session.Unrecognised;
        FactLoader.Load(facts, _options, working, unrecognised, listener is null ? session.FactPool : null);
        for (var i = 0; i < working.Count; i++)
        {
            session.Insert(working[i]);
        }

        session.Fire();
        var result = Result(facts, session.SortedFindings(), unrecognised.ToArray(), session.Errors);
        if (session.Errors.Count == 0)
        {
            Session.Return(session);
        }

        return result;
    }

    private EvaluationResult Result(PatientFacts facts, Finding[] findings, UnrecognisedInput[] unrecognised, IReadOnlyList<RuleError> errors) => new()
    {
        RuleSetId = Id,
        RuleSetVersion = Version,
        PatientId = facts.PatientId,
        EvaluationDate = facts.EvaluationDate,
        Findings = ReadOnly.Freeze(findings),
        Unrecognised = ReadOnly.Freeze(unrecognised),
        RuleErrors = errors.Count == 0 ? ReadOnly.Empty<RuleError>() : ReadOnly.Copy(errors),
        DisabledRules = DisabledRules,
        Thresholds = Thresholds,
        Policy = Policy,
    };
}
