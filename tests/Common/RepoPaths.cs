using System.IO;

namespace Imuran.ClinicalRules.Tests.Support;

/// <summary>Finds the repository root (the folder holding the solution). Tests read nothing outside it.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Imuran.ClinicalRules.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Imuran.ClinicalRules.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string InRepo(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());
}
