using System.IO;
using System.Xml.Linq;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Conventions;

/// <summary>Central package versions name only packages some project uses.</summary>
public class PackageConventionTests
{
    [Fact]
    public void DirectoryPackagesProps_EveryVersion_IsReferencedBySomeProject()
    {
        var declared = Items(RepoPaths.InRepo("Directory.Packages.props"), "PackageVersion").ToList();
        var referenced = ProjectFiles()
            .SelectMany(f => Items(f, "PackageReference").Concat(Items(f, "GlobalPackageReference")))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        declared.Should().Contain("NRules", "the scan must read the central versions");
        referenced.Should().Contain("NRules", "the scan must read the projects' references");
        declared.Where(p => !referenced.Contains(p)).Should().BeEmpty("a version no project references is dead weight in review and restore: remove it");
    }

    /// <summary>Every project, props and targets file in the repository, build output left out.</summary>
    private static IEnumerable<string> ProjectFiles() =>
        Directory.EnumerateFiles(RepoPaths.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".props", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".targets", StringComparison.OrdinalIgnoreCase))
            .Where(f =>
            {
                var rel = Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/');
                return !rel.Contains("/obj/", StringComparison.Ordinal) && !rel.Contains("/bin/", StringComparison.Ordinal) && !rel.StartsWith(".git/", StringComparison.Ordinal)
                    && !rel.Equals("Directory.Packages.props", StringComparison.OrdinalIgnoreCase);
            });

    private static IEnumerable<string> Items(string path, string element) =>
        XDocument.Load(path).Descendants(element)
            .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update"))
            .Where(name => !string.IsNullOrWhiteSpace(name))
            .Select(name => name!);
}
