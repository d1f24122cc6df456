using System;
using System.Globalization;
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

    public ValidateOptionsResult Validate(string? name, CdsHooksOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = options.FhirFetchTimeout;
        if (timeout <= TimeSpan.Zero || timeout > MaxFhirFetchTimeout)
        {
            // Zero would give up every fetch at once; a negative value (Timeout.InfiniteTimeSpan among them) would wait
            // for ever or throw on the first call.
            return ValidateOptionsResult.Fail(string.Format(
                CultureInfo.InvariantCulture,
                "Imuran.ClinicalRules.CdsHooks: CdsHooksOptions.{0} is {1}; it must be more than zero and at most {2} (the fetches run while the EHR waits for the cards).",
                nameof(CdsHooksOptions.FhirFetchTimeout),
                timeout,
                MaxFhirFetchTimeout));
        }

        return ValidateOptionsResult.Success;
    }
}
