using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.DependencyInjection;

/// <summary>
/// How the host's rule set is built: a site policy file, and (for trials) rules, topics and thresholds set in the
/// host's own configuration. Bound from the <c>ImuranClinicalRules</c> section of <c>appsettings.json</c> or set in
/// code; validated when the host starts. Mutable, as the options pattern needs; the rule set built from it is immutable.
/// </summary>
/// <remarks>
/// <code>
/// "ImuranClinicalRules": {
///   "PolicyFile": "site-policy.json",
///   "DisabledRules": [ "AZA-INT-003" ],
///   "DisabledTopics": [ "handling" ],
///   "Thresholds": { "LiverTestWindowDays": 60 }
/// }
/// </code>
/// Rules and topics set here (not in a reviewed policy file) make the results name a policy whose version ends in
/// <c>+host-configuration</c> and whose hash is that of the combined settings, so they never pass for the file.
/// </remarks>
public sealed class ImuranClinicalRulesOptions
{
    /// <summary>The configuration section bound by default: <c>ImuranClinicalRules</c>.</summary>
    public const string SectionName = "ImuranClinicalRules";

    /// <summary>
    /// A site policy JSON file (see <see cref="Policy.SitePolicyJson"/>), or null for none. A relative path is
    /// resolved against the current directory (ASP.NET Core's content root when run as usual).
    /// </summary>
    public string? PolicyFile { get; set; }

    /// <summary>Rule ids to leave out as well (matched ignoring case).</summary>
    public List<string> DisabledRules { get; set; } = new();

    /// <summary>Topics to leave out as well (matched ignoring case).</summary>
    public List<string> DisabledTopics { get; set; } = new();

    /// <summary>
    /// Thresholds by <see cref="RuleThresholds"/> property name (matched ignoring case), values as
    /// invariant-culture text (configuration's own form); <c>null</c> or <c>off</c> turns a nullable one off.
    /// </summary>
    public Dictionary<string, string?> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
