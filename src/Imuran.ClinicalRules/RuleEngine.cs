namespace Imuran.ClinicalRules;

/// <summary>Which executor runs the rule set's definitions. Both give byte-identical results.</summary>
public enum RuleEngine
{
    /// <summary>NRules (the default): the definitions compiled by NRules' <c>RuleCompiler</c> into one session factory.</summary>
    NRules = 0,

    /// <summary>
    /// The compiled executor: the same definitions compiled by this library. Several times faster (about 7× measured), and it reports
    /// each condition's outcome (condition coverage). For cohort runs and coverage.
    /// </summary>
    Compiled = 1,
}
