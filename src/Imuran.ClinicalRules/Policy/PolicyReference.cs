using System;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// Which site policy a rule set was built with: enough to find the reviewed file again and prove it is the same
/// one. Every <see cref="EvaluationResult"/> of that rule set carries it. Immutable.
/// </summary>
/// <param name="Name">The policy's name, e.g. <c>st-elsewhere-pharmacy</c>.</param>
/// <param name="Version">The policy's version, e.g. <c>2026-12</c>.</param>
/// <param name="ContentHash">The SHA-256 of the policy's bytes as read, <c>sha256:</c> and 64 lowercase hex digits.</param>
public sealed record PolicyReference(string Name, string Version, string ContentHash);
