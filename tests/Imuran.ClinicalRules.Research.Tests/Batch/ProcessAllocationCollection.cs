namespace Imuran.ClinicalRules.Research.Tests.Batch;

/// <summary>
/// Tests that measure what the whole process allocates (<c>GC.GetTotalAllocatedBytes</c>) run in this collection,
/// which xunit runs after the others and never beside them, so another test's allocations cannot count against them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessAllocationCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process-wide allocation measurements";
}
