using System.Collections.Generic;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Children, handling at dispense, and data quality.</summary>
internal static class OtherRules
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
                    new[] { PharmacogenomicRules.Value("age", p.Age!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
            });

        yield return Rule("AZA-HND-001")
            .Title("Cytotoxic handling at dispense")
            .Topic(Topics.Handling).Caution(Severity.Info)
            .Logic("dispensing setting")
            .Summary("Cytotoxic medicine: handle and dispose of as hazardous; do not crush or split the product.")
            .Detail("Azathioprine is cytotoxic. Handle and dispose of it as a hazardous drug; the product should not be crushed or split, and carers should avoid contact with broken product.")
            .Review("Give handling and disposal advice with the supply.")
            .Source(Sources.Label, "HOW SUPPLIED / handling", Confidence.VerifiedSecondary)
            .Match<PatientContext>("dispensing setting", p => p.Facts.Setting == CareSetting.Dispensing)
            .Then(f => f.Raise(new[] { new BasisFact("setting", "dispensing", "setting") }));

        yield return Rule("AZA-DQ-001")
            .Title("A fact the rules need is missing or contradictory")
            .Topic(Topics.DataQuality).Monitoring(Severity.Warning)
            .Logic("a fact the rules need is missing, unreadable or contradicts another")
            .Summary("Check the {fact}: {problem}.")
            .Detail("Unknown is not normal: {consequence}.")
            .Review("Complete or correct the record so the checks can be applied.")
            .Source(Sources.Principles, "principle 2: unknown is not normal", Confidence.Verified)
            .Match<DataQualityIssue>("a data-quality issue was found")
            .Then<DataQualityIssue>((f, dataQualityIssue) =>
            {
                var i = dataQualityIssue;f.Raise(
                    new[] { new BasisFact(i.Fact, i.Evidence, i.Path) },
                    new[]
                    {
                        PharmacogenomicRules.Value("fact", i.Fact),
                        PharmacogenomicRules.Value("problem", i.Problem),
                        PharmacogenomicRules.Value("consequence", i.Consequence),
                    });
            });

        yield return Rule("AZA-DQ-002")
            .Title("Pregnancy status unknown")
            .Topic(Topics.DataQuality).Monitoring(Severity.Warning)
            .Logic("female of reproductive potential (about 12 to 55, or age unknown) with pregnancy status not recorded")
            .Summary("Pregnancy status unknown for a female patient {age}: establish it (hCG) before relying on these checks.")
            .Detail("Azathioprine can cause fetal harm. The pregnancy checks cannot be applied while pregnancy status is unknown.")
            .Review("Establish pregnancy status, for example with an hCG test, and record it.")
            .Source(Sources.Principles, "principle 2: unknown is not normal", Confidence.Verified)
            .Source(Sources.Label, "WARNINGS: Pregnancy", Confidence.Verified)
            .Match<PatientContext>("female of reproductive potential, pregnancy status unknown", p =>
                p.IsFemaleOfReproductivePotential && p.PregnancyStatus == PregnancyStatus.Unknown)
            .Then<PatientContext>((f, p) =>
            {
                f.Raise(
                    new[] { new BasisFact("sex and age", "female, " + p.AgeText, "sex"), new BasisFact("pregnancy status", "unknown", "pregnancyStatus") },
                    new[] { PharmacogenomicRules.Value("age", p.Age is { } a ? "aged " + a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "of unknown age") });
            });
    }
}
