using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>
/// Read-only copies for the report records. The core has the same helper but keeps it internal to its assembly.
/// </summary>
internal static class ReadOnly
{
    /// <summary>Copies a caller's collection so later changes to it cannot reach an immutable record.</summary>
    public static IReadOnlyList<T> Copy<T>(IEnumerable<T>? source)
    {
        switch (source)
        {
            case null:
                return Array.Empty<T>();
            case FrozenList<T> frozen:
                return frozen;
            case T[] { Length: 0 }:
                return Array.Empty<T>();
        }

        var list = new List<T>(source);
        return list.Count == 0 ? Array.Empty<T>() : new FrozenList<T>(list);
    }

    /// <summary>A read-only list whose backing list no one holds for writing.</summary>
    private sealed class FrozenList<T> : ReadOnlyCollection<T>
    {
        public FrozenList(IList<T> list)
            : base(list)
        {
        }
    }
}
