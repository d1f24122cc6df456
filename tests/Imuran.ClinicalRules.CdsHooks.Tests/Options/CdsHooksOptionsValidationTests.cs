using System;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Options;

/// <summary>
/// <see cref="CdsHooksOptions.FhirFetchTimeout"/> is checked when the host starts: zero, negative (including
/// <see cref="Timeout.InfiniteTimeSpan"/>, which would wait for ever) or longer than an EHR waits for a CDS service's
/// answer stops the host with an options validation error naming the option.
/// </summary>
public sealed class CdsHooksOptionsValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)] // Timeout.InfiniteTimeSpan: the fetch would never time out
    [InlineData(-2000)]
    [InlineData(10_001)]
    [InlineData(3_600_000)]
    public async Task HostStart_FhirFetchTimeoutOutOfRange_FailsNamingTheOption(long milliseconds)
    {
        using var host = Build(TimeSpan.FromMilliseconds(milliseconds));

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(nameof(CdsHooksOptions.FhirFetchTimeout));
    }

    [Fact]
    public async Task HostStart_FhirFetchTimeoutMaxValue_FailsNamingTheOption()
    {
        using var host = Build(TimeSpan.MaxValue);

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(nameof(CdsHooksOptions.FhirFetchTimeout));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2_000)]
    [InlineData(10_000)]
    public async Task HostStart_FhirFetchTimeoutInRange_Starts(long milliseconds)
    {
        using var host = Build(TimeSpan.FromMilliseconds(milliseconds));

        await host.StartAsync();
        await host.StopAsync();

        host.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value.FhirFetchTimeout.Should().Be(TimeSpan.FromMilliseconds(milliseconds));
    }

    private static IHost Build(TimeSpan timeout)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddImuranCdsHooks(o => o.FhirFetchTimeout = timeout);
        return builder.Build();
    }
}
