using System;
using System.Diagnostics;
using Imuran.ClinicalRules.Benchmarks.Patients;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// A quick Stopwatch check (seconds, not minutes) for use while changing the hot path. It is not the measurement:
/// the committed numbers come from BenchmarkDotNet.
/// </summary>
internal static class Smoke
{
    public static int Run()
    {
        var sw = Stopwatch.StartNew();
        var set = ClinicalRuleSet.Create();
        Console.WriteLine($"first build (cold-ish): {sw.Elapsed.TotalMilliseconds:F1} ms");
        for (var i = 0; i < 5; i++)
        {
            ClinicalRuleSet.Create();
        }

        sw.Restart();
        for (var i = 0; i < 20; i++)
        {
            ClinicalRuleSet.Create();
        }

        Console.WriteLine($"warm build: {sw.Elapsed.TotalMilliseconds / 20:F2} ms");

        var compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
        sw.Restart();
        for (var i = 0; i < 20; i++)
        {
            ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });
        }

        Console.WriteLine($"warm build (compiled executor): {sw.Elapsed.TotalMilliseconds / 20:F2} ms");
        Measure("typical (NRules)", set, BenchmarkPatients.Typical(), 20_000);
        Measure("typical (compiled)", compiled, BenchmarkPatients.Typical(), 200_000);
        Measure("worst case (NRules)", set, BenchmarkPatients.WorstCase(), 5_000);
        Measure("worst case (compiled)", compiled, BenchmarkPatients.WorstCase(), 20_000);
        NRulesPhases(set, BenchmarkPatients.Typical(), 20_000);
        if (Environment.GetEnvironmentVariable("SMOKE_QUICK") == "1")
        {
            return 0;
        }

        Measure("validation only (typical)", BenchmarkPatients.Typical(), 200_000);
        Measure("validation only (worst case)", BenchmarkPatients.WorstCase(), 200_000);
        Phases("typical", BenchmarkPatients.Typical(), 200_000);
        Phases("worst case", BenchmarkPatients.WorstCase(), 20_000);

        var cohort = BenchmarkCohort.Make(100_000);
        foreach (var p in cohort)
        {
            set.Evaluate(p);
        }

        sw.Restart();
        var findings = 0;
        foreach (var p in cohort)
        {
            findings += set.Evaluate(p).Findings.Count;
        }

        Console.WriteLine($"cohort 100k one thread: {sw.Elapsed.TotalSeconds:F2} s, {cohort.Length / sw.Elapsed.TotalSeconds:F0}/s, {findings / (double)cohort.Length:F2} findings/patient");
        return 0;
    }

    /// <summary>Per-line costs of a batch run, one thread: parse the NDJSON line, evaluate, write the result JSON.</summary>
    public static int Pipeline(string path, int lines)
    {
        var texts = new System.Collections.Generic.List<string>(lines);
        using (var reader = new System.IO.StreamReader(path))
        {
            string? line;
            while (texts.Count < lines && (line = reader.ReadLine()) is not null)
            {
                texts.Add(line);
            }
        }

        var utf8 = new System.Collections.Generic.List<byte[]>(texts.Count);
        foreach (var text in texts)
        {
            utf8.Add(System.Text.Encoding.UTF8.GetBytes(text));
        }

        var set = ClinicalRuleSet.Default;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(16384);
        var options = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (var round = 0; round < 2; round++)
        {
            var parse = new Phase();
            var fastParse = new Phase();
            var evaluate = new Phase();
            var write = new Phase();
            long bytes = 0;
            for (var i = 0; i < texts.Count; i++)
            {
                parse.Start();
                var facts = Serialization.PatientFactsJson.Read(texts[i]).Facts!;
                parse.Stop();
                fastParse.Start();
                Serialization.Utf8PatientFactsReader.TryRead(utf8[i], out _);
                fastParse.Stop();
                evaluate.Start();
                var result = set.Evaluate(facts);
                evaluate.Stop();
                write.Start();
                buffer.Clear();
                using (var w = new System.Text.Json.Utf8JsonWriter(buffer, options))
                {
                    Serialization.EvaluationResultJson.Write(result, w);
                }

                bytes += buffer.WrittenCount;
                write.Stop();
            }

            Console.WriteLine($"per line: parse {parse.Report(texts.Count)}; fast UTF-8 parse (batch) {fastParse.Report(texts.Count)}; evaluate {evaluate.Report(texts.Count)}; write {write.Report(texts.Count)}; {bytes / texts.Count} output bytes");
        }

        // All cores, each line: parse, evaluate, write the result JSON as a string.
        for (var round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            System.Threading.Tasks.Parallel.ForEach(
                System.Collections.Concurrent.Partitioner.Create(0, texts.Count, 128),
                range =>
                {
                    var abw = new System.Buffers.ArrayBufferWriter<byte>(16384);
                    var w = new System.Text.Json.Utf8JsonWriter(abw, options);
                    for (var i = range.Item1; i < range.Item2; i++)
                    {
                        var result = set.Evaluate(Serialization.PatientFactsJson.Read(texts[i]).Facts!);
                        abw.ResetWrittenCount();
                        w.Reset(abw);
                        Serialization.EvaluationResultJson.Write(result, w);
                        w.Flush();
                        _ = System.Text.Encoding.UTF8.GetString(abw.WrittenSpan);
                    }
                });
            var used = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
            Console.WriteLine($"all cores: {texts.Count / sw.Elapsed.TotalSeconds:F0} lines/s, {used.TotalMilliseconds * 1000 / texts.Count:F1} µs CPU per line");
        }

        // As the CLI does it: a second parse to detect FHIR, the record as a string, a text writer.
        var sink = new System.IO.StreamWriter(System.IO.Stream.Null);
        for (var round = 0; round < 2; round++)
        {
            var fhir = new Phase();
            var record = new Phase();
            var output = new Phase();
            foreach (var text in texts)
            {
                fhir.Start();
                using (var doc = System.Text.Json.JsonDocument.Parse(text, new System.Text.Json.JsonDocumentOptions { MaxDepth = 256 }))
                {
                    _ = doc.RootElement.TryGetProperty("resourceType", out _);
                }

                fhir.Stop();
                var result = set.Evaluate(Serialization.PatientFactsJson.Read(text).Facts!);
                record.Start();
                var abw = new System.Buffers.ArrayBufferWriter<byte>(2048);
                using (var w = new System.Text.Json.Utf8JsonWriter(abw, options))
                {
                    Serialization.EvaluationResultJson.Write(result, w);
                }

                var json = System.Text.Encoding.UTF8.GetString(abw.WrittenSpan);
                record.Stop();
                output.Start();
                sink.Write(json);
                sink.Write('\n');
                output.Stop();
            }

            Console.WriteLine($"CLI extras per line: FHIR check {fhir.Report(texts.Count)}; record string {record.Report(texts.Count)}; text writer {output.Report(texts.Count)}");
        }

        return 0;
    }

    /// <summary>Evaluates one patient in a loop for about ten seconds, for a CPU profiler (dotnet-trace, or perf with <c>DOTNET_PerfMapEnabled=1</c>) to sample.</summary>
    public static int Profile(string which, string engine)
    {
        var facts = which == "worst" ? BenchmarkPatients.WorstCase() : BenchmarkPatients.Typical();
        var set = engine == "compiled" ? ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled }) : ClinicalRuleSet.Default;
        var sw = Stopwatch.StartNew();
        long n = 0;
        while (sw.Elapsed.TotalSeconds < 10)
        {
            for (var i = 0; i < 10_000; i++)
            {
                set.Evaluate(facts);
            }

            n += 10_000;
        }

        Console.WriteLine($"{n} evaluations, {sw.Elapsed.TotalMilliseconds * 1000 / n:F2} µs each");
        return 0;
    }

    private static void Measure(string name, ClinicalRuleSet set, PatientFacts facts, int n)
    {
        var r = set.Evaluate(facts);
        for (var i = 0; i < n / 10; i++)
        {
            set.Evaluate(facts);
        }

        // The best of ten batches: the machine is shared, and the quickest batch is the least disturbed.
        var best = double.MaxValue;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var batch = 0; batch < 10; batch++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < n / 10; i++)
            {
                set.Evaluate(facts);
            }

            best = Math.Min(best, sw.Elapsed.TotalMilliseconds * 1000 / (n / 10));
        }

        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        Console.WriteLine($"{name}: {best:F2} µs (best batch), {bytes:F0} B/op, {r.Findings.Count} findings, valid {r.IsValid}, errors {r.RuleErrors.Count}");
    }

    /// <summary>NRules' share of a typical evaluation on a reused session: InsertAll, Fire, then retracting what went in.</summary>
    private static void NRulesPhases(ClinicalRuleSet set, PatientFacts facts, int n)
    {
        var executor = new Engine.NRulesExecutor(set.Definitions);
        var session = executor.Factory.CreateSession();
        var working = new System.Collections.Generic.List<object>();
        var insert = new Phase();
        var fire = new Phase();
        var retract = new Phase();
        for (var round = 0; round < 2; round++)
        {
            insert = new Phase();
            fire = new Phase();
            retract = new Phase();
            for (var i = 0; i < n; i++)
            {
                working.Clear();
                Rules.Model.FactLoader.Load(facts, RuleThresholds.Default, working, new System.Collections.Generic.List<UnrecognisedInput>());
                var scope = new Engine.EvaluationScope(new System.Collections.Generic.Dictionary<string, int>(), null) { InsertsFindingFacts = false };
                session.DependencyResolver = scope;
                foreach (var f in working)
                {
                    scope.Inserting(f);
                }

                insert.Start();
                session.InsertAll(working);
                insert.Stop();
                fire.Start();
                session.Fire();
                fire.Stop();
                retract.Start();
                session.RetractAll(scope.Inserted);
                retract.Stop();
            }
        }

        Console.WriteLine($"  NRules phases (reused session): insert {insert.Report(n)}; fire {fire.Report(n)}; retract {retract.Report(n)}");
    }

    /// <summary>Time and bytes of each step of an evaluation: loading working facts, inserting them, firing.</summary>
    private static void Phases(string name, PatientFacts facts, int n)
    {
        var compiled = Engine.CompiledRules.Compile(Rules.RuleCatalog.All());
        var load = new Phase();
        var insert = new Phase();
        var fire = new Phase();
        for (var round = 0; round < 2; round++)
        {
            load = new Phase();
            insert = new Phase();
            fire = new Phase();
            for (var i = 0; i < n; i++)
            {
                var session = Engine.Session.Rent(compiled, null, 1000);
                load.Start();
                var working = session.WorkingFacts;
                var unrecognised = new System.Collections.Generic.List<UnrecognisedInput>();
                Rules.Model.FactLoader.Load(facts, RuleThresholds.Default, working, unrecognised);
                load.Stop();
                insert.Start();
                foreach (var f in working)
                {
                    session.Insert(f);
                }

                insert.Stop();
                fire.Start();
                session.Fire();
                fire.Stop();
                Engine.Session.Return(session);
            }
        }

        Console.WriteLine($"  {name} phases: load {load.Report(n)}; insert {insert.Report(n)}; fire {fire.Report(n)}");
    }

    private sealed class Phase
    {
        private readonly Stopwatch _watch = new();
        private long _bytes;
        private long _before;

        public void Start()
        {
            _before = GC.GetAllocatedBytesForCurrentThread();
            _watch.Start();
        }

        public void Stop()
        {
            _watch.Stop();
            _bytes += GC.GetAllocatedBytesForCurrentThread() - _before;
        }

        public string Report(int n) => $"{_watch.Elapsed.TotalMilliseconds * 1000 / n:F2} µs {_bytes / (double)n:F0} B";
    }

    private static void Measure(string name, PatientFacts facts, int n)
    {
        for (var i = 0; i < n / 10; i++)
        {
            Validation.PatientFactsValidation.Validate(facts);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            Validation.PatientFactsValidation.Validate(facts);
        }

        sw.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)n;
        Console.WriteLine($"{name}: {sw.Elapsed.TotalMilliseconds * 1000 / n:F2} µs, {bytes:F0} B/op");
    }
}
