using System.Collections;
using System.Reflection;
using System.Text;
using System.Threading;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Rules.Model;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// The compiled executor reuses working facts across evaluations on a thread (issue 12): a reused fact must be exactly a
/// new one, a cleared one must hold nothing of its patient, a result must not change when the next evaluation reuses
/// the facts it was made from, and threads never share them.
/// </summary>
public sealed class WorkingFactPoolTests
{
    private static readonly ClinicalRuleSet OnCompiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

    private static string Json(EvaluationResult r) => EvaluationResultJson.ToJson(r, indented: false);

    private static PatientFacts[] Patients()
    {
        var valid = BenchmarkCohort.Make(300, 7).Where(p => PatientFactsValidation.Validate(p).Count == 0).ToList();
        valid.Insert(0, BenchmarkPatients.WorstCase());
        valid.Insert(1, BenchmarkPatients.Typical());
        valid.Insert(2, BenchmarkPatients.WorstCase());
        return valid.ToArray();
    }

    [Fact]
    public void Load_WithFactsReusedFromThePatientBefore_GivesTheFactsOfANewLoad()
    {
        var patients = Patients();
        var pool = new WorkingFactPool();
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var reusedAny = false;
        var thresholds = new RuleThresholds();
        for (var i = 0; i < patients.Length; i++)
        {
            var fresh = new List<object>();
            FactLoader.Load(patients[i], thresholds, fresh, new List<UnrecognisedInput>());
            var pooled = new List<object>();
            FactLoader.Load(patients[i], thresholds, pooled, new List<UnrecognisedInput>(), pool);

            Dump(pooled, ids).Should().Be(Dump(fresh, ids), "patient {0} loaded with facts reused from patient {1}", i, i - 1);
            reusedAny |= i > 0 && pooled.OfType<LabFact>().Any();
            pool.Clear();
        }

        reusedAny.Should().BeTrue();
    }

    [Fact]
    public void Clear_LeavesNoFactHoldingAnythingOfItsPatient()
    {
        var pool = new WorkingFactPool();
        var working = new List<object>();
        FactLoader.Load(BenchmarkPatients.WorstCase(), RuleThresholds.Default, working, new List<UnrecognisedInput>(), pool);
        FactLoader.Load(BenchmarkPatients.Typical(), RuleThresholds.Default, working, new List<UnrecognisedInput>(), pool);
        var reusable = working.OfType<IReusableFact>().ToList();
        reusable.Select(f => f.GetType()).Distinct().Should().HaveCount(5, "every kind of pooled fact is checked");

        pool.Clear();

        foreach (var fact in reusable)
        {
            foreach (var field in Fields(fact.GetType()))
            {
                var value = field.GetValue(fact);
                var cleared = value switch
                {
                    null => true,
                    string s => s.Length == 0 || string.IsInterned(s) is not null,
                    ICollection c => c.Count == 0,
                    ValueType => true,
                    _ => false,
                };
                cleared.Should().BeTrue("{0}.{1} must hold nothing of the patient once cleared, but holds {2}", fact.GetType().Name, field.Name, value);
            }
        }
    }

    [Fact]
    public void Evaluate_Compiled_AResultDoesNotChangeWhenTheNextEvaluationsReuseItsFacts()
    {
        var patients = Patients();
        var results = new EvaluationResult[patients.Length];
        var written = new string[patients.Length];
        for (var i = 0; i < patients.Length; i++)
        {
            results[i] = OnCompiled.Evaluate(patients[i]);
            written[i] = Json(results[i]);
        }

        for (var i = 0; i < patients.Length; i++)
        {
            Json(results[i]).Should().Be(written[i], "patient {0}'s result, after every later evaluation on this thread", i);
            written[i].Should().Be(Json(ClinicalRuleSet.Default.Evaluate(patients[i])), "NRules makes new facts for patient {0}", i);
        }
    }

    [Fact]
    public void Evaluate_Compiled_TwoThreadsInterleaved_EachGetsItsOwnResults()
    {
        var patients = Patients();
        var expected = patients.Select(p => Json(ClinicalRuleSet.Default.Evaluate(p))).ToArray();
        var actual = new string[patients.Length];
        using var step = new Barrier(2);

        // Thread 0 evaluates the even patients and thread 1 the odd ones, in lock step: each evaluation on one thread
        // runs between two on the other, each thread with its own pooled session.
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            for (var round = 0; round < (patients.Length + 1) / 2; round++)
            {
                var i = (2 * round) + t;
                if (i < patients.Length)
                {
                    actual[i] = Json(OnCompiled.Evaluate(patients[i]));
                }

                step.SignalAndWait();
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        actual.Should().Equal(expected);
    }

    [Fact]
    public void Evaluate_Compiled_FactsGivenToAListenerAreNotReusedByTheNextEvaluation()
    {
        var listener = new KeepingListener();
        OnCompiled.Evaluate(BenchmarkPatients.WorstCase(), new EvaluationOptions { Listener = listener });
        var ids = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var before = Dump(listener.Facts, ids);

        OnCompiled.Evaluate(BenchmarkPatients.Typical());
        OnCompiled.Evaluate(BenchmarkPatients.WorstCase());

        listener.Facts.OfType<LabFact>().Should().NotBeEmpty();
        Dump(listener.Facts, ids).Should().Be(before);
    }

    private static IEnumerable<FieldInfo> Fields(Type type) =>
        type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// Every field of every fact, in order: another working fact by its position, an input object by an id shared
    /// between dumps (so a fact pointing at another patient's input differs), lists item by item.
    /// </summary>
    private static string Dump(IReadOnlyList<object> working, Dictionary<object, int> ids)
    {
        var position = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < working.Count; i++)
        {
            position.TryAdd(working[i], i);
        }

        var text = new StringBuilder();
        foreach (var fact in working)
        {
            text.Append(fact.GetType().Name).Append('{');
            if (fact.GetType().Namespace == typeof(LabFact).Namespace)
            {
                foreach (var field in Fields(fact.GetType()))
                {
                    text.Append(field.Name).Append('=');
                    Value(field.GetValue(fact), text, position, ids);
                    text.Append(';');
                }
            }
            else
            {
                Value(fact, text, position, ids);
            }

            text.Append("}\n");
        }

        return text.ToString();
    }

    private static void Value(object? value, StringBuilder text, Dictionary<object, int> position, Dictionary<object, int> ids)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s).Append('"');
                break;
            case ValueType v:
                text.Append(v.ToString());
                break;
            case var f when position.TryGetValue(f, out var at):
                text.Append('#').Append(at);
                break;
            case var f when f.GetType().Namespace == typeof(LabFact).Namespace:
                text.Append("(unlisted ").Append(f.GetType().Name).Append(')');
                break;
            case IList list:
                text.Append('[');
                foreach (var item in list)
                {
                    Value(item, text, position, ids);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                if (!ids.TryGetValue(value, out var id))
                {
                    id = ids.Count;
                    ids.Add(value, id);
                }

                text.Append("input#").Append(id);
                break;
        }
    }

    private sealed class KeepingListener : IRuleEventListener
    {
        public List<object> Facts { get; } = new();

        public void FactInserted(object fact) => Facts.Add(fact);

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts)
        {
        }

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds)
        {
        }
    }
}
