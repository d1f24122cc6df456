using System;
using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Pharmacogenomics;
using Imuran.ClinicalRules.Rules.Model;
using NRules.RuleModel;
using static Imuran.ClinicalRules.Engine.RuleBuilder;

namespace Imuran.ClinicalRules.Rules;

/// <summary>TPMT and NUDT15: phenotype derivation, phenotype cautions, missing and unreliable results.</summary>
internal static class PharmacogenomicRules
{
    private const string Poor = "very high risk of life-threatening myelosuppression on a thiopurine";

    /// <summary>The longest diplotype an AZA-DQ-001 summary repeats, so the summary stays under the 140-character limit.</summary>
    private const int MaxDiplotypeInSummary = 24;

    public static IEnumerable<IRuleDefinition> All()
    {
        yield return DerivePhenotype("AZA-DRV-001", Gene.Tpmt);
        yield return DerivePhenotype("AZA-DRV-002", Gene.Nudt15);
        yield return DeriveMissing("AZA-DRV-003", Gene.Tpmt);
        yield return DeriveMissing("AZA-DRV-004", Gene.Nudt15);

        yield return Rule("AZA-PGX-001")
            .Title("TPMT poor metabolizer")
            .Topic(Topics.Tpmt).Caution(Severity.Critical).Version(2)
            .Logic("TPMT phenotype (reported, or derived from the diplotype by the CPIC allele-function rule) is poor metabolizer, whatever the NUDT15 status")
            .Summary("TPMT poor metabolizer: very high risk of life-threatening myelosuppression with azathioprine.")
            .Detail("Both TPMT alleles lack function, so thiopurine metabolites accumulate. CPIC (strong): for non-malignant conditions consider a non-thiopurine alternative; if a thiopurine is used, a specialist-directed regimen with close blood counts. The label advises considering another therapy in homozygous deficiency.")
            .Review("Review the choice of azathioprine with the prescriber (CPIC: consider a non-thiopurine alternative for non-malignant conditions) and the blood-count plan.")
            .Source(Sources.Cpic, "Table 2: TPMT poor metabolizer", Confidence.Verified)
            .Source(Sources.Label, "WARNINGS: Cytopenias (homozygous TPMT or NUDT15 deficiency)", Confidence.Verified)
            .Match<PhenotypeCall>("TPMT phenotype is poor metabolizer", c => c.Gene == Gene.Tpmt && c.Phenotype == MetabolizerPhenotype.Poor)
            .Then<PhenotypeCall>((f, c) => RaiseCall(f, c));

        yield return Rule("AZA-PGX-002")
            .Title("NUDT15 poor metabolizer")
            .Topic(Topics.Nudt15).Caution(Severity.Critical).Version(2)
            .Logic("NUDT15 phenotype (reported, or derived from the diplotype) is poor metabolizer, whatever the TPMT status")
            .Summary("NUDT15 poor metabolizer: very high risk of life-threatening myelosuppression with azathioprine.")
            .Detail("Both NUDT15 alleles lack function, so active thioguanine nucleotides accumulate. CPIC (strong): for non-malignant conditions consider a non-thiopurine alternative; if a thiopurine is used, a specialist-directed regimen with close blood counts.")
            .Review("Review the choice of azathioprine with the prescriber (CPIC: consider a non-thiopurine alternative for non-malignant conditions) and the blood-count plan.")
            .Source(Sources.Cpic, "Table 2: NUDT15 poor metabolizer", Confidence.Verified)
            .Source(Sources.Label, "WARNINGS: Cytopenias (homozygous TPMT or NUDT15 deficiency)", Confidence.Verified)
            .Match<PhenotypeCall>("NUDT15 phenotype is poor metabolizer", c => c.Gene == Gene.Nudt15 && c.Phenotype == MetabolizerPhenotype.Poor)
            .Then<PhenotypeCall>((f, c) => RaiseCall(f, c));

        yield return Rule("AZA-PGX-003")
            .Title("TPMT intermediate metabolizer")
            .Topic(Topics.Tpmt).Caution(Severity.Warning).Version(2)
            .Logic("TPMT phenotype is intermediate or possible intermediate, and NUDT15 is normal, indeterminate or not on file")
            .Summary("TPMT {phenotype}: raised risk of myelosuppression with azathioprine.")
            .Detail("One TPMT allele lacks function (or probably does). CPIC (strong): prescriber review of the starting regimen with the result in view, and blood counts guide every later review of the regimen.")
            .Review("Prescriber review of the starting regimen per CPIC, and blood-count monitoring.")
            .Source(Sources.Cpic, "Table 2: TPMT intermediate or possible intermediate metabolizer", Confidence.Verified)
            .Match<PhenotypeCall>("TPMT phenotype is intermediate or possible intermediate", c => c.Gene == Gene.Tpmt && c.IsIntermediateLike)
            .Not<PhenotypeCall>("NUDT15 phenotype is not intermediate, possible intermediate or poor", other => other.Gene == Gene.Nudt15 && (other.IsIntermediateLike || other.Phenotype == MetabolizerPhenotype.Poor))
            .Then<PhenotypeCall>((f, c) => RaiseCall(f, c));

        yield return Rule("AZA-PGX-004")
            .Title("NUDT15 intermediate metabolizer")
            .Topic(Topics.Nudt15).Caution(Severity.Warning).Version(2)
            .Logic("NUDT15 phenotype is intermediate or possible intermediate, and TPMT is normal, indeterminate or not on file")
            .Summary("NUDT15 {phenotype}: raised risk of myelosuppression with azathioprine.")
            .Detail("One NUDT15 allele lacks function (or probably does). CPIC (strong): prescriber review of the starting regimen with the result in view, and blood counts guide every later review of the regimen.")
            .Review("Prescriber review of the starting regimen per CPIC, and blood-count monitoring.")
            .Source(Sources.Cpic, "Table 2: NUDT15 intermediate or possible intermediate metabolizer", Confidence.Verified)
            .Match<PhenotypeCall>("NUDT15 phenotype is intermediate or possible intermediate", c => c.Gene == Gene.Nudt15 && c.IsIntermediateLike)
            .Not<PhenotypeCall>("TPMT phenotype is not intermediate, possible intermediate or poor", other => other.Gene == Gene.Tpmt && (other.IsIntermediateLike || other.Phenotype == MetabolizerPhenotype.Poor))
            .Then<PhenotypeCall>((f, c) => RaiseCall(f, c));

        yield return Rule("AZA-PGX-005")
            .Title("TPMT and NUDT15 both intermediate")
            .Topic(Topics.Tpmt).AlsoTopic(Topics.Nudt15).Caution(Severity.Critical).Version(2)
            .Logic("TPMT and NUDT15 phenotypes are both intermediate or possible intermediate")
            .Summary("TPMT and NUDT15 both reduced: myelosuppression risk higher than with either gene alone.")
            .Detail("Both thiopurine inactivation pathways are reduced. CPIC notes more caution than for one gene alone (prescriber review of the starting regimen, close blood counts). Critical is this library's choice because both pathways are affected; the finding is under both the tpmt and nudt15 topics.")
            .Review("Prescriber review of the starting regimen with both results in view, and close blood-count monitoring.")
            .Source(Sources.Cpic, "Table 2 and CPIC data, compound TPMT and NUDT15 rows (text revised 2024)", Confidence.Verified, "Severity critical is the author's choice.")
            .Match<PhenotypeCall>("TPMT phenotype is intermediate or possible intermediate", tpmt => tpmt.Gene == Gene.Tpmt && tpmt.IsIntermediateLike)
            .Match<PhenotypeCall>("NUDT15 phenotype is intermediate or possible intermediate", nudt15 => nudt15.Gene == Gene.Nudt15 && nudt15.IsIntermediateLike)
            .Then<PhenotypeCall, PhenotypeCall>((f, tpmt, nudt15) => f.Raise(new[] { CallFact(tpmt), CallFact(nudt15) }));

        foreach (var (id, gene, topic) in new[] { ("AZA-PGX-006", Gene.Tpmt, Topics.Tpmt), ("AZA-PGX-007", Gene.Nudt15, Topics.Nudt15) })
        {
            var g = Describe.Gene(gene);
            yield return Rule(id)
                .Title(g + " phenotype indeterminate")
                .Topic(topic).ReportsUnknownData().Monitoring(Severity.Warning).Version(2)
                .Logic(g + " phenotype is indeterminate (an allele of uncertain or unknown function)")
                .Summary(g + " function cannot be assigned from this result: close toxicity monitoring advised.")
                .Detail("The result includes an allele whose function CPIC lists as uncertain or unknown, so no phenotype can be assigned."
                    + (gene == Gene.Tpmt ? " CPIC suggests a red-cell TPMT activity test when TPMT is indeterminate." : string.Empty)
                    + " Treat the risk as unknown, not as normal.")
                .Review(gene == Gene.Tpmt
                    ? "Consider a red-cell TPMT activity test and close monitoring for toxicity."
                    : "Close monitoring for toxicity; review the NUDT15 result with the laboratory.")
                .Source(Sources.Cpic, "allele function tables and Table 2 (indeterminate)", Confidence.Verified)
                .Match<PhenotypeCall>(g + " phenotype is indeterminate", c => c.Gene == gene && c.Phenotype == MetabolizerPhenotype.Indeterminate)
                .Then<PhenotypeCall>((f, c) => RaiseCall(f, c));
        }

        yield return Rule("AZA-PGX-008")
            .Title("No TPMT or NUDT15 result before therapy")
            .Topic(Topics.PgxTesting).ReportsUnknownData().Monitoring(Severity.Warning).Version(2)
            .Logic("azathioprine is being considered, newly started or of unknown status, and no TPMT or no NUDT15 result is on file")
            .Summary("No {genes} result on file: consider testing before relying on a standard regimen.")
            .Detail("CPIC recommends knowing TPMT and NUDT15 status before a thiopurine begins. Testing does not replace blood counts (label). NUDT15 risk alleles are commoner in people of East Asian and Hispanic ancestry.")
            .Review("Consider TPMT (genotype or red-cell activity) and NUDT15 genotype testing; blood counts remain necessary whatever the result.")
            .Source(Sources.Cpic, "pre-emptive genotyping", Confidence.Verified)
            .Source(Sources.Label, "PRECAUTIONS: Laboratory Tests (2018)", Confidence.Verified)
            .Collect<MissingGeneResult>("a TPMT or NUDT15 result is missing")
            .Match<PatientContext>("azathioprine is considered, newly started or of unknown status", p => p.AtOrBeforeStart)
            .Then<PatientContext, IEnumerable<MissingGeneResult>>((f, p, missingGeneResults) => RaiseMissing(f, p, missingGeneResults, new List<BasisFact>()));

        yield return Rule("AZA-PGX-009")
            .Title("No TPMT or NUDT15 result during therapy")
            .Topic(Topics.PgxTesting).ReportsUnknownData().Monitoring(Severity.Info).Version(2)
            .Logic("azathioprine is continuing and no TPMT or no NUDT15 result is on file")
            .Summary("No {genes} result on file for a patient on azathioprine: consider testing.")
            .Detail("A result explains unexpected toxicity and guides regimen reviews. Testing does not replace blood counts (label). NUDT15 risk alleles are commoner in people of East Asian and Hispanic ancestry.")
            .Review("Consider TPMT and NUDT15 testing at the next review.")
            .Source(Sources.Cpic, "genotyping", Confidence.Verified)
            .Source(Sources.Label, "PRECAUTIONS: Laboratory Tests (2018)", Confidence.Verified)
            .Collect<MissingGeneResult>("a TPMT or NUDT15 result is missing")
            .Match<PatientContext>("azathioprine is continuing", p => p.TherapyStatus == TherapyStatus.Continuing)
            .Then<PatientContext, IEnumerable<MissingGeneResult>>((f, p, missingGeneResults) => RaiseMissing(f, p, missingGeneResults, new List<BasisFact>()));

        yield return Rule("AZA-PGX-010")
            .Title("Severe myelosuppression without a TPMT or NUDT15 result")
            .Topic(Topics.PgxTesting).ReportsUnknownData().Monitoring(Severity.Warning).Version(2)
            .Logic("on therapy, a blood count is flagged critically low or fell markedly (within the window) to a low value, and no TPMT or no NUDT15 result is on file")
            .Summary("Severe myelosuppression with no {genes} result on file: the label asks for TPMT and NUDT15 testing.")
            .Detail("The label asks for TPMT and NUDT15 testing in patients with severe myelosuppression. Severe toxicity also occurs with normal results, so the result explains but does not exclude other causes.")
            .Review("Arrange TPMT and NUDT15 testing alongside the urgent blood-count review.")
            .Source(Sources.Label, "PRECAUTIONS: Laboratory Tests (2018)", Confidence.Verified)
            .Collect<MissingGeneResult>("a TPMT or NUDT15 result is missing")
            .Match<PatientContext>("on azathioprine", p => p.OnTherapy)
            .Collect<LabFact>("latest blood count is critically low or fell markedly to a low value", lab => lab.IsCytopeniaCount && lab.IsLatest && lab.Severe)
            .Then<PatientContext, IEnumerable<LabFact>, IEnumerable<MissingGeneResult>>((f, p, labs, missingGeneResults) =>
            {
                var basis = labs.OrderBy(l => l.Index).Select(l => new BasisFact("blood count", l.Describe(), l.Path)).ToList();
                RaiseMissing(f, p, missingGeneResults, basis);
            });

        yield return Rule("AZA-PGX-011")
            .Title("TPMT activity measured soon after a transfusion")
            .Topic(Topics.PgxTesting).ReportsUnknownData().Caution(Severity.Warning).Version(3)
            .Logic("a red-cell TPMT activity result was taken within the transfusion window after a red-cell transfusion, or has no date while a transfusion is on file")
            .Summary("TPMT activity measured {when} a red-cell transfusion may reflect donor cells.")
            .Detail("Red-cell TPMT activity after a transfusion measures the donor's cells as well as the patient's, so it can look falsely normal. CPIC advises caution; a genotype is not affected.")
            .Review("Interpret the activity result with caution and prefer a TPMT genotype.")
            .Source(Sources.Cpic, "Other considerations: recent transfusion", Confidence.Verified, "The 90-day window is the usual red-cell lifespan [R], a host option. An undated activity result with a transfusion on file is treated as possibly inside the window (local choice [L]: unknown is not normal).")
            .Match<TpmtActivityResult>("a red-cell transfusion date is on file, and the TPMT activity result falls within the transfusion window or has no date", a => WithinTransfusionWindow(a, a.Patient))
            .Then<TpmtActivityResult>((f, a) =>
            {
                var p = a.Patient;
                var when = a.Date is { } date
                    ? p.Facts.LastRedCellTransfusion!.Value.DaysUntil(date).ToString(System.Globalization.CultureInfo.InvariantCulture) + " days after"
                    : "on an unknown date relative to";
                f.Raise(
                    new[]
                    {
                        new BasisFact("red-cell transfusion", p.Facts.LastRedCellTransfusion!.Value.ToString(), "lastRedCellTransfusion"),
                        new BasisFact("TPMT activity result", a.Description, a.Path),
                        new BasisFact("TPMT phenotype", p.GeneStatus(Gene.Tpmt), p.TpmtCall?.Path ?? "pharmacogenomics"),
                        new BasisFact("NUDT15 phenotype", p.GeneStatus(Gene.Nudt15), p.Nudt15Call?.Path ?? "pharmacogenomics"),
                    },
                    "when", when);
            });
    }

