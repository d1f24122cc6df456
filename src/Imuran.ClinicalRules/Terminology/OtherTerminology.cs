using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>Recognises lab results by LOINC (codes verified in codes.md) and otherwise by test name.</summary>
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

        return ByName.TryFind(lab.Name, out var byName, out _) ? (byName, MatchedBy.Name) : (LabKind.Unrecognised, MatchedBy.None);
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

/// <summary>Recognises live vaccines by CVX (CDC live-virus list in codes.md) and by name.</summary>
internal static class VaccineTerminology
{
    private static readonly HashSet<string> LiveCvx = new()
    {
        "03", "94", "04", "05", "06", "07", "38", "21", "121", "37", "183", "184", "19", "25", "174", "111", "149", "151",
        "125", "116", "119", "122", "75", "105", "169", "204", "317", "56",
    };

    private static readonly HashSet<string> NotLiveCvx = new() { "187", "206", "329" };

    private static readonly WordIndex<bool> ByName = BuildNames();

    /// <summary>Live (true), not live (false), or not recognised (null). CVX 188 is ambiguous and unrecognised.</summary>
    public static bool? IsLive(Vaccination vaccination)
    {
        var code = vaccination.CvxCode?.Trim();
        if (code is { Length: 1 })
        {
            code = "0" + code;
        }

        if (code is not null)
        {
            if (LiveCvx.Contains(code))
            {
                return true;
            }

            if (NotLiveCvx.Contains(code))
            {
                return false;
            }
        }

        return ByName.TryFind(vaccination.Name, out var live, out _) ? live : null;
    }

    private static WordIndex<bool> BuildNames()
    {
        var index = new WordIndex<bool>();
        foreach (var n in new[] { "MMR", "MMRV", "measles", "mumps", "rubella", "varicella", "Varivax", "ProQuad", "Zostavax", "yellow fever", "YF-Vax", "Stamaril", "BCG", "oral typhoid", "Vivotif", "FluMist", "LAIV", "rotavirus", "RotaTeq", "Rotarix", "smallpox", "vaccinia", "ACAM2000", "Dengvaxia", "Ixchiq", "Ervebo", "Vaxchora", "live" })
        {
            index.Add(n, true);
        }

        foreach (var n in new[] { "Shingrix", "recombinant zoster", "JYNNEOS" })
        {
            index.Add(n, false);
        }

        return index;
    }
}

/// <summary>Recognises thiopurine hypersensitivity in an allergy list.</summary>
internal static class AllergyTerminology
{
    /// <summary>The thiopurine named, or null when the allergy is to something else.</summary>
    public static string? Thiopurine(Allergy allergy)
    {
        var m = MedicationTerminology.Classify(allergy.RxNormCode, allergy.Substance);
        return m.Class switch
        {
            MedicationClass.Azathioprine => "azathioprine",
            MedicationClass.OtherThiopurine when m.Ingredient == "mercaptopurine" => "mercaptopurine",
            _ => null,
        };
    }
}
