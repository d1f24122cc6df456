using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Fhir;
using Microsoft.Extensions.Options;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>
/// Validates <see cref="CdsHooksOptions"/> when the host starts (registered with <c>ValidateOnStart</c> by
/// <see cref="Microsoft.Extensions.DependencyInjection.CdsHooksServiceCollectionExtensions.AddImuranCdsHooks"/>), so a
/// wrong setting stops the host instead of surfacing in the first call, as the rule set's options do.
/// </summary>
internal sealed class CdsHooksOptionsValidator : IValidateOptions<CdsHooksOptions>
{
    /// <summary>
    /// The longest <see cref="CdsHooksOptions.FhirFetchTimeout"/> accepted: 10 seconds, a local choice [L]. An EHR calls a
    /// CDS service in the clinician's workflow and waits seconds for the cards, not minutes; a fetch allowed longer would
    /// go on after the EHR has given up, and the cards saying what is missing would reach no one.
    /// </summary>
    public static readonly TimeSpan MaxFhirFetchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The largest <see cref="CdsHooksOptions.MaxRequestBodyBytes"/> and <see cref="CdsHooksOptions.MaxFhirResponseBytes"/>
    /// accepted: 16 MiB, <see cref="FhirReadOptions.DefaultMaxBytes"/> (the most the FHIR reader reads of one document by
    /// default), a local choice [L]: one request body or one FHIR answer larger than a whole document the reader would
    /// take is held in memory for no use. The call's payload as a whole (the body and every answer, read as one Bundle)
    /// may be larger: each part is bounded here, so the reader is told to read all of it.
    /// </summary>
    public const int MaxPayloadBytes = (int)FhirReadOptions.DefaultMaxBytes;

    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var timeout = options.FhirFetchTimeout;
        if (timeout <= TimeSpan.Zero || timeout > MaxFhirFetchTimeout)
        {
            // Zero would give up every fetch at once; a negative value (Timeout.InfiniteTimeSpan among them) would wait
            // for ever or throw on the first call.
            failures.Add(string.Format(
                CultureInfo.InvariantCulture,
                "Imuran.ClinicalRules.CdsHooks: CdsHooksOptions.{0} is {1}; it must be more than zero and at most {2} (the fetches run while the EHR waits for the cards).",
                nameof(CdsHooksOptions.FhirFetchTimeout),
                timeout,
                MaxFhirFetchTimeout));
        }

        // Zero or less would refuse every request (413) or count every FHIR answer as unavailable; int.MaxValue would
        // overflow the body reader's limit + 1 and fail every call.
        ValidateSize(nameof(CdsHooksOptions.MaxRequestBodyBytes), options.MaxRequestBodyBytes, failures);
        ValidateSize(nameof(CdsHooksOptions.MaxFhirResponseBytes), options.MaxFhirResponseBytes, failures);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSize(string option, int bytes, List<string> failures)
    {
        if (bytes <= 0 || bytes > MaxPayloadBytes)
        {
            failures.Add(string.Format(
                CultureInfo.InvariantCulture,
                "Imuran.ClinicalRules.CdsHooks: CdsHooksOptions.{0} is {1}; it must be more than zero and at most {2} bytes (16 MiB, the most the FHIR reader reads of one call).",
                option,
                bytes,
                MaxPayloadBytes));
        }
    }
}
