namespace Imuran.ClinicalRules.CdsHooks;

/// <summary>An issuer whose JWTs are trusted, with its JWK Set (JSON, as served at its <c>jku</c>).</summary>
/// <param name="Issuer">The exact <c>iss</c> value.</param>
/// <param name="JwkSetJson">The issuer's JWK Set as JSON (<c>{"keys":[...]}</c>). Keys are picked by <c>kid</c>.</param>
public sealed record CdsTrustedIssuer(string Issuer, string JwkSetJson);
