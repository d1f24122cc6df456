using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using Imuran.ClinicalRules.Findings;
using NRules.Diagnostics;
using NRules.Extensibility;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// The state of one evaluation on NRules, held by its session (as the session's dependency resolver, which rule
/// actions reach through <see cref="IContext.Resolve"/>): the findings and their order, rule errors, firing counts
/// and the listener. Never static, never shared between sessions or threads.
/// </summary>
internal sealed class EvaluationScope : IDependencyResolver, IFiringHost
{
    /// <summary>A scope that handled more facts than this is not kept as a spare: its tables would stay large.</summary>
    private const int LargestKept = 512;

    /// <summary>This thread's spare scope (see <see cref="Rent"/> and <see cref="Return"/>).</summary>
    [ThreadStatic]
    private static EvaluationScope? t_spare;

    private readonly Dictionary<string, int> _fireCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _faulted = new(StringComparer.Ordinal);
    private readonly Firing _firing;
    private IReadOnlyDictionary<string, int> _agendaOrder;
    private List<RuleError>? _errors;
    private IContext? _context;

    public EvaluationScope(IReadOnlyDictionary<string, int> agendaOrder, IRuleEventListener? listener)
    {
        _agendaOrder = agendaOrder;
        Listener = listener;
        _firing = new Firing(this, Firing.NoRule, Array.Empty<object?>());
        ConditionFailedHandler = OnConditionFailed;
    }

    public IRuleEventListener? Listener { get; private set; }

    /// <summary>Whether findings go into the session as <see cref="FindingFact"/>s (only when a rule of the session reads them).</summary>
    public bool InsertsFindingFacts { get; set; } = true;

    /// <summary><see cref="OnConditionFailed"/> as one delegate, made once per scope (subscribed and unsubscribed per evaluation).</summary>
    public EventHandler<LhsExpressionErrorEventArgs> ConditionFailedHandler { get; }

    /// <summary>
    /// A scope for one evaluation: this thread's spare when it has one (reset to the state of a new scope), else a new
    /// one. Give it back with <see cref="Return"/> once its findings and errors are copied out, or drop it.
    /// </summary>
    public static EvaluationScope Rent(IReadOnlyDictionary<string, int> agendaOrder, IRuleEventListener? listener, bool insertsFindingFacts)
    {
        var scope = t_spare;
        if (scope is null)
        {
            return new EvaluationScope(agendaOrder, listener) { InsertsFindingFacts = insertsFindingFacts };
        }

        t_spare = null;
        scope._agendaOrder = agendaOrder;
        scope.Listener = listener;
        scope.InsertsFindingFacts = insertsFindingFacts;
        return scope;
    }

    /// <summary>
    /// Resets <paramref name="scope"/> and keeps it as this thread's spare. The caller must have copied out its findings
    /// (<see cref="FindingCollector.Sorted"/> makes a new array) and errors, and must not use it again.
    /// </summary>
    public static void Return(EvaluationScope scope)
    {
        if (scope.ListenerFailure is not null || scope.Inserted.Count > LargestKept || scope.Input.Count > LargestKept || scope.Unrecognised.Count > LargestKept)
        {
            return;
        }

        scope.Input.Clear();
        scope.Unrecognised.Clear();

        scope._fireCounts.Clear();
        scope._faulted.Clear();
        scope._errors = null;
        scope._context = null;
        scope.Listener = null;
        scope.Findings.Clear();
        scope.Inserted.Clear();
        scope.FiringCount = 0;
        scope._firing.Reset(Firing.NoRule, Array.Empty<object?>());
        t_spare = scope;
    }

    public FindingCollector Findings { get; } = new();

    /// <summary>The facts loaded for this evaluation, to be inserted (filled by the caller before <see cref="NRulesExecutor.Execute(EvaluationScope, int)"/>).</summary>
    public List<object> Input { get; } = new(32);

    /// <summary>The inputs the loader did not recognise (filled with <see cref="Input"/>; copied into the result).</summary>
    public List<UnrecognisedInput> Unrecognised { get; } = new();

    public IReadOnlyList<RuleError> Errors => (IReadOnlyList<RuleError>?)_errors ?? Array.Empty<RuleError>();

    public int FiringCount { get; private set; }

