using System.Linq;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// Immunization → a vaccination given (completed) or planned (a date after the evaluation date);
/// ImmunizationRecommendation → vaccinations planned. An Immunization among the draft orders of a CDS Hooks call
/// (<see cref="MappingContext.IsDraft"/>) is planned whatever its status, unless entered in error.
/// </summary>
internal static class ImmunizationMapper
{
    public static void MapImmunization(FhirNode immunization, MappingContext context)
    {
        var scope = immunization.Scope;
        var status = immunization.String("status");
        if (status is "entered-in-error")
        {
            scope.Ignored("entered-in-error");
            return;
        }

        if (immunization.Concept("vaccineCode") is not { } vaccine)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label} has no vaccineCode.");
            return;
        }

        var date = immunization.FirstDate("occurrenceDateTime");
        var future = date is { } day && day > context.EvaluationDate;
        VaccinationStatus vaccinationStatus;
        switch (status)
        {
            case var _ when context.IsDraft(immunization.Path):
                // Being ordered now: planned, whatever status the EHR put on the draft (QA, 2 Dec).
                vaccinationStatus = VaccinationStatus.Planned;
                break;
            case "completed":
                vaccinationStatus = future ? VaccinationStatus.Planned : VaccinationStatus.Given;
                break;
            case "not-done" when future:
                vaccinationStatus = VaccinationStatus.Planned;
                break;
            case "not-done":
                scope.Ignored("not-done, with no planned date after the evaluation date");
                return;
            default:
                scope.Problem(
                    MappingProblemCode.StatusUnknown,
                    $"{scope.Label} has {(status is null ? "no status" : $"status '{Echo.Value(status)}'")}; it was read as given (planned when dated after the evaluation date).",
                    immunization.Path + ".status");
                vaccinationStatus = future ? VaccinationStatus.Planned : VaccinationStatus.Given;
                break;
        }

        AddVaccination(scope, vaccine, date, vaccinationStatus, context);
    }

    public static void MapRecommendation(FhirNode recommendation, MappingContext context)
    {
        var scope = recommendation.Scope;
        var mapped = 0;
        foreach (var item in recommendation.Array("recommendation"))
        {
            var forecast = item.Concept("forecastStatus")?.FirstCode();
            if (forecast is "immune" or "contraindicated" or "complete")
            {
                continue;
            }

            var dates = item.Array("dateCriterion").Select(c => c.FirstDate("value")).Where(d => d is not null).Select(d => d!.Value).ToList();
            ClinicalDate? date = dates.Count == 0 ? null : dates.Min();
            foreach (var vaccine in item.Concepts("vaccineCode"))
            {
                AddVaccination(scope, vaccine, date, VaccinationStatus.Planned, context);
                mapped++;
            }
        }

        if (mapped == 0 && !scope.Reported)
        {
            scope.Ignored("no recommendation that is due or overdue names a vaccine");
        }
    }

    /// <summary>One vaccination, by CVX code or name; a vaccine with neither is unrecognised. Also for vaccines ordered as medicines.</summary>
    public static void AddVaccination(ResourceScope scope, Concept vaccine, ClinicalDate? date, VaccinationStatus status, MappingContext context)
    {
        var cvx = vaccine.Find(Systems.Cvx);
        var name = vaccine.Name(cvx);
        if (cvx is null && name is null)
        {
            scope.Unrecognised(UnrecognisedReason.CodeNotRecognised, $"{scope.Label}: the vaccine has no CVX code and no name ({vaccine}).");
            return;
        }

        context.Facts.Vaccinations.Add(new Vaccination { CvxCode = cvx?.Code, Name = name, Date = date, Status = status });
        var code = cvx is null ? "no CVX code" : "CVX " + cvx.Code;
        var when = date is null ? "no date" : date.ToString();
        scope.Used(MappedFact.Vaccination, $"Vaccination '{Echo.Name(name)}' ({Echo.Value(code)}), {status}, {when}", matchedByText: cvx is null);
    }
}
