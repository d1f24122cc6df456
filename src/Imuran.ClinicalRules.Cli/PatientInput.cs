using System.Collections.Generic;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Cli;

/// <summary>One patient read from input: facts, or the problems that stopped them being read.</summary>
internal sealed record PatientInput(PatientFacts? Facts, IReadOnlyList<ValidationProblem> Problems, string Format)
{
    public bool Succeeded => Facts is not null && Problems.Count == 0;

    /// <summary>Reads patient facts JSON; <paramref name="evaluationDate"/>, when given, overrides the file's date.</summary>
    public static PatientInput Read(string json, ClinicalDate? evaluationDate)
    {
        var read = PatientFactsJson.Read(json);
        var facts = read.Facts;
        var problems = new List<ValidationProblem>(read.Problems);
        if (facts is not null && evaluationDate is { } d)
        {
            facts = facts with { EvaluationDate = d };
            problems.RemoveAll(p => p.Code == ErrorCodes.EvaluationDateMissing);
        }

        return new PatientInput(facts, problems, "facts");
    }

    /// <summary>Reads one already-parsed JSON object (a batch line).</summary>
    public static PatientInput Read(JsonElement root, ClinicalDate? evaluationDate) => Read(root.GetRawText(), evaluationDate);
}
