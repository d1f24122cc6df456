using System.IO;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;

namespace Imuran.ClinicalRules.Tests.Scenarios;

/// <summary>
/// The scenario patients in the repository's <c>samples/patients/</c> folder and their golden files in
/// <c>samples/patients/expected/</c>. A sample whose name starts with <c>invalid-</c> is a deliberately invalid input
/// and has no golden file.
/// </summary>
internal static class ScenarioSamples
{
    /// <summary>Set to <c>1</c> to make the golden theory write golden files instead of comparing (see the samples README).</summary>
    public const string UpdateVariable = "IMURAN_UPDATE_GOLDEN";

    public const string InvalidPrefix = "invalid-";

    private const string GoldenSuffix = ".expected.json";

    private static readonly Lazy<string> LazyRoot = new(FindRepositoryRoot);

    public static string RepositoryRoot => LazyRoot.Value;

    public static string PatientsDirectory => Path.Combine(RepositoryRoot, "samples", "patients");

    public static string ExpectedDirectory => Path.Combine(PatientsDirectory, "expected");

    public static bool UpdateRequested => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Every sample's name (file name without <c>.json</c>), in ordinal order.</summary>
    public static IReadOnlyList<string> AllNames() =>
        Directory.GetFiles(PatientsDirectory, "*.json")
            .Select(p => Path.GetFileNameWithoutExtension(p))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

    public static IReadOnlyList<string> ValidNames() => AllNames().Where(n => !IsInvalid(n)).ToList();

    public static IReadOnlyList<string> InvalidNames() => AllNames().Where(IsInvalid).ToList();

    /// <summary>Every golden file's sample name, in ordinal order.</summary>
    public static IReadOnlyList<string> GoldenNames() =>
        Directory.Exists(ExpectedDirectory)
            ? Directory.GetFiles(ExpectedDirectory, "*" + GoldenSuffix)
                .Select(p => Path.GetFileName(p))
                .Select(f => f.Substring(0, f.Length - GoldenSuffix.Length))
                .OrderBy(n => n, StringComparer.Ordinal)
                .ToList()
            : new List<string>();

    public static bool IsInvalid(string name) => name.StartsWith(InvalidPrefix, StringComparison.Ordinal);

    public static string SamplePath(string name) => Path.Combine(PatientsDirectory, name + ".json");

    public static string GoldenPath(string name) => Path.Combine(ExpectedDirectory, name + GoldenSuffix);

    /// <summary>Reads a sample with the library's reader; reading problems fail the calling test.</summary>
    public static PatientFacts Read(string name)
    {
        var read = PatientFactsJson.Read(File.ReadAllText(SamplePath(name)));
        read.Problems.Select(p => $"{p.Field}: {p.Message} [{p.Code}]").Should().BeEmpty("sample {0} must be readable", name);
        return read.Facts!;
    }

    /// <summary>Reads a valid sample and evaluates it with the default rule set.</summary>
    public static EvaluationResult Evaluate(string name)
    {
        var result = ClinicalRuleSet.Default.Evaluate(Read(name));
        result.Validation.Select(p => $"{p.Field}: {p.Message} [{p.Code}]").Should().BeEmpty("sample {0} must be valid", name);
        return result;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Imuran.ClinicalRules.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder containing Imuran.ClinicalRules.sln was found above {AppContext.BaseDirectory}; the scenario tests read samples/patients/ from the repository.");
    }
}

/// <summary>One expected finding: what the golden file pins (the texts are checked by the rules' own tests).</summary>
internal sealed record GoldenFinding(string RuleId, string Severity, string Topic)
{
    public override string ToString() => $"{RuleId} {Severity} {Topic}";
}

/// <summary>The golden outcome of a sample: completeness, unrecognised input fields, and findings in result order.</summary>
internal sealed record Golden(bool IsComplete, IReadOnlyList<string> Unrecognised, IReadOnlyList<GoldenFinding> Findings)
{
    public static Golden From(EvaluationResult result) => new(
        result.IsComplete,
        result.Unrecognised.Select(u => u.Field).ToList(),
        result.Findings.Select(f => new GoldenFinding(f.RuleId, JsonNames.Of(f.Severity), f.Topic)).ToList());

    public static Golden Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        return new Golden(
            root.GetProperty("isComplete").GetBoolean(),
            root.GetProperty("unrecognised").EnumerateArray().Select(e => e.GetString()!).ToList(),
            root.GetProperty("findings").EnumerateArray()
                .Select(e => new GoldenFinding(
                    e.GetProperty("ruleId").GetString()!,
                    e.GetProperty("severity").GetString()!,
                    e.GetProperty("topic").GetString()!))
                .ToList());
    }

    /// <summary>The golden file's text: one finding a line, so a review diff shows exactly what changed.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"isComplete\": ").Append(IsComplete ? "true" : "false").Append(",\n");
        sb.Append("  \"unrecognised\": ");
        AppendArray(sb, Unrecognised.Select(Quote).ToList());
        sb.Append(",\n");
        sb.Append("  \"findings\": ");
        AppendArray(sb, Findings.Select(f => $"{{ \"ruleId\": {Quote(f.RuleId)}, \"severity\": {Quote(f.Severity)}, \"topic\": {Quote(f.Topic)} }}").ToList());
        sb.Append("\n}\n");
        return sb.ToString();
    }

    private static void AppendArray(StringBuilder sb, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            sb.Append("[]");
            return;
        }

        sb.Append("[\n");
        for (var i = 0; i < items.Count; i++)
        {
            sb.Append("    ").Append(items[i]).Append(i + 1 < items.Count ? ",\n" : "\n");
        }

        sb.Append("  ]");
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