    internal static KeyValuePair<string, string> Value(string key, string value) => new(key, value);

    private static bool WithinTransfusionWindow(TpmtActivityResult a, PatientContext p) => InTransfusionWindow(a.Date, p);

    /// <summary>
    /// Whether a red-cell activity result taken on <paramref name="date"/> may reflect donor cells: a transfusion is on
    /// file and the result was taken within the window after it, or has no date (it cannot be shown to be outside).
    /// </summary>
    private static bool InTransfusionWindow(ClinicalDate? date, PatientContext p)
    {
        if (p.Facts.LastRedCellTransfusion is not { } transfusion)
        {
            return false;
        }

        if (date is not { } taken)
        {
            return true;
        }

        var days = transfusion.DaysUntil(taken);
        return days >= 0 && days <= p.Options.TransfusionWindowDays;
    }

    /// <summary>Raises a "no result" finding naming every missing gene.</summary>
    private static void RaiseMissing(Firing f, PatientContext p, IEnumerable<MissingGeneResult> missingResults, List<BasisFact> basis)
    {
        basis.Insert(0, new BasisFact("azathioprine therapy", p.TherapyBasis, "therapy"));
        var missing = missingResults.Select(m => m.Gene).Distinct().OrderBy(g => g).ToList();
        var genes = string.Join(" or ", missing.Select(Describe.Gene));
        basis.Add(new BasisFact("pharmacogenomic results", "no usable " + genes + " result on file", "pharmacogenomics"));
        foreach (var gene in new[] { Gene.Tpmt, Gene.Nudt15 })
        {
            basis.Add(new BasisFact(Describe.Gene(gene) + " phenotype", p.GeneStatus(gene), p.CallFor(gene)?.Path ?? "pharmacogenomics"));
        }
        f.Raise(basis, "genes", genes);
    }

