namespace Imuran.ClinicalRules.Rules.Model;

/// <summary>A working fact that a <see cref="WorkingFactPool"/> keeps for the next evaluation on its thread.</summary>
internal interface IReusableFact
{
    /// <summary>
    /// Back to the state of an unused fact: every member to its default, no reference to a patient's input or to
    /// another fact kept (lists the fact owns are kept, emptied). Its <c>Init</c> calls this first, so a reused fact is
    /// exactly a new one.
    /// </summary>
    void Clear();
}
