using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Imuran.ClinicalRules.Research.Batch;
using Imuran.ClinicalRules.Research.Cohorts;
using Imuran.ClinicalRules.Research.Coverage;
using Imuran.ClinicalRules.Research.Scenarios;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Policy;

namespace Imuran.ClinicalRules.Cli;

/// <summary>
/// <c>--policy FILE</c>, <c>--disable ID|TOPIC</c> and <c>--threshold name=value</c>, shared by check, batch and coverage:
/// the rule set a run uses. Without any of them it is the default rule set.
/// </summary>
internal sealed class PolicyOptions
{
    /// <summary>What a command-line trial's policy names as its changer.</summary>
    public const string CommandLine = "command-line";

    private readonly Option<string?> _policy = new("--policy")
    {
        Description = "A site policy JSON file: rules or topics left out (each with a reason and approver) and thresholds set. Every result names it (name, version, SHA-256).",
    };

    private readonly Option<string[]> _disable = new("--disable")
    {
        Description = "Leave a rule (id) or topic out, for a trial; repeatable; ids and topics match ignoring case. Results then name a policy whose version ends in +command-line.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private readonly Option<string[]> _threshold = new("--threshold")
    {
        Description = "Set a threshold name=value (e.g. liverTestWindowDays=60, egfrThreshold=off), for a trial; repeatable.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(_policy);
        command.Options.Add(_disable);
        command.Options.Add(_threshold);
    }

    /// <summary>The values given on the command line.</summary>
    public (string? Policy, string[] Disable, string[] Thresholds) Values(ParseResult parse) =>
        (parse.GetValue(_policy), parse.GetValue(_disable) ?? Array.Empty<string>(), parse.GetValue(_threshold) ?? Array.Empty<string>());

    /// <summary>
    /// The rule set for a run: the default one, or one built from the policy file and the trial settings. Prints
    /// every problem (with the valid values for an unknown name) and returns false when it cannot be built.
    /// </summary>
    public static bool TryBuild(CliIO io, string? policyPath, IReadOnlyList<string> disable, IReadOnlyList<string> thresholds, string engine, out ClinicalRuleSet rules)
    {
        rules = RuleEngines.RuleSet(engine);
        SitePolicy? policy = null;
        if (policyPath is not null)
        {
            if (!InputSource.TryReadAllBytes(io, policyPath, "policy", SitePolicyJson.MaxBytes, out var bytes))
            {
                return false;
            }

            var read = SitePolicyJson.Read(bytes);
            if (!read.Succeeded)
            {
                io.Error.WriteLine($"error: the policy '{policyPath}' has {read.Problems.Count} problem{(read.Problems.Count == 1 ? string.Empty : "s")} and was not used:");
                foreach (var p in read.Problems)
                {
                    io.Error.WriteLine($"  {p.Field}: {p.Message} [{p.Code}]");
                }

                return false;
            }

            policy = read.Policy;
        }

        if (disable.Count > 0 || thresholds.Count > 0)
        {
            var pairs = new List<KeyValuePair<string, string?>>();
            foreach (var threshold in thresholds)
            {
                var eq = threshold.IndexOf('=');
                if (eq <= 0)
                {
                    io.Error.WriteLine($"error: --threshold '{threshold}' is not name=value (e.g. liverTestWindowDays=60).");
                    return false;
                }

                var value = threshold.Substring(eq + 1);
                if (value.Trim().Length == 0)
                {
                    // On the command line an empty value is most often an unset variable (egfrThreshold=$LIMIT): it must
                    // not turn a check off in silence. "off" does that on purpose.
                    io.Error.WriteLine($"error: --threshold '{threshold}' has no value; give a number, or 'off' to turn the check off.");
                    return false;
                }

                pairs.Add(new KeyValuePair<string, string?>(threshold.Substring(0, eq), value));
            }

            try
            {
                policy = (policy ?? new SitePolicy()).Amend(CommandLine, disable, pairs);
            }
            catch (ArgumentException ex)
            {
                io.Error.WriteLine("error: " + Plain(ex));
                return false;
            }
        }

        if (policy is null)
        {
            return true;
        }

        try
        {
            rules = ClinicalRuleSet.Create(policy.ToRuleSetOptions() with { Engine = rules.Engine });
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or RuleSetValidationException)
        {
            io.Error.WriteLine("error: the policy cannot be used: " + (ex is ArgumentException a ? Plain(a) : ex.Message));
            return false;
        }
    }

    /// <summary>The message without the runtime's " (Parameter 'x')" suffix.</summary>
    private static string Plain(ArgumentException ex)
    {
        var cut = ex.ParamName is null ? -1 : ex.Message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? ex.Message.Substring(0, cut) : ex.Message;
    }
}
