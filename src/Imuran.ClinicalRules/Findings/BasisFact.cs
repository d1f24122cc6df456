namespace Imuran.ClinicalRules.Findings;

/// <summary>One fact that made a rule fire, with the value it had.</summary>
/// <param name="Name">What the fact is, in a clinician's words, e.g. <c>TPMT phenotype</c>.</param>
/// <param name="Value">Its value, e.g. <c>poor metabolizer (from diplotype *3A/*3A)</c>.</param>
/// <param name="Path">Where it came from in the input, e.g. <c>pharmacogenomics[0]</c>, when it came from one place.</param>
public sealed record BasisFact(string Name, string Value, string? Path = null);
