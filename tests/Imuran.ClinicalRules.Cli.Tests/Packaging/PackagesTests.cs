using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Cli.Tests.Packaging;

/// <summary>
/// The packages are the packages the README promises: <c>dotnet pack</c> into a temporary folder gives each package
/// its XML docs for every target, its readme and licence, and its symbols package; the tool installs from that folder
/// and checks a bundled sample. Its own class (so its own xUnit collection): it packs once, in the fixture, while the
/// other tests run. It builds into a temporary artifacts folder, never the projects' own bin and obj folders, so it
/// cannot collide with another build of the same projects.
/// </summary>
public sealed class PackagesTests : IClassFixture<PackagesTests.PackedPackages>
{
    private static readonly string[] ToolTargets = { "net8.0", "net10.0" };

    private readonly PackedPackages _packed;

    public PackagesTests(PackedPackages packed) => _packed = packed;

    [Theory]
    [InlineData("Imuran.ClinicalRules", "netstandard2.0;net8.0", 50)]
    [InlineData("Imuran.ClinicalRules.Fhir", "netstandard2.0;net8.0", 50)]
    [InlineData("Imuran.ClinicalRules.Research", "netstandard2.0;net8.0", 50)]
    [InlineData("Imuran.ClinicalRules.DependencyInjection", "netstandard2.0;net8.0", 10)]
    [InlineData("Imuran.ClinicalRules.CdsHooks", "net8.0;net10.0", 20)]
    public void Pack_Library_HoldsAssemblyAndXmlDocsForEveryTargetAndItsSymbols(string id, string targets, int documentedMembers)
    {
        using var package = _packed.Open(id + ".0.1.0.nupkg");
        using var symbols = _packed.Open(id + ".0.1.0.snupkg");
        var frameworks = targets.Split(';');

        foreach (var tfm in frameworks)
        {
            Entries(package).Should().Contain($"lib/{tfm}/{id}.dll");
            var docs = XDocument.Parse(Read(package, $"lib/{tfm}/{id}.xml"));
            docs.Root!.Element("assembly")!.Element("name")!.Value.Should().Be(id);
            docs.Descendants("member").Should().HaveCountGreaterThan(documentedMembers, "every public member has its docs ({0}, {1})", id, tfm);
            Entries(symbols).Should().Contain($"lib/{tfm}/{id}.pdb");
        }

        Entries(package).Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).Select(e => e.Split('/')[1]).Distinct()
            .Should().BeEquivalentTo(frameworks);
    }

    [Fact]
    public void Pack_CoreDocs_DescribeTheRootTypes()
    {
        using var package = _packed.Open("Imuran.ClinicalRules.0.1.0.nupkg");

        var names = XDocument.Parse(Read(package, "lib/net8.0/Imuran.ClinicalRules.xml")).Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();

        names.Should().Contain(new[] { "T:Imuran.ClinicalRules.ClinicalRuleSet", "T:Imuran.ClinicalRules.EvaluationResult", "T:Imuran.ClinicalRules.Facts.PatientFacts", "P:Imuran.ClinicalRules.EvaluationResult.Thresholds" });
    }

    [Fact]
    public void Pack_Tool_HoldsBothTargetsWithDocsAndItsSymbols()
    {
        using var package = _packed.Open("Imuran.ClinicalRules.Cli.0.1.0.nupkg");
        using var symbols = _packed.Open("Imuran.ClinicalRules.Cli.0.1.0.snupkg");

        foreach (var tfm in ToolTargets)
        {
            Entries(package).Should().Contain(new[] { $"tools/{tfm}/any/imuran-rules.dll", $"tools/{tfm}/any/imuran-rules.xml", $"tools/{tfm}/any/DotnetToolSettings.xml" });
            Entries(symbols).Should().Contain($"tools/{tfm}/any/imuran-rules.pdb");
            using var runtimeConfig = JsonDocument.Parse(Read(package, $"tools/{tfm}/any/imuran-rules.runtimeconfig.json"));
            runtimeConfig.RootElement.GetProperty("runtimeOptions").GetProperty("rollForward").GetString().Should().Be("Major", "the tool runs on a later runtime than it targets");
        }

        Nuspec(package).Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string)e.Attribute("name")!).Should().Equal("DotnetTool");
    }

    [Theory]
    [InlineData("Imuran.ClinicalRules")]
    [InlineData("Imuran.ClinicalRules.Fhir")]
    [InlineData("Imuran.ClinicalRules.DependencyInjection")]
    [InlineData("Imuran.ClinicalRules.Research")]
    [InlineData("Imuran.ClinicalRules.CdsHooks")]
    [InlineData("Imuran.ClinicalRules.Cli")]
    public void Pack_EveryPackage_DeclaresReadmeLicenceAndTruthfulTags(string id)
    {
        using var package = _packed.Open(id + ".0.1.0.nupkg");
        var metadata = Nuspec(package).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        Value("readme").Should().Be("README.md");
        Entries(package).Should().Contain("README.md");
        Value("license").Should().Be("MIT");
        metadata.Elements().Single(e => e.Name.LocalName == "license").Attribute("type")!.Value.Should().Be("expression");
        Value("repository").Should().BeEmpty();
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("url")!.Value.Should().StartWith("https://");
        var tags = Value("tags").Split(' ');
        tags.Should().Contain(new[] { "azathioprine", "tpmt", "nudt15" });
        if (id != "Imuran.ClinicalRules.CdsHooks")
        {
            tags.Should().NotContain("cds-hooks", "only the CDS Hooks package is about CDS Hooks");
        }
    }

    [Fact]
    public void InstalledTool_CheckOnTheFlagshipSample_ExitsThreeWithTheCriticalFindings()
    {
        var (exit, output, error) = PackedPackages.Run(_packed.ToolCommand, _packed.Folder, "check", Sample, "--fail-on", "critical", "--format", "json");

        exit.Should().Be(3, "a critical finding is present and --fail-on critical was given; stderr: {0}", error);
        CriticalRules(output).Should().Equal("AZA-INT-001", "AZA-PGX-001");
    }

    [Fact]
    public void InstalledTool_Net8Build_RunsTheSameCheck()
    {
        // This machine may have only a later runtime: the net8.0 build runs there by rolling forward.
        var net8 = Directory.GetFiles(_packed.ToolPath, "imuran-rules.dll", SearchOption.AllDirectories)
            .Single(f => f.Replace('\\', '/').Contains("/tools/net8.0/any/", StringComparison.Ordinal));

        var (exit, output, error) = PackedPackages.Run(PackedPackages.Dotnet, _packed.Folder, net8, "check", Sample, "--fail-on", "critical", "--format", "json");

        exit.Should().Be(3, "stderr: {0}", error);
        CriticalRules(output).Should().Equal("AZA-INT-001", "AZA-PGX-001");
    }

    private static string Sample => RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json");

    private static List<string> CriticalRules(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() == "critical")
            .Select(f => f.GetProperty("ruleId").GetString()!)
            .ToList();
    }

    private static List<string> Entries(ZipArchive zip) => zip.Entries.Select(e => e.FullName).ToList();

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }

    private static XDocument Nuspec(ZipArchive zip) => XDocument.Parse(Read(zip, zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).FullName));

    /// <summary>Packs the six packages and installs the tool, once for the class, in a temporary folder.</summary>
    public sealed class PackedPackages : IDisposable
    {
        private static readonly string[] Projects =
        {
            "src/Imuran.ClinicalRules/Imuran.ClinicalRules.csproj",
            "src/Imuran.ClinicalRules.Fhir/Imuran.ClinicalRules.Fhir.csproj",
            "src/Imuran.ClinicalRules.DependencyInjection/Imuran.ClinicalRules.DependencyInjection.csproj",
            "src/Imuran.ClinicalRules.Research/Imuran.ClinicalRules.Research.csproj",
            "src/Imuran.ClinicalRules.CdsHooks/Imuran.ClinicalRules.CdsHooks.csproj",
            "src/Imuran.ClinicalRules.Cli/Imuran.ClinicalRules.Cli.csproj",
        };

        public PackedPackages()
        {
            Folder = Path.Combine(Path.GetTempPath(), "imuran-packages-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Folder);

            // A solution filter over the packable projects: one pack command, one build of the shared projects.
            var filter = Path.Combine(Folder, "packages.slnf");
            File.WriteAllText(filter, JsonSerializer.Serialize(new { solution = new { path = RepoPaths.InRepo("Imuran.ClinicalRules.sln"), projects = Projects } }));
            var (packExit, packOutput, packError) = Run(
                Dotnet, RepoPaths.Root, "pack", filter, "-c", "Release", "--artifacts-path", Path.Combine(Folder, "artifacts"), "-o", PackagesFolder, "-nodeReuse:false");
            if (packExit != 0)
            {
                throw new InvalidOperationException($"dotnet pack failed ({packExit}):\n{packOutput}\n{packError}");
            }

            // Only the packages just made are a source: the tool must install from them alone.
            var config = Path.Combine(Folder, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="packed" value="{PackagesFolder}" /></packageSources></configuration>
                """);
            var (installExit, installOutput, installError) = Run(
                Dotnet, Folder, "tool", "install", "Imuran.ClinicalRules.Cli", "--version", "0.1.0", "--tool-path", ToolPath, "--configfile", config);
            if (installExit != 0)
            {
                throw new InvalidOperationException($"dotnet tool install failed ({installExit}):\n{installOutput}\n{installError}");
            }
        }

        /// <summary>The dotnet host running the tests (so the same SDK), or the one on the path.</summary>
        public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

        public string Folder { get; }

        public string PackagesFolder => Path.Combine(Folder, "packages");

        public string ToolPath => Path.Combine(Folder, "tools");

        public string ToolCommand => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "imuran-rules.exe" : "imuran-rules");

        public ZipArchive Open(string file) => ZipFile.OpenRead(Path.Combine(PackagesFolder, file));

        public static (int Exit, string Output, string Error) Run(string program, string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            // The test host runs inside `dotnet test`: its MSBuild settings must not leak into a fresh build.
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit((int)TimeSpan.FromMinutes(15).TotalMilliseconds))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 15 minutes.");
            }

            return (process.ExitCode, output.Result, error.Result);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Folder, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind is harmless.
            }
        }
    }
}
