using System.IO;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Rules;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Properties;

/// <summary>
/// Seeded random properties (principle 4: never a crash; principle 5: deterministic): arbitrary facts, valid or not,
/// and corrupted JSON never throw, and every result keeps the contract.
/// </summary>
public class RobustnessPropertyTests
{
    private static readonly string[] Names =
    {
        "allopurinol", "Uloric 80 MG", "mesalamine", "Bactrim DS", "lisinopril", "warfarin", "ribavirin", "tacrolimus", "Remicade",
        "Cytoxan", "Purinethol", "azathioprine", "atorvastatin", "MMR II 0.5 mL", "", "1/2 tablet", null!,
    };

    private static readonly string?[] Diplotypes = { "*1/*1", "*1/*3A", "*3A/*3A", "*1/*5", "*3A/*60", "*1-*3A", "", null, "*3/*3", "*1/*2" };

    private static PatientFacts RandomFacts(Random r)
    {
        var today = new ClinicalDate(2026, 6, 15);
        ClinicalDate Date(int spreadDays) => today.AddDays(r.Next(-spreadDays, spreadDays / 20 + 1));
        T Pick<T>(IReadOnlyList<T> items) => items[r.Next(items.Count)];
        TEnum AnyEnum<TEnum>()
            where TEnum : struct, Enum
            => r.Next(20) == 0 ? (TEnum)(object)99 : Pick(Enum.GetValues<TEnum>());

        // Now and then a null entry, anywhere in any list of objects (a caller building lists by hand can leave one).
        List<T> WithNulls<T>(IEnumerable<T> items)
            where T : class
        {
            var list = items.ToList();
            if (r.Next(60) == 0)
            {
                list.Insert(r.Next(list.Count + 1), null!);
            }

            return list;
        }

        return new PatientFacts
        {
            PatientId = "p" + r.Next(),
            EvaluationDate = r.Next(50) == 0 ? default : today,
            BirthDate = r.Next(10) == 0 ? null : Date(30000),
            Sex = AnyEnum<Sex>(),
            Therapy = new AzathioprineTherapy { Status = AnyEnum<TherapyStatus>(), StartDate = r.Next(3) == 0 ? null : Date(900), LastRegimenChange = r.Next(3) == 0 ? Date(60) : null },
            Setting = AnyEnum<CareSetting>(),
            Indications = Enumerable.Range(0, r.Next(3)).Select(_ => AnyEnum<Indication>()).ToList(),
            Pharmacogenomics = WithNulls(Enumerable.Range(0, r.Next(4)).Select(_ => new PharmacogenomicResult
            {
                Gene = AnyEnum<Gene>(),
                Diplotype = Pick(Diplotypes),
                Phenotype = r.Next(2) == 0 ? null : AnyEnum<MetabolizerPhenotype>(),
                Method = AnyEnum<TestMethod>(),
                Date = r.Next(2) == 0 ? null : Date(400),
            })),
            LastRedCellTransfusion = r.Next(5) == 0 ? Date(200) : null,
            PregnancyStatus = AnyEnum<PregnancyStatus>(),
            PruritusInPregnancy = r.Next(8) == 0,
            RaisedBileAcids = r.Next(8) == 0,
            Breastfeeding = r.Next(3) switch { 0 => null, 1 => true, _ => false },
            PlannedConception = r.Next(10) == 0,
            Medications = WithNulls(Enumerable.Range(0, r.Next(5)).Select(_ => new Medication { Name = Pick(Names), RxNormCode = r.Next(3) == 0 ? Pick(new[] { "519", "1256", "10831", "999999" }) : null, StartDate = r.Next(2) == 0 ? Date(300) : null, Active = r.Next(4) != 0 })),
            Allergies = WithNulls(Enumerable.Range(0, r.Next(2)).Select(_ => new Allergy { Substance = Pick(new[] { "azathioprine", "penicillin", "mercaptopurine", "" }) })),
            Conditions = WithNulls(Enumerable.Range(0, r.Next(4)).Select(_ => new Condition { Name = Pick(new[] { "rheumatoid arthritis", "Crohn's disease", "CKD stage 3", "cirrhosis", "HBsAg negative", "melanoma", "lymphoma", "sepsis", "Z33.1", "gout" }), Code = r.Next(3) == 0 ? Pick(new[] { "N18.9", "Z94.0", "77386006", "B18.1" }) : null, Status = AnyEnum<ConditionStatus>() })),
            LabResults = WithNulls(Enumerable.Range(0, r.Next(7)).Select(_ => new LabResult
            {
                LoincCode = Pick(new[] { "6690-2", "751-8", "777-3", "718-7", "1742-6", "33914-3", "21563-2", "0000-0" }),
                Value = r.Next(30) == 0 ? double.NaN : r.Next(30) == 0 ? -1 : r.NextDouble() * 100,
                Unit = r.Next(20) == 0 ? null : "10*9/L",
                Date = r.Next(20) == 0 ? null : Date(200),
                Flag = AnyEnum<LabFlag>(),
            })),
            Vaccinations = WithNulls(Enumerable.Range(0, r.Next(2)).Select(_ => new Vaccination { CvxCode = Pick(new[] { "03", "21", "187", "141", "" }), Date = Date(60), Status = AnyEnum<VaccinationStatus>() })),
            NewNeurologicalSigns = r.Next(10) == 0 ? new[] { AnyEnum<NeurologicalSign>() } : Array.Empty<NeurologicalSign>(),
        };
    }

