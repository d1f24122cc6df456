using System;
using Imuran.ClinicalRules;
using Imuran.ClinicalRules.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// The usual home of AddXxx extensions, so they are found without another using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Imuran.ClinicalRules rule set in a Microsoft.Extensions host.</summary>
public static class ImuranClinicalRulesServiceCollectionExtensions
{
    private static readonly Action<ILogger, string, string, int, int, string, Exception?> Built = LoggerMessage.Define<string, string, int, int, string>(
        LogLevel.Information, new EventId(1, "RuleSetBuilt"), "Rule set {RuleSetId} {RuleSetVersion} built: {RuleCount} rules, {DisabledCount} left out, policy {Policy}");

    /// <summary>
    /// Registers the rule set: <see cref="ClinicalRuleSet"/> and <see cref="IClinicalRuleEvaluator"/> as singletons
    /// (immutable and thread-safe), built once from <see cref="ImuranClinicalRulesOptions"/>, which are bound from the
    /// configuration section <c>ImuranClinicalRules</c> when an <see cref="IConfiguration"/> is registered, then given to
    /// <paramref name="configure"/>. The options are validated when the host starts (<c>ValidateOnStart</c>): a wrong
    /// rule id, topic, threshold name or policy file stops the host with a message listing the valid values.
    /// Calling it again only adds <paramref name="configure"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddImuranClinicalRules(this IServiceCollection services, Action<ImuranClinicalRulesOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var builder = services.AddOptions<ImuranClinicalRulesOptions>();
        if (!services.IsRegistered<ClinicalRuleSet>())
        {
            Register(services, builder);
        }

        if (configure is not null)
        {
            builder.Configure(configure);
        }

        return services;
    }

    private static void Register(IServiceCollection services, OptionsBuilder<ImuranClinicalRulesOptions> builder)
    {
        // Configuration first: configure actions registered later (code) run after it and win.
        builder.Configure<IServiceProvider>((options, provider) =>
        {
            if (provider.GetService<IConfiguration>() is { } configuration)
            {
                configuration.GetSection(ImuranClinicalRulesOptions.SectionName).Bind(options);
            }
        });
        builder.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImuranClinicalRulesOptions>, OptionsValidator>());
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ImuranClinicalRulesOptions>>().Value;
            var rules = ClinicalRuleSet.Create(RuleSetFactory.ToRuleSetOptions(options));
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger<ClinicalRuleSet>() ?? NullLogger<ClinicalRuleSet>.Instance;
            Built(logger, rules.Id, rules.Version, rules.Rules.Count, rules.DisabledRules.Count, rules.Policy is { } p ? $"{p.Name} {p.Version} {p.ContentHash}" : "none", null);
            return rules;
        });
        services.TryAddSingleton<IClinicalRuleEvaluator>(provider => new LoggingEvaluator(
            provider.GetRequiredService<ClinicalRuleSet>(),
            provider.GetService<ILoggerFactory>()?.CreateLogger<ClinicalRuleSet>() ?? NullLogger<ClinicalRuleSet>.Instance));
    }

    /// <summary>
    /// Registers the rule set as <see cref="AddImuranClinicalRules(IServiceCollection, Action{ImuranClinicalRulesOptions})"/>
    /// does, with its options bound from <paramref name="section"/> (for a section not named <c>ImuranClinicalRules</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="section"/> is null.</exception>
    public static IServiceCollection AddImuranClinicalRules(this IServiceCollection services, IConfiguration section)
    {
        if (section is null)
        {
            throw new ArgumentNullException(nameof(section));
        }

        services.AddImuranClinicalRules();
        services.Configure<ImuranClinicalRulesOptions>(section);
        return services;
    }

    private static bool IsRegistered<T>(this IServiceCollection services)
    {
        foreach (var d in services)
        {
            if (d.ServiceType == typeof(T))
            {
                return true;
            }
        }

        return false;
    }
}
