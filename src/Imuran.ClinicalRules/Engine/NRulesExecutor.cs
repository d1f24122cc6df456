using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using Imuran.ClinicalRules.Findings;
using NRules;
using NRules.Extensibility;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Engine;

/// <summary>
/// Runs the rule set on NRules: the definitions are compiled once into one <see cref="ISessionFactory"/> (thread-safe,
/// shared by every evaluation), and each evaluation gets its own session: <c>InsertAll</c>, then <c>Fire</c>.
/// </summary>
internal sealed class NRulesExecutor
{
    /// <summary>This thread's spare session of one factory, reset after a clean evaluation (see <see cref="Execute(EvaluationScope, int)"/>).</summary>
    [ThreadStatic]
    private static SpareSession? t_spare;

    /// <summary>A session that held more facts than this is dropped rather than kept: its memories would stay large.</summary>
    private const int LargestKeptSession = 512;

    private readonly IReadOnlyDictionary<string, int> _agendaOrder;
    private readonly bool _findingFactsRead;

    /// <summary>Compiles <paramref name="definitions"/> (already validated).</summary>
    /// <exception cref="RuleSetValidationException">NRules could not compile a rule; the message names it.</exception>
    public NRulesExecutor(IReadOnlyList<IRuleDefinition> definitions)
    {
        var compiler = new RuleCompiler();
#if NET8_0_OR_GREATER
        compiler.ExpressionCompiler = new FastCompiler();
#endif
        try
        {
            Factory = compiler.Compile(definitions);
        }
        catch (RuleCompilationException ex)
        {
            throw new RuleSetValidationException(ex.RuleName, "NRules could not compile it: " + (ex.InnerException?.Message ?? ex.Message));
        }

        _agendaOrder = AgendaOrder(definitions);
        _findingFactsRead = definitions.Any(d => Reads(d.LeftHandSide, typeof(FindingFact)));
    }

    /// <summary>The compiled rules; thread-safe.</summary>
    public ISessionFactory Factory { get; }

    /// <summary>Priority (high first), then id: the order the compiled executor's agenda uses, for messages.</summary>
    internal static IReadOnlyDictionary<string, int> AgendaOrder(IEnumerable<IRuleDefinition> definitions) =>
        definitions
            .OrderByDescending(d => d.Priority)
            .ThenBy(d => d.Name, StringComparer.Ordinal)
            .Select((d, i) => (d.Name, i))
            .ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    /// <summary>
    /// Runs one evaluation in its own session. Never throws for a rule's failure: it comes back as an error (an exception
    /// the listener throws reaches the caller). The session is this thread's spare when it has one: a session whose
    /// evaluation ended cleanly is reset by retracting every fact it holds and kept for the thread's next evaluation;
    /// after any error, a firing limit or an exception it is dropped. Never shared between threads; a nested evaluation
    /// (from a listener) gets a session of its own.
    /// </summary>
    public EvaluationScope Execute(List<object> facts, IRuleEventListener? listener, int maxFirings)
    {
        var scope = Begin(listener);
        scope.Input.AddRange(facts);
        return Execute(scope, maxFirings);
    }

    /// <summary>
    /// A scope for one evaluation (this thread's spare when it has one): load the facts into its
    /// <see cref="EvaluationScope.Input"/> and <see cref="EvaluationScope.Unrecognised"/>, then <see cref="Execute(EvaluationScope, int)"/>.
    /// </summary>
    public EvaluationScope Begin(IRuleEventListener? listener) => EvaluationScope.Rent(_agendaOrder, listener, _findingFactsRead);

