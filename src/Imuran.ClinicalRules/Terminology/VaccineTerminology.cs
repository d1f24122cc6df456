using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>Recognises live vaccines by CVX (CDC live-virus list in codes.md) and by name.</summary>
internal static class VaccineTerminology
{
    private static readonly HashSet<string> LiveCvx = new()
    {
        "03", "94", "04", "05", "06", "07", "38", "21", "121", "37", "183", "184", "19", "25", "174", "111", "149", "151",
        "125", "116", "119", "122", "75", "105", "169", "204", "317", "56",
    };

    private static readonly HashSet<string> NotLiveCvx = new() { "187", "206", "329" };

    // Names are read in three steps, so a non-live product whose own name uses a live vaccine's words is not read as
    // live: JYNNEOS is licensed as "Smallpox and Monkeypox Vaccine, Live, Non-replicating" (codes.md: CVX 206
    // JYNNEOS, non-replicating, not live, do not flag). A live product or disease named is live (also beside a non-live
    // one: the cautious reading); else a non-live product or "non-replicating" is not live; else the generic words
    // "live", "smallpox" and "vaccinia" (the live ACAM2000 is a smallpox vaccine too) are live.
    private static readonly WordIndex<bool> LiveNames = WordIndex<bool>.Of(true, "MMR", "MMRV", "measles", "mumps", "rubella", "varicella", "Varivax", "ProQuad", "Zostavax", "yellow fever", "YF-Vax", "Stamaril", "BCG", "oral typhoid", "Vivotif", "FluMist", "LAIV", "rotavirus", "RotaTeq", "Rotarix", "ACAM2000", "Dengvaxia", "Ixchiq", "Ervebo", "Vaxchora");

    private static readonly WordIndex<bool> NotLiveNames = WordIndex<bool>.Of(false, "Shingrix", "recombinant zoster", "zoster recombinant", "JYNNEOS", "non-replicating", "nonreplicating");

    private static readonly WordIndex<bool> GenericLiveWords = WordIndex<bool>.Of(true, "smallpox", "vaccinia", "live");

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

        var name = vaccination.Name;
        if (LiveNames.TryFind(name, out _, out _))
        {
            return true;
        }

        if (NotLiveNames.TryFind(name, out _, out _))
        {
            return false;
        }

        return GenericLiveWords.TryFind(name, out _, out _) ? true : null;
    }
}