    /// <summary>The scope of the session a rule fires in, or null in a session this library did not set up (a host's own).</summary>
    public static EvaluationScope? Of(IContext context)
    {
        try
        {
            return context.Resolve(typeof(EvaluationScope)) as EvaluationScope;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>Registers an input fact (for the order of findings) and tells the listener.</summary>
    public void Inserting(object fact)
    {
        if (Listener is not null)
        {
            TellInserted(fact);
        }

        Findings.Register(fact);
        Inserted.Add(fact);
    }

    /// <summary>Every fact this evaluation put in the session (to reset a pooled session by retracting them).</summary>
    public List<object> Inserted { get; } = new(32);

    /// <summary>An exception the listener threw: it reaches the caller as it is (NRules would wrap it), as on the compiled executor.</summary>
    public ExceptionDispatchInfo? ListenerFailure { get; private set; }

    private void Tell(Action call)
    {
        try
        {
            call();
        }
        catch (Exception ex)
        {
            ListenerFailure ??= ExceptionDispatchInfo.Capture(ex);
            throw;
        }
    }

    public object Resolve(IResolutionContext context, Type serviceType) =>
        serviceType == typeof(EvaluationScope) ? this : throw new InvalidOperationException($"Imuran.ClinicalRules resolves no {serviceType.Name}.");

    /// <summary>Runs a rule's action for NRules. A rule that threw before fires no more in this evaluation.</summary>
    public void Fire(RuleAction action, IContext context, object[] facts)
    {
        var id = action.Metadata.Id;
        if (_faulted.Count > 0 && _faulted.Contains(id))
        {
            return;
        }

        FiringCount++;
#if NET8_0_OR_GREATER
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_fireCounts, id, out _)++;
#else
        _fireCounts[id] = _fireCounts.TryGetValue(id, out var n) ? n + 1 : 1;
#endif
        _context = context;
        _firing.Reset(action.Metadata, facts);
        try
        {
            action.Invoke(_firing, facts);
        }
        catch (Exception ex)
        {
            Fault(id, ex);
        }
        finally
        {
            _context = null;
        }

        if (Listener is not null)
        {
            TellFired(action, facts);
        }
    }

    // The listener calls are in methods of their own: a lambda capturing a parameter makes its closure on every call
    // of the method it is in, listener or not.
    private void TellInserted(object fact) => Tell(() => Listener!.FactInserted(fact));

    private void TellFired(RuleAction action, object[] facts) => Tell(() => Listener!.RuleFired(action.Metadata, facts.Where(f => f is not null).ToList()));

    public void Insert(object fact)
    {
        Inserting(fact);
        _context!.Insert(fact);
    }

    public void AddFinding(Finding finding, object?[] facts)
    {
        Findings.Add(finding, facts);
        if (InsertsFindingFacts)
        {
            var fact = new FindingFact(finding);
            Inserted.Add(fact);
            _context!.Insert(fact);
        }
    }

    /// <summary>A condition threw: the rule is reported against its id and fires no more; NRules goes on with the rest.</summary>
    public void OnConditionFailed(object? sender, LhsExpressionErrorEventArgs e)
    {
        e.IsHandled = true;
        foreach (var rule in e.Rules)
        {
            Fault(rule.Name, e.Exception ?? new InvalidOperationException("a condition failed"));
        }
    }

    public void Fault(string ruleId, Exception ex)
    {
        if (_faulted.Add(ruleId))
        {
            Fail(ruleId, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    public void Fail(string ruleId, string message) => (_errors ??= new List<RuleError>()).Add(new RuleError(ruleId, message));

    public string FiringLimitMessage(int maxFirings)
    {
        var top = _fireCounts
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => _agendaOrder.TryGetValue(kv.Key, out var o) ? o : int.MaxValue)
            .Take(5)
            .Select(kv => $"{kv.Key} ({kv.Value})");
        return FiringLimit.Message(maxFirings, top);
    }
}

/// <summary>The firing-limit message, the same on either executor.</summary>
internal static class FiringLimit
{
    public static string Message(int maxFirings, IEnumerable<string> top) =>
        $"the firing limit of {maxFirings} was reached, so a chain of rules may be running away; rules firing most: {string.Join(", ", top)}.";
}
