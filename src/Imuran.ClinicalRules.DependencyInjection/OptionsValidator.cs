using System;
using Imuran.ClinicalRules.Engine;
using Microsoft.Extensions.Options;

namespace Imuran.ClinicalRules.DependencyInjection;

/// <summary>Validates the options by building the rule set from them, so a wrong id, topic, threshold or policy file stops the host at start.</summary>
internal sealed class OptionsValidator : IValidateOptions<ImuranClinicalRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, ImuranClinicalRulesOptions options)
    {
        try
        {
            ClinicalRuleSet.Create(RuleSetFactory.ToRuleSetOptions(options));
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or RuleSetValidationException)
        {
            return ValidateOptionsResult.Fail("Imuran.ClinicalRules: " + ex.Message);
        }
    }
}
