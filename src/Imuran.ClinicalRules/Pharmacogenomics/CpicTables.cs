using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Pharmacogenomics;

/// <summary>
/// The CPIC allele-function tables for TPMT and NUDT15, the diplotype-to-phenotype rule and the combined
/// TPMT x NUDT15 recommendation categories, loaded from data embedded in the library. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Source: CPIC Guideline for Thiopurine Dosing Based on TPMT and NUDT15 Genotypes (2018 update, PMID 30447069),
/// allele functions as published 2025-11-05. A later CPIC update is a data change with its own version string.
/// </remarks>
public sealed class CpicTables
{
    private static readonly Regex DiplotypePattern = new(
        @"^\s*(?:(TPMT|NUDT15)\s*)?(\*[0-9]+[A-Z]?)\s*/\s*(?:(TPMT|NUDT15)\s*)?(\*[0-9]+[A-Z]?)\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Lazy<CpicTables> LazyDefault = new(Load);

    /// <summary>How many distinct diplotype texts are remembered; beyond it (unusual input) each is translated anew.</summary>
    private const int MaxCachedTranslations = 4096;

    private readonly Dictionary<string, AlleleFunction>[] _alleles;
    private readonly Dictionary<(Gene, AlleleFunction, AlleleFunction), MetabolizerPhenotype> _pairs;
    private readonly Dictionary<(MetabolizerPhenotype?, MetabolizerPhenotype?), CpicCategory> _combined;
    private readonly ConcurrentDictionary<string, PhenotypeTranslation?>[] _translations =
    {
        new(StringComparer.Ordinal), new(StringComparer.Ordinal),
    };

    private int _cached;

    private CpicTables(
        Dictionary<string, AlleleFunction>[] alleles,
        Dictionary<(Gene, AlleleFunction, AlleleFunction), MetabolizerPhenotype> pairs,
        Dictionary<(MetabolizerPhenotype?, MetabolizerPhenotype?), CpicCategory> combined,
        string alleleVersion,
        string categoryVersion)
    {
        _alleles = alleles;
        _pairs = pairs;
        _combined = combined;
        AlleleFunctionVersion = alleleVersion;
        CategoryVersion = categoryVersion;
    }

    /// <summary>The tables embedded in this version of the library.</summary>
    public static CpicTables Default => LazyDefault.Value;

    /// <summary>The data version of the allele-function tables, e.g. <c>2025-11-05-00-25</c>.</summary>
    public string AlleleFunctionVersion { get; }

    /// <summary>The data version of the combined-category table.</summary>
    public string CategoryVersion { get; }

    /// <summary>The citation for these tables.</summary>
    public string Citation =>
        "CPIC Guideline for Thiopurine Dosing Based on TPMT and NUDT15 Genotypes, 2018 update (Relling et al., "
        + "Clin Pharmacol Ther 2019;105:1095-1105, PMID 30447069); allele functions as published " + AlleleFunctionVersion;

    /// <summary>
    /// Whether <paramref name="diplotype"/> has the form <c>*A/*B</c> (e.g. <c>*1/*3A</c>), each allele optionally after
    /// a gene symbol (<c>TPMT*1/TPMT*3A</c>); whether the symbol is the result's gene is checked when it is translated.
    /// </summary>
    public static bool IsWellFormedDiplotype(string? diplotype)
    {
        if (diplotype is null)
        {
            return false;
        }

        var ascii = DiplotypeText.Parse(diplotype, out _);
        return ascii == DiplotypeText.Outcome.NotAscii ? DiplotypePattern.IsMatch(diplotype) : ascii == DiplotypeText.Outcome.Match;
    }

    /// <summary>The function of an allele of <paramref name="gene"/>; <see cref="AlleleFunction.NotInTable"/> if not listed.</summary>
    public AlleleFunction FunctionOf(Gene gene, string allele) =>
        _alleles[GeneSlot(gene)].TryGetValue(allele.Trim().ToUpperInvariant(), out var f) ? f : AlleleFunction.NotInTable;

    /// <summary>The alleles listed for <paramref name="gene"/>.</summary>
    public IReadOnlyCollection<string> AllelesOf(Gene gene) => _alleles[GeneSlot(gene)].Keys;

    /// <summary>
    /// Translates a diplotype with the CPIC allele-function rule. Allele order does not matter. An allele not in the
    /// table is treated as unknown function, which makes the phenotype indeterminate (or possible intermediate with a
    /// no-function partner).
    /// </summary>
    /// <returns><see langword="null"/> when <paramref name="diplotype"/> is not of the form <c>*A/*B</c>.</returns>
    public PhenotypeTranslation? Translate(Gene gene, string? diplotype)
    {
        if (diplotype is null)
        {
            return null;
        }

        // Translations are immutable, so the usual handful of diplotype texts are translated once and shared.
        if (gene is Gene.Tpmt or Gene.Nudt15)
        {
            var cache = _translations[GeneSlot(gene)];
            if (cache.TryGetValue(diplotype, out var known))
            {
                return known;
            }

            var translated = TranslateUncached(gene, diplotype);
            if (System.Threading.Interlocked.Increment(ref _cached) <= MaxCachedTranslations)
            {
                cache.TryAdd(diplotype, translated);
            }

            return translated;
        }

        return TranslateUncached(gene, diplotype);
    }

    private PhenotypeTranslation? TranslateUncached(Gene gene, string diplotype)
    {
        string a1, a2;
        var ascii = DiplotypeText.Parse(diplotype, out var alleles);
        if (ascii == DiplotypeText.Outcome.NotAscii)
        {
            var m = DiplotypePattern.Match(diplotype);
            if (!m.Success || !IsSymbolOf(gene, m.Groups[1].Value) || !IsSymbolOf(gene, m.Groups[3].Value))
            {
                return null;
            }

            a1 = m.Groups[2].Value.ToUpperInvariant();
            a2 = m.Groups[4].Value.ToUpperInvariant();
        }
        else if (ascii == DiplotypeText.Outcome.Match)
        {
            // A gene symbol written before an allele must be the result's own: another gene's alleles are not this one's.
            if (!IsSymbolOf(gene, alleles.Symbol1) || !IsSymbolOf(gene, alleles.Symbol2))
            {
                return null;
            }

            a1 = diplotype.Substring(alleles.Start1, alleles.Length1).ToUpperInvariant();
            a2 = diplotype.Substring(alleles.Start2, alleles.Length2).ToUpperInvariant();
        }
        else
        {
            return null;
        }

        var f1 = FunctionOf(gene, a1);
        var f2 = FunctionOf(gene, a2);
        var phenotype = _pairs.TryGetValue((gene, Effective(f1), Effective(f2)), out var p)
            ? p
            : MetabolizerPhenotype.Indeterminate;
        return new PhenotypeTranslation(gene, a1 + "/" + a2, phenotype, a1, f1, a2, f2);
    }

    /// <summary>The CPIC category for a combined phenotype; <see langword="null"/> stands for "no result".</summary>
    public CpicCategory CategoryFor(MetabolizerPhenotype? tpmt, MetabolizerPhenotype? nudt15) => _combined[(tpmt, nudt15)];

    private static bool IsSymbolOf(Gene gene, DiplotypeText.Symbol symbol) =>
        symbol == DiplotypeText.Symbol.None || symbol == (gene == Gene.Tpmt ? DiplotypeText.Symbol.Tpmt : DiplotypeText.Symbol.Nudt15);

    private static bool IsSymbolOf(Gene gene, string symbol) =>
        symbol.Length == 0 || string.Equals(symbol, gene == Gene.Tpmt ? "TPMT" : "NUDT15", StringComparison.OrdinalIgnoreCase);

    private static AlleleFunction Effective(AlleleFunction f) => f == AlleleFunction.NotInTable ? AlleleFunction.Unknown : f;

    private static int GeneSlot(Gene gene) => gene switch
    {
        Gene.Tpmt => 0,
        Gene.Nudt15 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(gene), gene, "Only TPMT and NUDT15 are supported."),
    };

