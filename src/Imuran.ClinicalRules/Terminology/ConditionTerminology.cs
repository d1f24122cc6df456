using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>
/// Recognises conditions by SNOMED CT or ICD-10-CM code (only codes verified in codes.md; ICD-10-CM categories by
/// prefix where the whole category means the same thing) and otherwise by name. Immutable and thread-safe.
/// </summary>
internal static class ConditionTerminology
{
    private static readonly Dictionary<string, ConditionKind> Snomed = new()
    {
        ["19943007"] = ConditionKind.Cirrhosis,
        ["328383001"] = ConditionKind.ChronicLiverDisease,
        ["709044004"] = ConditionKind.ChronicKidneyDisease,
        ["363346000"] = ConditionKind.Malignancy,
        ["118600007"] = ConditionKind.Lymphoma,
        ["372130007"] = ConditionKind.SkinCancer,
        ["66071002"] = ConditionKind.HepatitisB,
        ["56717001"] = ConditionKind.Tuberculosis,
        ["69896004"] = ConditionKind.RheumatoidArthritis,
        ["34000006"] = ConditionKind.CrohnsDisease,
        ["64766004"] = ConditionKind.UlcerativeColitis,
        ["55464009"] = ConditionKind.SystemicLupusErythematosus,
        ["70536003"] = ConditionKind.KidneyTransplant,
        ["77386006"] = ConditionKind.Pregnancy,
        ["413712001"] = ConditionKind.Breastfeeding,
        ["866041003"] = ConditionKind.Breastfeeding,
        ["69840006"] = ConditionKind.Breastfeeding,
    };

    private static readonly Dictionary<string, ConditionKind> Icd10 = new()
    {
        ["K74.60"] = ConditionKind.Cirrhosis,
        ["K76.9"] = ConditionKind.ChronicLiverDisease,
        ["K75.4"] = ConditionKind.AutoimmuneHepatitis,
        ["C85.90"] = ConditionKind.Lymphoma,
        ["Z85.72"] = ConditionKind.Lymphoma,
        ["D47.Z1"] = ConditionKind.Lymphoma,
        ["C44.90"] = ConditionKind.SkinCancer,
        ["Z85.828"] = ConditionKind.SkinCancer,
        ["Z85.820"] = ConditionKind.SkinCancer,
        ["B18.1"] = ConditionKind.HepatitisB,
        ["B16.9"] = ConditionKind.HepatitisB,
        ["A15.0"] = ConditionKind.Tuberculosis,
        ["M06.9"] = ConditionKind.RheumatoidArthritis,
        ["M05.9"] = ConditionKind.RheumatoidArthritis,
        ["K50.90"] = ConditionKind.CrohnsDisease,
        ["K51.90"] = ConditionKind.UlcerativeColitis,
        ["M32.9"] = ConditionKind.SystemicLupusErythematosus,
        ["Z94.0"] = ConditionKind.KidneyTransplant,
        ["Z33.1"] = ConditionKind.Pregnancy,
        ["Z39.1"] = ConditionKind.Breastfeeding,
    };

    // Whole ICD-10-CM categories whose every code means the kind (codes.md: "CKD stages N18.1-N18.6 exist").
    private static readonly (string Prefix, ConditionKind Kind)[] Icd10Categories =
    {
        ("N18.", ConditionKind.ChronicKidneyDisease),
    };

    private static readonly WordIndex<ConditionKind> Names = BuildNames();

    // A name read as a malignancy of no type by its first cancer word ("Malignant melanoma", "Malignant lymphoma") is
    // read as the type it also names: skin cancer (its own caution, AZA-MAL-002) or lymphoma.
    private static readonly WordIndex<ConditionKind> MalignancyTypes = BuildMalignancyTypes();

    private static readonly WordIndex<bool> Negations = BuildNegations();

    private static WordIndex<bool> BuildNegations()
    {
        var index = new WordIndex<bool>();
        // A vaccination or immunisation record ("hepatitis B vaccination series completed") is not the infection.
        foreach (var cue in new[]
        {
            "negative", "not", "no", "ruled out", "excluded", "immune", "denies", "absent",
            "vaccination", "vaccinations", "vaccinated", "vaccine", "vaccines", "immunization", "immunisation", "immunized", "immunised",
        })
        {
            index.Add(cue, true);
        }

        return index;
    }

