using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Tests.Support;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Conventions;

/// <summary>
/// One documented vocabulary of error codes across the packages and the CLI: every code is a constant of
/// <see cref="ErrorCodes"/>, listed in docs/error-codes.md, and written nowhere else.
/// </summary>
public class ErrorCodeVocabularyTests
{
    private static readonly Regex ScreamingSnake = new("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$", RegexOptions.CultureInvariant);

    /// <summary>A string literal that looks like a code with an underscore, or a code prefix such as <c>"FHIR_"</c>.</summary>
    private static readonly Regex CodeLiteral = new("\"[A-Z][A-Z0-9]*_[A-Z0-9_]*\"", RegexOptions.CultureInvariant);

    /// <summary>FHIR R4's IssueType codes (the only codes an OperationOutcome's <c>issue.code</c> may hold).</summary>
    private static readonly string[] FhirIssueTypes =
    {
        "invalid", "structure", "required", "value", "invariant", "security", "login", "unknown", "expired", "forbidden",
        "suppressed", "processing", "not-supported", "duplicate", "multiple-matches", "not-found", "deleted", "too-long",
        "code-invalid", "extension", "too-costly", "business-rule", "conflict", "transient", "lock-error", "no-store",
        "exception", "timeout", "incomplete", "throttled", "informational",
    };

    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(RepoPaths.InRepo("docs", "error-codes.md")));

    private static IReadOnlyList<string> Vocabulary { get; } = typeof(ErrorCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    [Fact]
    public void Vocabulary_EveryCode_IsScreamingSnakeAndUnique()
    {
        Vocabulary.Should().HaveCountGreaterThan(40);
        Vocabulary.Should().OnlyContain(c => ScreamingSnake.IsMatch(c));
        Vocabulary.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Docs_ListEveryCodeOfTheVocabulary_AndNoOther()
    {
        // The first cell of each table row, when it is a code in back-ticks.
        var documented = Regex.Matches(Doc.Value, @"^\| `([A-Z][A-Z0-9_]*)` \|", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        documented.Should().BeEquivalentTo(Vocabulary, "docs/error-codes.md lists every code, and only codes that exist");
    }

    [Fact]
    public void FhirReadErrorCode_EveryValue_HasADocumentedCodeOfTheVocabulary()
    {
        var codes = Enum.GetValues<FhirReadErrorCode>().Select(v => (Value: v, Code: new FhirReadError { Code = v }.ErrorCode)).ToList();

        codes.Select(c => c.Code).Should().OnlyHaveUniqueItems().And.OnlyContain(c => Vocabulary.Contains(c));
        foreach (var (value, code) in codes)
        {
            Doc.Value.Should().Contain($"| `{code}` | `{value}` |", "the FHIR read error table names each enum value with its code");
        }
    }

    [Fact]
    public void MappingProblemCode_EveryValue_HasADocumentedCodeOfTheVocabulary()
    {
        var codes = Enum.GetValues<MappingProblemCode>().Select(v => (Value: v, Code: new MappingProblem { Code = v }.ErrorCode)).ToList();

        codes.Select(c => c.Code).Should().OnlyHaveUniqueItems().And.OnlyContain(c => Vocabulary.Contains(c));
        foreach (var (value, code) in codes)
        {
            Doc.Value.Should().Contain($"| `{code}` | `{value}` |", "the mapping problem table names each enum value with its code");
        }
    }

    [Fact]
    public void CliDocs_ExitCodeOne_NamesEveryProblemThatMeansIncompleteData()
    {
        // Stop 30: docs/cli.md's list had fallen behind MappingProblem.MeansIncompleteData (five were missing, five named only in words).
        var row = File.ReadAllLines(RepoPaths.InRepo("docs", "cli.md")).Single(l => l.StartsWith("| 1 |", StringComparison.Ordinal));
        var incomplete = Enum.GetValues<MappingProblemCode>().Select(v => new MappingProblem { Code = v }).Where(p => p.MeansIncompleteData).ToList();

        incomplete.Should().HaveCountGreaterThan(5);
        foreach (var problem in incomplete)
        {
            row.Should().Contain("`" + problem.ErrorCode + "`", "docs/cli.md's exit code 1 lists every problem that means incomplete data");
        }
    }

    [Fact]
    public void FhirReadError_TextForm_IsTheStableCode()
    {
        var read = FhirPatientReader.Read("""{ "resourceType": "Observation", "status": "final" }""", new Imuran.ClinicalRules.Facts.ClinicalDate(2026, 11, 30));

        read.Error!.ErrorCode.Should().Be(ErrorCodes.FhirMissingPatient);
        read.Error.ToString().Should().StartWith("FHIR_MISSING_PATIENT: ");
    }

    [Fact]
    public void Sources_WriteNoCodeLiteralOutsideTheVocabulary()
    {
        var offenders = new List<string>();
        var vocabularyFile = Path.Combine("src", "Imuran.ClinicalRules", "Validation", "ErrorCodes.cs");
        foreach (var file in SourceFiles().Where(f => !f.EndsWith(vocabularyFile, StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            offenders.AddRange(CodeLiteral.Matches(text).Select(m => $"{Relative(file)}: {m.Value}"));
            offenders.AddRange(Vocabulary.Where(c => text.Contains('"' + c + '"', StringComparison.Ordinal)).Select(c => $"{Relative(file)}: \"{c}\""));
        }

        offenders.Distinct().Should().BeEmpty("every code is written once, in ErrorCodes; everything else refers to the constant");
    }

    [Fact]
    public void Sources_Scan_SeesTheCodeUsers()
    {
        // Guards the scan above against walking the wrong folder and so passing on nothing.
        SourceFiles().Select(Relative).Should().Contain(new[]
        {
            "src/Imuran.ClinicalRules/Validation/ErrorCodes.cs",
            "src/Imuran.ClinicalRules.Research/Batch/PatientInput.cs",
            "src/Imuran.ClinicalRules.Fhir/Internal/StableCodes.cs",
        });
        CodeLiteral.IsMatch("var code = \"FHIR_\" + name;").Should().BeTrue("a code built from a prefix is caught too");
    }

    [Fact]
    public void Cli_ExitCodes_AreDocumented()
    {
        var exitCodes = Regex.Matches(File.ReadAllText(RepoPaths.InRepo("src", "Imuran.ClinicalRules.Cli", "ExitCodes.cs")), @"public const int (\w+) = (\d+);")
            .Select(m => m.Groups[2].Value)
            .ToList();

        exitCodes.Should().BeEquivalentTo(new[] { "0", "1", "2", "3" });
        foreach (var code in exitCodes)
        {
            Doc.Value.Should().Contain($"| {code} |", "docs/error-codes.md lists every exit code of the tool");
        }
    }

    [Fact]
    public void CdsHooks_IssueCodes_AreFhirIssueTypes_AndDocumented()
    {
        var used = SourceFiles()
            .Where(f => Relative(f).StartsWith("src/Imuran.ClinicalRules.CdsHooks/", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"(?:Error|Fail)\(\s*[^,]+,\s*(?:[^,]*\?\s*""([a-z-]+)""\s*:\s*)?""([a-z-]+)""").Cast<Match>())
            .SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value })
            .Where(c => c.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        used.Should().Contain(new[] { "not-found", "invalid", "too-costly", "processing" }, "the scan must see the service's error answers");
        used.Should().OnlyContain(c => FhirIssueTypes.Contains(c), "an OperationOutcome's issue.code comes from FHIR's IssueType value set");
        foreach (var code in used)
        {
            Doc.Value.Should().Contain($"| `{code}` |", "docs/error-codes.md lists the CDS Hooks service's issue codes");
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(RepoPaths.InRepo("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Contains("/obj/", StringComparison.Ordinal) && !Relative(f).Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
}
