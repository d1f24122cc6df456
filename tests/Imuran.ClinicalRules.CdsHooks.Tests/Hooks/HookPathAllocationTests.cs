using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Discovery;
using Imuran.ClinicalRules.CdsHooks.Hooks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Xunit.Abstractions;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>
/// Bytes allocated for the benchmark's order-sign call (<c>benchmarks/CdsHooksLoad/Payload.cs</c>, linked here): the
/// whole hook path in process (body, parse, prefetch, FHIR Bundle, FHIR reading, evaluation, cards, response) and the
/// FHIR read alone. Measured exactly on the calling thread (every call completes synchronously here), averaged over
/// many calls after a warm-up. Measured here (Debug and Release alike) before the FHIR reader's paths were built only
/// for what it reports: about 307 KB a call and 140 KB a read; after: about 232 KB and 65 KB. The bounds lie between
/// (a fifth and a half over today's numbers, a tenth and a third under the old ones), so a regression back to the old
/// numbers breaks them and noise does not. Numbers: docs/performance.md.
/// </summary>
public class HookPathAllocationTests
{
    private const int WarmUp = 30;
    private const int Calls = 100;

    /// <summary>Bytes a call may allocate on the whole hook path.</summary>
    internal const long HookPathBound = 275_000;

    /// <summary>Bytes a FHIR read of the call's prefetch and draft may allocate.</summary>
    internal const long FhirReadBound = 95_000;

    private static readonly byte[] Body = Encoding.UTF8.GetBytes(Payload.OrderSign());

    private readonly ITestOutputHelper _output;

    public HookPathAllocationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task OrderSign_BenchmarkCall_AllocatesWithinTheBound()
    {
        await using var services = Services();
        var runtime = services.GetRequiredService<CdsHooksRuntime>();
        var id = runtime.Catalog.Services.Single(s => s.Kind == HookKind.OrderSign).Id;

        var first = await CallAsync(runtime, services, id);
        first.Status.Should().Be(200);
        first.Body.Should().Contain("AZA-PGX-001").And.Contain("AZA-INT-001", "the call must do the whole work: two critical cards");

        var perCall = Measure(() => Call(runtime, services, id));

        _output.WriteLine($"order-sign call: {perCall:N0} B (bound {HookPathBound:N0} B)");
        perCall.Should().BeLessThan(HookPathBound, "an order-sign call allocated {0:N0} B", perCall);
    }

    [Fact]
    public async Task FhirRead_OfTheBenchmarkCall_AllocatesWithinTheBound()
    {
        await using var services = Services();
        var runtime = services.GetRequiredService<CdsHooksRuntime>();
        var service = runtime.Catalog.Services.Single(s => s.Kind == HookKind.OrderSign);
        using var document = JsonDocument.Parse(Body);
        var request = HookRequest.Read(document.RootElement, service, out _, out var problem)!;
        problem.Should().BeNull();
        var bundle = new ArrayBufferWriter<byte>();
        FhirPayload.Write(bundle, request.Prefetch.Values, request.Drafts);
        var bytes = bundle.WrittenMemory.ToArray();
        var date = new ClinicalDate(2026, 11, 22);

        var mapping = FhirPatientReader.Read(new MemoryStream(bytes, writable: false), date);
        mapping.Succeeded.Should().BeTrue();
        mapping.Used.Should().HaveCountGreaterThanOrEqualTo(10);

        var perRead = Measure(() => FhirPatientReader.Read(new MemoryStream(bytes, writable: false), date));

        _output.WriteLine($"FHIR read: {perRead:N0} B (bound {FhirReadBound:N0} B)");
        perRead.Should().BeLessThan(FhirReadBound, "a FHIR read allocated {0:N0} B", perRead);
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddImuranCdsHooks();
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FixedTime(CdsHooksFactory.Now));
        return services.BuildServiceProvider();
    }

    /// <summary>Bytes allocated on this thread per call of <paramref name="call"/>, averaged after a warm-up.</summary>
    private static long Measure(Action call)
    {
        for (var i = 0; i < WarmUp; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    /// <summary>One call that must finish on this thread (so that the thread's count holds all of it).</summary>
    private static void Call(CdsHooksRuntime runtime, IServiceProvider services, string id)
    {
        var task = CallAsync(runtime, services, id);
        task.IsCompletedSuccessfully.Should().BeTrue("the call must complete synchronously for the thread's count to hold all of it");
        task.Result.Status.Should().Be(200);
    }

    private static async Task<(int Status, string Body)> CallAsync(CdsHooksRuntime runtime, IServiceProvider services, string id)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/cds-services/" + id;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = Body.Length;
        context.Request.Body = new MemoryStream(Body, writable: false);
        var response = new MemoryStream();
        context.Response.Body = response;

        var result = await runtime.HookAsync(context, id);
        await result.ExecuteAsync(context);

        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.GetBuffer(), 0, (int)response.Length));
    }
}