    /// <summary>Runs one evaluation of the facts in <paramref name="scope"/>'s <see cref="EvaluationScope.Input"/> (see <see cref="Execute(List{object}, IRuleEventListener?, int)"/>).</summary>
    public EvaluationScope Execute(EvaluationScope scope, int maxFirings)
    {
        var facts = scope.Input;
        var session = RentSession();
        var clean = false;
        session.DependencyResolver = scope;
        session.Events.LhsExpressionFailedEvent += scope.ConditionFailedHandler;
        try
        {
            for (var i = 0; i < facts.Count; i++)
            {
                scope.Inserting(facts[i]);
            }

            session.InsertAll(facts);
            session.Fire(maxFirings);
            if (!session.Agenda.IsEmpty)
            {
                scope.Fail("(engine)", scope.FiringLimitMessage(maxFirings));
            }

            clean = scope.Errors.Count == 0;
        }
        catch (Exception) when (scope.ListenerFailure is not null)
        {
            scope.ListenerFailure.Throw();
        }
        catch (Exception ex)
        {
            // Anything NRules itself throws (its evaluation exceptions are unwrapped to the rule's own exception).
            var (rule, cause) = Unwrap(ex);
            scope.Fault(rule, cause);
        }
        finally
        {
            session.Events.LhsExpressionFailedEvent -= scope.ConditionFailedHandler;
            session.DependencyResolver = NoScope.Instance;
            if (clean && scope.Inserted.Count <= LargestKeptSession)
            {
                ReturnSession(session, scope.Inserted);
            }
        }

        return scope;
    }

    private ISession RentSession()
    {
        var spare = t_spare;
        if (spare is not null && ReferenceEquals(spare.Factory, Factory))
        {
            t_spare = null;
            return spare.Session;
        }

        return Factory.CreateSession();
    }

    /// <summary>Empties a session that ended cleanly and keeps it as this thread's spare; a session that cannot be emptied is dropped.</summary>
    private void ReturnSession(ISession session, List<object> inserted)
    {
        try
        {
            // Everything the evaluation put in: the input facts, the facts its rules derived and the findings.
            session.RetractAll(inserted);
            if (session.Agenda.IsEmpty)
            {
                t_spare = new SpareSession(Factory, session);
            }
        }
        catch (Exception)
        {
            // Dropped: the next evaluation on this thread creates a new session.
        }
    }

    /// <summary>Whether a rule's conditions read facts of <paramref name="type"/> (anywhere in its left-hand side).</summary>
    private static bool Reads(RuleElement element, Type type) => element switch
    {
        PatternElement p => p.ValueType.IsAssignableFrom(type) || (p.Source is { } source && Reads(source, type)),
        AggregateElement a => Reads(a.Source, type),
        NotElement n => Reads(n.Source, type),
        ExistsElement e => Reads(e.Source, type),
        GroupElement g => g.ChildElements.Any(c => Reads(c, type)),
        _ => true,
    };

    private sealed record SpareSession(ISessionFactory Factory, ISession Session);

    /// <summary>The resolver of a session between evaluations: it resolves nothing, so no action finds a stale scope.</summary>
    private sealed class NoScope : IDependencyResolver
    {
        public static readonly NoScope Instance = new();

        public object Resolve(IResolutionContext context, Type serviceType) => throw new InvalidOperationException("No evaluation is running in this session.");
    }

    private static (string Rule, Exception Cause) Unwrap(Exception ex) => ex switch
    {
        RuleRhsExpressionEvaluationException rhs => (rhs.RuleName, rhs.InnerException ?? rhs),
        AgendaExpressionEvaluationException agenda => (agenda.RuleName, agenda.InnerException ?? agenda),
        RuleExpressionEvaluationException other => ("(engine)", other.InnerException ?? other),
        _ => ("(engine)", ex),
    };

#if NET8_0_OR_GREATER
    /// <summary>FastExpressionCompiler as NRules' expression compiler (net8.0+; it has no netstandard2.0 build).</summary>
    private sealed class FastCompiler : IExpressionCompiler
    {
        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate
            => FastExpressionCompiler.ExpressionCompiler.CompileFast(expression, ifFastFailedReturnNull: true) ?? expression.Compile();
    }
#endif
}
