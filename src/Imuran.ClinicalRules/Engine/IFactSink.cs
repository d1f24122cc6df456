namespace Imuran.ClinicalRules.Engine;

/// <summary>Takes facts derived by code that a rule's action calls (so the same code can run outside the engine).</summary>
internal interface IFactSink
{
    /// <summary>Adds a derived fact.</summary>
    void Insert(object fact);
}