    /// <summary>Raises a one-gene finding; the basis shows both genes' calls (the other gene's call, unreadable result or none on file).</summary>
    private static void RaiseCall(Firing f, PhenotypeCall call)
    {
        var other = call.Gene == Gene.Tpmt ? Gene.Nudt15 : Gene.Tpmt;
        var basis = call.Patient is { } p
            ? new[] { CallFact(call), new BasisFact(Describe.Gene(other) + " phenotype", p.GeneStatus(other), p.CallFor(other)?.Path ?? "pharmacogenomics") }
            : new[] { CallFact(call) };
        f.Raise(basis, "phenotype", Describe.Phenotype(call.Phenotype));
    }

    private static BasisFact CallFact(PhenotypeCall call) =>
        new(Describe.Gene(call.Gene) + " phenotype", Describe.Phenotype(call.Phenotype) + " (" + call.Basis + ")", call.Path);

    // Each derivation has a priority of its own (TPMT before NUDT15, as by id), so the facts they derive enter the
    // session in the same order on either executor; NRules orders activations of equal priority its own way.
    private static IRuleDefinition DeriveMissing(string id, Gene gene) =>
        Rule(id)
            .Title("Derive: no " + Describe.Gene(gene) + " result")
            .Derivation().Salience(gene == Gene.Tpmt ? 91 : 90)
            .Logic("no usable " + Describe.Gene(gene) + " phenotype on file")
            .Match<PatientContext>("no usable " + Describe.Gene(gene) + " result on file reports a phenotype or a translatable diplotype", patient => !patient.AnyResultGivesPhenotype(gene))
            .Not<PhenotypeCall>("no " + Describe.Gene(gene) + " phenotype was derived", c => c.Gene == gene)
            .Then(f => f.Insert(new MissingGeneResult(gene)));

