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
    private readonly IReadOnlyDictionary<string, int> _agendaOrder;

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

    /// <summary>Runs one evaluation in a new session. Never throws for a rule's failure: it comes back as an error.</summary>
    public EvaluationScope Execute(List<object> facts, IRuleEventListener? listener, int maxFirings)
    {
        var scope = new EvaluationScope(_agendaOrder, listener);
        var session = Factory.CreateSession();
        session.DependencyResolver = scope;
        session.Events.LhsExpressionFailedEvent += scope.OnConditionFailed;
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
            session.Events.LhsExpressionFailedEvent -= scope.OnConditionFailed;
        }

        return scope;
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
