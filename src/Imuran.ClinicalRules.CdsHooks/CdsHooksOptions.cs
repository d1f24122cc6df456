using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.CdsHooks;

/// <summary>
/// How the CDS Hooks endpoints behave. Set them with <see cref="Microsoft.Extensions.DependencyInjection.CdsHooksServiceCollectionExtensions.AddImuranCdsHooks"/>
/// (the options pattern: later <c>Configure</c> calls win). Read once per request; not changed by the endpoints.
/// </summary>
public sealed class CdsHooksOptions
{
    /// <summary>The name of the <see cref="System.Net.Http.HttpClient"/> used to fetch missing prefetch from the EHR's FHIR server.
    /// Configure it with <c>services.AddHttpClient(CdsHooksOptions.FhirHttpClientName)</c> (handler, proxy, certificates).</summary>
    public const string FhirHttpClientName = "Imuran.ClinicalRules.CdsHooks.Fhir";

    /// <summary>Service ids start with this, e.g. <c>imuran-azathioprine-order-sign</c>. Default <c>imuran-azathioprine</c>.</summary>
    public string ServiceIdPrefix { get; set; } = "imuran-azathioprine";

    /// <summary>The rule set that evaluates. <see langword="null"/> (the default): a <see cref="ClinicalRuleSet"/> registered in the
    /// service collection, else <see cref="ClinicalRuleSet.Default"/>.</summary>
    public ClinicalRuleSet? RuleSet { get; set; }

    /// <summary>The largest request body accepted, in bytes (default 1 MiB). A larger body is answered with 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long fetching missing prefetch from the FHIR server may take in all (default 2 seconds); what is not
    /// back by then is treated as unavailable and the cards say so.</summary>
    public TimeSpan FhirFetchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest FHIR response read from the FHIR server, in bytes (default 4 MiB); a larger one counts as unavailable.</summary>
    public int MaxFhirResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// FHIR server base URLs the service may fetch from (compared as case-insensitive prefixes). Empty (the default)
    /// allows any <c>http</c> or <c>https</c> server named in a request: a public deployment should list its EHRs here
    /// or require JWT authentication, so that a caller cannot make the service fetch from an address of its choosing.
    /// </summary>
    public IList<string> AllowedFhirServers { get; } = new List<string>();

    /// <summary>
    /// Browser origins allowed to call the endpoints (CORS), e.g. <c>https://sandbox.cds-hooks.org</c>; <c>*</c> allows
    /// any origin. Empty (the default): no CORS headers are sent and browsers cannot read the answers.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = new List<string>();

    /// <summary>JWT authentication of the EHR (off unless <see cref="CdsJwtOptions.Enabled"/> is set).</summary>
    public CdsJwtOptions Jwt { get; } = new();

    /// <summary>
    /// Links every card carries (type <c>absolute</c>). Defaults: the Imuran prescribing information on DailyMed and the
    /// CPIC thiopurine guideline on PubMed. A host may point them at its own copies.
    /// </summary>
    public IList<CdsLink> Links { get; } = new List<CdsLink>
    {
        new("Imuran (azathioprine) prescribing information (DailyMed)", "https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=606101a0-6244-7eff-e053-2a91aa0acadd"),
        new("CPIC guideline for thiopurines and TPMT/NUDT15, 2018 update (PubMed 30447069)", "https://pubmed.ncbi.nlm.nih.gov/30447069/"),
    };
}
