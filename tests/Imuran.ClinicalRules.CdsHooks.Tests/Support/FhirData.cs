using System.Linq;
using System.Text.Json.Nodes;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Support;

/// <summary>FHIR R4 resources for the tests (codes from the project's verified list), and CDS Hooks requests around them.</summary>
public static class FhirData
{
    public const string PatientId = "pt-1";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";

    public static JsonObject Patient(string id = PatientId, string gender = "male", string birthDate = "1961-03-14") => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = id,
        ["gender"] = gender,
        ["birthDate"] = birthDate,
    };

    public static JsonObject MedicationRequest(string id, string status, string? code, string display, string patientId = PatientId, string authoredOn = "2024-05-01")
    {
        var coding = new JsonObject { ["system"] = RxNorm, ["display"] = display };
        if (code is not null)
        {
            coding["code"] = code;
        }

        return new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = id,
            ["status"] = status,
            ["intent"] = "order",
            ["medicationCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(coding), ["text"] = display },
            ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
            ["authoredOn"] = authoredOn,
        };
    }

    /// <summary>A draft azathioprine order coded with the ingredient (RxNorm 1256).</summary>
    public static JsonObject AzathioprineDraft(string id = "aza-draft") => MedicationRequest(id, "draft", "1256", "azathioprine", authoredOn: "2026-11-22");

    /// <summary>Active allopurinol (RxNorm 519).</summary>
    public static JsonObject Allopurinol(string status = "active") => MedicationRequest("allo", status, "519", "Allopurinol 300 MG Oral Tablet");

    /// <summary>A TPMT *3A/*3A result in the R4 core legacy shape (poor metabolizer by the CPIC rule).</summary>
    public static JsonObject TpmtPoor(string patientId = PatientId) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = "tpmt",
        ["extension"] = new JsonArray(new JsonObject
        {
            ["url"] = "http://hl7.org/fhir/StructureDefinition/observation-geneticsGene",
            ["valueCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://www.genenames.org", ["code"] = "12014", ["display"] = "TPMT" }) },
        }),
        ["status"] = "final",
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://snomed.info/sct", ["code"] = "363779003", ["display"] = "Genotype determination" }) },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + patientId },
        ["issued"] = "2026-10-30T10:00:00Z",
        ["valueString"] = "*3A/*3A",
    };

    /// <summary>A white cell count with the laboratory's flag.</summary>
    public static JsonObject Wbc(string id, double value, string date, string flag = "N") => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = id,
        ["status"] = "final",
        ["category"] = new JsonArray(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/observation-category", ["code"] = "laboratory" }) }),
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "6690-2", ["display"] = "WBC" }) },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + PatientId },
        ["effectiveDateTime"] = date,
        ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = "10*9/L", ["system"] = "http://unitsofmeasure.org", ["code"] = "10*9/L" },
        ["interpretation"] = new JsonArray(new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", ["code"] = flag }) }),
    };

    public const string Cvx = "http://hl7.org/fhir/sid/cvx";

    /// <summary>An Immunization coded with CVX (e.g. 03 MMR, live; 141 influenza injectable, not live).</summary>
    public static JsonObject Immunization(string id, string status, string cvx, string display, string? date, string patientId = PatientId)
    {
        var immunization = new JsonObject
        {
            ["resourceType"] = "Immunization",
            ["id"] = id,
            ["status"] = status,
            ["vaccineCode"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = Cvx, ["code"] = cvx, ["display"] = display }) },
            ["patient"] = new JsonObject { ["reference"] = "Patient/" + patientId },
        };
        if (date is not null)
        {
            immunization["occurrenceDateTime"] = date;
        }

        return immunization;
    }

    /// <summary>A vaccine ordered as a MedicationRequest coded with CVX.</summary>
    public static JsonObject VaccineRequest(string id, string status, string cvx, string display, string authoredOn = "2026-11-22") => new()
    {
        ["resourceType"] = "MedicationRequest",
        ["id"] = id,
        ["status"] = status,
        ["intent"] = "order",
        ["medicationCodeableConcept"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = Cvx, ["code"] = cvx, ["display"] = display }), ["text"] = display },
        ["subject"] = new JsonObject { ["reference"] = "Patient/" + PatientId },
        ["authoredOn"] = authoredOn,
    };

    public static JsonObject Bundle(params JsonNode[] resources) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "searchset",
        ["entry"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone(), ["search"] = new JsonObject { ["mode"] = "match" } }).ToArray()),
    };

    /// <summary>A draftOrders Bundle as the sandbox sends it (type collection).</summary>
    public static JsonObject Drafts(params JsonNode[] resources) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "collection",
        ["entry"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() }).ToArray()),
    };

    /// <summary>The full prefetch the services ask for, every key filled.</summary>
    public static JsonObject Prefetch(JsonObject? patient = null, JsonNode[]? medicationRequests = null, JsonNode[]? labs = null, JsonNode[]? pgx = null, JsonNode[]? immunizations = null) => new()
    {
        ["patient"] = patient ?? Patient(),
        ["medicationRequests"] = Bundle(medicationRequests ?? []),
        ["medicationStatements"] = Bundle(),
        ["conditions"] = Bundle(),
        ["allergies"] = Bundle(),
        ["labs"] = Bundle(labs ?? []),
        ["pgx"] = Bundle(pgx ?? []),
        ["immunizations"] = Bundle(immunizations ?? []),
    };

    public static JsonObject Request(string hook, JsonObject context, JsonObject? prefetch, string hookInstance = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea")
    {
        var request = new JsonObject
        {
            ["hookInstance"] = hookInstance,
            ["hook"] = hook,
            ["context"] = context,
        };
        if (prefetch is not null)
        {
            request["prefetch"] = prefetch;
        }

        return request;
    }

    public static JsonObject OrderContext(JsonObject draftOrders, params string[] selections)
    {
        var context = new JsonObject { ["userId"] = "Practitioner/example", ["patientId"] = PatientId, ["draftOrders"] = draftOrders };
        if (selections.Length > 0)
        {
            context["selections"] = new JsonArray(selections.Select(s => (JsonNode)s).ToArray());
        }

        return context;
    }

    public static JsonObject PatientContext() => new() { ["userId"] = "Practitioner/example", ["patientId"] = PatientId };
}
