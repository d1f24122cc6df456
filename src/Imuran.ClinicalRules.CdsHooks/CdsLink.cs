namespace Imuran.ClinicalRules.CdsHooks;

/// <summary>A link a card carries: a label and an absolute URL.</summary>
/// <param name="Label">What the link is, in words.</param>
/// <param name="Url">The absolute URL.</param>
public sealed record CdsLink(string Label, string Url);
