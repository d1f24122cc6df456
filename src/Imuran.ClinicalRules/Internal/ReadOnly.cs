using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Imuran.ClinicalRules.Internal;

internal static class ReadOnly
{
    public static IReadOnlyList<T> Empty<T>() => Array.Empty<T>();

    /// <summary>
    /// Copies a caller's collection so later changes to it cannot reach an immutable record. A list this library
    /// froze itself is shared as it is.
    /// </summary>
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

    /// <summary>Wraps a list this library made and will never change again, without copying it.</summary>
    public static IReadOnlyList<T> Freeze<T>(IList<T> owned) => owned.Count == 0 ? Array.Empty<T>() : new FrozenList<T>(owned);
}

/// <summary>A read-only list whose backing list no one holds for writing.</summary>
internal sealed class FrozenList<T> : ReadOnlyCollection<T>
{
    public FrozenList(IList<T> list)
        : base(list)
    {
    }
}
