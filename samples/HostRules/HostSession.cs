using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using NRules;
using NRules.Fluent;

namespace HostRules;

/// <summary>What one patient gave in the host's session: the library's findings and the host's own conclusions.</summary>
public sealed record HostOutcome(IReadOnlyList<FindingFact> Findings, IReadOnlyList<PharmacistCall> Calls);

/// <summary>
/// A host compiles the library's NRules definitions together with its own rules into one session factory, and runs
/// patients through it. Build the factory once and share it (NRules session factories are thread-safe); use one
/// session per patient.
/// </summary>
public static class HostSession
{
    /// <summary>Our definitions plus the host's Fluent rules, compiled by NRules.</summary>
    public static ISessionFactory Compile(ClinicalRuleSet rules)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(PharmacistCallRule)));
        var hostRules = repository.GetRules();
        return new RuleCompiler().Compile(rules.Definitions.Concat(hostRules));
    }

    /// <summary>Runs one patient: the library's facts go in, the library's and the host's rules fire.</summary>
    public static HostOutcome Run(ISessionFactory factory, ClinicalRuleSet rules, PatientFacts patient)
    {
        var session = factory.CreateSession();
        session.InsertAll(rules.LoadFacts(patient));
        session.Fire();
        var findings = session.Query<FindingFact>().ToList()
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, System.StringComparer.Ordinal)
            .ToList();
        var calls = session.Query<PharmacistCall>().ToList()
            .OrderBy(c => c.RuleId, System.StringComparer.Ordinal)
            .ToList();
        return new HostOutcome(findings, calls);
    }
}
