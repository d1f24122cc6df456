using System.Text.Json.Nodes;

/// <summary>The order-sign call the benchmark sends: a draft azathioprine order, and a prefetch of ten resources.</summary>
internal static class Payload
{
    private const string Patient = "pt-bench";

    public static string OrderSign()
    {
        var prefetch = new JsonObject
        {
            ["patient"] = new JsonObject { ["resourceType"] = "Patient", ["id"] = Patient, ["gender"] = "male", ["birthDate"] = "1961-03-14" },
            ["medicationRequests"] = Bundle(
                Med("allo", "519", "Allopurinol 300 MG Oral Tablet"),
                Med("statin", null, "Atorvastatin 20 MG Oral Tablet"),
                Med("folate", null, "Folic acid 5 MG Oral Tablet")),
            ["medicationStatements"] = Bundle(),
            ["conditions"] = Bundle(new JsonObject
            {
                ["resourceType"] = "Condition",
                ["id"] = "ra",
                ["clinicalStatus"] = Concept("http://terminology.hl7.org/CodeSystem/condition-clinical", "active"),
                ["code"] = Concept("http://hl7.org/fhir/sid/icd-10-cm", "M06.9", "Rheumatoid arthritis, unspecified"),
                ["subject"] = Subject(),
            }),
            ["allergies"] = Bundle(new JsonObject
            {
                ["resourceType"] = "AllergyIntolerance",
                ["id"] = "pen",
                ["code"] = new JsonObject { ["text"] = "Penicillin" },
                ["patient"] = Subject(),
            }),
            ["labs"] = Bundle(Lab("wbc", "6690-2", "WBC", 6.2, "10*9/L"), Lab("plt", "777-3", "Platelets", 250, "10*9/L"), Lab("alt", "1742-6", "ALT", 22, "U/L")),
            ["pgx"] = Bundle(new JsonObject
            {
                ["resourceType"] = "Observation",
                ["id"] = "tpmt",
                ["extension"] = new JsonArray(new JsonObject
                {
                    ["url"] = "http://hl7.org/fhir/StructureDefinition/observation-geneticsGene",
                    ["valueCodeableConcept"] = Concept("http://www.genenames.org", "12014", "TPMT"),
                }),
                ["status"] = "final",
                ["code"] = Concept("http://snomed.info/sct", "363779003", "Genotype determination"),
                ["subject"] = Subject(),
                ["issued"] = "2026-10-30T10:00:00Z",
                ["valueString"] = "*3A/*3A",
            }),
            ["immunizations"] = Bundle(),
        };
        var draft = new JsonObject
        {
            ["resourceType"] = "Bundle",
            ["type"] = "collection",
            ["entry"] = new JsonArray(new JsonObject { ["resource"] = Med("aza-draft", "1256", "azathioprine", "draft") }),
        };
        return new JsonObject
        {
            ["hookInstance"] = "6f0e2c1a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
            ["hook"] = "order-sign",
            ["context"] = new JsonObject { ["userId"] = "Practitioner/bench", ["patientId"] = Patient, ["draftOrders"] = draft },
            ["prefetch"] = prefetch,
        }.ToJsonString();
    }

    private static JsonObject Subject() => new() { ["reference"] = "Patient/" + Patient };

    private static JsonObject Concept(string system, string code, string? display = null)
    {
        var coding = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null)
        {
            coding["display"] = display;
        }

        return new JsonObject { ["coding"] = new JsonArray(coding) };
    }

    private static JsonObject Med(string id, string? code, string display, string status = "active")
    {
        var coding = new JsonObject { ["system"] = "http://www.nlm.nih.gov/research/umls/rxnorm", ["display"] = display };
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
            ["subject"] = Subject(),
            ["authoredOn"] = "2025-05-01",
        };
    }

    private static JsonObject Lab(string id, string loinc, string name, double value, string unit) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = id,
        ["status"] = "final",
        ["category"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory")),
        ["code"] = Concept("http://loinc.org", loinc, name),
        ["subject"] = Subject(),
        ["effectiveDateTime"] = "2026-11-15",
        ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = unit, ["system"] = "http://unitsofmeasure.org", ["code"] = unit },
        ["interpretation"] = new JsonArray(Concept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "N")),
    };

    private static JsonObject Bundle(params JsonObject[] resources)
    {
        var entries = new JsonArray();
        foreach (var resource in resources)
        {
            entries.Add(new JsonObject { ["resource"] = resource, ["search"] = new JsonObject { ["mode"] = "match" } });
        }

        return new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset", ["entry"] = entries };
    }
}
