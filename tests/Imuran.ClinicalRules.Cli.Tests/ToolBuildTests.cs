using Imuran.ClinicalRules.Tests.Common;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>The tool is tested in both its builds: each test target loads the tool built for it.</summary>
public sealed class ToolBuildTests
{
    [Fact]
    public void Tool_LoadedBuild_IsTheBuildForThisTestTarget()
    {
#if NET10_0_OR_GREATER
        const string expected = ".NETCoreApp,Version=v10.0";
#else
        const string expected = ".NETCoreApp,Version=v8.0";
#endif
        TargetFrameworkTests.Framework(typeof(CliApp).Assembly).Should().Be(expected);
    }
}
