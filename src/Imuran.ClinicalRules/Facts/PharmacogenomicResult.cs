namespace Imuran.ClinicalRules.Facts;

/// <summary>A TPMT or NUDT15 result: a diplotype, a phenotype, or both.</summary>
public sealed record PharmacogenomicResult
{
    /// <summary>The gene tested.</summary>
    public Gene Gene { get; init; }

    /// <summary>The reported phenotype, when the report states one.</summary>
    public MetabolizerPhenotype? Phenotype { get; init; }

    /// <summary>The diplotype in star-allele form, e.g. <c>*1/*3A</c>; allele order does not matter.</summary>
    public string? Diplotype { get; init; }

    /// <summary>How the result was obtained.</summary>
    public TestMethod Method { get; init; }

    /// <summary>The date of the sample or report.</summary>
    public ClinicalDate? Date { get; init; }
}
