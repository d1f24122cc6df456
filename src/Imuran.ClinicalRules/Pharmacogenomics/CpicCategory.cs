using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Pharmacogenomics;

/// <summary>A CPIC recommendation category for a combined TPMT x NUDT15 phenotype (never a dose).</summary>
/// <param name="Code">The category, e.g. <c>REVIEW+ACTIVITY</c> (see the pharmacogenomics reference for the key).</param>
/// <param name="Strength">The CPIC strength of the recommendation.</param>
public sealed record CpicCategory(string Code, string Strength)
{
    /// <summary>The category in plain words.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var c in Code.Split('+'))
        {
            parts.Add(c switch
            {
                "NORMAL" => "usual starting regimen",
                "REVIEW" => "prescriber review of the starting regimen, then blood-count guided",
                "BOTH" => "both pathways reduced: more caution than for one gene",
                "ALT" => "for non-malignant conditions consider a non-thiopurine alternative",
                "ACTIVITY" => "consider a red-cell TPMT activity test",
                "MONITOR" => "close toxicity monitoring",
                "TEST" => "test both genes",
                _ => c,
            });
        }

        return string.Join("; ", parts) + " (CPIC, " + Strength + ")";
    }
}
