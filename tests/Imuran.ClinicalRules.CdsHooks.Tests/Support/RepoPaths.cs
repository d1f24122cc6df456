using System;
using System.IO;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Support;

/// <summary>Finds the repository root from the test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Imuran.ClinicalRules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (Imuran.ClinicalRules.sln) above {AppContext.BaseDirectory}.");
    }
}
