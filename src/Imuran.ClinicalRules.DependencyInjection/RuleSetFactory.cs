using System;
using System.IO;
using System.Linq;
using Imuran.ClinicalRules.Policy;

namespace Imuran.ClinicalRules.DependencyInjection;

/// <summary>Turns the host's options into the rule set's options: the policy file, then the host's own additions.</summary>
internal static class RuleSetFactory
{
    /// <summary>What results name as the changer when the host's configuration adds to (or stands in for) a policy file.</summary>
    public const string HostConfiguration = "host-configuration";

    /// <exception cref="InvalidOperationException">The policy file cannot be read or has problems; the message lists each.</exception>
    /// <exception cref="ArgumentException">A rule, topic or option is unknown or a value does not fit; the message lists the valid ones.</exception>
    public static RuleSetOptions ToRuleSetOptions(ImuranClinicalRulesOptions options)
    {
        SitePolicy? policy = null;
        if (!string.IsNullOrWhiteSpace(options.PolicyFile))
        {
            var path = Path.GetFullPath(options.PolicyFile);
            SitePolicyReadResult read;
            try
            {
                // Bounded: never more than one byte past SitePolicyJson.MaxBytes is read (a huge file, /dev/zero).
                using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
                read = SitePolicyJson.ReadAsync(stream).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The site policy file '{path}' cannot be read: {ex.Message}", ex);
            }

            if (!read.Succeeded)
            {
                throw new InvalidOperationException($"The site policy file '{path}' has problems: " + string.Join("; ", read.Problems.Select(p => $"{p.Field}: {p.Message}")));
            }

            policy = read.Policy;
        }

        var extraRules = (options.DisabledRules ?? new()).Concat(options.DisabledTopics ?? new()).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var extraOptions = options.Thresholds ?? new();
        if (extraRules.Count > 0 || extraOptions.Count > 0)
        {
            policy = (policy ?? new SitePolicy()).Amend(HostConfiguration, extraRules, extraOptions);
        }

        return policy?.ToRuleSetOptions() ?? new RuleSetOptions();
    }
}
