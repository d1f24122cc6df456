namespace Imuran.ClinicalRules.Fhir.Tests.Mapping;

/// <summary>
/// Which mapping problems mean the data were not all read: one list, read by the CDS Hooks service (its "computed from
/// incomplete data" wording) and by <c>imuran-rules check</c> ("Complete: NO", exit 1).
/// </summary>
public sealed class MappingProblemIncompleteDataTests
{
    [Theory]
    [InlineData(MappingProblemCode.IncompleteSearchResults, true)]
    [InlineData(MappingProblemCode.ServerReportedIssue, true)]
    [InlineData(MappingProblemCode.BundleNestingTooDeep, true)]
    [InlineData(MappingProblemCode.MappingFailed, true)]
    [InlineData(MappingProblemCode.SeveralMedicinesNamed, true)]
    [InlineData(MappingProblemCode.MedicineNotIdentified, true)]
    [InlineData(MappingProblemCode.EntryWithoutResource, true)]
    [InlineData(MappingProblemCode.ResultNotFinal, true)] // a result on file was not used
    [InlineData(MappingProblemCode.StatusContradictsAbatement, true)] // whether it still applies cannot be told
    [InlineData(MappingProblemCode.VaccineOrderStopped, true)] // whether the vaccine was given cannot be told
    [InlineData(MappingProblemCode.StatusContradictsPeriod, true)] // stop 30: whether it is still taken cannot be told, as for an abated condition
    [InlineData(MappingProblemCode.LabWithoutUnit, false)] // odd data, read and reported, not missing data
    [InlineData(MappingProblemCode.ContradictoryPregnancyStatus, false)] // the rules raise their own finding
    [InlineData(MappingProblemCode.InvalidDate, false)]
    public void MeansIncompleteData_OnlyForDataMissingOrNotAllRead(MappingProblemCode code, bool incomplete) =>
        new MappingProblem { Code = code }.MeansIncompleteData.Should().Be(incomplete);
}
