namespace Imuran.ClinicalRules.CdsHooks.Discovery;

/// <summary>The hooks the service answers. Numeric values are stable and never renumbered.</summary>
internal enum HookKind
{
    /// <summary><c>patient-view</c>: the chart is opened; cards only when the patient takes azathioprine.</summary>
    PatientView = 1,

    /// <summary><c>order-select</c>: a draft order was picked; fires early, often with no medication yet.</summary>
    OrderSelect = 2,

    /// <summary><c>order-sign</c>: draft orders are about to be signed.</summary>
    OrderSign = 3,

    /// <summary><c>medication-prescribe</c> (deprecated, still sent by older EHRs): the order comes as <c>medications</c> or <c>draftOrders</c>.</summary>
    MedicationPrescribe = 4,

    /// <summary><c>medication-verify</c>: a pharmacist verifies a signed order, given as <c>medication</c> or <c>order</c>.</summary>
    MedicationVerify = 5,
}
