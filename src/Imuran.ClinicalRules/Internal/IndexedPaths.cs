using System.Globalization;

namespace Imuran.ClinicalRules.Internal;

/// <summary>
/// Input paths such as <c>medications[2]</c>, made once for the first indexes of each list instead of on every
/// evaluation. Thread-safe: the tables are filled before first use and never change.
/// </summary>
internal static class IndexedPaths
{
    private const int Cached = 32;

    private static readonly string[] MedicationPaths = Make("medications");
    private static readonly string[] ConditionPaths = Make("conditions");
    private static readonly string[] LabPaths = Make("labResults");
    private static readonly string[] VaccinationPaths = Make("vaccinations");
    private static readonly string[] AllergyPaths = Make("allergies");
    private static readonly string[] PharmacogenomicPaths = Make("pharmacogenomics");

    public static string Medication(int index) => Get(MedicationPaths, "medications", index);

    public static string Condition(int index) => Get(ConditionPaths, "conditions", index);

    public static string Lab(int index) => Get(LabPaths, "labResults", index);

    public static string Vaccination(int index) => Get(VaccinationPaths, "vaccinations", index);

    public static string Allergy(int index) => Get(AllergyPaths, "allergies", index);

    public static string Pharmacogenomic(int index) => Get(PharmacogenomicPaths, "pharmacogenomics", index);

    private static string Get(string[] cached, string list, int index) =>
        (uint)index < (uint)cached.Length ? cached[index] : Format(list, index);

    private static string[] Make(string list)
    {
        var paths = new string[Cached];
        for (var i = 0; i < paths.Length; i++)
        {
            paths[i] = Format(list, i);
        }

        return paths;
    }

    private static string Format(string list, int index) => list + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
}