    private static CpicTables Load()
    {
        var alleles = new[] { new Dictionary<string, AlleleFunction>(), new Dictionary<string, AlleleFunction>() };
        var alleleVersion = string.Empty;
        foreach (var (gene, file) in new[] { (Gene.Tpmt, "tpmt-alleles.tsv"), (Gene.Nudt15, "nudt15-alleles.tsv") })
        {
            foreach (var row in Rows(file))
            {
                if (row[0] == "version")
                {
                    alleleVersion = row[1];
                    continue;
                }

                alleles[GeneSlot(gene)][row[0].ToUpperInvariant()] = ParseFunction(row[1]);
            }
        }

        var pairs = new Dictionary<(Gene, AlleleFunction, AlleleFunction), MetabolizerPhenotype>();
        foreach (var row in Rows("function-pairs.tsv"))
        {
            if (row[0] == "version")
            {
                continue;
            }

            var gene = row[0] == "TPMT" ? Gene.Tpmt : Gene.Nudt15;
            var f1 = ParseFunction(row[1]);
            var f2 = ParseFunction(row[2]);
            var phenotype = (MetabolizerPhenotype)Enum.Parse(typeof(MetabolizerPhenotype), row[3]);
            pairs[(gene, f1, f2)] = phenotype;
            pairs[(gene, f2, f1)] = phenotype;
        }

        var combined = new Dictionary<(MetabolizerPhenotype?, MetabolizerPhenotype?), CpicCategory>();
        var categoryVersion = string.Empty;
        foreach (var row in Rows("combined-categories.tsv"))
        {
            if (row[0] == "version")
            {
                categoryVersion = row[1];
                continue;
            }

            combined[(ParsePhenotype(row[0]), ParsePhenotype(row[1]))] = new CpicCategory(row[2], row[3]);
        }

        return new CpicTables(alleles, pairs, combined, alleleVersion, categoryVersion);
    }

    private static MetabolizerPhenotype? ParsePhenotype(string text) =>
        text == "None" ? null : (MetabolizerPhenotype)Enum.Parse(typeof(MetabolizerPhenotype), text);

    private static AlleleFunction ParseFunction(string text) => text switch
    {
        "Normal function" => AlleleFunction.Normal,
        "No function" => AlleleFunction.None,
        "Uncertain function" => AlleleFunction.Uncertain,
        "Unknown function" => AlleleFunction.Unknown,
        "Decreased function" => AlleleFunction.Decreased,
        _ => throw new InvalidDataException($"Unknown allele function '{text}' in the embedded CPIC data."),
    };

    private static IEnumerable<string[]> Rows(string file)
    {
        var name = "Imuran.ClinicalRules.Pharmacogenomics.Data." + file;
        using var stream = typeof(CpicTables).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        string? line;
        var rows = new List<string[]>();
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            rows.Add(line.Split('\t'));
        }

        return rows;
    }
}
