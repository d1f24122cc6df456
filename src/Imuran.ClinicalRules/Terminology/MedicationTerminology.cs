using System.Collections.Generic;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>How a medicine, condition or lab was recognised.</summary>
internal enum MatchedBy
{
    None = 0,
    Code = 1,
    Name = 2,
    Declared = 3,

    /// <summary>An RxNorm product code (clinical or branded drug, pack) mapped to its ingredient.</summary>
    ProductCode = 4,
}

/// <summary>A recognised medicine: its interaction class and the ingredient that placed it there.</summary>
internal readonly record struct MedicationMatch(MedicationClass Class, string Ingredient, MatchedBy MatchedBy);

/// <summary>
/// Recognises medicines by RxNorm ingredient code (only codes verified in the clinical reference, codes.md), then by
/// RxNorm product code (clinical and branded drugs and packs from public value sets, the embedded
/// <c>rxnorm-products.tsv</c>; provenance in docs/reference/rxnorm-products.md), and otherwise by ingredient or brand
/// name as a whole word in any case. Immutable and thread-safe.
/// </summary>
internal static class MedicationTerminology
{
    private static readonly Dictionary<string, (MedicationClass Class, string Ingredient)> ByCode = new()
    {
        ["1256"] = (MedicationClass.Azathioprine, "azathioprine"),
        ["519"] = (MedicationClass.Allopurinol, "allopurinol"),
        ["834235"] = (MedicationClass.Febuxostat, "febuxostat"),
        ["834241"] = (MedicationClass.Febuxostat, "febuxostat"),
        ["9524"] = (MedicationClass.Aminosalicylate, "sulfasalazine"),
        ["52582"] = (MedicationClass.Aminosalicylate, "mesalamine"),
        ["10831"] = (MedicationClass.CoTrimoxazole, "sulfamethoxazole / trimethoprim"),
        ["11289"] = (MedicationClass.Coumarin, "warfarin"),
        ["9344"] = (MedicationClass.Ribavirin, "ribavirin"),
        ["3002"] = (MedicationClass.AlkylatingAgent, "cyclophosphamide"),
        ["6718"] = (MedicationClass.AlkylatingAgent, "melphalan"),
        ["197462"] = (MedicationClass.AlkylatingAgent, "chlorambucil"),
        ["191831"] = (MedicationClass.TnfBlocker, "infliximab"),
        ["327361"] = (MedicationClass.TnfBlocker, "adalimumab"),
        ["795081"] = (MedicationClass.TnfBlocker, "certolizumab pegol"),
        ["849597"] = (MedicationClass.TnfBlocker, "certolizumab pegol"),
        ["848160"] = (MedicationClass.TnfBlocker, "golimumab"),
        ["1431642"] = (MedicationClass.TnfBlocker, "golimumab"),
        ["1482813"] = (MedicationClass.TnfBlocker, "golimumab"),
        ["1653142"] = (MedicationClass.TnfBlocker, "golimumab"),
        ["1653165"] = (MedicationClass.TnfBlocker, "golimumab"),
        ["1998"] = (MedicationClass.AceInhibitor, "captopril"),
        ["3827"] = (MedicationClass.AceInhibitor, "enalapril"),
        ["29046"] = (MedicationClass.AceInhibitor, "lisinopril"),
        ["35296"] = (MedicationClass.AceInhibitor, "ramipril"),
        ["18867"] = (MedicationClass.AceInhibitor, "benazepril"),
        ["35208"] = (MedicationClass.AceInhibitor, "quinapril"),
        ["50166"] = (MedicationClass.AceInhibitor, "fosinopril"),
        ["54552"] = (MedicationClass.AceInhibitor, "perindopril"),
        ["30131"] = (MedicationClass.AceInhibitor, "moexipril"),
        ["38454"] = (MedicationClass.AceInhibitor, "trandolapril"),
        ["103"] = (MedicationClass.OtherThiopurine, "mercaptopurine"),
        ["10485"] = (MedicationClass.OtherThiopurine, "thioguanine"),
        ["6851"] = (MedicationClass.Immunosuppressant, "methotrexate"),
        ["42316"] = (MedicationClass.Immunosuppressant, "tacrolimus"),
        ["3008"] = (MedicationClass.Immunosuppressant, "cyclosporine"),
        ["1357536"] = (MedicationClass.Immunosuppressant, "tofacitinib"),
    };

    private static readonly WordIndex<(MedicationClass Class, string Ingredient)> ByName = BuildNames();

    private static readonly Dictionary<string, (MedicationClass Class, string Ingredient)> ByProductCode = LoadProducts();

    /// <summary>The number of product codes in the embedded table (for tests and the catalogue).</summary>
    internal static int ProductCodeCount => ByProductCode.Count;

