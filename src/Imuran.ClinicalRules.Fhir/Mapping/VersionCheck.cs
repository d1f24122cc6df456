using System;
using System.Collections.Generic;
using System.Text.Json;
using Imuran.ClinicalRules.Fhir.Internal;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>
/// Recognises payloads that are FHIR but not R4 (4.0.x), from markers that cannot occur in valid R4: resource types
/// that R4 does not have, elements whose JSON shape changed between versions, and a declared <c>fhirVersion</c>.
/// </summary>
internal static class VersionCheck
{
    private static readonly Dictionary<string, string> RemovedTypes = new(StringComparer.Ordinal)
    {
        ["MedicationOrder"] = "DSTU2",
        ["DiagnosticOrder"] = "DSTU2",
        ["DeviceUseRequest"] = "DSTU2",
        ["Order"] = "DSTU2",
        ["OrderResponse"] = "DSTU2",
        ["Conformance"] = "DSTU2",
        ["ImagingObjectSelection"] = "DSTU2",
        ["ProcedureRequest"] = "DSTU2/STU3",
        ["ReferralRequest"] = "DSTU2/STU3",
        ["BodySite"] = "DSTU2/STU3",
        ["ProcessRequest"] = "DSTU2/STU3",
        ["ProcessResponse"] = "DSTU2/STU3",
        ["EligibilityRequest"] = "DSTU2/STU3",
        ["EligibilityResponse"] = "DSTU2/STU3",
        ["DataElement"] = "DSTU2/STU3",
        ["DeviceComponent"] = "STU3",
        ["ImagingManifest"] = "STU3",
        ["Sequence"] = "STU3",
        ["ServiceDefinition"] = "STU3",
        ["ExpansionProfile"] = "STU3",
        ["AdministrableProductDefinition"] = "R4B/R5",
        ["ClinicalUseDefinition"] = "R4B/R5",
        ["Citation"] = "R4B/R5",
        ["EvidenceReport"] = "R4B/R5",
        ["Ingredient"] = "R4B/R5",
        ["ManufacturedItemDefinition"] = "R4B/R5",
        ["NutritionProduct"] = "R4B/R5",
        ["PackagedProductDefinition"] = "R4B/R5",
        ["RegulatedAuthorization"] = "R4B/R5",
        ["SubscriptionStatus"] = "R4B/R5",
        ["SubscriptionTopic"] = "R4B/R5",
        ["ActorDefinition"] = "R5",
        ["ArtifactAssessment"] = "R5",
        ["DeviceDispense"] = "R5",
        ["DeviceUsage"] = "R5",
        ["GenomicStudy"] = "R5",
        ["ImagingSelection"] = "R5",
        ["InventoryItem"] = "R5",
        ["InventoryReport"] = "R5",
        ["NutritionIntake"] = "R5",
        ["Permission"] = "R5",
        ["Requirements"] = "R5",
        ["TestPlan"] = "R5",
        ["Transport"] = "R5",
    };

    /// <summary>Why <paramref name="entry"/> is not R4, or <see langword="null"/> when nothing says so.</summary>
    public static string? Find(ResourceEntry entry)
    {
        var type = entry.ResourceType;
        var resource = entry.Resource;
        if (RemovedTypes.TryGetValue(type, out var version))
        {
            return $"{type} is a FHIR {version} resource type that R4 does not have.";
        }

        switch (type)
        {
            case "Condition":
            case "AllergyIntolerance":
                foreach (var member in new[] { "clinicalStatus", "verificationStatus" })
                {
                    if (Kind(resource, member) == JsonValueKind.String)
                    {
                        return $"{type}.{member} is a plain code, as in DSTU2/STU3; R4 has a CodeableConcept.";
                    }
                }

                break;
            case "MedicationStatement":
                if (Kind(resource, "taken") != JsonValueKind.Undefined || Kind(resource, "wasNotTaken") != JsonValueKind.Undefined)
                {
                    return "MedicationStatement has 'taken' or 'wasNotTaken', which are DSTU2/STU3 elements.";
                }

                break;
            case "CapabilityStatement":
            case "StructureDefinition":
            case "ImplementationGuide":
                if (resource.TryGetProperty("fhirVersion", out var declared)
                    && declared.ValueKind == JsonValueKind.String
                    && !(declared.GetString() ?? string.Empty).StartsWith("4.0", StringComparison.Ordinal))
                {
                    return $"{type}.fhirVersion is '{Echo.Value(declared.GetString())}', not 4.0.x.";
                }

                break;
        }

        if (type is "MedicationRequest" or "MedicationStatement"
            && resource.TryGetProperty("medication", out var medication)
            && medication.ValueKind == JsonValueKind.Object
            && (medication.TryGetProperty("concept", out _) || medication.TryGetProperty("reference", out _)))
        {
            return $"{type}.medication is a CodeableReference, as in R5; R4 has medicationCodeableConcept or medicationReference.";
        }

        return null;
    }

    private static JsonValueKind Kind(JsonElement resource, string member) =>
        resource.TryGetProperty(member, out var value) ? value.ValueKind : JsonValueKind.Undefined;
}