    [Fact]
    public void Evaluate_ThousandsOfRandomPatients_NeverThrowsAndKeepsTheContract()
    {
        var r = new Random(20261122);
        int valid = 0, invalid = 0, withFindings = 0, withNullEntries = 0;
        for (var i = 0; i < 3000; i++)
        {
            var facts = RandomFacts(r);
            var result = ClinicalRuleSet.Default.Evaluate(facts);
            var again = ClinicalRuleSet.Default.Evaluate(facts);

            EvaluationResultJson.ToJson(again).Should().Be(EvaluationResultJson.ToJson(result), "evaluation is deterministic");
            result.RuleErrors.Should().BeEmpty("no rule may throw, whatever the facts");
            var nullEntries = NullEntries(facts).ToList();
            withNullEntries += nullEntries.Count > 0 ? 1 : 0;
            result.Validation.Where(p => p.Code == ErrorCodes.NullEntry).Select(p => p.Field).Should().BeEquivalentTo(nullEntries, "every null entry, and only those, is named");
            if (!result.IsValid)
            {
                invalid++;
                result.Findings.Should().BeEmpty();
                result.Validation.Should().OnlyContain(p => p.Field.Length > 0 && p.Code.Length > 0 && p.Message.Length > 0);
                continue;
            }

            valid++;
            withFindings += result.Findings.Count > 0 ? 1 : 0;
            var order = result.Findings.Select(f => (-(int)f.Severity, f.RuleId)).ToList();
            order.Should().BeInAscendingOrder(Comparer<(int, string)>.Create((a, b) => a.Item1 != b.Item1 ? a.Item1.CompareTo(b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));
            foreach (var f in result.Findings)
            {
                f.Summary.Length.Should().BeLessThan(140, f.RuleId);
                f.Summary.Should().NotContain("{", "every placeholder is filled");
                NoDosePolicy.FindViolation(f.Summary).Should().BeNull(f.Summary);
                NoDosePolicy.FindViolation(f.Detail).Should().BeNull(f.Detail);
                f.Sources.Should().NotBeEmpty();
                f.Basis.Logic.Should().NotBeNullOrEmpty();
            }
        }

        valid.Should().BeGreaterThan(300, "the generator must produce valid patients too");
        invalid.Should().BeGreaterThan(300, "and invalid ones");
        withFindings.Should().BeGreaterThan(200);
        withNullEntries.Should().BeGreaterThan(150, "the generator must put null entries in the lists");
    }

    /// <summary>The field path of every null entry, e.g. <c>medications[2]</c>.</summary>
    private static IEnumerable<string> NullEntries(PatientFacts facts)
    {
        var lists = new (string Name, IReadOnlyList<object> Items)[]
        {
            ("pharmacogenomics", facts.Pharmacogenomics),
            ("medications", facts.Medications),
            ("allergies", facts.Allergies),
            ("conditions", facts.Conditions),
            ("labResults", facts.LabResults),
            ("vaccinations", facts.Vaccinations),
        };
        return lists.SelectMany(l => l.Items.Select((item, i) => (item, i)).Where(x => x.item is null).Select(x => $"{l.Name}[{x.i}]"));
    }

    [Fact]
    public void Read_CorruptedSampleDocuments_NeverThrow()
    {
        var r = new Random(7);
        var samples = Directory.GetFiles(RepoPaths.InRepo("samples", "patients"), "*.json").Select(File.ReadAllText).ToList();
        for (var i = 0; i < 2000; i++)
        {
            var text = samples[r.Next(samples.Count)].ToCharArray().ToList();
            for (var k = r.Next(1, 6); k > 0 && text.Count > 0; k--)
            {
                var at = r.Next(text.Count);
                switch (r.Next(3))
                {
                    case 0: text.RemoveAt(at); break;
                    case 1: text.Insert(at, "{}[]\",:0-e\\ntx"[r.Next(14)]); break;
                    default: text = text.Take(at).ToList(); break;
                }
            }

            var json = new string(text.ToArray());
            var read = PatientFactsJson.Read(json);
            if (read.Succeeded)
            {
                ClinicalRuleSet.Default.Evaluate(read.Facts!).RuleErrors.Should().BeEmpty();
            }
            else
            {
                read.Problems.Should().NotBeEmpty();
            }
        }
    }
}
