namespace Imuran.ClinicalRules.Fhir;

/// <summary>Why a resource gave no fact. Numeric values are stable and never renumbered.</summary>
public enum UnrecognisedReason
{
    /// <summary>The resource type is not one this reader maps (e.g. Encounter, DiagnosticReport).</summary>
    ResourceTypeNotRead = 1,

    /// <summary>The resource type is read, but none of its codes or texts is one the reader knows.</summary>
    CodeNotRecognised = 2,

    /// <summary>The code is known, but the value is missing or not one the reader can translate.</summary>
    ValueNotRecognised = 3,

    /// <summary>The resource is about another patient than the one in the payload, and was left out.</summary>
    OtherPatient = 4,

    /// <summary>A supporting resource (e.g. a Medication) that nothing in the payload refers to.</summary>
    NotReferenced = 5,

    /// <summary>The resource could not be read (for example it is not a JSON object).</summary>
    Unreadable = 6,
}
