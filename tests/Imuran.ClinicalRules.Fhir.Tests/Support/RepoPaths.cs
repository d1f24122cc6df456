using System;
using System.IO;

namespace Imuran.ClinicalRules.Fhir.Tests.Support;

/// <summary>Finds the repository root from the test's output folder. Tests read nothing outside the repository.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>The official HL7 example files copied into this test project (provenance in its PROVENANCE.md).</summary>
    public static string Hl7Examples => Path.Combine(Root, "tests", "Imuran.ClinicalRules.Fhir.Tests", "Hl7Examples");

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