    private static IRuleDefinition DerivePhenotype(string id, Gene gene) =>
        Rule(id)
            .Title("Derive: " + Describe.Gene(gene) + " phenotype")
            .Derivation().Salience(gene == Gene.Tpmt ? 101 : 100)
            .Logic(Describe.Gene(gene) + " results are translated with the CPIC allele-function rule; the most cautious phenotype is used")
            .Match<PatientContext>("the patient")
            .Collect<PgxResultFact>("a " + Describe.Gene(gene) + " result", result => result.Gene == gene)
            .Then<PatientContext, IEnumerable<PgxResultFact>>((f, patient, results) => DerivePhenotypeCall(f, gene, patient, results));

    private static void DerivePhenotypeCall(Firing f, Gene gene, PatientContext patient, IEnumerable<PgxResultFact> collected)
    {
        // Hot path (every patient with a result): no LINQ, and the chosen basis text is made only when a finding reads
        // it. The results are taken in input order, whatever order the engine collected them in.
        // The compiled executor collects into a list (read by index, no enumerator); NRules into its own collection.
        var list = collected as IReadOnlyList<PgxResultFact> ?? collected.ToList();
        var used = 0;
        for (var i = 0; i < list.Count; i++)
        {
            used += Usable(list[i], patient) ? 1 : 0;
        }

        var results = new PgxResultFact[used];
        used = 0;
        var ordered = true;
        for (var i = 0; i < list.Count; i++)
        {
            var r = list[i];
            if (Usable(r, patient))
            {
                ordered &= used == 0 || results[used - 1].Index < r.Index;
                results[used++] = r;
            }
        }

        if (!ordered)
        {
            Array.Sort(results, (a, b) => a.Index.CompareTo(b.Index));
        }

        var call = Derive(gene, results, f);
        if (call is not null)
        {
            call.Patient = patient;
            if (gene == Gene.Tpmt)
            {
                patient.TpmtCall = call;
            }
            else
            {
                patient.Nudt15Call = call;
            }

            f.Insert(call);
        }
    }

