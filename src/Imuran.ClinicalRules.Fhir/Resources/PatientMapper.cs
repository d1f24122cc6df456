using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>Patient → patient id, birth date and sex.</summary>
internal static class PatientMapper
{
    public static void Map(FhirNode patient, MappingContext context)
    {
        var scope = patient.Scope;
        var facts = context.Facts;
        facts.PatientId = scope.Id;
        if (patient.String("birthDate") is { Length: > 10 } withTime)
        {
            // Patient.birthDate is a FHIR date: a time (or anything after the day) makes it invalid, and age unknown.
            scope.Problem(MappingProblemCode.InvalidDate, $"{scope.Label}: birthDate '{Echo.Value(withTime)}' is not a FHIR date (yyyy-MM-dd); age was left unknown.", patient.Path + ".birthDate");
            facts.BirthDate = null;
        }
        else
        {
            facts.BirthDate = patient.FirstDate("birthDate");
        }

        var gender = patient.String("gender");
        facts.Sex = gender switch
        {
            null => Sex.Unknown,
            "female" => Sex.Female,
            "male" => Sex.Male,
            "other" => Sex.Other,
            "unknown" => Sex.Unknown,
            _ => UnknownGender(scope, patient.Path, gender),
        };

        var born = facts.BirthDate?.ToString() ?? "unknown";
        scope.Used(MappedFact.Patient, $"Patient {scope.Id ?? "(no id)"}: born {born}, sex {facts.Sex}");
    }

    private static Sex UnknownGender(ResourceScope scope, string path, string gender)
    {
        scope.Problem(
            MappingProblemCode.InvalidMemberType,
            $"{scope.Label}: gender '{Echo.Value(gender)}' is not female, male, other or unknown; sex was left unknown.",
            path + ".gender");
        return Sex.Unknown;
    }
}
