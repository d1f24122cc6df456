// Drives a running CDS Hooks sample host over loopback: a bounded number of order-sign calls, each with a
// ten-resource prefetch, from several concurrent clients; reports latency percentiles and requests per second.
//
//   dotnet run -c Release --project samples/CdsHooksService -- --urls http://127.0.0.1:5080 &
//   dotnet run -c Release --project benchmarks/CdsHooksLoad -- --url http://127.0.0.1:5080 --clients 8 --requests 20000 [--server-pid PID]
// With --server-pid (Linux), it also reports the server's CPU time per request, which does not depend on how busy the
// machine is.
//
// A benchmark, not a test: it prints numbers and fails only if a call does not answer 200 with the expected cards.
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
var warmup = int.Parse(Arg("--warmup", "1000"), CultureInfo.InvariantCulture);
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

await RunAsync(warmup);
var cpuBefore = ServerCpuSeconds(serverPid);
var clock = Stopwatch.StartNew();
var measured = await RunAsync(requests);
clock.Stop();
var cpuAfter = ServerCpuSeconds(serverPid);

Array.Sort(measured);
double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
double Percentile(double p) => Ms(measured[Math.Min(measured.Length - 1, (int)Math.Ceiling(p / 100 * measured.Length) - 1)]);
Console.WriteLine($"order-sign, ten-resource prefetch, {clients} concurrent clients, {requests} requests after {warmup} warm-up, {body.Length} bytes a request");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50 {Percentile(50):0.00} ms | p90 {Percentile(90):0.00} ms | p99 {Percentile(99):0.00} ms | max {Ms(measured[^1]):0.00} ms | {requests / clock.Elapsed.TotalSeconds:0} req/s"));
if (cpuBefore is { } before && cpuAfter is { } after)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server CPU {(after - before) * 1e6 / requests:0} µs a request (user + system, all threads)"));
}

Console.WriteLine($"load average while measuring: {LoadAverage()}");
return 0;

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
