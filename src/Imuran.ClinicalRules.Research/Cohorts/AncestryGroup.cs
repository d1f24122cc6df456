namespace Imuran.ClinicalRules.Research.Cohorts;

/// <summary>One ancestry group of the cohort: its share and its NUDT15 no-function allele frequency.</summary>
/// <param name="Name">The group, e.g. <c>eastAsian</c>.</param>
/// <param name="Share">Its share of the cohort (the mix is normalised, so shares need not add to one).</param>
/// <param name="Nudt15AlleleFrequency">The frequency of a NUDT15 no-function allele in the group (0 to 1).</param>
public sealed record AncestryGroup(string Name, double Share, double Nudt15AlleleFrequency);