    /// <summary>
    /// The phenotype call for <paramref name="gene"/> from its usable results: each diplotype translated with the CPIC
    /// rule, the most cautious phenotype chosen; unknown alleles and disagreements go to <paramref name="issues"/> as
    /// data-quality facts, in the order found. Shared by the derivation rule and the benchmark's hand-written baseline.
    /// </summary>
    internal static PhenotypeCall? Derive(Gene gene, PgxResultFact[] results, IFactSink issues)
    {
        var g = Describe.Gene(gene);
        MetabolizerPhenotype? chosen = null;
        PhenotypeTranslation? chosenTranslation = null;
        var chosenPath = string.Empty;
        MetabolizerPhenotype? firstSeen = null;
        var disagree = false;
        foreach (var r in results)
        {
            MetabolizerPhenotype? fromDiplotype = null;
            if (r.Source.Diplotype is { } diplotype && !string.IsNullOrWhiteSpace(diplotype))
            {
                var t = CpicTables.Default.Translate(gene, diplotype);
                if (t is null)
                {
                    // Echoed as written unless it carries dosing text (QA, 2 Dec: "*1/*3A reduce dose 50%" reached the summary).
                    var shown = NoDosePolicy.EchoAsWritten(diplotype.Trim());
                    var text = shown.Length <= MaxDiplotypeInSummary ? "'" + shown + "'" : "the result";
                    issues.Insert(new DataQualityIssue(
                        g + " result",
                        text + " cannot be read as a star-allele diplotype",
                        r.Source.Phenotype is null
                            ? "no phenotype can be assigned from it, so " + g + " is treated as untested; read the report and record the diplotype or phenotype"
                            : "the reported phenotype is used without it; check the report",
                        r.Path,
                        "'" + shown + "' is not a diplotype of the form *1/*3A (an HGVS genotype or free text cannot be translated with the CPIC tables)"));
                }

                if (t is not null)
                {
                    fromDiplotype = t.Phenotype;
                    Consider(t.Phenotype, t, r.Path);
                    if (t.HasAlleleNotInTable)
                    {
                        // The summary names the diplotype only while it is short; the basis always does.
                        var shown = t.Diplotype.Length <= MaxDiplotypeInSummary ? t.Diplotype : "the diplotype";
                        issues.Insert(new DataQualityIssue(
                            g + " diplotype",
                            $"{shown} includes an allele not in the CPIC allele-function table",
                            "its function is taken as unknown, so the phenotype is " + Describe.Phenotype(t.Phenotype),
                            r.Path,
                            $"{t.Diplotype} includes an allele not in the CPIC table of {CpicTables.Default.AlleleFunctionVersion}"));
                    }
                }
            }

            if (r.Source.Phenotype is { } reported)
            {
                Consider(reported, null, r.Path);
                if (fromDiplotype is { } d && d != reported)
                {
                    issues.Insert(new DataQualityIssue(
                        g + " result",
                        "the reported phenotype disagrees with the diplotype",
                        "the rules use the more cautious of the two",
                        r.Path,
                        $"the reported phenotype ({Describe.Phenotype(reported)}) disagrees with the diplotype {r.Source.Diplotype} ({Describe.Phenotype(d)} by CPIC)"));
                }
            }
        }

        if (results.Length > 1 && disagree)
        {
            issues.Insert(new DataQualityIssue(
                g + " results",
                "the results on file disagree",
                "the rules use the most cautious one",
                "pharmacogenomics",
                "results on file disagree: " + string.Join("; ", SeenBases(gene, results))));
        }

        return chosen is { } phenotype ? new PhenotypeCall(gene, phenotype, chosenTranslation, chosenPath, results) : null;

        void Consider(MetabolizerPhenotype p, PhenotypeTranslation? translation, string path)
        {
            firstSeen ??= p;
            disagree |= p != firstSeen.Value;
            if (chosen is null || Describe.Caution(p) > Describe.Caution(chosen.Value))
            {
                chosen = p;
                chosenTranslation = translation;
                chosenPath = path;
            }
        }
    }

