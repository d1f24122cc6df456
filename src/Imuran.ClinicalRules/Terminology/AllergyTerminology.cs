using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Terminology;

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
