using System.Collections.Concurrent;

namespace Imuran.ClinicalRules.Engine;

/// <summary>The <c>{name}</c> form of a placeholder name, made once per name (rules use a handful of names).</summary>
internal static class Placeholders
{
    private const int MaxNames = 1024;

    private static readonly ConcurrentDictionary<string, string> Braced = new(System.StringComparer.Ordinal);

    public static string Of(string name)
    {
        if (Braced.TryGetValue(name, out var braced))
        {
            return braced;
        }

        braced = "{" + name + "}";
        if (Braced.Count < MaxNames)
        {
            Braced.TryAdd(name, braced);
        }

        return braced;
    }
}
