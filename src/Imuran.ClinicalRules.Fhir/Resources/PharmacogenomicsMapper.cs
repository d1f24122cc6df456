using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir.Internal;
using Imuran.ClinicalRules.Fhir.Mapping;

namespace Imuran.ClinicalRules.Fhir.Resources;

/// <summary>
/// TPMT and NUDT15 results in every shape listed in shared/interop/README.md:
/// <list type="number">
/// <item>Genomics Reporting 3.0 genotype (LOINC 84413-4, gene in component 48018-6) and therapeutic implication
/// (phenotype as a LOINC answer in a component, gene from its own component or from the genotype it derives from);</item>
/// <item>the older phenotype under LOINC 53040-2;</item>
/// <item>TPMT interpretation LOINC 79713-4;</item>
/// <item>R4 core legacy: SNOMED 363779003 with the observation-geneticsGene extension and a valueString diplotype;</item>
/// <item>red-cell TPMT activity (LOINC codes in codes.md) as a lab result, and a phenotype when one is stated.</item>
/// </list>
/// Other genes, haplotypes and answers that are not TPMT/NUDT15 metabolizer phenotypes are listed as unrecognised.
/// </summary>
internal static class PharmacogenomicsMapper
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Allele = @"\*[0-9A-Za-z]+(?:\.[0-9]+)?";
    /// <summary>No match timeout, as in <see cref="Internal.TextMatch"/>: the patterns are linear, and a timeout would make the facts depend on load.</summary>
    private static readonly TimeSpan Timeout = Regex.InfiniteMatchTimeout;
    // The second allele may repeat the gene symbol, the same gene only (\1; stop 28: "TPMT *1/NUDT15 *3" was read as TPMT *1/*3).
    private static readonly Regex GeneDiplotype = new($@"\b(TPMT|NUDT15)\s*({Allele})\s*/\s*(?:\1\s*)?({Allele})", Options, Timeout);
    private static readonly Regex BareDiplotype = new($@"^\s*({Allele})\s*/\s*({Allele})\s*$", Options, Timeout);
    private static readonly Regex GeneName = new(@"\b(TPMT|NUDT15)\b", Options, Timeout);
    private static readonly Regex PhenotypeText = new(
        @"\b(?<kind>poor|possible intermediate|intermediate|normal|rapid|ultrarapid|ultra-rapid|indeterminate)\s+metaboli[sz]er\b|^\s*(?<kind>indeterminate)\s*$",
        Options,
        Timeout);

    /// <summary>Whether the observation is of a pharmacogenomic shape, one <see cref="TryMap"/> maps.</summary>
    public static bool IsPharmacogenomic(FhirNode observation, Concept code) =>
        IsShape(code, GeneMarkers(observation), Values.Read(observation));

    /// <summary>Maps the observation when it is a pharmacogenomic shape; <see langword="false"/> when it is not one.</summary>
    public static bool TryMap(FhirNode observation, Concept code, ResourceEntry entry, ClinicalDate? date, MappingContext context)
    {
        var values = Values.Read(observation);
        var markers = GeneMarkers(observation);
        if (!IsShape(code, markers, values))
        {
            return false;
        }

        var genotypeShape = IsGenotypeCode(code);
        var activity = IsActivityCode(code);

        var scope = observation.Scope;
        var derived = DerivedFrom(observation, entry, context);
        var gene = ResolveGene(code, markers, derived, values);

        if (activity)
        {
            MapActivity(observation, code, date, values, context);
            return true;
        }

        if (genotypeShape)
        {
            MapGenotype(scope, gene, date, values, derived, context);
            return true;
        }

        if (gene.Gene is null)
        {
            scope.Unrecognised(
                gene.Other is null ? UnrecognisedReason.ValueNotRecognised : UnrecognisedReason.CodeNotRecognised,
                $"{scope.Label}: pharmacogenomic result {values.Describe()} {GeneProblem(gene)}.");
            return true;
        }

        var phenotype = ReadPhenotype(values, out var otherAnswer);
        if (phenotype is null)
        {
            if (Diplotypes(values, gene.Gene).Count > 0)
            {
                MapGenotype(scope, gene, date, values, derived, context);
                return true;
            }

            scope.Unrecognised(
                UnrecognisedReason.ValueNotRecognised,
                $"{scope.Label}: {gene.Gene} result {otherAnswer ?? values.Describe()} is not a metabolizer phenotype the rules know (poor, intermediate, possible intermediate, normal, indeterminate).");
            return true;
        }

        var method = derived.Any(d => d.IsGenotype) ? TestMethod.Genotype : TestMethod.Unspecified;
        Add(scope, new PharmacogenomicResult { Gene = gene.Gene.Value, Phenotype = phenotype, Method = method, Date = date }, derived, entry, context);
        return true;
    }

    private static bool IsShape(Concept code, List<Coding> markers, Values values) =>
        IsGenotypeCode(code)
        || IsActivityCode(code)
        || code.Has(Systems.Loinc, Codes.DrugMetabolismEffect)
        || code.Has(Systems.Loinc, Codes.TpmtInterpretation)
        || code.Has(Codes.GenomicsReportingCodes, Codes.TherapeuticImplication)
        || markers.Count > 0
        || values.HasCodedPhenotypeAnswer;

    private static bool IsGenotypeCode(Concept code) =>
        code.Has(Systems.Loinc, Codes.GenotypeObservation)
        || code.FindAny(Systems.Loinc, Codes.TpmtGenotypeLoinc) is not null
        || code.Has(Systems.Loinc, Codes.TpmtAndNudt15Genotype)
        || code.Has(Systems.Snomed, Codes.GenotypeDeterminationSnomed);

    private static bool IsActivityCode(Concept code) => code.FindAny(Systems.Loinc, Codes.TpmtActivityLoinc) is not null;

    private static void MapGenotype(ResourceScope scope, GeneFinding gene, ClinicalDate? date, Values values, List<DerivedSource> derived, MappingContext context)
    {
        var diplotypes = Diplotypes(values, gene.Gene);
        if (diplotypes.Count == 0)
        {
            var why = gene.Gene is null
                ? GeneProblem(gene)
                : $"is not a {gene.Gene} diplotype in star-allele form (e.g. *1/*3A)";
            scope.Unrecognised(
                gene.Gene is null && gene.Other is not null ? UnrecognisedReason.CodeNotRecognised : UnrecognisedReason.ValueNotRecognised,
                $"{scope.Label}: genotype {values.Describe()} {why}.");
            if (gene.Gene is { } known && values.PrimaryTexts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t)) is { } raw)
            {
                // A TPMT or NUDT15 result is on file but cannot be read (HGVS, free text): the core reports it as a
                // data-quality finding and lists it as unrecognised, rather than "no result on file".
                Add(scope, new PharmacogenomicResult { Gene = known, Diplotype = raw, Phenotype = ReadPhenotype(values, out _), Method = TestMethod.Genotype, Date = date }, derived, null, context);
            }

            return;
        }

        var phenotype = ReadPhenotype(values, out _);
        foreach (var (geneOf, diplotype) in diplotypes)
        {
            Add(
                scope,
                new PharmacogenomicResult { Gene = geneOf, Diplotype = diplotype, Phenotype = phenotype, Method = TestMethod.Genotype, Date = date },
                derived,
                null,
                context);
        }
    }

    private static void MapActivity(FhirNode observation, Concept code, ClinicalDate? date, Values values, MappingContext context)
    {
        var scope = observation.Scope;
        var loinc = code.FindAny(Systems.Loinc, Codes.TpmtActivityLoinc)!;
        var phenotype = ReadPhenotype(values, out _);
        if (observation.Has("valueQuantity") || phenotype is null)
        {
            if (LabMapper.Map(observation, loinc, code, date) is { } lab)
            {
                context.Facts.LabResults.Add(lab);
            }
        }

        if (phenotype is not null)
        {
            Add(scope, new PharmacogenomicResult { Gene = Gene.Tpmt, Phenotype = phenotype, Method = TestMethod.Activity, Date = date }, new List<DerivedSource>(), null, context);
        }
    }

    private static void Add(ResourceScope scope, PharmacogenomicResult result, List<DerivedSource> derived, ResourceEntry? entry, MappingContext context)
    {
        var key = entry?.Key ?? (scope.Id is null ? null : scope.ResourceType + "/" + scope.Id);
        context.Facts.Pharmacogenomics.Add(new PharmacogenomicEntry(result, key, derived.Select(d => d.Key).ToList()));
        var parts = new List<string>();
        if (result.Diplotype is not null)
        {
            parts.Add("diplotype " + result.Diplotype);
        }

        if (result.Phenotype is not null)
        {
            parts.Add("phenotype " + result.Phenotype);
        }

        scope.Used(MappedFact.Pharmacogenomics, $"{result.Gene} {string.Join(", ", parts)} ({result.Method}{(result.Date is null ? string.Empty : ", " + result.Date)})");
    }

    private static string GeneProblem(GeneFinding gene) => gene.Other is not null
        ? $"concerns {gene.Other}, not TPMT or NUDT15"
        : "names no gene that could be identified as TPMT or NUDT15 (no gene component, geneticsGene extension, resolvable derivedFrom or gene name)";

    /// <summary>
    /// The gene: from a gene-studied component or the geneticsGene extension, from a TPMT-specific code, from the
    /// observation it derives from, or from a single gene name in the texts.
    /// </summary>
    private static GeneFinding ResolveGene(Concept code, List<Coding> markers, List<DerivedSource> derived, Values values)
    {
        var fromMarkers = FromCodings(markers);
        if (fromMarkers.Gene is not null || fromMarkers.Other is not null)
        {
            return fromMarkers;
        }

        if (code.FindAny(Systems.Loinc, Codes.TpmtGenotypeLoinc) is not null
            || code.Has(Systems.Loinc, Codes.TpmtInterpretation)
            || code.FindAny(Systems.Loinc, Codes.TpmtActivityLoinc) is not null)
        {
            return new GeneFinding(Gene.Tpmt, null);
        }

        foreach (var source in derived)
        {
            var fromSource = FromCodings(source.GeneMarkers);
            if (fromSource.Gene is not null || fromSource.Other is not null)
            {
                return fromSource with { Other = fromSource.Other is null ? null : $"{fromSource.Other} (from {source.Key})" };
            }
        }

        var named = new HashSet<Gene>();
        foreach (var text in code.Texts().Concat(values.Texts))
        {
            foreach (Match match in GeneName.Matches(text))
            {
                named.Add(ToGene(match.Value));
            }
        }

        return named.Count == 1 ? new GeneFinding(named.First(), null) : new GeneFinding(null, null);
    }

    private static GeneFinding FromCodings(List<Coding> codings)
    {
        string? other = null;
        foreach (var coding in codings)
        {
            if (Codes.IsHgnc(coding.System) && coding.Code is { } hgnc)
            {
                if (Codes.TpmtHgnc.Contains(hgnc))
                {
                    return new GeneFinding(Gene.Tpmt, null);
                }

                if (Codes.Nudt15Hgnc.Contains(hgnc))
                {
                    return new GeneFinding(Gene.Nudt15, null);
                }
            }

            if (coding.Display is { } display && GeneName.Match(display) is { Success: true } match && match.Value.Length == display.Trim().Length)
            {
                return new GeneFinding(ToGene(match.Value), null);
            }

            other ??= coding.Display is null ? coding.Code : $"{coding.Display} ({coding.Code ?? "no code"})";
        }

        return new GeneFinding(null, other);
    }

    /// <summary>Gene codings from gene-studied components (LOINC 48018-6) and the observation-geneticsGene extension.</summary>
    private static List<Coding> GeneMarkers(FhirNode observation)
    {
        var codings = new List<Coding>();
        foreach (var component in observation.Array("component"))
        {
            if (component.Concept("code")?.Has(Systems.Loinc, Codes.GeneStudied) == true && component.Concept("valueCodeableConcept") is { } gene)
            {
                codings.AddRange(gene.Codings);
            }
        }

        foreach (var extension in observation.Array("extension"))
        {
            if (extension.String("url") == Systems.GeneticsGeneExtension && extension.Concept("valueCodeableConcept") is { } gene)
            {
                codings.AddRange(gene.Codings);
            }
        }

        return codings;
    }

    /// <summary>The observations named in derivedFrom that are in the payload, with their gene codings.</summary>
    private static List<DerivedSource> DerivedFrom(FhirNode observation, ResourceEntry entry, MappingContext context)
    {
        var sources = new List<DerivedSource>();
        foreach (var reference in observation.Array("derivedFrom"))
        {
            if (reference.String("reference") is not { } literal
                || context.Index.Resolve(literal, entry) is not { ResourceType: "Observation" } target)
            {
                continue;
            }

            // Read with a scratch report: problems in the source are reported when the source itself is mapped.
            var scratch = new ResourceScope(target.ResourceType, target.Id, target.Path, new MappingReport());
            var node = new FhirNode(target.Resource, target.Path, scratch);
            var targetCode = node.Concept("code");
            var isGenotype = targetCode is not null
                && (targetCode.Has(Systems.Loinc, Codes.GenotypeObservation)
                    || targetCode.Has(Systems.Snomed, Codes.GenotypeDeterminationSnomed)
                    || targetCode.FindAny(Systems.Loinc, Codes.TpmtGenotypeLoinc) is not null);
            sources.Add(new DerivedSource(target.Key ?? target.Path, GeneMarkers(node), isGenotype));
        }

        return sources;
    }

    /// <summary>Diplotypes in the values: <c>TPMT *1/*3A</c> (several genes possible), or a bare <c>*1/*3A</c> for a known gene.</summary>
    private static List<(Gene Gene, string Diplotype)> Diplotypes(Values values, Gene? gene)
    {
        var found = new List<(Gene, string)>();
        foreach (var text in values.PrimaryTexts)
        {
            foreach (Match match in GeneDiplotype.Matches(text))
            {
                var item = (ToGene(match.Groups[1].Value), Diplotype(match.Groups[2].Value, match.Groups[3].Value));
                if (!found.Contains(item))
                {
                    found.Add(item);
                }
            }
        }

        if (found.Count > 0 || gene is null)
        {
            return found;
        }

        foreach (var text in values.PrimaryTexts)
        {
            if (BareDiplotype.Match(text) is { Success: true } match)
            {
                found.Add((gene.Value, Diplotype(match.Groups[1].Value, match.Groups[2].Value)));
                break;
            }
        }

        return found;
    }

    private static string Diplotype(string first, string second) => first.ToUpperInvariant() + "/" + second.ToUpperInvariant();

    /// <summary>A metabolizer phenotype from a LOINC answer code or a text; other answers come back in <paramref name="other"/>.</summary>
    private static MetabolizerPhenotype? ReadPhenotype(Values values, out string? other)
    {
        other = null;
        foreach (var concept in values.Concepts)
        {
            foreach (var coding in concept.Codings)
            {
                if (coding.System != Systems.Loinc || coding.Code is null)
                {
                    continue;
                }

                switch (coding.Code)
                {
                    case Codes.PoorMetabolizer:
                        return MetabolizerPhenotype.Poor;
                    case Codes.IntermediateMetabolizer:
                        return MetabolizerPhenotype.Intermediate;
                    case Codes.NormalMetabolizer:
                        return MetabolizerPhenotype.Normal;
                }

                if (Codes.OtherMetabolizerAnswers.Contains(coding.Code) || Codes.FunctionAnswers.Contains(coding.Code))
                {
                    other ??= $"'{Echo.Name(coding.Display ?? coding.Code)}' (LOINC {Echo.Value(coding.Code)})";
                }
            }
        }

        foreach (var text in values.Texts)
        {
            if (PhenotypeText.Match(text) is not { Success: true } match)
            {
                continue;
            }

            switch (match.Groups["kind"].Value.ToLowerInvariant())
            {
                case "poor":
                    return MetabolizerPhenotype.Poor;
                case "possible intermediate":
                    return MetabolizerPhenotype.PossibleIntermediate;
                case "intermediate":
                    return MetabolizerPhenotype.Intermediate;
                case "normal":
                    return MetabolizerPhenotype.Normal;
                case "indeterminate":
                    return MetabolizerPhenotype.Indeterminate;
                default:
                    other ??= $"'{Echo.Name(text)}'";
                    break;
            }
        }

        return null;
    }

    private static Gene ToGene(string name) =>
        string.Equals(name, "NUDT15", StringComparison.OrdinalIgnoreCase) ? Gene.Nudt15 : Gene.Tpmt;

    private sealed record GeneFinding(Gene? Gene, string? Other);

    private sealed record DerivedSource(string Key, List<Coding> GeneMarkers, bool IsGenotype);

    /// <summary>
    /// The observation's values: its own value[x] (primary) and its components' values, leaving out the gene-studied
    /// and medication-assessed components.
    /// </summary>
    private sealed class Values
    {
        private readonly string? _medicationAssessed;

        private Values(List<Concept> concepts, List<string> primaryTexts, List<string> texts, string? medicationAssessed)
        {
            Concepts = concepts;
            PrimaryTexts = primaryTexts;
            Texts = texts;
            _medicationAssessed = medicationAssessed;
        }

        public List<Concept> Concepts { get; }

        /// <summary>Texts of the observation's own value: valueString, valueCodeableConcept text and displays.</summary>
        public List<string> PrimaryTexts { get; }

        /// <summary>All value texts, components included.</summary>
        public List<string> Texts { get; }

        public bool HasCodedPhenotypeAnswer => Concepts.Any(c => c.Codings.Any(coding =>
            coding.System == Systems.Loinc && coding.Code is { } answer
            && (answer is Codes.PoorMetabolizer or Codes.IntermediateMetabolizer or Codes.NormalMetabolizer
                || Codes.OtherMetabolizerAnswers.Contains(answer) || Codes.FunctionAnswers.Contains(answer))));

        public static Values Read(FhirNode observation)
        {
            var concepts = new List<Concept>();
            var primary = new List<string>();
            if (observation.Concept("valueCodeableConcept") is { } value)
            {
                concepts.Add(value);
                primary.AddRange(value.Texts());
            }

            if (observation.String("valueString") is { } valueString)
            {
                primary.Add(valueString);
            }

            var texts = new List<string>(primary);
            string? medication = null;
            foreach (var component in observation.Array("component"))
            {
                var componentCode = component.Concept("code");
                var componentValue = component.Concept("valueCodeableConcept");
                if (componentCode?.Has(Systems.Loinc, Codes.GeneStudied) == true)
                {
                    continue;
                }

                if (componentCode?.Has(Systems.Loinc, Codes.MedicationAssessed) == true)
                {
                    medication = componentValue?.Name();
                    continue;
                }

                if (componentValue is not null)
                {
                    concepts.Add(componentValue);
                    texts.AddRange(componentValue.Texts());
                }

                if (component.String("valueString") is { } text)
                {
                    texts.Add(text);
                }
            }

            return new Values(concepts, primary, texts, medication);
        }

        /// <summary>The values for messages, e.g. <c>'Rapid metabolizer' for mercaptopurine</c>.</summary>
        public string Describe()
        {
            var shown = Texts.Count == 0 ? "(no value)" : "'" + string.Join("', '", Texts.Distinct()) + "'";
            return _medicationAssessed is null ? shown : $"{shown} for {_medicationAssessed}";
        }
    }
}
