using System.IO;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Scenarios;

namespace Imuran.ClinicalRules.Cli.Tests;

/// <summary>
/// <c>check</c> on the bundled patients (samples/patients): its exit code follows each sample's golden file, and the
/// invalid sample names its fields. The golden files themselves are checked by the core tests' ScenarioTests.
/// </summary>
public sealed class SampleCheckTests
{
    private const string InvalidSample = "invalid-lab-unit-diplotype";

    public static TheoryData<string> ValidSamples()
    {
        var data = new TheoryData<string>();
        foreach (var n in ScenarioSamples.ValidNames())
        {
            data.Add(n);
        }

        return data;
    }

    [Fact]
    public void Check_InvalidSample_ExitsWithInvalidInputAndNamesTheFields()
    {
        var (exitCode, output) = RunCheck(ScenarioSamples.SamplePath(InvalidSample));

        exitCode.Should().Be(ExitCodes.InvalidInput);
        output.Should().Contain("labResults[0].unit").And.NotContain("pharmacogenomics[0].diplotype");
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void Check_SampleWithFailOnCritical_ExitCodeFollowsGoldenFile(string name)
    {
        var golden = Golden.Parse(File.ReadAllText(ScenarioSamples.GoldenPath(name)));
        var expected = golden.Findings.Any(f => f.Severity == JsonNames.Of(Severity.Critical)) ? ExitCodes.ThresholdReached : ExitCodes.Ok;

        var (exitCode, output) = RunCheck(ScenarioSamples.SamplePath(name), "--format", "json", "--fail-on", "critical");

        exitCode.Should().Be(expected, "sample {0} {1} a critical finding; output: {2}", name, expected == ExitCodes.Ok ? "has no" : "has", output);
    }

    private static (int ExitCode, string Output) RunCheck(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = CliApp.Run(new[] { "check" }.Concat(args).ToArray(), TextReader.Null, stdout, stderr);
        return (exitCode, stdout + Environment.NewLine + stderr);
    }
}
