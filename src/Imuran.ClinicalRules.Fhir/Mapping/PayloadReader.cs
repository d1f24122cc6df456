using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Resources;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>
/// Reads a parsed payload: finds every resource (Bundles, nested Bundles up to a limit, or a single resource), checks
/// that it is R4 and holds one patient, then hands each resource to its mapper and settles the facts.
/// </summary>
internal static class PayloadReader
{
    /// <summary>How deep Bundles inside Bundles are followed.</summary>
    internal const int MaxBundleNesting = 4;

    public static FhirMappingResult Read(JsonElement root, ClinicalDate evaluationDate, FhirReadOptions options, IReadOnlyList<(string Path, string Name, string ResourceType, string? Id)>? duplicates = null)
    {
        var report = new MappingReport();
        if (duplicates is { Count: > 0 })
        {
            report.DuplicatePaths = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, name, type, id) in duplicates)
            {
                if (report.DuplicatePaths.Add(path))
                {
                    var label = id is null ? type : type + "/" + Echo.Value(id);
                    report.Problems.Add(new MappingProblem
                    {
                        Code = MappingProblemCode.DuplicateMember,
                        Message = $"{label}: '{Echo.Value(name)}' is given more than once at {path}; which one is meant cannot be told, so it was read as absent.",
                        ResourceType = type,
                        Id = id,
                        Path = path,
                    });
                }
            }
        }

        if (ResourceEntry.ReadType(root) is not { } rootType)
        {
            var what = root.ValueKind == JsonValueKind.Object
                ? "its root object has no string 'resourceType' member"
                : $"its root is {FhirNode.Describe(root.ValueKind)}, not an object";
            return Fail(report, FhirReadErrorCode.NotFhirResource, $"The JSON is not a FHIR resource: {what}.", null);
        }

        var rootEntry = new ResourceEntry(root, rootType, ResourceEntry.ReadId(root), rootType);
        var entries = new List<ResourceEntry>();
        if (rootType == "Bundle")
        {
            Collect(rootEntry, entries, report, 0);
        }
        else
        {
            entries.Add(rootEntry);
        }

        foreach (var entry in entries.Prepend(rootEntry))
        {
            if (VersionCheck.Find(entry) is { } notR4)
            {
                return Fail(report, FhirReadErrorCode.UnsupportedFhirVersion, $"The payload is not FHIR R4 (4.0.x): {notR4} (at {entry.Path})", entry.Path);
            }
        }

        var patients = entries.Where(e => e.ResourceType == "Patient").ToList();
        var identities = patients.Select(Identity).Distinct(StringComparer.Ordinal).ToList();
        if (identities.Count > 1)
        {
            return Fail(
                report,
                FhirReadErrorCode.MultiplePatients,
                $"The payload holds {identities.Count} different patients ({string.Join(", ", identities)}); the facts of one patient cannot be read from it.",
                null);
        }

        if (patients.Count == 0 && options.RequirePatient)
        {
            var message = rootType == "Bundle"
                ? "The Bundle has no Patient resource, so the facts cannot be tied to a patient (birth date and sex are needed)."
                : $"The payload is a single {rootType}, not a Patient or a Bundle holding one.";
            return Fail(report, FhirReadErrorCode.MissingPatient, message + " To read resources without a Patient, set FhirReadOptions.RequirePatient to false.", null);
        }

        var patient = patients.FirstOrDefault();
        var context = new MappingContext(evaluationDate, new ResourceIndex(entries), report)
        {
            PatientId = patient?.Id,
            PatientFullUrl = patient?.FullUrl,
            FirstDraftEntry = rootType == "Bundle" ? options.FirstDraftEntry : null,
        };

        foreach (var entry in entries.Where(e => e.ResourceType != "Medication"))
        {
            MapOne(entry, patient, context);
        }

        // Medications last: only now is it known which ones orders and statements referred to.
        foreach (var entry in entries.Where(e => e.ResourceType == "Medication"))
        {
            var scope = new ResourceScope(entry.ResourceType, entry.Id, entry.Path, report);
            if (context.IsReferenced(entry))
            {
                scope.Used(MappedFact.Supporting, "Medication referred to by an order or statement");
            }
            else
            {
                scope.Unrecognised(UnrecognisedReason.NotReferenced, $"{scope.Label} is not referred to by any MedicationRequest or MedicationStatement.");
            }
        }

        var facts = context.Facts.Build(evaluationDate);
        return report.ToResult(facts, null);
    }

    private static FhirMappingResult Fail(MappingReport report, FhirReadErrorCode code, string message, string? path) =>
        report.ToResult(null, new FhirReadError { Code = code, Message = message, Path = path });

    private static string Identity(ResourceEntry patient) =>
        patient.Id is { } id ? "Patient/" + id : patient.FullUrl ?? patient.Path;

    /// <summary>
    /// Gathers the resources of a Bundle. An entry that gives no resource is reported as
    /// <see cref="MappingProblemCode.EntryWithoutResource"/> (incomplete data: what it held was not read), unless it has a
    /// <c>request</c> or <c>response</c> that explains the absence (FHIR bdl-5: a transaction's DELETE, a history's deletion).
    /// </summary>
    private static void Collect(ResourceEntry bundle, List<ResourceEntry> entries, MappingReport report, int depth)
    {
        var scope = new ResourceScope("Bundle", bundle.Id, bundle.Path, report);
        var node = new FhirNode(bundle.Resource, bundle.Path, scope);
        if (node.Array("link").Any(link => link.String("relation") == "next"))
        {
            scope.Problem(
                MappingProblemCode.IncompleteSearchResults,
                $"{scope.Label} has a 'next' link: the search results are paged and only this page was read, so facts may be missing.",
                bundle.Path + ".link");
        }

        if (!node.TryGet("entry", out var entryArray))
        {
            return;
        }

        if (entryArray.ValueKind != JsonValueKind.Array)
        {
            scope.Problem(MappingProblemCode.InvalidMemberType, $"{scope.Label}: entry should be an array but is {FhirNode.Describe(entryArray.ValueKind)}.", bundle.Path + ".entry");
            return;
        }

        var index = -1;
        foreach (var item in entryArray.EnumerateArray())
        {
            index++;
            var path = $"{bundle.Path}.entry[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                NoResource(scope, path, $"{path} should be an entry object but is {FhirNode.Describe(item.ValueKind)}");
                continue;
            }

            var entryNode = new FhirNode(item, path, scope);
            if (!entryNode.TryGet("resource", out var resource))
            {
                if (!entryNode.Has("request") && !entryNode.Has("response"))
                {
                    NoResource(scope, path, $"{path} has no resource, and no request or response that would explain why");
                }

                continue;
            }

            var resourcePath = path + ".resource";
            if (resource.ValueKind != JsonValueKind.Object)
            {
                NoResource(scope, resourcePath, $"{resourcePath} should be a resource object but is {FhirNode.Describe(resource.ValueKind)}");
                continue;
            }

            var id = ResourceEntry.ReadId(resource);
            if (ResourceEntry.ReadType(resource) is not { } type)
            {
                new ResourceScope(string.Empty, id, resourcePath, report)
                    .Unrecognised(UnrecognisedReason.Unreadable, $"The resource at {resourcePath} has no string 'resourceType'.");
                continue;
            }

            var entry = new ResourceEntry(resource, type, id, resourcePath, entryNode.String("fullUrl"), entryNode.Object("search")?.String("mode"));
            if (type != "Bundle")
            {
                entries.Add(entry);
                continue;
            }

            var nested = new ResourceScope(type, id, resourcePath, report);
            if (depth + 1 >= MaxBundleNesting)
            {
                nested.Problem(MappingProblemCode.BundleNestingTooDeep, $"{nested.Label} is nested {depth + 2} Bundles deep; Bundles are followed {MaxBundleNesting} deep, so its entries were not read.");
                nested.Unrecognised(UnrecognisedReason.Unreadable, $"{nested.Label} is nested too deep to be read.");
                continue;
            }

            nested.Used(MappedFact.Supporting, "nested Bundle: its entries were read");
            Collect(entry, entries, report, depth + 1);
        }
    }

    /// <summary>An entry that gives no resource: whatever it was meant to hold is not known, so facts may be missing (principle 2).</summary>
    private static void NoResource(ResourceScope scope, string path, string what) =>
        scope.Problem(MappingProblemCode.EntryWithoutResource, $"{scope.Label}: {what}; what it held was not read, so facts may be missing.", path);

    private static void MapOne(ResourceEntry entry, ResourceEntry? patient, MappingContext context)
    {
        var scope = new ResourceScope(entry.ResourceType, entry.Id, entry.Path, context.Report);
        var node = new FhirNode(entry.Resource, entry.Path, scope);
        try
        {
            if (IsAboutOtherPatient(node, context))
            {
                return;
            }

            switch (entry.ResourceType)
            {
                case "Patient" when ReferenceEquals(entry, patient):
                    PatientMapper.Map(node, context);
                    break;
                case "Patient":
                    scope.Problem(MappingProblemCode.DuplicatePatient, $"{scope.Label} appears again at {entry.Path}; the first one ({patient!.Path}) was used.");
                    scope.Ignored("duplicate of the Patient already read");
                    break;
                case "MedicationRequest":
                case "MedicationStatement":
                    MedicationMapper.Map(node, entry, context);
                    break;
                case "Condition":
                    ConditionMapper.MapCondition(node, context);
                    break;
                case "Procedure":
                    ConditionMapper.MapProcedure(node, context);
                    break;
                case "Observation":
                    ObservationMapper.Map(node, entry, context);
                    break;
                case "AllergyIntolerance":
                    AllergyMapper.Map(node, context);
                    break;
                case "Immunization":
                    ImmunizationMapper.MapImmunization(node, context);
                    break;
                case "ImmunizationRecommendation":
                    ImmunizationMapper.MapRecommendation(node, context);
                    break;
                case "OperationOutcome":
                    OperationOutcomeMapper.Map(node);
                    break;
                default:
                    scope.Unrecognised(UnrecognisedReason.ResourceTypeNotRead, $"{scope.Label}: {entry.ResourceType} resources are not read.");
                    break;
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            scope.Problem(MappingProblemCode.MappingFailed, $"{scope.Label} could not be mapped ({ex.GetType().Name}: {ex.Message}).");
        }

        if (!scope.Reported)
        {
            scope.Unrecognised(UnrecognisedReason.Unreadable, $"{scope.Label} gave no fact and could not be read fully.");
        }
    }

    /// <summary>Leaves out (and reports) a resource whose subject or patient is another patient than the payload's.</summary>
    private static bool IsAboutOtherPatient(FhirNode node, MappingContext context)
    {
        var member = node.Scope.ResourceType switch
        {
            "Patient" or "OperationOutcome" => null,
            "AllergyIntolerance" or "Immunization" or "ImmunizationRecommendation" => "patient",
            _ => "subject",
        };
        if (member is null || node.Reference(member)?.Reference is not { } reference || !context.IsOtherPatient(reference))
        {
            return false;
        }

        var scope = node.Scope;
        scope.Problem(MappingProblemCode.OtherPatient, $"{scope.Label} is about {reference}, not Patient/{context.PatientId}; it was left out.", node.Path + "." + member);
        scope.Unrecognised(UnrecognisedReason.OtherPatient, $"{scope.Label} is about {reference}, not Patient/{context.PatientId}.");
        return true;
    }
}
