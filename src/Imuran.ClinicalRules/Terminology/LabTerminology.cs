using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>Recognises lab results by LOINC (codes verified in codes.md) and otherwise by test name, when the unit fits the kind the name suggests.</summary>
internal static class LabTerminology
{
    private static readonly Dictionary<string, LabKind> ByLoinc = new()
    {
        ["6690-2"] = LabKind.WhiteCells,
        ["26464-8"] = LabKind.WhiteCells,
        ["804-5"] = LabKind.WhiteCells,
        ["49498-9"] = LabKind.WhiteCells,
        ["751-8"] = LabKind.Neutrophils,
        ["731-0"] = LabKind.Lymphocytes,
        ["777-3"] = LabKind.Platelets,
        ["26515-7"] = LabKind.Platelets,
        ["718-7"] = LabKind.Haemoglobin,
        ["1742-6"] = LabKind.Alt,
        ["1920-8"] = LabKind.Ast,
        ["1975-2"] = LabKind.Bilirubin,
        ["6768-6"] = LabKind.AlkalinePhosphatase,
        ["2160-0"] = LabKind.Creatinine,
        ["33914-3"] = LabKind.Egfr,
        ["62238-1"] = LabKind.Egfr,
        ["98979-8"] = LabKind.Egfr,
        ["21563-2"] = LabKind.TpmtActivity,
        ["43421-7"] = LabKind.TpmtActivity,
        ["79468-5"] = LabKind.TpmtActivity,
        ["91141-2"] = LabKind.TpmtActivity,
        ["91142-0"] = LabKind.TpmtActivity,
        ["91143-8"] = LabKind.TpmtActivity,
        ["53819-9"] = LabKind.TpmtActivity,
    };

    private static readonly WordIndex<LabKind> ByName = BuildNames();

    public static (LabKind Kind, MatchedBy MatchedBy) Classify(LabResult lab)
    {
        if (lab.Kind is { } declared && declared != LabKind.Unrecognised)
        {
            return (declared, MatchedBy.Declared);
        }

        if (lab.LoincCode is not null && ByLoinc.TryGetValue(lab.LoincCode.Trim(), out var kind))
        {
            return (kind, MatchedBy.Code);
        }

        // A name is a guess that the unit can refute: "Platelet mean volume" in fL or "Neutrophils/100 leukocytes" in %
        // is not a count, and read as one it would become the latest count and hide a low one.
        return ByName.TryFind(lab.Name, out var byName, out _) && LabUnits.Fits(byName, lab.Unit)
            ? (byName, MatchedBy.Name)
            : (LabKind.Unrecognised, MatchedBy.None);
    }

    private static WordIndex<LabKind> BuildNames()
    {
        var index = new WordIndex<LabKind>();
        void Add(LabKind kind, params string[] names)
        {
            foreach (var n in names)
            {
                index.Add(n, kind);
            }
        }

        Add(LabKind.WhiteCells, "WBC", "white cell", "white cells", "white blood", "leukocytes", "leucocytes", "leukocyte");
        Add(LabKind.Neutrophils, "neutrophils", "neutrophil", "ANC");
        Add(LabKind.Lymphocytes, "lymphocytes", "lymphocyte");
        Add(LabKind.Platelets, "platelets", "platelet", "PLT");
        Add(LabKind.Haemoglobin, "haemoglobin", "hemoglobin", "Hb", "Hgb");
        Add(LabKind.Alt, "ALT", "alanine aminotransferase", "SGPT");
        Add(LabKind.Ast, "AST", "aspartate aminotransferase", "SGOT");
        Add(LabKind.Bilirubin, "bilirubin");
        Add(LabKind.AlkalinePhosphatase, "alkaline phosphatase", "ALP");
        Add(LabKind.Creatinine, "creatinine");
        Add(LabKind.Egfr, "eGFR", "GFR");
        Add(LabKind.TpmtActivity, "TPMT activity", "TPMT enzyme", "thiopurine methyltransferase");
        return index;
    }
}
