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
/// answer stops the host with an options validation error naming the option. So does a
/// <see cref="CdsHooksOptions.MaxRequestBodyBytes"/> or <see cref="CdsHooksOptions.MaxFhirResponseBytes"/> of zero or
/// less (every request refused, every FHIR answer unavailable) or over 16 MiB, the most the FHIR reader reads of one call.
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

    private const int SixteenMiB = 16 * 1024 * 1024;

    [Theory]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), 0)]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), -1)]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), int.MinValue)]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), SixteenMiB + 1)]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), int.MaxValue)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), 0)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), -1)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), int.MinValue)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), SixteenMiB + 1)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), int.MaxValue)]
    public async Task HostStart_ByteLimitOutOfRange_FailsNamingTheOption(string option, int bytes)
    {
        using var host = Build(o => Set(o, option, bytes));

        var start = () => host.StartAsync();

        var message = (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message;
        message.Should().Contain("CdsHooksOptions." + option).And.Contain(bytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), 1)]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), 1024 * 1024)]
    [InlineData(nameof(CdsHooksOptions.MaxRequestBodyBytes), SixteenMiB)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), 1)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), 4 * 1024 * 1024)]
    [InlineData(nameof(CdsHooksOptions.MaxFhirResponseBytes), SixteenMiB)]
    public async Task HostStart_ByteLimitInRange_Starts(string option, int bytes)
    {
        using var host = Build(o => Set(o, option, bytes));

        await host.StartAsync();
        await host.StopAsync();

        var options = host.Services.GetRequiredService<IOptions<CdsHooksOptions>>().Value;
        (option == nameof(CdsHooksOptions.MaxRequestBodyBytes) ? options.MaxRequestBodyBytes : options.MaxFhirResponseBytes).Should().Be(bytes);
    }

    [Fact]
    public async Task HostStart_SeveralOptionsOutOfRange_NamesEachOfThem()
    {
        using var host = Build(o =>
        {
            o.FhirFetchTimeout = TimeSpan.Zero;
            o.MaxRequestBodyBytes = 0;
            o.MaxFhirResponseBytes = -5;
        });

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().HaveCount(3)
            .And.Contain(f => f.Contains(nameof(CdsHooksOptions.FhirFetchTimeout)))
            .And.Contain(f => f.Contains(nameof(CdsHooksOptions.MaxRequestBodyBytes)))
            .And.Contain(f => f.Contains(nameof(CdsHooksOptions.MaxFhirResponseBytes)));
    }

    private static void Set(CdsHooksOptions options, string option, int bytes)
    {
        if (option == nameof(CdsHooksOptions.MaxRequestBodyBytes))
        {
            options.MaxRequestBodyBytes = bytes;
        }
        else
        {
            options.MaxFhirResponseBytes = bytes;
        }
    }

    private static IHost Build(TimeSpan timeout) => Build(o => o.FhirFetchTimeout = timeout);

    private static IHost Build(Action<CdsHooksOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddImuranCdsHooks(configure);
        return builder.Build();
    }
}
