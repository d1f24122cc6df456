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