    /// <summary>
    /// Whether a result is used for the phenotype: a red-cell activity result soon after a transfusion, or undated while
    /// a transfusion is on file, may reflect donor cells (AZA-PGX-011), so it is not.
    /// </summary>
    private static bool Usable(PgxResultFact r, PatientContext patient) => Usable(r.Source, patient);

    private static bool Usable(PharmacogenomicResult r, PatientContext patient) =>
        !(r.Method == TestMethod.Activity && InTransfusionWindow(r.Date, patient));

    /// <summary>
    /// Whether <see cref="Derive"/> takes a phenotype from <paramref name="r"/>: a usable result that reports a
    /// phenotype, or whose diplotype the CPIC tables translate (<paramref name="translation"/>, null when the
    /// diplotype is missing or cannot be read). Read when loading, for <see cref="PatientContext.AnyResultGivesPhenotype"/>.
    /// </summary>
    internal static bool GivesPhenotype(PharmacogenomicResult r, PhenotypeTranslation? translation, PatientContext patient) =>
        (r.Phenotype is not null || translation is not null) && Usable(r, patient);

    /// <summary>The basis of every phenotype considered, in the order considered (for the disagreement message).</summary>
    private static List<string> SeenBases(Gene gene, PgxResultFact[] results)
    {
        var bases = new List<string>();
        foreach (var r in results)
        {
            if (r.Source.Diplotype is { } diplotype && CpicTables.Default.Translate(gene, diplotype) is { } t)
            {
                bases.Add(PhenotypeCall.DiplotypeBasis(t));
            }

            if (r.Source.Phenotype is { } reported)
            {
                bases.Add(PhenotypeCall.ReportedBasis(reported));
            }
        }

        return bases;
    }
}
