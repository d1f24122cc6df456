using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Findings;
using NRules.RuleModel;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>What one run of some rules on one executor gave.</summary>
internal sealed record ExecutorRun(Finding[] Findings, IReadOnlyList<RuleError> Errors, int FiringCount);

/// <summary>Runs rule definitions on either executor, as <see cref="ClinicalRuleSet"/> does, for the engine's own tests.</summary>
internal static class TestExecutors
{
    public static ExecutorRun Run(RuleEngine engine, IEnumerable<IRuleDefinition> rules, params object[] facts) =>
        Run(engine, rules, 1000, null, facts);

    public static ExecutorRun Run(RuleEngine engine, IEnumerable<IRuleDefinition> rules, int maxFirings, IRuleEventListener? listener, params object[] facts)
    {
        var definitions = rules.ToList();
        if (engine == RuleEngine.NRules)
        {
            var scope = new NRulesExecutor(definitions).Execute(facts.ToList(), listener, maxFirings);
            return new ExecutorRun(scope.Findings.Sorted(), scope.Errors, scope.FiringCount);
        }

        var session = new Session(CompiledRules.Compile(definitions), listener, maxFirings);
        foreach (var f in facts)
        {
            session.Insert(f);
        }

        session.Fire();
        return new ExecutorRun(session.SortedFindings(), session.Errors, session.FiringCount);
    }
}
