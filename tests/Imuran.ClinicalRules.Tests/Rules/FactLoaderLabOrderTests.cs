using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Rules.Model;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// The lab chain <see cref="FactLoader"/> builds (each result linked to the latest of its kind on an earlier day, the
/// latest of each kind marked, results of one day ordered by concern) in a reused per-thread buffer: every load gives what a fresh sort gives, whatever the loads
/// before it on the same thread left behind, and no lab fact outlives its load in the buffer.
/// </summary>
public sealed class FactLoaderLabOrderTests
{
    private static readonly ClinicalDate Today = new(2026, 6, 15);

    private static readonly LabKind[] Kinds = { LabKind.WhiteCells, LabKind.Neutrophils, LabKind.Platelets, LabKind.Egfr, LabKind.Alt };

    [Fact]
    public void Load_SuccessiveLoadsOfDifferentSizes_ChainEachPatientsLabsAsAFreshSortWould()
    {
        var random = new Random(3);
        foreach (var size in new[] { 12, 3, 0, 40, 1, 7, 300, 2, 9 })
        {
            var labs = Enumerable.Range(0, size).Select(_ => Lab(random)).ToList();

            var loaded = Load(labs);

            loaded.Should().HaveCount(labs.Count, "every lab of a known kind becomes one fact, in input order");
            loaded.Select(l => l.Index).Should().Equal(Enumerable.Range(0, labs.Count));
            // Within a day the most concerning result comes last (no flags here: the lowest count or eGFR, the highest
            // ALT), and a result's previous one is the last of an earlier day of its kind.
            var expected = loaded.OrderBy(l => (int)l.Kind).ThenBy(l => l.Date).ThenBy(l => l.Kind == LabKind.Alt ? l.Source.Value : -l.Source.Value).ThenBy(l => l.Index).ToList();
            for (var i = 0; i < expected.Count; i++)
            {
                var earlierDay = expected.Take(i).LastOrDefault(e => e.Kind == expected[i].Kind && e.Date < expected[i].Date);
                expected[i].Previous.Should().BeSameAs(earlierDay, "size {0}, labResults[{1}]", size, expected[i].Index);
                expected[i].IsLatest.Should().Be(i == expected.Count - 1 || expected[i + 1].Kind != expected[i].Kind, "size {0}, labResults[{1}]", size, expected[i].Index);
            }
        }
    }

    [Fact]
    public void Load_UnrecognisedLabsBetween_AreSkippedAndTheRestChained()
    {
        var labs = new List<LabResult>
        {
            new() { Name = "WBC", LoincCode = "6690-2", Value = 5, Unit = "10*9/L", Date = Today.AddDays(-10) },
            new() { Name = "Something else", Value = 1, Unit = "1", Date = Today.AddDays(-9) },
            new() { Name = "WBC", LoincCode = "6690-2", Value = 4, Unit = "10*9/L", Date = Today.AddDays(-20) },
        };

        var loaded = Load(labs);

        loaded.Select(l => l.Index).Should().Equal(0, 2);
        loaded[0].Previous.Should().BeSameAs(loaded[1]);
        loaded[0].IsLatest.Should().BeTrue();
        loaded[1].Previous.Should().BeNull();
        loaded[1].IsLatest.Should().BeFalse();
    }

    [Fact]
    public void Load_AfterALoad_TheBufferHoldsNoLabFact()
    {
        Load(Enumerable.Range(0, 5).Select(_ => Lab(new Random(1))).ToList());

        var buffer = (LabFact?[]?)typeof(FactLoader).GetField("t_labs", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null);

        buffer.Should().NotBeNull("a small buffer is kept for the next load on this thread");
        buffer!.Should().OnlyContain(l => l == null);
    }

    private static List<LabFact> Load(List<LabResult> labs)
    {
        var facts = new PatientFacts
        {
            EvaluationDate = Today,
            BirthDate = new ClinicalDate(1980, 1, 1),
            Therapy = new AzathioprineTherapy { Status = TherapyStatus.Continuing, StartDate = new ClinicalDate(2024, 1, 1) },
            LabResults = labs,
        };
        var working = new List<object>();
        FactLoader.Load(facts, RuleThresholds.Default, working, new List<UnrecognisedInput>());
        return working.OfType<LabFact>().ToList();
    }

    private static LabResult Lab(Random random)
    {
        var kind = Kinds[random.Next(Kinds.Length)];
        return new LabResult
        {
            Kind = kind,
            Name = kind.ToString(),
            Value = 1 + random.Next(100),
            Unit = kind switch { LabKind.Egfr => "mL/min/{1.73_m2}", LabKind.Alt => "U/L", _ => "10*9/L" },
            Date = Today.AddDays(-random.Next(6) * 7),
        };
    }
}
