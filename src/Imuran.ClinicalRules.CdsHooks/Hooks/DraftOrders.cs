using System.Collections.Generic;
using System.Text.Json;

namespace Imuran.ClinicalRules.CdsHooks.Hooks;

/// <summary>Looks through the orders being written for a medication or a vaccine, before any FHIR reading is done.</summary>
internal static class DraftOrders
{
    private const int MaxNesting = 4;

    /// <summary>
    /// <see langword="true"/> when any draft is a medication order naming a medicine (medicationCodeableConcept or
    /// medicationReference; a vaccine coded with CVX is one too) or an Immunization naming a vaccine (vaccineCode): a
    /// live vaccine for a patient on azathioprine is checked (QA, 2 Dec). An empty draft, or one with only other orders, has none.
    /// </summary>
    public static bool HaveMedicationOrVaccine(IEnumerable<JsonElement> drafts)
    {
        foreach (var draft in drafts)
        {
            if (HasMedication(draft, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasMedication(JsonElement node, int depth)
    {
        if (depth > MaxNesting)
        {
            return false;
        }

        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                if (HasMedication(item, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        if (node.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var type = node.TryGetProperty("resourceType", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case null:
                // An entry-like wrapper: { "resource": { ... } }.
                return node.TryGetProperty("resource", out var inner) && HasMedication(inner, depth + 1);
            case "Bundle":
                return node.TryGetProperty("entry", out var entries) && HasMedication(entries, depth + 1);
            case "MedicationRequest" or "MedicationOrder" or "MedicationDispense" or "MedicationStatement":
                return IsPresent(node, "medicationCodeableConcept") || IsPresent(node, "medicationReference") || IsPresent(node, "medication");
            case "Immunization":
                return IsPresent(node, "vaccineCode");
            default:
                return false;
        }
    }

    /// <summary>
    /// Whether the member is given at all: a medication of the wrong type (a string medicationCodeableConcept) is still an
    /// order for a medicine, to be read and reported as not identified, never skipped as "no medication".
    /// </summary>
    private static bool IsPresent(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
}
