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

    /// <summary>The rule set that evaluates. <see langword="null"/> (the default): the <see cref="IClinicalRuleEvaluator"/>
    /// registered in the service collection (e.g. by <c>AddImuranClinicalRules</c>, with its site policy, thresholds and
    /// logging), else a registered <see cref="ClinicalRuleSet"/>, else <see cref="ClinicalRuleSet.Default"/>.</summary>
    public ClinicalRuleSet? RuleSet { get; set; }

    /// <summary>
    /// The time zone whose date is the evaluation date ("today") of every call. <see langword="null"/> (the default):
    /// the registered <see cref="System.TimeProvider"/>'s <see cref="System.TimeProvider.LocalTimeZone"/>, which for
    /// <see cref="System.TimeProvider.System"/> is the server's own zone. The FHIR reader keeps a date as the EHR wrote it
    /// (a sample taken at 07:30 on 3 March in Sydney is dated 3 March), so set this to the EHR's zone when the server
    /// runs in another one (a container on UTC, for example): otherwise a result written this morning east of the
    /// server can be dated after "today", and the call is answered with one card saying no rule was run.
    /// </summary>
    public TimeZoneInfo? TimeZone { get; set; }

    /// <summary>The largest request body accepted, in bytes (default 1 MiB). A larger body is answered with 413. More than
    /// zero and at most 16 MiB, a local choice [L] (checked when the host starts): the FHIR reader's default for one
    /// document (<see cref="Fhir.FhirReadOptions.DefaultMaxBytes"/>). The call's prefetch and fetched answers together may
    /// be larger: each part is bounded, and the reader reads all of it.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long fetching missing prefetch from the FHIR server may take in all (default 2 seconds); what is not
    /// back by then is treated as unavailable and the cards say so. More than zero and at most 10 seconds (checked when
    /// the host starts): the EHR waits for the cards while the fetches run.</summary>
    public TimeSpan FhirFetchTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest FHIR response read from the FHIR server, in bytes (default 4 MiB); a larger one counts as
    /// unavailable. More than zero and at most 16 MiB, a local choice [L] (checked when the host starts): the FHIR reader's
    /// default for one document (<see cref="Fhir.FhirReadOptions.DefaultMaxBytes"/>). Several answers together may pass
    /// it: each is bounded, and the reader reads all of them.</summary>
    public int MaxFhirResponseBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// FHIR server base URLs the service may fetch missing prefetch from, e.g. <c>https://ehr.example.org/fhir</c>: a
    /// request's <c>fhirServer</c> is allowed when its scheme, host and port are an entry's and its path is the entry's
    /// path or below it. <c>*</c> allows any server (for a closed test network only). Empty (the default): the service
    /// never fetches, so a caller cannot make it send requests to an address of its choosing (server-side request
    /// forgery); it answers from the prefetch, naming what is missing, and with 412 when the Patient is missing.
    /// </summary>
    public IList<string> AllowedFhirServers { get; } = new List<string>();

    /// <summary>
    /// Browser origins allowed to call the endpoints (CORS), e.g. <c>https://sandbox.cds-hooks.org</c>; <c>*</c> allows
    /// any origin. Empty (the default): no CORS headers are sent and browsers cannot read the answers.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = new List<string>();

    /// <summary>
    /// Whether <c>GET {prefix}/feedback/export</c> answers with the clinician feedback export (<see cref="Feedback.CdsFeedbackExporter"/>).
    /// Default <see langword="false"/>: the export tells which rules clinicians override and why, across all EHR users,
    /// which is for the service's owners, not for every caller of the hooks; turn it on only with <see cref="CdsJwtOptions.Enabled"/>
    /// or on a network only they reach. A host may instead write the export itself (e.g. on shutdown) with
    /// <see cref="Feedback.CdsFeedbackExporter.WriteFileAsync"/>.
    /// </summary>
    public bool EnableFeedbackExport { get; set; }

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
