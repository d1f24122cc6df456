using System.IO;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Conventions;

/// <summary>The repository stands alone: a clone in an empty folder builds and passes its tests.</summary>
public class RepositoryConventionTests
{
    /// <summary>
    /// Build output and tool folders (the .gitignore's), never part of a checkout; node_modules is what the browser
    /// test (tests/browser) installs with npm, third-party code that is never committed.
    /// </summary>
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", ".vs", "TestResults", "BenchmarkDotNet.Artifacts", "artifacts", "node_modules",
    };

    // Spelt in pieces so this file does not name what it forbids.
    private static readonly string[] OutsideReferences =
    {
        ".." + "/shared",
        ".." + "\\shared",
        "/work" + "/shared",
    };

    [Fact]
    public void EveryFile_ReadsNothingOutsideTheRepository()
    {
        var offenders = new List<string>();
        foreach (var file in Files(new DirectoryInfo(RepoPaths.Root)))
        {
            var text = File.ReadAllText(file.FullName);
            foreach (var reference in OutsideReferences)
            {
                if (text.Contains(reference, StringComparison.OrdinalIgnoreCase))
                {
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file.FullName)} refers to '{reference}'");
                }
            }
        }

        offenders.Should().BeEmpty("the reference folder beside the repository is where maintainers copy from; a file a test needs is copied in with its provenance");
    }

    [Fact]
    public void EveryFile_Scan_SeesTheSourcesTestsAndDocs()
    {
        // Guards the scan above against walking the wrong folder and so passing on nothing.
        var names = Files(new DirectoryInfo(RepoPaths.Root)).Select(f => Path.GetRelativePath(RepoPaths.Root, f.FullName).Replace('\\', '/')).ToList();

        names.Should().Contain("Directory.Build.props")
            .And.Contain("README.md")
            .And.Contain("docs/reference/topics.md")
            .And.Contain("tests/Imuran.ClinicalRules.Tests/Conventions/RepositoryConventionTests.cs")
            .And.NotContain(n => n.Contains("/bin/", StringComparison.Ordinal) || n.Contains("/obj/", StringComparison.Ordinal));
    }

    private static IEnumerable<FileInfo> Files(DirectoryInfo directory)
    {
        foreach (var file in directory.EnumerateFiles())
        {
            yield return file;
        }

        foreach (var sub in directory.EnumerateDirectories())
        {
            if (!SkippedFolders.Contains(sub.Name))
            {
                foreach (var file in Files(sub))
                {
                    yield return file;
                }
            }
        }
    }
}
