using System;
using System.Reflection;
using Imuran.ClinicalRules.Findings;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// A rule's action as its NRules definition carries it: the definition's right-hand side calls
/// <see cref="Run"/> with every declaration of the rule, and the compiled executor calls <see cref="Invoke"/>.
/// Immutable and shared; per-evaluation state lives in the session (see <see cref="EvaluationScope"/>).
/// </summary>
internal sealed class RuleAction
{
    public static readonly MethodInfo RunMethod = typeof(RuleAction).GetMethod(nameof(Run))!;

    private readonly Action<Firing, object?[]> _invoke;

    /// <param name="metadata">The rule's metadata.</param>
    /// <param name="invoke">The rule's code, called with every declaration of the rule in order; it picks the ones it reads.</param>
    public RuleAction(RuleMetadata metadata, Action<Firing, object?[]> invoke)
    {
        Metadata = metadata;
        _invoke = invoke;
    }

    public RuleMetadata Metadata { get; }

    /// <summary>Called by NRules when the rule fires, with every declaration of the rule in order.</summary>
    public void Run(IContext context, object[] facts)
    {
        var scope = EvaluationScope.Of(context);
        if (scope is null)
        {
            // A host's own session (no scope): derived facts and findings go into its working memory; an exception
            // reaches the host as NRules reports it.
            Invoke(new Firing(new ContextHost(context), Metadata, facts), facts);
            return;
        }

        scope.Fire(this, context, facts);
    }

    /// <summary>Runs the rule's code with the declarations it reads (picked from <paramref name="facts"/>).</summary>
    public void Invoke(Firing firing, object?[] facts) => _invoke(firing, facts);

    /// <summary>A host session's context as the firing's host.</summary>
    private sealed class ContextHost : IFiringHost
    {
        private readonly IContext _context;

        public ContextHost(IContext context) => _context = context;

        public void Insert(object fact) => _context.Insert(fact);

        public void AddFinding(Finding finding, object?[] facts) => _context.Insert(new FindingFact(finding));
    }
}

/// <summary>Where a firing's inserted facts and raised findings go.</summary>
internal interface IFiringHost
{
    void Insert(object fact);

    /// <param name="finding">The finding.</param>
    /// <param name="facts">The declarations the rule fired with (for the order of findings of one rule).</param>
    void AddFinding(Finding finding, object?[] facts);
}
