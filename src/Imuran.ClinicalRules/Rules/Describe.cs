using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Rules;

/// <summary>Clinician words for the facts' values.</summary>
internal static class Describe
{
    public static string Phenotype(MetabolizerPhenotype p) => p switch
    {
        MetabolizerPhenotype.Normal => "normal metabolizer",
        MetabolizerPhenotype.Intermediate => "intermediate metabolizer",
        MetabolizerPhenotype.PossibleIntermediate => "possible intermediate metabolizer",
        MetabolizerPhenotype.Poor => "poor metabolizer",
        _ => "indeterminate",
    };

    public static string Gene(Gene g) => g == Facts.Gene.Tpmt ? "TPMT" : "NUDT15";

    /// <summary>Higher is more cautious: poor, intermediate, possible intermediate, indeterminate, normal.</summary>
    public static int Caution(MetabolizerPhenotype p) => p switch
    {
        MetabolizerPhenotype.Poor => 5,
        MetabolizerPhenotype.Intermediate => 4,
        MetabolizerPhenotype.PossibleIntermediate => 3,
        MetabolizerPhenotype.Indeterminate => 2,
        _ => 1,
    };
}
