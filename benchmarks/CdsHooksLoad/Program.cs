// Drives a running CDS Hooks sample host over loopback: a bounded number of order-sign calls, each with a
// ten-resource prefetch, from several concurrent clients; reports latency percentiles and requests per second.
//
//   dotnet run -c Release --project samples/CdsHooksService -- --urls http://127.0.0.1:5080 &
//   dotnet run -c Release --project benchmarks/CdsHooksLoad -- --url http://127.0.0.1:5080 --clients 8 --requests 20000 [--runs 3] [--server-pid PID]
// With --server-pid (Linux), it also reports the server's CPU time per request, which does not depend on how busy the
// machine is.
//
// Warm-up: a freshly started host runs its first ~15,000 calls at a third to a half of its steady speed while the
// runtime re-compiles its hot code (tiered JIT, then PGO). By default (--warmup auto) the tool therefore warms up in
// rounds of 2,500 calls, printing each round, until two rounds in a row are no more than 5 % faster than the best round
// before them (at least 4 rounds, at most 40), and only then measures. --warmup N warms up with exactly N calls instead.
//
// A benchmark, not a test: it prints numbers and fails only if a call does not answer 200 with the expected cards (or,
// exit code 3, if no host answers discovery at --url within 60 s).
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

var url = Arg("--url", "http://127.0.0.1:5080");
var clients = int.Parse(Arg("--clients", "8"), CultureInfo.InvariantCulture);
var requests = int.Parse(Arg("--requests", "20000"), CultureInfo.InvariantCulture);
var warmupArg = Arg("--warmup", "auto");
var runs = int.Parse(Arg("--runs", "1"), CultureInfo.InvariantCulture);
var serverPid = Arg("--server-pid", string.Empty);
if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUri) || !(baseUri.IsLoopback))
{
    Console.Error.WriteLine("--url must be a loopback address (this tool never leaves the machine).");
    return 2;
}

var body = Encoding.UTF8.GetBytes(Payload.OrderSign());
var path = "/cds-services/imuran-azathioprine-order-sign";
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseUri };

async Task<long> CallAsync()
{
    using var content = new ByteArrayContent(body);
    content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
    var start = Stopwatch.GetTimestamp();
    using var response = await http.PostAsync(path, content).ConfigureAwait(false);
    var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
    var elapsed = Stopwatch.GetTimestamp() - start;
    if ((int)response.StatusCode != 200 || !text.Contains("AZA-INT-001", StringComparison.Ordinal) || !text.Contains("AZA-PGX-001", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
    }

    return elapsed;
}

async Task<long[]> RunAsync(int total)
{
    var latencies = new long[total];
    var next = -1;
    var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < total)
        {
            latencies[i] = await CallAsync().ConfigureAwait(false);
        }
    }));
    await Task.WhenAll(workers).ConfigureAwait(false);
    return latencies;
}

if (!await HostAnswersAsync())
{
    Console.Error.WriteLine($"No answer from {baseUri}cds-services within 60 s: is the sample host running there?");
    return 3;
}

var warmupCalls = await WarmUpAsync();
Console.WriteLine($"order-sign, ten-resource prefetch, {clients} concurrent clients, {requests} requests a run after {warmupCalls} warm-up calls, {body.Length} bytes a request");
for (var run = 1; run <= runs; run++)
{
    var cpuBefore = ServerCpuSeconds(serverPid);
    var clock = Stopwatch.StartNew();
    var measured = await RunAsync(requests);
    clock.Stop();
    var cpuAfter = ServerCpuSeconds(serverPid);
    Console.WriteLine((runs > 1 ? $"run {run}: " : string.Empty) + Describe(measured, clock.Elapsed, cpuBefore, cpuAfter));
}

Console.WriteLine($"load average while measuring: {LoadAverage()}");
return 0;

// Waits for the host to answer discovery (it may have been started a moment ago, as in the README's command).
async Task<bool> HostAnswersAsync()
{
    var deadline = Stopwatch.StartNew();
    while (deadline.Elapsed < TimeSpan.FromSeconds(60))
    {
        try
        {
            using var response = await http.GetAsync("/cds-services").ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(250).ConfigureAwait(false);
    }

    return false;
}

// Warms the host up (see the header) and returns the number of calls it made.
async Task<int> WarmUpAsync()
{
    if (!string.Equals(warmupArg, "auto", StringComparison.Ordinal))
    {
        var fixedCalls = int.Parse(warmupArg, CultureInfo.InvariantCulture);
        if (fixedCalls > 0)
        {
            await RunAsync(fixedCalls);
        }

        return fixedCalls;
    }

    const int RoundCalls = 2_500;
    var rule = new WarmUpRule();
    while (true)
    {
        var cpuBefore = ServerCpuSeconds(serverPid);
        var clock = Stopwatch.StartNew();
        var measured = await RunAsync(RoundCalls);
        clock.Stop();
        Console.WriteLine($"warm-up round {rule.Rounds + 1}: " + Describe(measured, clock.Elapsed, cpuBefore, ServerCpuSeconds(serverPid)));
        if (rule.Done(RoundCalls / clock.Elapsed.TotalSeconds))
        {
            break;
        }
    }

    return rule.Rounds * RoundCalls;
}

// One line: latency percentiles, the rate and (with --server-pid) the server's CPU a request.
static string Describe(long[] latencies, TimeSpan elapsed, double? cpuBefore, double? cpuAfter)
{
    Array.Sort(latencies);
    double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
    double Percentile(double p) => Ms(latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p / 100 * latencies.Length) - 1)]);
    var line = string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(50):0.00} ms | p90 {Percentile(90):0.00} ms | p99 {Percentile(99):0.00} ms | max {Ms(latencies[^1]):0.00} ms | {latencies.Length / elapsed.TotalSeconds:0} req/s");
    if (cpuBefore is { } before && cpuAfter is { } after)
    {
        line += string.Create(CultureInfo.InvariantCulture, $" | server CPU {(after - before) * 1e6 / latencies.Length:0} µs a request (user + system, all threads)");
    }

    return line;
}

// Linux only: the server's user + system CPU seconds from /proc (clock ticks of 1/100 s).
static double? ServerCpuSeconds(string pid)
{
    var stat = $"/proc/{pid}/stat";
    if (pid.Length == 0 || !System.IO.File.Exists(stat))
    {
        return null;
    }

    var fields = System.IO.File.ReadAllText(stat).Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
}

static string LoadAverage() => System.IO.File.Exists("/proc/loadavg") ? System.IO.File.ReadAllText("/proc/loadavg").Trim() : "unknown";

string Arg(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
