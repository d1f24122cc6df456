using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Handling at dispense: the cytotoxic-handling caution.</summary>
internal static class HandlingRules
{
    /// <summary>The basis of every AZA-HND-001 finding: its text never varies, so one frozen list is shared.</summary>
    private static readonly IReadOnlyList<BasisFact> DispensingBasis = ReadOnly.Freeze(new[] { new BasisFact("setting", "dispensing", "setting") });

    public static IEnumerable<IRuleDefinition> All()
    {
        // knowledge.md's handling row also says "do not crush or split"; the rule texts leave that out, as v2 did:
        // TextPolicyTests.RuleTexts_NoRuleSaysAdjustmentOrCrushOrSplit keeps "crush" and "split" out of every rule text.
        yield return Rule("AZA-HND-001")
            .Title("Cytotoxic handling at dispense")
            .Topic(Topics.Handling).Caution(Severity.Info).Version(3)
            .Logic("dispensing setting")
            .Summary("Cytotoxic medicine: follow hazardous-drug handling and disposal precautions.")
            .Detail("Azathioprine is cytotoxic. The label asks that it be handled and disposed of under the procedures for hazardous (cytotoxic) drugs, and that carers avoid contact with broken product.")
            .Review("Follow local hazardous-drug procedures for this supply and give the patient or carer handling and disposal advice, including that carers avoid contact with broken product.")
            .Source(Sources.Label, "HOW SUPPLIED / handling", Confidence.VerifiedSecondary)
            .Match<PatientContext>("dispensing setting", p => p.Facts.Setting == CareSetting.Dispensing)
            .Then(f => f.Raise(DispensingBasis));
    }
}
