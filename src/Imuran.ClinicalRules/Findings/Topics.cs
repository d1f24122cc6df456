using System.Collections.Generic;

namespace Imuran.ClinicalRules.Findings;

/// <summary>
/// The controlled vocabulary of finding topics. The ids are a public contract: hosts route, filter and suppress by
/// them, and they are never renamed.
/// </summary>
public static class Topics
{
    /// <summary>TPMT phenotype findings.</summary>
    public const string Tpmt = "tpmt";

    /// <summary>NUDT15 phenotype findings.</summary>
    public const string Nudt15 = "nudt15";

    /// <summary>No TPMT or NUDT15 result on file; an activity result that may be unreliable.</summary>
    public const string PgxTesting = "pgx-testing";

    /// <summary>Earlier hypersensitivity to azathioprine or mercaptopurine.</summary>
    public const string Hypersensitivity = "hypersensitivity";

    /// <summary>Pregnancy, including the rheumatoid-arthritis contraindication.</summary>
    public const string Pregnancy = "pregnancy";

    /// <summary>Suspected intrahepatic cholestasis of pregnancy.</summary>
    public const string CholestasisOfPregnancy = "cholestasis-of-pregnancy";

    /// <summary>Breastfeeding.</summary>
    public const string Lactation = "lactation";

    /// <summary>Reproductive potential, planned conception, mutagenic potential.</summary>
    public const string ReproductiveCounselling = "reproductive-counselling";

    /// <summary>Earlier or current alkylating agents.</summary>
    public const string AlkylatingAgents = "alkylating-agents";

    /// <summary>History of malignancy; transplant surveillance; the boxed warning.</summary>
    public const string Malignancy = "malignancy";

    /// <summary>History of skin cancer; UV protection and skin surveillance.</summary>
    public const string SkinCancer = "skin-cancer";

    /// <summary>Inflammatory bowel disease with a TNF blocker (hepatosplenic T-cell lymphoma).</summary>
    public const string Hstcl = "hstcl";

    /// <summary>Allopurinol, febuxostat, oxypurinol.</summary>
    public const string XanthineOxidaseInhibitor = "xanthine-oxidase-inhibitor";

    /// <summary>Sulfasalazine, mesalamine, olsalazine, balsalazide.</summary>
    public const string Aminosalicylate = "aminosalicylate";

    /// <summary>Co-trimoxazole, ACE inhibitors and other drugs that depress leukocyte production.</summary>
    public const string LeukopeniaDrug = "leukopenia-drug";

    /// <summary>Warfarin and other coumarins.</summary>
    public const string Warfarin = "warfarin";

    /// <summary>Ribavirin.</summary>
    public const string Ribavirin = "ribavirin";

    /// <summary>Other immunosuppressants and biologics taken together.</summary>
    public const string ImmunosuppressantCombination = "immunosuppressant-combination";

    /// <summary>Mercaptopurine or thioguanine with azathioprine.</summary>
    public const string DuplicateThiopurine = "duplicate-thiopurine";

    /// <summary>Active serious infection, hepatitis B, tuberculosis.</summary>
    public const string Infection = "infection";

    /// <summary>A live vaccine given recently or planned.</summary>
    public const string LiveVaccine = "live-vaccine";

    /// <summary>New neurological signs (progressive multifocal leukoencephalopathy).</summary>
    public const string Pml = "pml";

    /// <summary>Kidney disease, reduced eGFR, early post-transplant oliguria.</summary>
    public const string Renal = "renal";

    /// <summary>Liver disease, raised liver tests.</summary>
    public const string Hepatic = "hepatic";

    /// <summary>Low white cells, neutrophils, platelets or haemoglobin.</summary>
    public const string Cytopenia = "cytopenia";

    /// <summary>Blood-count schedule: due, overdue, intensified.</summary>
    public const string CbcMonitoring = "cbc-monitoring";

    /// <summary>Liver-test monitoring.</summary>
    public const string LftMonitoring = "lft-monitoring";

    /// <summary>Patient under 18.</summary>
    public const string Pediatric = "pediatric";

    /// <summary>Cytotoxic handling and disposal at dispense.</summary>
    public const string Handling = "handling";

    /// <summary>A fact the rules need is missing, stale or contradictory.</summary>
    public const string DataQuality = "data-quality";

    /// <summary>Every topic id, in the vocabulary's order.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        Tpmt, Nudt15, PgxTesting, Hypersensitivity, Pregnancy, CholestasisOfPregnancy, Lactation,
        ReproductiveCounselling, AlkylatingAgents, Malignancy, SkinCancer, Hstcl, XanthineOxidaseInhibitor,
        Aminosalicylate, LeukopeniaDrug, Warfarin, Ribavirin, ImmunosuppressantCombination, DuplicateThiopurine,
        Infection, LiveVaccine, Pml, Renal, Hepatic, Cytopenia, CbcMonitoring, LftMonitoring, Pediatric, Handling,
        DataQuality,
    };

    /// <summary>Whether <paramref name="topic"/> is in the vocabulary (exact, case-sensitive).</summary>
    public static bool IsKnown(string? topic)
    {
        foreach (var t in All)
        {
            if (t == topic)
            {
                return true;
            }
        }

        return false;
    }
}
