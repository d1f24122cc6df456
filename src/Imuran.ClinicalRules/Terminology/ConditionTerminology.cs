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
    // read as the type it also names: skin cancer (its own caution, AZA-MAL-002) or lymphoma. Only a type named with it
    // refines it (see Refined): in "Breast cancer, history of melanoma" the breast cancer stays a malignancy.
    private static readonly WordIndex<ConditionKind> MalignancyTypes = BuildMalignancyTypes();

    // A malignancy of no named type whose name places it in the skin ("Squamous cell carcinoma of skin", "Cutaneous squamous
    // cell carcinoma", "Malignant neoplasm of skin of face"): codes.md's "Malignant neoplasm of skin" (372130007) and
    // knowledge.md's "history of skin cancer". Local choice: only these site words, matched only after a cancer word (so
    // "Eczema of skin" is no cancer), and not when the name says the skin holds a spread from elsewhere.
    private static readonly WordIndex<bool> SkinSites = WordIndex<bool>.Of(true, "of skin", "cutaneous squamous", "skin squamous");

    private static readonly WordIndex<bool> Secondary = WordIndex<bool>.Of(true, "secondary", "metastasis", "metastases", "metastatic");

    // Words that join two diseases in one clause ("Breast cancer and melanoma"): a type named across them does not refine
    // the cancer word on the other side (stop 30, local choice).
    private static readonly WordIndex<bool> Conjunctions = WordIndex<bool>.Of(true, "and", "plus", "with");

    // Cues that negate a condition wherever they stand in its name: a vaccination or immunisation record ("hepatitis B
    // vaccination series completed") or immunity ("hepatitis B immune") is not the infection.
    private static readonly WordIndex<bool> AnywhereNegations = WordIndex<bool>.Of(true, 
        "immune", "vaccination", "vaccinations", "vaccinated", "vaccine", "vaccines", "immunization", "immunisation", "immunized", "immunised");

    // Cues that negate the disease term they precede in its clause: "no tuberculosis", "ruled out TB", "denies hepatitis B",
    // "negative for hepatitis B". After the term they do not: "no recurrence", "not active", "not on treatment".
    private static readonly WordIndex<bool> LeadingNegations = WordIndex<bool>.Of(true, "negative", "not", "no", "ruled out", "excluded", "denies", "absent");

    // Words between a leading cue and the disease term that show the cue denies a return of the disease, not the disease:
    // "no recurrence of tuberculosis", "no reactivation of hepatitis B" (stop 28, local choice). "No active TB" is not
    // among them: it stays negated.
    private static readonly WordIndex<bool> ReturnWords = WordIndex<bool>.Of(true, "recurrence", "recurrent", "relapse", "reactivation", "reinfection", "flare");

    // Cues that negate the disease term when they follow it and end its clause: "TB ruled out", "tuberculosis excluded",
    // "hepatitis B negative", "hepatitis B: not detected", "TB absent".
    private static readonly WordIndex<bool> ClosingNegations = WordIndex<bool>.Of(true, "negative", "ruled out", "excluded", "absent", "not detected");

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

        // A name that negates its disease ("HBsAg negative", "TB ruled out", "no tuberculosis", "hepatitis B vaccination") is
        // not matched by name: it stays unrecognised and listed, rather than raising a caution for a disease the patient
        // does not have. A negation elsewhere in the name ("History of tuberculosis, no recurrence", "Hepatitis B, not
        // active") does not drop the disease: inactive hepatitis B is the reactivation risk.
        // The term read first is the longest in the name (its leftmost if several are as long); when a cue negates it,
        // the name's other diseases are read in order ("Hepatitis B ruled out; latent TB" is tuberculosis).
        var name = condition.Name;
        if (Names.TryFind(name, 0, name?.Length ?? 0, out var byName, out _, out var termStart, out var termEnd)
            && !AnywhereNegations.TryFind(name, out _, out _))
        {
            if (!IsNegated(name!, termStart, termEnd))
            {
                return (Refined(name!, byName, termStart, termEnd), MatchedBy.Name, false);
            }

            var position = 0;
            if (NextNamedKind(name, ref position, out var next))
            {
                return (next, MatchedBy.Name, false);
            }
        }

        return (ConditionKind.Unrecognised, MatchedBy.None, false);
    }

    /// <summary>
    /// The next disease <paramref name="name"/> names at or after <paramref name="from"/>, in the order the name gives
    /// them, that no cue negates (see <see cref="Classify"/>), with <paramref name="from"/> moved past its term;
    /// <see langword="false"/> when there is none. A name that names several diseases ("Crohn's disease and chronic
    /// hepatitis B") gives each in turn, so none is dropped for not being read first; a negated term is passed over
    /// ("No tuberculosis; Crohn's disease"). A walk starts at 0, where the cues that negate the whole name (a
    /// vaccination or immunity) are read once; later steps do not read them again. Allocation-free.
    /// </summary>
    internal static bool NextNamedKind(string? name, ref int from, out ConditionKind kind)
    {
        kind = ConditionKind.Unrecognised;
        if (name is null || (from == 0 && AnywhereNegations.TryFind(name, out _, out _)))
        {
            from = name?.Length ?? 0;
            return false;
        }

        while (from < name.Length && Names.TryFind(name, from, name.Length, out var byName, out _, out var termStart, out var termEnd))
        {
            // The index gives the longest term first; a term that ends before it starts comes earlier in the name.
            while (Names.TryFind(name, from, termStart, out var earlier, out _, out var earlierStart, out var earlierEnd))
            {
                (byName, termStart, termEnd) = (earlier, earlierStart, earlierEnd);
            }

            from = termEnd;
            if (!IsNegated(name, termStart, termEnd))
            {
                kind = Refined(name, byName, termStart, termEnd);
                return true;
            }
        }

        from = name.Length;
        return false;
    }

    /// <summary>
    /// A malignancy of no type (the term at <c>[start, end)</c>) made the type named with it, or skin cancer when the words
    /// with it place it in the skin. "With it" is its clause, cut at a conjunction ("Breast cancer and melanoma" names two
    /// diseases): a type named in another clause is a disease of its own, which the name's walk gives in turn ("Breast
    /// cancer, history of melanoma" is a malignancy and a skin cancer; stop 30: the breast cancer was read as melanoma,
    /// so AZA-MAL-001 was lost). A cancer word alone in its clause qualifies the whole name ("Melanoma, malignant").
    /// Local choice. A spread from elsewhere ("Breast carcinoma with cutaneous metastases") is read anywhere in the name.
    /// </summary>
    private static ConditionKind Refined(string name, ConditionKind kind, int start, int end)
    {
        if (kind != ConditionKind.Malignancy)
        {
            return kind;
        }

        var (from, to) = Clause(name, start, end);
        if (HasWord(name, from, start) || HasWord(name, end, to))
        {
            // The rightmost conjunction before the term, and the leftmost after it, bound the words read with it.
            while (Conjunctions.TryFind(name, from, start, out _, out _, out _, out var joinEnd))
            {
                from = joinEnd;
            }

            while (Conjunctions.TryFind(name, end, to, out _, out _, out var joinStart, out _))
            {
                to = joinStart;
            }
        }
        else
        {
            (from, to) = (0, name.Length);
        }

        if (MalignancyTypes.TryFind(name, from, to, out var type, out _, out _, out _))
        {
            return type;
        }

        return SkinSites.TryFind(name, from, to, out _, out _, out _, out _) && !Secondary.TryFind(name, out _, out _) ? ConditionKind.SkinCancer : kind;
    }

    /// <summary>The clause holding <c>[start, end)</c>: from the break before it to the break after it (see <see cref="IsClauseBreak"/>).</summary>
    private static (int Start, int End) Clause(string text, int start, int end)
    {
        while (start > 0 && !IsClauseBreak(text, start - 1))
        {
            start--;
        }

        while (end < text.Length && !IsClauseBreak(text, end))
        {
            end++;
        }

        return (start, end);
    }

    /// <summary>Whether <c>[from, to)</c> holds a word character.</summary>
    private static bool HasWord(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (IsWordChar(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a negation cue scopes over the disease term at <c>[start, end)</c>: a leading cue before it in its clause,
    /// or a closing cue that ends its clause. A clause ends at a comma, semicolon, full stop or dash. Allocation-free.
    /// </summary>
    private static bool IsNegated(string text, int start, int end)
    {
        var (clauseStart, clauseEnd) = Clause(text, start, end);
        return (LeadingNegations.TryFind(text, clauseStart, start, out _, out _, out _, out var cueEnd)
                && !ReturnWords.TryFind(text, cueEnd, start, out _, out _, out _, out _))
            || EndsWithClosingCue(text, end, clauseEnd);
    }

    // Local choice (the reference is silent): a hyphen joins words ("Hepatitis-B", "non-melanoma") and breaks the clause
    // only with a space on either side ("melanoma 2015 - no recurrence"); an en or em dash always breaks it.
    private static bool IsClauseBreak(string text, int i) => text[i] switch
    {
        ',' or ';' or '.' or '\u2013' or '\u2014' => true,
        '-' => i == 0 || i + 1 == text.Length || char.IsWhiteSpace(text[i - 1]) || char.IsWhiteSpace(text[i + 1]),
        _ => false,
    };

    /// <summary>
    /// Whether the last word, or two words, of <c>[from, to)</c> are a closing cue. Local choice: words of digits only
    /// after the cue (a year: "TB screening negative 2024") do not stop it closing the clause.
    /// </summary>
    private static bool EndsWithClosingCue(string text, int from, int to)
    {
        var i = to;
        int lastStart, lastEnd;
        do
        {
            lastEnd = PreviousWord(text, from, ref i, out lastStart);
            if (lastEnd < 0)
            {
                return false;
            }
        }
        while (IsDigits(text, lastStart, lastEnd));

        if (ClosingNegations.TryFind(text, lastStart, lastEnd, out _, out _, out _, out _))
        {
            return true;
        }

        return PreviousWord(text, from, ref i, out var pairStart) >= 0
            && ClosingNegations.TryFind(text, pairStart, lastEnd, out _, out _, out var cueStart, out var cueEnd)
            && cueStart == pairStart && cueEnd == lastEnd;
    }

    /// <summary>The word ending at or before <paramref name="i"/> and not before <paramref name="from"/>: its end, or -1.</summary>
    private static int PreviousWord(string text, int from, ref int i, out int start)
    {
        while (i > from && !IsWordChar(text[i - 1]))
        {
            i--;
        }

        var end = i;
        while (i > from && IsWordChar(text[i - 1]))
        {
            i--;
        }

        start = i;
        return end > start ? end : -1;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\'';

    private static bool IsDigits(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsDigit(text[i]))
            {
                return false;
            }
        }

        return true;
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
        // "Transplant of kidney": codes.md's "Transplant of kidney (procedure)", 70536003.
        Add(ConditionKind.KidneyTransplant, "kidney transplant", "renal transplant", "transplanted kidney", "kidney transplantation", "renal transplantation", "transplant of kidney", "transplantation of kidney");
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
