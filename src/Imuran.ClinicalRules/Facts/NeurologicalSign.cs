namespace Imuran.ClinicalRules.Facts;

/// <summary>A new neurological sign reported while on therapy. Numeric values are stable.</summary>
public enum NeurologicalSign
{
    /// <summary>Another new neurological sign.</summary>
    Other = 0,

    /// <summary>New confusion or change in thinking.</summary>
    Confusion = 1,

    /// <summary>New weakness on one side or clumsiness.</summary>
    Weakness = 2,

    /// <summary>Change in vision.</summary>
    VisionChange = 3,

    /// <summary>Change in speech.</summary>
    SpeechChange = 4,

    /// <summary>Loss of coordination or balance.</summary>
    Coordination = 5,
}
