using System;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>The text form of the FHIR package's enums: codes of the one vocabulary, <see cref="ErrorCodes"/>.</summary>
internal static class StableCodes
{
    public static string Of(FhirReadErrorCode code) => code switch
    {
        FhirReadErrorCode.MalformedJson => ErrorCodes.MalformedInput,
        FhirReadErrorCode.NotFhirResource => ErrorCodes.FhirNotAResource,
        FhirReadErrorCode.UnsupportedFhirVersion => ErrorCodes.FhirUnsupportedVersion,
        FhirReadErrorCode.MissingPatient => ErrorCodes.FhirMissingPatient,
        FhirReadErrorCode.MultiplePatients => ErrorCodes.FhirMultiplePatients,
        FhirReadErrorCode.InvalidText => ErrorCodes.InvalidText,
        FhirReadErrorCode.PayloadTooLarge => ErrorCodes.InputTooLarge,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a FHIR read error code."),
    };

    public static string Of(MappingProblemCode code) => code switch
    {
        MappingProblemCode.InvalidMemberType => ErrorCodes.FhirInvalidMemberType,
        MappingProblemCode.InvalidDate => ErrorCodes.FhirInvalidDate,
        MappingProblemCode.LabWithoutUnit => ErrorCodes.FhirLabWithoutUnit,
        MappingProblemCode.LabWithoutDate => ErrorCodes.FhirLabWithoutDate,
        MappingProblemCode.LabWithoutValue => ErrorCodes.FhirLabWithoutValue,
        MappingProblemCode.ComparatorIgnored => ErrorCodes.FhirComparatorIgnored,
        MappingProblemCode.InterpretationNotMapped => ErrorCodes.FhirInterpretationNotMapped,
        MappingProblemCode.ContradictoryPregnancyStatus => ErrorCodes.FhirContradictoryPregnancyStatus,
        MappingProblemCode.ContradictoryBreastfeeding => ErrorCodes.FhirContradictoryBreastfeeding,
        MappingProblemCode.ServerReportedIssue => ErrorCodes.FhirServerReportedIssue,
        MappingProblemCode.IncompleteSearchResults => ErrorCodes.FhirIncompleteSearchResults,
        MappingProblemCode.StatusUnknown => ErrorCodes.FhirStatusUnknown,
        MappingProblemCode.OtherPatient => ErrorCodes.FhirOtherPatient,
        MappingProblemCode.DuplicatePatient => ErrorCodes.FhirDuplicatePatient,
        MappingProblemCode.TherapyStartUnknown => ErrorCodes.FhirTherapyStartUnknown,
        MappingProblemCode.BundleNestingTooDeep => ErrorCodes.FhirBundleNestingTooDeep,
        MappingProblemCode.MappingFailed => ErrorCodes.FhirMappingFailed,
        MappingProblemCode.DuplicateMember => ErrorCodes.FhirDuplicateMember,
        MappingProblemCode.SeveralMedicinesNamed => ErrorCodes.FhirSeveralMedicinesNamed,
        MappingProblemCode.MedicineNotIdentified => ErrorCodes.FhirMedicineNotIdentified,
        MappingProblemCode.StatusContradictsPeriod => ErrorCodes.FhirStatusContradictsPeriod,
        MappingProblemCode.EntryWithoutResource => ErrorCodes.FhirEntryWithoutResource,
        MappingProblemCode.ResultNotFinal => ErrorCodes.FhirResultNotFinal,
        MappingProblemCode.StatusContradictsAbatement => ErrorCodes.FhirStatusContradictsAbatement,
        MappingProblemCode.VaccineOrderStopped => ErrorCodes.FhirVaccineOrderStopped,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Not a mapping problem code."),
    };
}
