using System;
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
        var dll = SampleDll();
        File.Exists(dll).Should().BeTrue($"the sample is built with the tests ({dll})");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start)!;
        try
        {
            var url = await WaitForAddressAsync(process, TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

            var discovery = await client.GetStringAsync("/cds-services");
            discovery.Should().Contain("\"hook\":\"order-sign\"");

            var request = FhirData.Request(
                "order-sign",
                FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())),
                FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));
            var (status, body, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", request);

            status.Should().Be(200);
            var critical = Spec.AssertCardsResponse(body).Where(c => c.GetProperty("indicator").GetString() == "critical").ToList();
            critical.Select(Spec.RuleId).Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
            critical.Should().OnlyContain(c => c.GetProperty("detail").GetString()!.Contains("**Basis**") && c.GetProperty("detail").GetString()!.Contains("**Sources**"));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static async Task<string> WaitForAddressAsync(Process process, TimeSpan timeout)
    {
        var read = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
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
            while (await process.StandardOutput.ReadLineAsync() is not null)
            {
            }
        });
        return url;
    }

    /// <summary>The sample's own build output, in the configuration the tests were built in.</summary>
    private static string SampleDll()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        return Path.Combine(RepoPaths.Root, "samples", "CdsHooksService", "bin", configuration, "net10.0", "CdsHooksService.dll");
    }
}
