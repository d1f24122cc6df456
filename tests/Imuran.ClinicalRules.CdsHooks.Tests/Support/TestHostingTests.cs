using System.Net.Http;
using System.Threading.Tasks;
using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Support;

/// <summary>Each test target tests the package's build for it, through the host the factory says it uses.</summary>
public class TestHostingTests
{
    [Fact]
    public void CdsHooksPackage_LoadedBuild_IsThisTestTargetsBuild()
    {
#if NET10_0_OR_GREATER
        const string expected = ".NETCoreApp,Version=v10.0";
#else
        const string expected = ".NETCoreApp,Version=v8.0";
#endif
        TargetFrameworkTests.Framework(typeof(CdsHooksOptions).Assembly).Should().Be(expected);
    }

    [Fact]
    public async Task Factory_Client_ReachesTheSampleHost()
    {
        using var factory = new CdsHooksFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/cds-services");

        ((int)response.StatusCode).Should().Be(200);
        if (CdsHooksFactory.OnKestrel)
        {
            client.BaseAddress!.Host.Should().Be("127.0.0.1");
            client.BaseAddress.Port.Should().BePositive("Kestrel took a free loopback port");
        }
    }
}
