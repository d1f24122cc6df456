using System;
using Imuran.ClinicalRules.CdsHooks;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Internal;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Imuran.ClinicalRules CDS Hooks service.</summary>
public static class CdsHooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds what <see cref="Microsoft.AspNetCore.Builder.CdsHooksEndpointRouteBuilderExtensions.MapImuranCdsHooks"/>
    /// needs: the options, the named <see cref="System.Net.Http.HttpClient"/> <see cref="CdsHooksOptions.FhirHttpClientName"/>
    /// (configure its handler with <c>AddHttpClient(CdsHooksOptions.FhirHttpClientName)</c>), an in-memory
    /// <see cref="ICdsFeedbackStore"/> unless one is registered, the <see cref="CdsFeedbackExporter"/> that exports it, and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is registered (the evaluation date is its date in <see cref="CdsHooksOptions.TimeZone"/>, else in its own
    /// <see cref="TimeProvider.LocalTimeZone"/>). The options are validated when the host starts (<c>ValidateOnStart</c>):
    /// a <see cref="CdsHooksOptions.FhirFetchTimeout"/> of zero or less, or more than 10 seconds, or a
    /// <see cref="CdsHooksOptions.MaxRequestBodyBytes"/> or <see cref="CdsHooksOptions.MaxFhirResponseBytes"/> of zero or
    /// less, or more than 16 MiB, stops it with an <see cref="OptionsValidationException"/> naming the option.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; may be <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddImuranCdsHooks(this IServiceCollection services, Action<CdsHooksOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CdsHooksOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>());

        services.AddHttpClient(CdsHooksOptions.FhirHttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICdsFeedbackStore, InMemoryCdsFeedbackStore>();
        services.TryAddSingleton(sp => new CdsFeedbackExporter(
            sp.GetRequiredService<ICdsFeedbackStore>(),
            CdsHooksRuntime.RuleSetFor(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CdsHooksOptions>>().Value, sp),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CdsHooksRuntime>();
        return services;
    }
}
