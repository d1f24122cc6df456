namespace Imuran.ClinicalRules.CdsHooks.Feedback;

/// <summary>A card this service issued: which service and rule raised it. Immutable.</summary>
/// <param name="ServiceId">The CDS service id.</param>
/// <param name="CardUuid">The card's uuid.</param>
/// <param name="RuleId">The rule id (or the service card code, e.g. <c>INPUT-INVALID</c>).</param>
public sealed record IssuedCard(string ServiceId, string CardUuid, string RuleId);
