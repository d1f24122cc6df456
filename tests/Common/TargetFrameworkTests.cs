using System;
using System.Reflection;
using System.Runtime.Versioning;

namespace Imuran.ClinicalRules.Tests.Common;

/// <summary>
/// Each test target loads the builds it means to test: the libraries' net8.0 build (they have no later one), and the
/// test assembly's own target (net10.0, or net8.0 rolled forward to the installed runtime). Linked into every test
/// project that targets both.
/// </summary>
public sealed class TargetFrameworkTests
{
    [Fact]
    public void CoreLibrary_LoadedBuild_IsItsNet8Build() =>
        Framework(typeof(ClinicalRuleSet).Assembly).Should().Be(".NETCoreApp,Version=v8.0", "the core targets netstandard2.0 and net8.0, and every test target takes net8.0");

    [Fact]
    public void TestAssembly_Build_IsThisTestTarget()
    {
#if NET10_0_OR_GREATER
        const string expected = ".NETCoreApp,Version=v10.0";
#else
        const string expected = ".NETCoreApp,Version=v8.0";
#endif
        Framework(typeof(TargetFrameworkTests).Assembly).Should().Be(expected);
        Environment.Version.Major.Should().BeGreaterThanOrEqualTo(8);
    }

    internal static string? Framework(Assembly assembly) => assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
}
