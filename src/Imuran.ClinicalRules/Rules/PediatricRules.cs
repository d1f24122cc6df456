using System.Collections.Generic;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Children: the pediatric caution.</summary>
internal static class PediatricRules
{
    public static IEnumerable<IRuleDefinition> All()
    {
        yield return Rule("AZA-PED-001")
            .Title("Patient under 18")
            .Topic(Topics.Pediatric).Caution(Severity.Info)
            .Logic("age under 18 years on the evaluation date")
            .Summary("Patient aged {age}: safety and efficacy of azathioprine in children are not established.")
            .Detail("Safety and efficacy in children have not been established. For adolescents with inflammatory bowel disease see also the hepatosplenic T-cell lymphoma warning.")
            .Review("Confirm specialist paediatric oversight of the therapy.")
            .Source("Consumer drug monographs", "pediatric use", Confidence.VerifiedSecondary)
            .Source(Sources.Label, "PRECAUTIONS: Pediatric Use", Confidence.Recalled, "The label's Pediatric Use section was not read [R].")
            .Match<PatientContext>("age under 18", p => p.Age < 18)
            .Then<PatientContext>((f, p) =>
            {
                f.Raise(
                    new[] { new BasisFact("age", p.AgeText + " (born " + p.Facts.BirthDate + ")", "birthDate") },
                    "age", p.Age!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            });
    }
}