    public static MedicationMatch Classify(string? rxNormCode, string? name)
    {
        if (rxNormCode is not null && ByCode.TryGetValue(rxNormCode.Trim(), out var byCode))
        {
            return new MedicationMatch(byCode.Class, byCode.Ingredient, MatchedBy.Code);
        }

        if (rxNormCode is not null && ByProductCode.TryGetValue(rxNormCode.Trim(), out var byProduct))
        {
            return new MedicationMatch(byProduct.Class, byProduct.Ingredient, MatchedBy.ProductCode);
        }

        if (name is not null
            && name.IndexOf("sulfamethoxazole", System.StringComparison.OrdinalIgnoreCase) >= 0
            && name.IndexOf("trimethoprim", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new MedicationMatch(MedicationClass.CoTrimoxazole, "sulfamethoxazole / trimethoprim", MatchedBy.Name);
        }

        if (ByName.TryFind(name, out var byName, out _))
        {
            return new MedicationMatch(byName.Class, byName.Ingredient, MatchedBy.Name);
        }

        return new MedicationMatch(MedicationClass.Unrecognised, string.Empty, MatchedBy.None);
    }

    /// <summary>
    /// The next medicine the rules know that <paramref name="name"/> names at or after <paramref name="from"/>, in the
    /// order the name gives them, with <paramref name="from"/> moved past its name; <see langword="false"/> when there is
    /// none. Walking from 0 gives every medicine a name names ("Allopurinol and warfarin": allopurinol, then warfarin),
    /// as <see cref="ConditionTerminology.NextNamedKind"/> does for diseases. Allocation-free.
    /// </summary>
    internal static bool NextNamed(string? name, ref int from, out MedicationMatch match)
    {
        match = new MedicationMatch(MedicationClass.Unrecognised, string.Empty, MatchedBy.None);
        if (name is null || from >= name.Length
            || !ByName.TryFind(name, from, name.Length, out var found, out _, out var start, out var end))
        {
            from = name?.Length ?? 0;
            return false;
        }

        // The index gives the longest name first; a name that ends before it starts comes earlier in the text.
        while (ByName.TryFind(name, from, start, out var earlier, out _, out var earlierStart, out var earlierEnd))
        {
            (found, start, end) = (earlier, earlierStart, earlierEnd);
        }

        from = end;
        match = new MedicationMatch(found.Class, found.Ingredient, MatchedBy.Name);
        return true;
    }

    /// <summary>Whether <paramref name="name"/> names a medicine of <paramref name="medicationClass"/> anywhere (see <see cref="NextNamed"/>).</summary>
    internal static bool Names(string? name, MedicationClass medicationClass)
    {
        var position = 0;
        while (NextNamed(name, ref position, out var named))
        {
            if (named.Class == medicationClass)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The ingredients a medicine's name names: first the one <see cref="Classify"/> reads it as, then any others the
    /// name also names, in the order they appear (<see cref="NextNamed"/>, the walk the rules read a name with), each once.
    /// </summary>
    public static List<string> NamedIngredients(string? name)
    {
        var named = new List<string>();
        var first = Classify(null, name);
        if (first.MatchedBy == MatchedBy.None)
        {
            return named;
        }

        named.Add(first.Ingredient);
        var position = 0;
        while (NextNamed(name, ref position, out var other))
        {
            if (!named.Contains(other.Ingredient))
            {
                named.Add(other.Ingredient);
            }
        }

        return named;
    }

    private static Dictionary<string, (MedicationClass, string)> LoadProducts()
    {
        const string name = "Imuran.ClinicalRules.Terminology.Data.rxnorm-products.tsv";
        using var stream = typeof(MedicationTerminology).Assembly.GetManifestResourceStream(name)
            ?? throw new System.IO.InvalidDataException($"The embedded resource {name} is missing.");
        using var reader = new System.IO.StreamReader(stream);
        var products = new Dictionary<string, (MedicationClass, string)>(System.StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            var cls = (MedicationClass)System.Enum.Parse(typeof(MedicationClass), cells[2]);
            products.Add(cells[0], (cls, cells[1]));
        }

        return products;
    }

    private static WordIndex<(MedicationClass, string)> BuildNames()
    {
        var index = new WordIndex<(MedicationClass, string)>();
        void Add(MedicationClass c, string ingredient, params string[] names)
        {
            index.Add(ingredient, (c, ingredient));
            foreach (var n in names)
            {
                index.Add(n, (c, ingredient));
            }
        }

        Add(MedicationClass.Azathioprine, "azathioprine", "Imuran", "Azasan");
        Add(MedicationClass.Allopurinol, "allopurinol", "Zyloprim", "Aloprim");
        Add(MedicationClass.Allopurinol, "oxypurinol", "oxipurinol");
        Add(MedicationClass.Febuxostat, "febuxostat", "Uloric", "Adenuric");
        Add(MedicationClass.Aminosalicylate, "sulfasalazine", "sulphasalazine", "Salazopyrin", "Azulfidine");
        Add(MedicationClass.Aminosalicylate, "mesalamine", "mesalazine", "Asacol", "Pentasa", "Lialda", "Apriso", "Delzicol", "Mezavant", "Octasa");
        Add(MedicationClass.Aminosalicylate, "olsalazine", "Dipentum");
        Add(MedicationClass.Aminosalicylate, "balsalazide", "Colazal", "Colazide");
        // One ingredient name for co-trimoxazole, whether read by its code (10831), by both ingredient names (Classify) or
        // by one of these names: "co-trimoxazole" coded 10831 was read as two medicines that disagreed (stop 30: a false
        // AZA-DQ-001 and AZA-INT-004 twice).
        Add(MedicationClass.CoTrimoxazole, "sulfamethoxazole / trimethoprim", "co-trimoxazole", "cotrimoxazole", "Bactrim", "Septra", "sulfamethoxazole trimethoprim");
        // ACE inhibitors with the brand names pharmacists meet every day (US and UK); combination brands carry the
        // ACE inhibitor that interacts (e.g. Lotrel: amlodipine with benazepril). Brand names are [R] (recalled).
        Add(MedicationClass.AceInhibitor, "captopril", "Capoten", "Capozide");
        Add(MedicationClass.AceInhibitor, "enalapril", "Vasotec", "Epaned", "Innovace", "Vaseretic");
        Add(MedicationClass.AceInhibitor, "enalaprilat");
        Add(MedicationClass.AceInhibitor, "lisinopril", "Zestril", "Prinivil", "Qbrelis", "Zestoretic", "Prinzide");
        Add(MedicationClass.AceInhibitor, "ramipril", "Altace", "Tritace");
        Add(MedicationClass.AceInhibitor, "benazepril", "Lotensin", "Lotrel");
        Add(MedicationClass.AceInhibitor, "quinapril", "Accupril", "Accuretic");
        Add(MedicationClass.AceInhibitor, "fosinopril", "Monopril");
        Add(MedicationClass.AceInhibitor, "perindopril", "Aceon", "Coversyl", "Prestalia");
        Add(MedicationClass.AceInhibitor, "moexipril", "Univasc");
        Add(MedicationClass.AceInhibitor, "trandolapril", "Mavik", "Gopten", "Tarka");
        Add(MedicationClass.AceInhibitor, "cilazapril", "Inhibace");
        Add(MedicationClass.AceInhibitor, "imidapril", "Tanatril");
        Add(MedicationClass.AceInhibitor, "zofenopril");
        Add(MedicationClass.AceInhibitor, "spirapril");
        Add(MedicationClass.Coumarin, "warfarin", "Coumadin", "Jantoven");
        Add(MedicationClass.Coumarin, "acenocoumarol", "Sintrom");
        Add(MedicationClass.Coumarin, "phenprocoumon", "Marcumar");
        Add(MedicationClass.Ribavirin, "ribavirin", "Rebetol", "Copegus");
        Add(MedicationClass.AlkylatingAgent, "cyclophosphamide", "Cytoxan");
        Add(MedicationClass.AlkylatingAgent, "chlorambucil", "Leukeran");
        Add(MedicationClass.AlkylatingAgent, "melphalan", "Alkeran");
        Add(MedicationClass.TnfBlocker, "infliximab", "Remicade", "Inflectra", "Renflexis", "Remsima");
        Add(MedicationClass.TnfBlocker, "adalimumab", "Humira", "Amjevita", "Hyrimoz");
        Add(MedicationClass.TnfBlocker, "certolizumab", "Cimzia");
        Add(MedicationClass.TnfBlocker, "golimumab", "Simponi");
        Add(MedicationClass.TnfBlocker, "etanercept", "Enbrel");
        Add(MedicationClass.OtherThiopurine, "mercaptopurine", "Purinethol", "Purixan");
        Add(MedicationClass.OtherThiopurine, "thioguanine", "tioguanine", "Tabloid");
        Add(MedicationClass.Immunosuppressant, "methotrexate", "Trexall", "Otrexup", "Rasuvo");
        Add(MedicationClass.Immunosuppressant, "tacrolimus", "Prograf", "Envarsus", "Advagraf");
        Add(MedicationClass.Immunosuppressant, "cyclosporine", "ciclosporin", "Neoral", "Sandimmune");
        Add(MedicationClass.Immunosuppressant, "mycophenolate", "mycophenolic", "CellCept", "Myfortic");
        Add(MedicationClass.Immunosuppressant, "sirolimus", "Rapamune");
        Add(MedicationClass.Immunosuppressant, "everolimus", "Zortress");
        Add(MedicationClass.Immunosuppressant, "tofacitinib", "Xeljanz");
        Add(MedicationClass.Immunosuppressant, "baricitinib", "Olumiant");
        Add(MedicationClass.Immunosuppressant, "upadacitinib", "Rinvoq");
        return index;
    }
}
