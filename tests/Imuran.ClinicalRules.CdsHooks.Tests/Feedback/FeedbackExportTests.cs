using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Feedback;
using Microsoft.Extensions.DependencyInjection;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Feedback;

/// <summary>The clinician feedback export: the service's endpoint, the exporter, and <c>imuran-rules coverage --feedback</c> reading it.</summary>
public class FeedbackExportTests
{
    private const string ExportPath = "/cds-services/feedback/export";
    private const string Hl7 = "http://terminology.hl7.org/CodeSystem/non-adherence-reason-codes";

    private static JsonObject Feedback(string card, string outcome, string? reason = null)
    {
        var item = new JsonObject { ["card"] = card, ["outcome"] = outcome, ["outcomeTimestamp"] = "2026-11-22T10:05:00Z" };
        if (reason is not null)
        {
            item["overrideReason"] = new JsonObject
            {
                ["reason"] = new JsonObject { ["system"] = Hl7, ["code"] = reason },
                ["userComment"] = "Discussed with Mrs Example",
            };
        }

        return new JsonObject { ["feedback"] = new JsonArray(item) };
    }

    /// <summary>An order-sign for a TPMT-poor patient on allopurinol (two critical cards), then feedback: the interaction overridden, the PGx card accepted.</summary>
    private static async Task SignAndGiveFeedbackAsync(System.Net.Http.HttpClient client)
    {
        var sign = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));
        var (_, cards, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", sign);
        var interaction = cards.GetProperty("cards").EnumerateArray().Single(c => Spec.RuleId(c) == "AZA-INT-001").GetProperty("uuid").GetString()!;
        var pgx = cards.GetProperty("cards").EnumerateArray().Single(c => Spec.RuleId(c) == "AZA-PGX-001").GetProperty("uuid").GetString()!;
        (await Spec.PostAsync(client, Spec.Prefix + "order-sign/feedback", Feedback(interaction, "overridden", "recipient-concerns-outcomes"))).Status.Should().Be(200);
        (await Spec.PostAsync(client, Spec.Prefix + "order-sign/feedback", Feedback(pgx, "accepted"))).Status.Should().Be(200);
    }

    [Fact]
    public async Task ExportEndpoint_ByDefault_IsNotMapped()
    {
        using var factory = new CdsHooksFactory();

        using var response = await factory.CreateClient().GetAsync(ExportPath);

        response.StatusCode.Should().BeOneOf(new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed }, "the export is off unless the host turns it on");
    }

    [Fact]
    public async Task ExportEndpoint_Enabled_AnswersTheVersionedExportWithoutComments()
    {
        using var factory = new CdsHooksFactory(o => o.EnableFeedbackExport = true);
        var client = factory.CreateClient();
        await SignAndGiveFeedbackAsync(client);

        using var response = await client.GetAsync(ExportPath);
        var text = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        text.Should().NotContain("Mrs Example", "free-text comments are not exported");
        var read = ClinicianFeedbackJson.Read(text);
        read.Succeeded.Should().BeTrue(string.Join("; ", read.Problems.Select(p => p.Message)));
        read.Export!.RuleSetVersion.Should().Be(ClinicalRuleSet.Default.Version);
        read.Export.ExportedAt.Should().Be(CdsHooksFactory.Now, "the export is stamped with the host's clock");
        read.Export.Rules.Select(r => (r.RuleId, r.Accepted, r.Overridden)).Should().Equal(("AZA-INT-001", 0, 1), ("AZA-PGX-001", 1, 0));
        read.Export.Rules[0].OverrideReasons.Single().Should().Be(new OverrideReasonCount(new OverrideReason(Hl7, "recipient-concerns-outcomes"), 1));
        read.Export.Entries.Should().HaveCount(2);
    }

    [Fact]
    public async Task Exporter_WriteFileAsync_WritesAFileTheReaderAccepts()
    {
        using var factory = new CdsHooksFactory();
        await SignAndGiveFeedbackAsync(factory.CreateClient());
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imuran-feedback-" + Guid.NewGuid().ToString("N") + ".json");

        await factory.Services.GetRequiredService<CdsFeedbackExporter>().WriteFileAsync(path);

        var read = ClinicianFeedbackJson.Read(await File.ReadAllBytesAsync(path));
        read.Succeeded.Should().BeTrue();
        read.Export!.Rules.Sum(r => r.Accepted + r.Overridden).Should().Be(2);
        File.Exists(path + ".tmp").Should().BeFalse();
        File.Delete(path);
    }

    [Fact]
    public async Task RoundTrip_FeedbackEndpointThenExportThenCoverageFeedback_ShowsTheOverrideBesideTheFirings()
    {
        // 1. The service: a signed order, feedback on its two cards, the export.
        using var factory = new CdsHooksFactory(o => o.EnableFeedbackExport = true);
        var client = factory.CreateClient();
        await SignAndGiveFeedbackAsync(client);
        var feedbackFile = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imuran-feedback-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(feedbackFile, await client.GetStringAsync(ExportPath));

        // 2. A cohort: the bundled TPMT-poor patient on allopurinol, as one NDJSON line.
        var patient = JsonNode.Parse(await File.ReadAllTextAsync(System.IO.Path.Combine(RepoPaths.Root, "samples", "patients", "tpmt-poor-allopurinol.json")))!.ToJsonString();
        var cohort = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "imuran-cohort-" + Guid.NewGuid().ToString("N") + ".ndjson");
        await File.WriteAllTextAsync(cohort, patient + "\n");

        // 3. The research tool, as a process.
        var (exit, output, error) = await RunCliAsync("coverage", cohort, "--format", "json", "--feedback", feedbackFile);

        exit.Should().Be(0, error);
        var section = JsonDocument.Parse(output).RootElement.GetProperty("clinicianFeedback");
        section.GetProperty("ruleSetVersionMatches").GetBoolean().Should().BeTrue();
        var rules = section.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        rules["AZA-INT-001"].GetProperty("timesFired").GetInt32().Should().Be(1);
        rules["AZA-INT-001"].GetProperty("overridden").GetInt32().Should().Be(1);
        rules["AZA-INT-001"].GetProperty("overrideRate").GetDouble().Should().Be(1.0);
        rules["AZA-INT-001"].GetProperty("topOverrideReasons")[0].GetProperty("code").GetString().Should().Be("recipient-concerns-outcomes");
        rules["AZA-PGX-001"].GetProperty("timesFired").GetInt32().Should().Be(1);
        rules["AZA-PGX-001"].GetProperty("accepted").GetInt32().Should().Be(1);
        File.Delete(feedbackFile);
        File.Delete(cohort);
    }

    private static async Task<(int Exit, string Out, string Error)> RunCliAsync(params string[] args)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        var dll = System.IO.Path.Combine(RepoPaths.Root, "src", "Imuran.ClinicalRules.Cli", "bin", testOutput.Parent!.Name, "net10.0", "imuran-rules.dll");
        File.Exists(dll).Should().BeTrue($"the CLI is built with the tests ({dll})");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
