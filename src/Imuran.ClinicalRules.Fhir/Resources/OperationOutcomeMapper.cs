using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>OperationOutcome (for example a searchset entry with <c>search.mode = outcome</c>) → one problem per issue.</summary>
internal static class OperationOutcomeMapper
{
    public static void Map(FhirNode outcome)
    {
        var scope = outcome.Scope;
        var issues = outcome.Array("issue");
        foreach (var issue in issues)
        {
            var severity = issue.String("severity") ?? "unknown severity";
            var code = issue.String("code") ?? "no code";
            var details = issue.Concept("details")?.Name() ?? issue.String("diagnostics") ?? "no details";
            scope.Problem(
                MappingProblemCode.ServerReportedIssue,
                $"The server reported ({Echo.Value(severity)}, {Echo.Value(code)}): {Echo.Name(details)}",
                issue.Path);
        }

        scope.Used(MappedFact.Supporting, $"OperationOutcome: {issues.Count} issue(s) listed as problems");
    }
}
