namespace Imuran.ClinicalRules.Fhir;

/// <summary>A problem met while reading one resource (or the payload). The rest of the payload was still read. Immutable.</summary>
public sealed record MappingProblem
{
    /// <summary>The machine-readable kind of problem, as an enum for <c>switch</c>; <see cref="ErrorCode"/> is its stable text form.</summary>
    public MappingProblemCode Code { get; init; }

    /// <summary>
    /// The stable code of <see cref="Code"/> from the one vocabulary, <see cref="Validation.ErrorCodes"/> (e.g.
    /// <c>FHIR_LAB_WITHOUT_UNIT</c>): the form to log, store or compare.
    /// </summary>
    public string ErrorCode => Internal.StableCodes.Of(Code);

    /// <summary>
    /// Whether the problem means data are missing or were not all read, not merely odd: an incomplete search result, an
    /// issue the server reported, nesting too deep to read, a resource that could not be mapped, a medicine text naming
    /// several medicines, a current order whose medicine could not be identified, a Bundle entry that gives no
    /// resource, a result of a kind read that is not final, a current condition that abated, or a current medication statement
    /// whose period ended. An evaluation of data with such a
    /// problem is not complete, whatever the rules did with the rest: the CDS Hooks service says its cards were computed
    /// from incomplete data, and <c>imuran-rules check</c> reports "Complete: NO" (exit 1).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived from Code, like ErrorCode's text; not part of a problem's serialized form
    public bool MeansIncompleteData => Code is MappingProblemCode.IncompleteSearchResults
        or MappingProblemCode.ServerReportedIssue
        or MappingProblemCode.BundleNestingTooDeep
        or MappingProblemCode.MappingFailed
        or MappingProblemCode.SeveralMedicinesNamed
        or MappingProblemCode.MedicineNotIdentified
        or MappingProblemCode.EntryWithoutResource
        or MappingProblemCode.ResultNotFinal
        or MappingProblemCode.StatusContradictsAbatement
        or MappingProblemCode.StatusContradictsPeriod
        or MappingProblemCode.VaccineOrderStopped;

    /// <summary>What is wrong, in words, naming the resource and value concerned.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>The resource type concerned, e.g. <c>Observation</c>.</summary>
    public string ResourceType { get; init; } = string.Empty;

    /// <summary>The resource id, when it has one.</summary>
    public string? Id { get; init; }

    /// <summary>Where the problem is, e.g. <c>Bundle.entry[3].resource.valueQuantity</c>.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>
    /// For <see cref="MappingProblemCode.MedicineNotIdentified"/>: the order or statement is one the reader reads as not
    /// yet taken (a draft, intended, proposed or planned one: "considered" were it azathioprine), so it cannot show the
    /// patient taking the medicine. <see langword="false"/> (the cautious default) when it could: active, on-hold or of
    /// no known status (newly started or continuing were it azathioprine). The CDS Hooks service's patient-view reads it.
    /// </summary>
    internal bool NotYetTaken { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorCode} at {Path}: {Message}";
}
