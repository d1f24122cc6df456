using System.IO;
using System.Linq;
using Imuran.ClinicalRules.Fhir;

namespace Imuran.ClinicalRules.Cli;

/// <summary>The FHIR mapping report on standard error: what was used, what was not recognised, what was wrong.</summary>
internal static class FhirReport
{
    public static void Write(FhirMappingResult mapping, bool evaluationDateDefaulted, TextWriter w)
    {
        var facts = mapping.Facts;
        w.WriteLine($"FHIR R4 input: {mapping.Used.Count(u => !u.Ignored)} resources used, {mapping.Used.Count(u => u.Ignored)} ignored, {mapping.Unrecognised.Count} not recognised, {mapping.Problems.Count} problems.");
        if (facts is not null && evaluationDateDefaulted)
        {
            w.WriteLine($"Evaluation date: {facts.EvaluationDate} (today; pass --evaluation-date to set it).");
        }

        foreach (var u in mapping.Unrecognised)
        {
            w.WriteLine($"  not recognised: {u.Path}{Reference(u.ResourceType, u.Id)}: {u.Message}");
        }

        foreach (var p in mapping.Problems)
        {
            w.WriteLine($"  problem: {p.Path}{Reference(p.ResourceType, p.Id)}: {p.Message} [{p.ErrorCode}]");
        }
    }

    /// <summary>
    /// " Type/id", or " Type (no id)" when the resource has none (stop 28: it read "MedicationRequest/"), or nothing for
    /// a problem with the document itself.
    /// </summary>
    private static string Reference(string? type, string? id) =>
        string.IsNullOrEmpty(type) ? string.Empty : string.IsNullOrEmpty(id) ? $" {type} (no id)" : $" {type}/{id}";
}
