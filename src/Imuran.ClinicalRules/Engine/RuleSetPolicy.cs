using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Engine;

/// <summary>What a rule set must satisfy to build.</summary>
internal sealed class RuleSetPolicy
{
    public static readonly Regex DefaultIdPattern = new("^AZA-[A-Z]{2,5}-[0-9]{3}$", RegexOptions.CultureInvariant);

    public Regex IdPattern { get; init; } = DefaultIdPattern;

    public Func<string, bool> IsKnownTopic { get; init; } = _ => true;

    public int MaxSummaryLength { get; init; } = 139;

    /// <summary>Returns a description of the first forbidden phrase in a text, or null.</summary>
    public Func<string, string?> FindForbiddenText { get; init; } = _ => null;

    public IReadOnlyCollection<string> RetiredIds { get; init; } = Array.Empty<string>();
}
