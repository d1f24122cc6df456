using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Samples;

/// <summary>The sample host as a real process on a loopback port, called over HTTP.</summary>
public class SampleProcessTests
{
    private static readonly Regex Listening = new(@"Now listening on: (http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant);

    [Fact]
    public async Task SampleHost_RunAsAProcess_AnswersDiscoveryAndTheOrderSignDoneCriterion()
    {
        await using var host = await SampleHost.StartAsync(Path.GetDirectoryName(SampleDll())!);
        using var client = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromSeconds(30) };

        var discovery = await client.GetStringAsync("/cds-services");
        discovery.Should().Contain("\"hook\":\"order-sign\"");

        var (status, body, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", DoneCriterionRequest());

        status.Should().Be(200);
        var critical = Spec.AssertCardsResponse(body).Where(c => c.GetProperty("indicator").GetString() == "critical").ToList();
        critical.Select(Spec.RuleId).Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
        critical.Should().OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("**Basis**") && c.GetProperty("detail").GetString()!.Contains("**Sources**"));
    }

    /// <summary>
    /// Started from the repository root (as the README's benchmark command does), the host still reads the settings
    /// beside it: no console line for each request (before, ASP.NET Core's Information logs of every request were on,
    /// five entries (ten lines) a call, and the load benchmark measured them).
    /// </summary>
    [Fact]
    public async Task SampleHost_StartedFromAnotherFolder_ReadsItsSettings_AndLogsNothingPerRequest()
    {
        await using var host = await SampleHost.StartAsync(RepoPaths.Root);
        using var client = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromSeconds(30) };

        for (var i = 0; i < 3; i++)
        {
            var (status, _, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", DoneCriterionRequest());
            status.Should().Be(200);
        }

        await Task.Delay(500); // the console logger writes on its own thread
        host.Output.Should().NotContain(line => line.Contains("Request starting", StringComparison.Ordinal) || line.Contains("Executing endpoint", StringComparison.Ordinal));
    }

    /// <summary>
    /// A relative <c>--contentRoot</c> is taken from the working directory. Failed before: the host took it from the
    /// program's folder (bin/...), so it threw <see cref="DirectoryNotFoundException"/> at start when the working
    /// directory held an appsettings.json (first case), and otherwise ignored it for the program's folder (second case).
    /// </summary>
    [Theory]
    [InlineData("samples/CdsHooksService", "../CdsHooksService")]
    [InlineData("samples", "CdsHooksService")]
    public async Task SampleHost_WithARelativeContentRoot_TakesItFromTheWorkingDirectory(string workingDirectory, string contentRoot)
    {
        var folder = Path.Combine(RepoPaths.Root, workingDirectory);
        var expected = Path.GetFullPath(Path.Combine(folder, contentRoot)).TrimEnd(Path.DirectorySeparatorChar);

        await using var host = await SampleHost.StartAsync(folder, "--contentRoot", contentRoot);
        using var client = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromSeconds(30) };

        (await client.GetStringAsync("/cds-services")).Should().Contain("\"hook\":\"order-sign\"");
        string? reported = null;
        for (var i = 0; i < 100 && reported is null; i++)
        {
            reported = host.Output.FirstOrDefault(line => line.Contains("Content root path:", StringComparison.Ordinal));
            if (reported is null)
            {
                await Task.Delay(100); // the console logger writes on its own thread
            }
        }

        reported.Should().NotBeNull();
        reported!.Substring(reported.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd(Path.DirectorySeparatorChar).Should().Be(expected);
    }

    private static System.Text.Json.Nodes.JsonObject DoneCriterionRequest() => FhirData.Request(
        "order-sign",
        FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())),
        FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

    /// <summary>The sample host as a process (Production environment), with its console output kept.</summary>
    private sealed class SampleHost : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

        private SampleHost(Process process) => _process = process;

        public string Url { get; private set; } = string.Empty;

        public IReadOnlyCollection<string> Output => _output.ToArray();

        public static async Task<SampleHost> StartAsync(string workingDirectory, params string[] arguments)
        {
            var dll = SampleDll();
            File.Exists(dll).Should().BeTrue($"the sample is built with the tests ({dll})");
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

            var host = new SampleHost(Process.Start(start)!);
            try
            {
                host.Url = await WaitForAddressAsync(host._process, host._output, TimeSpan.FromSeconds(60));
                return host;
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static async Task<string> WaitForAddressAsync(Process process, System.Collections.Concurrent.ConcurrentQueue<string> output, TimeSpan timeout)
    {
        var read = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                output.Enqueue(line);
                if (Listening.Match(line) is { Success: true } match)
                {
                    return match.Groups[1].Value;
                }
            }

            return null;
        });
        var finished = await Task.WhenAny(read, Task.Delay(timeout));
        if (finished != read || await read is not { } url)
        {
            throw new TimeoutException("The sample host did not report its address: " + await process.StandardError.ReadToEndAsync());
        }

        // Keep draining the output so the host never blocks on a full pipe.
        _ = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                output.Enqueue(line);
            }
        });
        return url;
    }

    /// <summary>The sample's own build output, in the configuration and target framework the tests were built for.</summary>
    private static string SampleDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(RepoPaths.Root, "samples", "CdsHooksService", "bin", testOutput.Parent!.Name, testOutput.Name, "CdsHooksService.dll");
    }
}
