using System;
using System.IO;

namespace Imuran.ClinicalRules.Fhir.Tests.Support;

/// <summary>Finds the repository root (and the shared reference folder beside it) from the test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The shared reference folder, a sibling of the repository: <c>../shared</c>.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SharedFhir => Path.Combine(Shared, "interop", "fhir");

    public static string FhirSamples => Path.Combine(Root, "samples", "fhir");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Imuran.ClinicalRules.sln"))
                || File.Exists(Path.Combine(directory.FullName, "Directory.Build.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No repository root (Imuran.ClinicalRules.sln or Directory.Build.props) above {AppContext.BaseDirectory}.");
    }
}