    /// <summary>The kind, how it was matched, and whether the code itself says "personal history of".</summary>
    public static (ConditionKind Kind, MatchedBy MatchedBy, bool IsHistoryCode) Classify(Condition condition)
    {
        if (condition.Kind is { } declared && declared != ConditionKind.Unrecognised)
        {
            return (declared, MatchedBy.Declared, false);
        }

        var code = condition.Code?.Trim();
        if (!string.IsNullOrEmpty(code))
        {
            if (CodeSystems.IsSnomed(condition.CodeSystem) && Snomed.TryGetValue(code!, out var s))
            {
                return (s, MatchedBy.Code, false);
            }

            if (CodeSystems.IsIcd10(condition.CodeSystem))
            {
                var upper = code!.ToUpperInvariant();
                if (Icd10.TryGetValue(upper, out var i))
                {
                    return (i, MatchedBy.Code, upper.StartsWith("Z85.", System.StringComparison.Ordinal));
                }

                foreach (var (prefix, kind) in Icd10Categories)
                {
                    if (upper.StartsWith(prefix, System.StringComparison.Ordinal))
                    {
                        return (kind, MatchedBy.Code, false);
                    }
                }
            }
        }

        // A name that negates itself ("HBsAg negative", "TB ruled out", "hepatitis B vaccination") is not matched by name: it stays
        // unrecognised and listed, rather than raising a caution for a disease the patient does not have.
        if (!Negations.TryFind(condition.Name, out _, out _) && Names.TryFind(condition.Name, out var byName, out _))
        {
            if (byName == ConditionKind.Malignancy && MalignancyTypes.TryFind(condition.Name, out var type, out _))
            {
                byName = type;
            }

            return (byName, MatchedBy.Name, false);
        }

        return (ConditionKind.Unrecognised, MatchedBy.None, false);
    }

    private static WordIndex<ConditionKind> BuildMalignancyTypes()
    {
        var index = new WordIndex<ConditionKind>();
        AddMalignancyTypes((kind, names) =>
        {
            foreach (var n in names)
            {
                index.Add(n, kind);
            }
        });
        return index;
    }

    /// <summary>The names of the malignancies with a kind of their own (in <see cref="Names"/> and <see cref="MalignancyTypes"/>).</summary>
    private static void AddMalignancyTypes(System.Action<ConditionKind, string[]> add)
    {
        add(ConditionKind.Lymphoma, new[] { "lymphoma", "lymphoproliferative", "PTLD" });
        add(ConditionKind.SkinCancer, new[] { "skin cancer", "melanoma", "basal cell" });
    }

    private static WordIndex<ConditionKind> BuildNames()
    {
        var index = new WordIndex<ConditionKind>();
        void Add(ConditionKind kind, params string[] names)
        {
            foreach (var n in names)
            {
                index.Add(n, kind);
            }
        }

        Add(ConditionKind.Cirrhosis, "cirrhosis");
        Add(ConditionKind.ChronicLiverDisease, "liver disease", "hepatic disease", "hepatopathy");
        Add(ConditionKind.AutoimmuneHepatitis, "autoimmune hepatitis");
        Add(ConditionKind.ChronicKidneyDisease, "kidney disease", "renal disease", "CKD", "renal impairment", "renal insufficiency");
        Add(ConditionKind.PostTransplantOliguria, "oliguria", "oliguric", "oliguria after", "transplant oliguria", "oliguric after");
        Add(ConditionKind.SeriousInfection, "sepsis", "septicaemia", "septicemia", "bacteraemia", "bacteremia", "pneumonia", "serious infection");
        Add(ConditionKind.HepatitisB, "hepatitis B", "HBV", "HBsAg");
        Add(ConditionKind.Tuberculosis, "tuberculosis", "TB");
        Add(ConditionKind.KidneyTransplant, "kidney transplant", "renal transplant", "transplanted kidney");
        Add(ConditionKind.OtherOrganTransplant, "liver transplant", "heart transplant", "lung transplant", "pancreas transplant", "organ transplant");
        AddMalignancyTypes(Add);
        Add(ConditionKind.Malignancy, "cancer", "carcinoma", "malignancy", "malignant", "leukaemia", "leukemia", "myeloma", "sarcoma");
        Add(ConditionKind.RheumatoidArthritis, "rheumatoid arthritis", "rheumatoid");
        Add(ConditionKind.CrohnsDisease, "Crohn's", "Crohn", "Crohns");
        Add(ConditionKind.UlcerativeColitis, "ulcerative colitis");

        // IBD of unstated type ("inflammatory bowel disease" is matched by its first two words): an indication of the
        // knowledge base and the population of the hstcl rules. No code: codes.md verifies only Crohn's and UC codes.
        Add(ConditionKind.InflammatoryBowelDisease, "inflammatory bowel", "IBD");
        Add(ConditionKind.SystemicLupusErythematosus, "lupus", "SLE");
        Add(ConditionKind.Pregnancy, "pregnant", "pregnancy");
        Add(ConditionKind.Breastfeeding, "breastfeeding", "breast feeding", "lactating");
        return index;
    }
}
