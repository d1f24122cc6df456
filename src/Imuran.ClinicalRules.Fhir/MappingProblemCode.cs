namespace Imuran.ClinicalRules.Fhir;

/// <summary>What kind of problem the reader met. Numeric values are stable and never renumbered.</summary>
public enum MappingProblemCode
{
    /// <summary>A known member has the wrong JSON type (e.g. <c>"status": 5</c>); it was treated as absent.</summary>
    InvalidMemberType = 1,

    /// <summary>A date is not a valid FHIR date, or is only a year or a month where a day is needed.</summary>
    InvalidDate = 2,

    /// <summary>A laboratory result has no unit; it is passed on, and the core's validation will reject it.</summary>
    LabWithoutUnit = 3,

    /// <summary>A laboratory result has no date; it is passed on, and the core's validation will reject it.</summary>
    LabWithoutDate = 4,

    /// <summary>A laboratory result has no numeric value; no result was made.</summary>
    LabWithoutValue = 5,

    /// <summary>A laboratory value carries a comparator (e.g. <c>&gt;60</c>) that the patient facts cannot hold.</summary>
    ComparatorIgnored = 6,

    /// <summary>An interpretation code other than L, LL, H, HH or N; the flag was left as none.</summary>
    InterpretationNotMapped = 7,

    /// <summary>Pregnancy statuses of the same date contradict each other; the status was set to unknown.</summary>
    ContradictoryPregnancyStatus = 8,

    /// <summary>Breastfeeding records contradict each other; breastfeeding was set to <see langword="true"/>.</summary>
    ContradictoryBreastfeeding = 9,

    /// <summary>The server reported an issue (an OperationOutcome, e.g. a search entry with <c>search.mode = outcome</c>).</summary>
    ServerReportedIssue = 10,

    /// <summary>A search Bundle has a <c>next</c> link: only this page was read, so data may be missing.</summary>
    IncompleteSearchResults = 11,

    /// <summary>A status is missing or <c>unknown</c>; the resource was read as current, to stay on the safe side.</summary>
    StatusUnknown = 12,

    /// <summary>A resource about another patient was left out.</summary>
    OtherPatient = 13,

    /// <summary>The same Patient appears more than once; the first was used.</summary>
    DuplicatePatient = 14,

    /// <summary>Azathioprine is active but its start date is unknown; therapy was taken as continuing.</summary>
    TherapyStartUnknown = 15,

    /// <summary>A Bundle nests Bundles deeper than the reader follows; the inner ones were not read.</summary>
    BundleNestingTooDeep = 16,

    /// <summary>A resource could not be mapped because of an unexpected shape; it is listed as unrecognised.</summary>
    MappingFailed = 17,

    /// <summary>A member is given more than once in the same object; JSON readers differ on which one wins, so it was read as absent.</summary>
    DuplicateMember = 18,

    /// <summary>
    /// A medicine's name names more than one medicine the rules know (e.g. <c>allopurinol … reduce azathioprine</c>);
    /// the order was read as the first one it names (or as azathioprine when it names it first). The rules check every
    /// medicine the name passed on to them names, as taken, with a data-quality finding (AZA-DQ-001); the order itself
    /// stays ambiguous, so the data are incomplete.
    /// </summary>
    SeveralMedicinesNamed = 19,

    /// <summary>
    /// A current (active, on-hold, draft or planned) medication order or statement names no medicine the reader can
    /// identify (an unresolved <c>medicationReference</c> without a display, or a medication of the wrong datatypes); it
    /// gave no fact, so the medicine was not checked by any rule.
    /// </summary>
    MedicineNotIdentified = 20,

    /// <summary>
    /// A medication statement is current (e.g. <c>active</c>) but its period ended before the evaluation date. It was
    /// read as current, the more cautious reading (its interactions are checked), without the end date. Whether the medicine
    /// is still taken cannot be told from the record, so the data are incomplete (as for <see cref="StatusContradictsAbatement"/>).
    /// </summary>
    StatusContradictsPeriod = 21,

    /// <summary>
    /// A Bundle entry gives no resource: it is null or not an object, its <c>resource</c> is missing, null or not an
    /// object, and it has no <c>request</c> or <c>response</c> that would explain the absence (FHIR invariant bdl-5).
    /// What it held was not read, so facts may be missing.
    /// </summary>
    EntryWithoutResource = 22,

    /// <summary>
    /// An Observation of a kind the reader reads (a TPMT or NUDT15 result, a laboratory result, a pregnancy or
    /// breastfeeding status) has status <c>preliminary</c>, <c>unknown</c>, no status (it is 1..1 in FHIR R4) or one
    /// that is not R4's: its result may not be final, so it was not read as one. A result is on file that the evaluation
    /// does not use (a preliminary poor-metaboliser result, say), so data are missing. <c>registered</c>,
    /// <c>cancelled</c> and <c>entered-in-error</c> hold no result, and stay ignored without a problem.
    /// </summary>
    ResultNotFinal = 23,

    /// <summary>
    /// A Condition is current (clinicalStatus <c>active</c>, <c>recurrence</c> or <c>relapse</c>) but gives an abatement:
    /// a date on or before the evaluation date (<c>abatementDateTime</c>, <c>abatementPeriod.end</c>, or the start of an
    /// <c>abatementPeriod</c> with no end), or a form with no date (<c>abatementAge</c>, <c>abatementRange</c>,
    /// <c>abatementString</c>, a period with neither date, a date that is not a full one): the two contradict each other
    /// (FHIR con-4). It was read as current, the more cautious reading (an active pregnancy stays a pregnancy); whether it
    /// still applies cannot be told from the record, so the data are incomplete.
    /// </summary>
    StatusContradictsAbatement = 24,

    /// <summary>
    /// A vaccine ordered as a medicine (a MedicationRequest coded with CVX) has status <c>stopped</c>: the order was
    /// stopped, so whether the vaccine was given, and when, is not known. It was read as given on the order's date
    /// (planned when that date is after the evaluation date), the more cautious reading (a live vaccine stays in view of
    /// the live-vaccine rule); the data are incomplete. A <c>completed</c> order, or a MedicationStatement <c>stopped</c>
    /// (taken, then stopped), is read as given without it.
    /// </summary>
    VaccineOrderStopped = 25,
}
