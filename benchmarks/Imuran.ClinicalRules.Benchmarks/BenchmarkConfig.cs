using System;
using System.IO;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Imuran.ClinicalRules.Benchmarks;

/// <summary>
/// What every benchmark reports: mean, median, operations per second and allocated bytes (memory diagnoser), with the
/// artifacts under <c>benchmarks/BenchmarkDotNet.Artifacts</c> (git-ignored; <see cref="Program"/> copies the tables
/// to <c>benchmarks/results</c>).
/// </summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.OperationsPerSecond);
        WithArtifactsPath(Path.Combine(RepositoryPaths.Benchmarks, "BenchmarkDotNet.Artifacts"));
        WithOptions(ConfigOptions.DisableLogFile);
    }
}

/// <summary>Where the repository and its benchmarks folder are, found from the running program.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Imuran.ClinicalRules.sln")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? Directory.GetCurrentDirectory();
        }
    }

    public static string Benchmarks => Path.Combine(Root, "benchmarks");
}
