using System.IO;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Conventions;

/// <summary>
/// No grab-bag files: every public (or protected) top-level type of every source project lives alone in a file of its
/// name. Nested types are fine; internal types are not checked.
/// </summary>
public class SourceFileConventionTests
{
    /// <summary>
    /// Folders other work under issue 15 rewrites (the schema-driven reader and validator). Not checked until that
    /// work lands; then this list is cleared.
    /// </summary>
    private static readonly string[] NotYetChecked = System.Array.Empty<string>();

    /// <summary>Files inside <see cref="NotYetChecked"/> that are checked all the same.</summary>
    private static readonly string[] CheckedAnyway =
    {
        "src/Imuran.ClinicalRules/Validation/ErrorCodes.cs",
    };

    /// <summary>A public or protected type declared at the start of a line: top level in a file-scoped namespace.</summary>
    private static readonly Regex TopLevelPublicType = new(
        @"^(?:public|protected)\s+(?:(?:sealed|static|abstract|readonly|partial|unsafe|new|ref)\s+)*(?:record\s+struct|record\s+class|record|class|struct|interface|enum|delegate\s+[^\s(]+)\s+(?<name>[A-Za-z_]\w*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>A public type declared anywhere (any indentation), for files without a file-scoped namespace.</summary>
    private static readonly Regex AnyPublicType = new(
        @"^\s*(?:public|protected)\s+(?:(?:sealed|static|abstract|readonly|partial|unsafe|new|ref)\s+)*(?:record\s+struct|record\s+class|record|class|struct|interface|enum)\s+(?<name>[A-Za-z_]\w*)",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex FileScopedNamespace = new(@"^namespace\s+[\w.]+\s*;", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    [Fact]
    public void EverySourceFile_DeclaresAtMostOnePublicType_NamedAsTheFile()
    {
        var offenders = new List<string>();
        foreach (var (path, types) in Declarations())
        {
            if (!IsChecked(path))
            {
                continue;
            }

            var file = Path.GetFileNameWithoutExtension(path);
            if (types.Count > 1)
            {
                offenders.Add($"{path} declares {types.Count} public types ({string.Join(", ", types)}): give each its own file");
            }
            else if (types.Count == 1 && types[0] != file)
            {
                offenders.Add($"{path} declares {types[0]}: name the file {types[0]}.cs");
            }
        }

        offenders.Should().BeEmpty("one public type per file, in a file of its name, so a reader finds a type by its name");
    }

    [Fact]
    public void SourceFilesWithoutAFileScopedNamespace_DeclareNoPublicType()
    {
        // The scan above reads a declaration at the start of a line as top level, which holds for file-scoped namespaces only.
        var offenders = SourceFiles()
            .Where(f => !FileScopedNamespace.IsMatch(File.ReadAllText(f)) && AnyPublicType.IsMatch(File.ReadAllText(f)))
            .Select(Relative)
            .ToList();

        offenders.Should().BeEmpty("a public type goes in a file with a file-scoped namespace, where the convention scan can see it");
    }

    [Theory]
    [InlineData(typeof(ClinicalRuleSet))]
    [InlineData(typeof(Imuran.ClinicalRules.Fhir.FhirPatientReader))]
    public void Scan_FindsEveryExportedTypeOfTheAssembly_InExactlyOneFile(Type anchor)
    {
        // Guards the text scan against a pattern that misses declarations, and so passes on nothing.
        var declared = Declarations()
            .SelectMany(d => d.Types.Select(t => (Type: t, d.Path)))
            .ToLookup(d => d.Type, d => d.Path, StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var type in anchor.Assembly.GetExportedTypes().Where(t => !t.IsNested))
        {
            var name = type.Name.Split('`')[0];
            var files = declared[name].Where(p => p.StartsWith("src/" + anchor.Assembly.GetName().Name + "/", StringComparison.Ordinal)).ToList();
            if (files.Count != 1)
            {
                missing.Add($"{type.FullName}: found in {files.Count} files ({string.Join(", ", files)})");
            }
        }

        anchor.Assembly.GetExportedTypes().Should().NotBeEmpty();
        missing.Should().BeEmpty("the scan must see every public type the assembly exports");
    }

    [Fact]
    public void Convention_GrabBagFile_IsReported()
    {
        // The check itself can fail: two public types in one file, and a type in a file of another name.
        const string twoTypes = "namespace X;\n\n/// <summary>a</summary>\npublic enum A\n{\n}\n\npublic sealed record B(int C);\n";
        TopLevelPublicType.Matches(twoTypes).Select(m => m.Groups["name"].Value).Should().Equal("A", "B");

        const string nested = "namespace X;\n\npublic sealed class A\n{\n    public enum Inner { }\n}\n";
        TopLevelPublicType.Matches(nested).Select(m => m.Groups["name"].Value).Should().Equal("A");
    }

    private static bool IsChecked(string path) =>
        CheckedAnyway.Contains(path, StringComparer.Ordinal) || !NotYetChecked.Any(folder => path.StartsWith(folder, StringComparison.Ordinal));

    private static IEnumerable<(string Path, List<string> Types)> Declarations() =>
        SourceFiles().Select(f => (Relative(f), TopLevelPublicType.Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value).ToList()));

    private static IEnumerable<string> SourceFiles()
    {
        var src = RepoPaths.InRepo("src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f =>
            {
                var rel = Relative(f);
                return !rel.Contains("/obj/", StringComparison.Ordinal) && !rel.Contains("/bin/", StringComparison.Ordinal);
            })
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        files.Should().Contain(f => f.EndsWith("ClinicalRuleSet.cs", StringComparison.Ordinal), "the scan must walk the source folder");
        return files;
    }

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}
