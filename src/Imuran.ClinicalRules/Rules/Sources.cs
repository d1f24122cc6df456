namespace Imuran.ClinicalRules.Rules;

/// <summary>The documents the rules cite, named as the clinical reference pins them.</summary>
internal static class Sources
{
    /// <summary>Imuran (azathioprine) US prescribing information, non-PLR format (openFDA set id 606101a0-6244-7eff-e053-2a91aa0acadd).</summary>
    public const string Label = "Imuran USPI";

    /// <summary>CPIC thiopurine guideline, 2018 update, with allele functions as published 2025-11-05.</summary>
    public const string Cpic = "CPIC Guideline for Thiopurine Dosing Based on TPMT and NUDT15 Genotypes, 2018 update (PMID 30447069)";

    /// <summary>CDC live-virus vaccine list (CVX codes in the clinical reference).</summary>
    public const string CdcLiveVaccines = "CDC live-virus vaccine list (CVX)";

    /// <summary>The project's own safety principles (unknown is not normal).</summary>
    public const string Principles = "Imuran.ClinicalRules clinical safety principles";

    /// <summary>Febuxostat US prescribing information.</summary>
    public const string FebuxostatLabel = "Febuxostat USPI";

    /// <summary>British Society for Rheumatology / BHPR guideline for non-biologic DMARD monitoring (Ledingham et al., Rheumatology 2017) [R].</summary>
    public const string BsrDmard = "BSR and BHPR guideline for the prescription and monitoring of non-biologic DMARDs (2017)";

    /// <summary>Common Terminology Criteria for Adverse Events, version 5.0 [R].</summary>
    public const string Ctcae = "CTCAE v5.0";

    /// <summary>FDA drug safety communication of 29 April 2024 on intrahepatic cholestasis of pregnancy.</summary>
    public const string FdaIcpAlert = "FDA safety alert, 29 April 2024 (thiopurines and intrahepatic cholestasis of pregnancy)";
}
