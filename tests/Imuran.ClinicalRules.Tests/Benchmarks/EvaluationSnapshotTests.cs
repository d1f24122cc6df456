using System.IO;
using System.Security.Cryptography;
using System.Text;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Benchmarks;

/// <summary>
/// Guards the performance work: thousands of varied patients (valid and invalid) must give byte-for-byte the same
/// result JSON and the same engine event trace as recorded in <c>evaluation-snapshot.txt</c>. The snapshot was
/// recorded before the hot path was optimised, so it proves the optimisations changed nothing a caller can see.
/// </summary>
/// <remarks>
/// A deliberate change to rule texts or logic changes the snapshot. Review the change, then re-record it with
/// <c>IMURAN_UPDATE_SNAPSHOT=1 dotnet test tests/Imuran.ClinicalRules.Tests --filter EvaluationSnapshotTests</c>
/// and commit the file with the rule change.
/// </remarks>
public sealed class EvaluationSnapshotTests
{
    private const int PatientCount = 3000;
    private const string FileName = "evaluation-snapshot.txt";

    private static readonly ClinicalRuleSet Variant = ClinicalRuleSet.Create(new RuleSetOptions
    {
        DisabledTopics = new[] { "handling" },
        DisabledRules = new[] { "AZA-CBC-002" },
        Thresholds = new RuleThresholds { EgfrThreshold = null, MarkedFallFraction = 0.5, LiverTestWindowDays = 30, ReproductiveAgeTo = 45 },
    });

    /// <summary>The engine trace is the compiled executor's: NRules reports no condition outcomes.</summary>
    private static readonly ClinicalRuleSet Compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

    [Fact]
    public void Evaluate_VariedPatients_MatchesRecordedSnapshot()
    {
        var actual = Record();
        var update = Environment.GetEnvironmentVariable("IMURAN_UPDATE_SNAPSHOT") == "1";
        if (update)
        {
            File.WriteAllText(Path.Combine(SnapshotFiles.SourceDirectory(), FileName), actual);
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Benchmarks", FileName)).Replace("\r\n", "\n");
        if (update)
        {
            expected = actual;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        actualLines.Length.Should().Be(expectedLines.Length, "the snapshot covers {0} patients", PatientCount);
        for (var i = 0; i < actualLines.Length; i++)
        {
            if (actualLines[i] != expectedLines[i] && !actualLines[i].StartsWith('#'))
            {
                var index = int.Parse(actualLines[i].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                var facts = new PatientFuzzer(Seed).Skip(index);
                var json = EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(facts), indented: true);
                actualLines[i].Should().Be(expectedLines[i], "patient {0} must evaluate as recorded; it now gives:\n{1}", index, json);
            }

            actualLines[i].Should().Be(expectedLines[i]);
        }
    }

    [Theory]
    [InlineData(RuleEngine.NRules)]
    [InlineData(RuleEngine.Compiled)]
    public void Evaluate_WithListener_GivesTheSameResultAsWithout(RuleEngine engine)
    {
        var rules = engine == RuleEngine.Compiled ? Compiled : ClinicalRuleSet.Default;
        var fuzzer = new PatientFuzzer(Seed);
        for (var i = 0; i < 300; i++)
        {
            var facts = fuzzer.Next(i);
            var plain = EvaluationResultJson.ToJson(rules.Evaluate(facts), indented: false);
            var traced = EvaluationResultJson.ToJson(rules.Evaluate(facts, new EvaluationOptions { Listener = new TraceListener() }), indented: false);
            traced.Should().Be(plain, "patient {0} must not depend on whether a listener is attached", i);
        }
    }

    private const int Seed = 6;

    private static string Record()
    {
        // IMURAN_SNAPSHOT_DUMP=<file> also writes every result and trace in full, to diff two builds line by line.
        var dumpPath = Environment.GetEnvironmentVariable("IMURAN_SNAPSHOT_DUMP");
        using var dump = string.IsNullOrEmpty(dumpPath) ? null : new StreamWriter(dumpPath);
        var fuzzer = new PatientFuzzer(Seed);
        var sb = new StringBuilder();
        sb.Append("# index, SHA-256 prefix of the result JSON (default rule set), of the engine trace, of the result JSON (variant rule set)\n");
        for (var i = 0; i < PatientCount; i++)
        {
            var facts = fuzzer.Next(i);
            var result = EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(facts), indented: false);
            var listener = new TraceListener();
            Compiled.Evaluate(facts, new EvaluationOptions { Listener = listener });
            var variant = EvaluationResultJson.ToJson(Variant.Evaluate(facts), indented: false);
            dump?.Write(i + " " + result + "\n" + listener.Trace + variant + "\n");
            sb.Append(i).Append(' ').Append(Hash(result)).Append(' ').Append(Hash(listener.Trace)).Append(' ').Append(Hash(variant)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Hash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(bytes, 0, 8).ToLowerInvariant();
    }

    /// <summary>Writes every engine event in order, naming facts by type.</summary>
    private sealed class TraceListener : IRuleEventListener
    {
        private readonly StringBuilder _trace = new();

        public string Trace => _trace.ToString();

        public void FactInserted(object fact) => _trace.Append("I ").Append(fact.GetType().Name).Append('\n');

        public void RuleFired(RuleMetadata rule, IReadOnlyList<object> facts)
        {
            _trace.Append("F ").Append(rule.Id);
            foreach (var f in facts)
            {
                _trace.Append(' ').Append(f.GetType().Name);
            }

            _trace.Append('\n');
        }

        public void ConditionEvaluated(RuleMetadata rule, int conditionIndex, bool holds) =>
            _trace.Append("C ").Append(rule.Id).Append(' ').Append(conditionIndex).Append(holds ? " T" : " F").Append('\n');
    }
}

internal static class PatientFuzzerExtensions
{
    /// <summary>The patient at <paramref name="index"/> of the fuzzer's sequence.</summary>
    public static PatientFacts Skip(this PatientFuzzer fuzzer, int index)
    {
        for (var i = 0; i < index; i++)
        {
            fuzzer.Next(i);
        }

        return fuzzer.Next(index);
    }
}
