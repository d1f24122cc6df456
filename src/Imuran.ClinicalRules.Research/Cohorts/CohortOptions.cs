using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Research.Cohorts;

/// <summary>
/// The prevalences a synthetic cohort is drawn with: every one a probability from 0 to 1, documented with its source.
/// "Issue" means the number was given in the tooling issue; "illustrative" means it is a round number chosen to give a
/// plausible mix for testing alert burden, not a clinical estimate: replace it with local data before drawing any
/// conclusion. None comes from the project's clinical reference, which states no population frequencies. Immutable:
/// change one with <c>with</c>, for example <c>CohortOptions.Default with { Allopurinol = 0.1 }</c>.
/// </summary>
public sealed record CohortOptions
{
    /// <summary>The default options.</summary>
    public static CohortOptions Default { get; } = new();

    /// <summary>The evaluation date of every patient; all dates are drawn relative to it. Default 2026-01-15.</summary>
    public ClinicalDate EvaluationDate { get; init; } = new(2026, 1, 15);

    /// <summary>
    /// The ancestry mix and NUDT15 no-function allele frequency per group; genotypes follow Hardy-Weinberg proportions.
    /// Illustrative: the shares are an arbitrary mixed population; the frequencies are recalled orders of magnitude
    /// (NUDT15 risk alleles are commoner in East Asian, South Asian and Hispanic or admixed American ancestry, as the
    /// knowledge base notes), not verified values.
    /// </summary>
    public IReadOnlyList<AncestryGroup> Ancestry { get; init; } = new[]
    {
        new AncestryGroup("european", 0.60, 0.003),
        new AncestryGroup("african", 0.12, 0.001),
        new AncestryGroup("eastAsian", 0.08, 0.10),
        new AncestryGroup("southAsian", 0.08, 0.07),
        new AncestryGroup("admixedAmerican", 0.12, 0.05),
    };

    /// <summary>TPMT intermediate metabolizers (one no-function allele). Issue: about 1 in 10.</summary>
    public double TpmtIntermediate { get; init; } = 0.1;

    /// <summary>TPMT poor metabolizers (two no-function alleles). Issue: about 1 in 300.</summary>
    public double TpmtPoor { get; init; } = 1.0 / 300;

    /// <summary>TPMT results with an allele of uncertain function (indeterminate). Illustrative.</summary>
    public double TpmtIndeterminate { get; init; } = 0.005;

    /// <summary>NUDT15 results with an allele of uncertain function (indeterminate). Illustrative.</summary>
    public double Nudt15Indeterminate { get; init; } = 0.002;

    /// <summary>Patients with no TPMT or NUDT15 result on file. Illustrative.</summary>
    public double NoPharmacogenomicResult { get; init; } = 0.2;

    /// <summary>Of patients with a TPMT result, those with no NUDT15 result. Illustrative.</summary>
    public double Nudt15NotTested { get; init; } = 0.3;

    /// <summary>Of patients with a TPMT result, a red-cell activity (phenotype) result rather than a genotype. Illustrative.</summary>
    public double TpmtActivityTest { get; init; } = 0.1;

    /// <summary>A red-cell transfusion within the last 180 days. Illustrative.</summary>
    public double RecentTransfusion { get; init; } = 0.01;

    /// <summary>Female patients. Illustrative.</summary>
    public double Female { get; init; } = 0.5;

    /// <summary>Children (aged 6 to 17; adults are 18 to 85). Illustrative.</summary>
    public double Child { get; init; } = 0.05;

    /// <summary>Patients with no birth date on file. Illustrative.</summary>
    public double MissingBirthDate { get; init; } = 0.01;

    /// <summary>Azathioprine being considered. Illustrative.</summary>
    public double Considering { get; init; } = 0.2;

    /// <summary>Azathioprine newly started (within four weeks). Illustrative.</summary>
    public double NewlyStarted { get; init; } = 0.1;

    /// <summary>Therapy status not recorded. Illustrative. The rest are continuing.</summary>
    public double TherapyStatusUnknown { get; init; } = 0.03;

    /// <summary>Evaluations in the prescribing setting. Illustrative.</summary>
    public double Prescribing { get; init; } = 0.35;

    /// <summary>Evaluations in the dispensing setting. Illustrative. The rest are reviews.</summary>
    public double Dispensing { get; init; } = 0.45;

    /// <summary>Inflammatory bowel disease as the indication (split evenly between Crohn's disease and ulcerative colitis). Illustrative.</summary>
    public double IndicationIbd { get; init; } = 0.45;

    /// <summary>Rheumatoid arthritis as the indication. Illustrative.</summary>
    public double IndicationRheumatoidArthritis { get; init; } = 0.2;

    /// <summary>Kidney transplant as the indication. Illustrative.</summary>
    public double IndicationKidneyTransplant { get; init; } = 0.15;

    /// <summary>Autoimmune hepatitis as the indication. Illustrative. The rest are lupus or other indications.</summary>
    public double IndicationAutoimmuneHepatitis { get; init; } = 0.1;

    /// <summary>Allopurinol co-prescribed. Illustrative.</summary>
    public double Allopurinol { get; init; } = 0.03;

    /// <summary>Febuxostat co-prescribed. Illustrative.</summary>
    public double Febuxostat { get; init; } = 0.003;

    /// <summary>An ACE inhibitor co-prescribed. Illustrative.</summary>
    public double AceInhibitor { get; init; } = 0.12;

    /// <summary>Warfarin co-prescribed. Illustrative.</summary>
    public double Warfarin { get; init; } = 0.03;

    /// <summary>Ribavirin co-prescribed. Illustrative.</summary>
    public double Ribavirin { get; init; } = 0.001;

    /// <summary>Mercaptopurine co-prescribed (duplicate thiopurine). Illustrative.</summary>
    public double Mercaptopurine { get; init; } = 0.001;

    /// <summary>A past alkylating agent (cyclophosphamide) in the medication history. Illustrative.</summary>
    public double PastAlkylatingAgent { get; init; } = 0.01;

    /// <summary>Of patients with IBD, an aminosalicylate co-prescribed. Illustrative.</summary>
    public double AminosalicylateInIbd { get; init; } = 0.4;

    /// <summary>Of patients with IBD, a TNF blocker co-prescribed. Illustrative.</summary>
    public double TnfBlockerInIbd { get; init; } = 0.25;

    /// <summary>Of patients with rheumatoid arthritis, methotrexate co-prescribed. Illustrative.</summary>
    public double MethotrexateInRheumatoidArthritis { get; init; } = 0.3;

    /// <summary>Of transplant recipients, tacrolimus co-prescribed. Illustrative.</summary>
    public double TacrolimusInTransplant { get; init; } = 0.8;

    /// <summary>Of transplant recipients, co-trimoxazole co-prescribed. Illustrative.</summary>
    public double CoTrimoxazoleInTransplant { get; init; } = 0.2;

    /// <summary>Of females aged 18 to 45, pregnant. Illustrative.</summary>
    public double PregnantAged18To45 { get; init; } = 0.03;

    /// <summary>Of pregnant patients, pruritus in pregnancy reported. Illustrative.</summary>
    public double PruritusInPregnancy { get; init; } = 0.1;

    /// <summary>Of females aged 12 to 55 not pregnant, pregnancy status not recorded. Illustrative.</summary>
    public double PregnancyStatusUnrecorded { get; init; } = 0.3;

    /// <summary>Of females aged 18 to 45 not pregnant, breastfeeding. Illustrative.</summary>
    public double Breastfeeding { get; init; } = 0.01;

    /// <summary>Current chronic kidney disease under age 60. Illustrative (CKD is commoner with age).</summary>
    public double CkdUnder60 { get; init; } = 0.05;

    /// <summary>Current chronic kidney disease at 60 or over. Illustrative.</summary>
    public double Ckd60AndOver { get; init; } = 0.2;

    /// <summary>A malignancy in the history. Illustrative.</summary>
    public double MalignancyHistory { get; init; } = 0.03;

    /// <summary>A skin cancer in the history. Illustrative.</summary>
    public double SkinCancerHistory { get; init; } = 0.02;

    /// <summary>Hepatitis B or tuberculosis on record. Illustrative.</summary>
    public double HepatitisBOrTuberculosis { get; init; } = 0.02;

    /// <summary>A current serious infection. Illustrative.</summary>
    public double SeriousInfection { get; init; } = 0.01;

    /// <summary>Current chronic liver disease. Illustrative.</summary>
    public double ChronicLiverDisease { get; init; } = 0.02;

    /// <summary>Of patients on therapy, the last blood count older than the schedule allows. Illustrative.</summary>
    public double BloodCountOverdue { get; init; } = 0.15;

    /// <summary>Latest white-cell count flagged low. Illustrative.</summary>
    public double WhiteCellsLow { get; init; } = 0.04;

    /// <summary>Latest white-cell count flagged critically low. Illustrative.</summary>
    public double WhiteCellsCriticallyLow { get; init; } = 0.003;

    /// <summary>Latest ALT flagged high. Illustrative.</summary>
    public double AltHigh { get; init; } = 0.04;

    /// <summary>No liver test within the last 90 days. Illustrative.</summary>
    public double LiverTestNotRecent { get; init; } = 0.2;

    /// <summary>A live vaccine given within four weeks. Illustrative.</summary>
    public double RecentLiveVaccine { get; init; } = 0.003;

    /// <summary>A new neurological sign reported. Illustrative.</summary>
    public double NewNeurologicalSign { get; init; } = 0.001;

    /// <summary>A recorded allergy to azathioprine. Illustrative.</summary>
    public double ThiopurineAllergy { get; init; } = 0.002;

    /// <summary>The settable prevalences by name, with their source, for <c>--set NAME=VALUE</c> and <c>--show-options</c>.</summary>
    internal static IReadOnlyList<CohortSetting> Settings { get; } = new[]
    {
        S("tpmtIntermediate", "issue: about 1 in 10", o => o.TpmtIntermediate, (o, v) => o with { TpmtIntermediate = v }),
        S("tpmtPoor", "issue: about 1 in 300", o => o.TpmtPoor, (o, v) => o with { TpmtPoor = v }),
        S("tpmtIndeterminate", "illustrative", o => o.TpmtIndeterminate, (o, v) => o with { TpmtIndeterminate = v }),
        S("nudt15Indeterminate", "illustrative", o => o.Nudt15Indeterminate, (o, v) => o with { Nudt15Indeterminate = v }),
        S("noPharmacogenomicResult", "illustrative", o => o.NoPharmacogenomicResult, (o, v) => o with { NoPharmacogenomicResult = v }),
        S("nudt15NotTested", "illustrative; of patients with a TPMT result", o => o.Nudt15NotTested, (o, v) => o with { Nudt15NotTested = v }),
        S("tpmtActivityTest", "illustrative; of patients with a TPMT result", o => o.TpmtActivityTest, (o, v) => o with { TpmtActivityTest = v }),
        S("recentTransfusion", "illustrative; within 180 days", o => o.RecentTransfusion, (o, v) => o with { RecentTransfusion = v }),
        S("female", "illustrative", o => o.Female, (o, v) => o with { Female = v }),
        S("child", "illustrative; aged 6 to 17", o => o.Child, (o, v) => o with { Child = v }),
        S("missingBirthDate", "illustrative", o => o.MissingBirthDate, (o, v) => o with { MissingBirthDate = v }),
        S("considering", "illustrative", o => o.Considering, (o, v) => o with { Considering = v }),
        S("newlyStarted", "illustrative", o => o.NewlyStarted, (o, v) => o with { NewlyStarted = v }),
        S("therapyStatusUnknown", "illustrative; the rest are continuing", o => o.TherapyStatusUnknown, (o, v) => o with { TherapyStatusUnknown = v }),
        S("prescribing", "illustrative", o => o.Prescribing, (o, v) => o with { Prescribing = v }),
        S("dispensing", "illustrative; the rest are reviews", o => o.Dispensing, (o, v) => o with { Dispensing = v }),
        S("indicationIbd", "illustrative", o => o.IndicationIbd, (o, v) => o with { IndicationIbd = v }),
        S("indicationRheumatoidArthritis", "illustrative", o => o.IndicationRheumatoidArthritis, (o, v) => o with { IndicationRheumatoidArthritis = v }),
        S("indicationKidneyTransplant", "illustrative", o => o.IndicationKidneyTransplant, (o, v) => o with { IndicationKidneyTransplant = v }),
        S("indicationAutoimmuneHepatitis", "illustrative; the rest are lupus or other", o => o.IndicationAutoimmuneHepatitis, (o, v) => o with { IndicationAutoimmuneHepatitis = v }),
        S("allopurinol", "illustrative", o => o.Allopurinol, (o, v) => o with { Allopurinol = v }),
        S("febuxostat", "illustrative", o => o.Febuxostat, (o, v) => o with { Febuxostat = v }),
        S("aceInhibitor", "illustrative", o => o.AceInhibitor, (o, v) => o with { AceInhibitor = v }),
        S("warfarin", "illustrative", o => o.Warfarin, (o, v) => o with { Warfarin = v }),
        S("ribavirin", "illustrative", o => o.Ribavirin, (o, v) => o with { Ribavirin = v }),
        S("mercaptopurine", "illustrative", o => o.Mercaptopurine, (o, v) => o with { Mercaptopurine = v }),
        S("pastAlkylatingAgent", "illustrative", o => o.PastAlkylatingAgent, (o, v) => o with { PastAlkylatingAgent = v }),
        S("aminosalicylateInIbd", "illustrative; of patients with IBD", o => o.AminosalicylateInIbd, (o, v) => o with { AminosalicylateInIbd = v }),
        S("tnfBlockerInIbd", "illustrative; of patients with IBD", o => o.TnfBlockerInIbd, (o, v) => o with { TnfBlockerInIbd = v }),
        S("methotrexateInRheumatoidArthritis", "illustrative; of patients with RA", o => o.MethotrexateInRheumatoidArthritis, (o, v) => o with { MethotrexateInRheumatoidArthritis = v }),
        S("tacrolimusInTransplant", "illustrative; of transplant recipients", o => o.TacrolimusInTransplant, (o, v) => o with { TacrolimusInTransplant = v }),
        S("coTrimoxazoleInTransplant", "illustrative; of transplant recipients", o => o.CoTrimoxazoleInTransplant, (o, v) => o with { CoTrimoxazoleInTransplant = v }),
        S("pregnantAged18To45", "illustrative; of females aged 18 to 45", o => o.PregnantAged18To45, (o, v) => o with { PregnantAged18To45 = v }),
        S("pruritusInPregnancy", "illustrative; of pregnant patients", o => o.PruritusInPregnancy, (o, v) => o with { PruritusInPregnancy = v }),
        S("pregnancyStatusUnrecorded", "illustrative; of females aged 12 to 55 not pregnant", o => o.PregnancyStatusUnrecorded, (o, v) => o with { PregnancyStatusUnrecorded = v }),
        S("breastfeeding", "illustrative; of females aged 18 to 45 not pregnant", o => o.Breastfeeding, (o, v) => o with { Breastfeeding = v }),
        S("ckdUnder60", "illustrative", o => o.CkdUnder60, (o, v) => o with { CkdUnder60 = v }),
        S("ckd60AndOver", "illustrative", o => o.Ckd60AndOver, (o, v) => o with { Ckd60AndOver = v }),
        S("malignancyHistory", "illustrative", o => o.MalignancyHistory, (o, v) => o with { MalignancyHistory = v }),
        S("skinCancerHistory", "illustrative", o => o.SkinCancerHistory, (o, v) => o with { SkinCancerHistory = v }),
        S("hepatitisBOrTuberculosis", "illustrative", o => o.HepatitisBOrTuberculosis, (o, v) => o with { HepatitisBOrTuberculosis = v }),
        S("seriousInfection", "illustrative", o => o.SeriousInfection, (o, v) => o with { SeriousInfection = v }),
        S("chronicLiverDisease", "illustrative", o => o.ChronicLiverDisease, (o, v) => o with { ChronicLiverDisease = v }),
        S("bloodCountOverdue", "illustrative; of patients on therapy", o => o.BloodCountOverdue, (o, v) => o with { BloodCountOverdue = v }),
        S("whiteCellsLow", "illustrative", o => o.WhiteCellsLow, (o, v) => o with { WhiteCellsLow = v }),
        S("whiteCellsCriticallyLow", "illustrative", o => o.WhiteCellsCriticallyLow, (o, v) => o with { WhiteCellsCriticallyLow = v }),
        S("altHigh", "illustrative", o => o.AltHigh, (o, v) => o with { AltHigh = v }),
        S("liverTestNotRecent", "illustrative", o => o.LiverTestNotRecent, (o, v) => o with { LiverTestNotRecent = v }),
        S("recentLiveVaccine", "illustrative", o => o.RecentLiveVaccine, (o, v) => o with { RecentLiveVaccine = v }),
        S("newNeurologicalSign", "illustrative", o => o.NewNeurologicalSign, (o, v) => o with { NewNeurologicalSign = v }),
        S("thiopurineAllergy", "illustrative", o => o.ThiopurineAllergy, (o, v) => o with { ThiopurineAllergy = v }),
    };

    /// <summary>
    /// What makes these options unusable, in words naming each member, or null when they are usable: a prevalence that
    /// is not a probability from 0 to 1 (NaN included), or an ancestry mix that is empty, has a share that is negative,
    /// NaN or infinite, a NUDT15 allele frequency outside 0 to 1, or shares that add up to zero.
    /// </summary>
    internal string? Problem()
    {
        var problems = new List<string>();
        foreach (var s in Settings)
        {
            var value = s.Get(this);
            if (!(value >= 0 && value <= 1))
            {
                problems.Add($"{s.Name} is {value.ToString(CultureInfo.InvariantCulture)}; a prevalence is a probability from 0 to 1");
            }
        }

        if (Ancestry is null || Ancestry.Count == 0)
        {
            problems.Add("the ancestry mix is empty");
        }
        else
        {
            var total = 0.0;
            foreach (var g in Ancestry)
            {
                if (g is null)
                {
                    problems.Add("the ancestry mix holds a null group");
                    continue;
                }

                if (!(g.Share >= 0) || double.IsInfinity(g.Share))
                {
                    problems.Add($"the ancestry share of '{g.Name}' is {g.Share.ToString(CultureInfo.InvariantCulture)}; a share is 0 or more");
                }
                else
                {
                    total += g.Share;
                }

                if (!(g.Nudt15AlleleFrequency >= 0 && g.Nudt15AlleleFrequency <= 1))
                {
                    problems.Add($"the NUDT15 allele frequency of '{g.Name}' is {g.Nudt15AlleleFrequency.ToString(CultureInfo.InvariantCulture)}; a frequency is from 0 to 1");
                }
            }

            if (!(total > 0) || double.IsInfinity(total))
            {
                problems.Add("the ancestry shares do not add up to a positive number");
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems) + ".";
    }

    /// <summary>Applies <c>NAME=VALUE</c> (a prevalence from 0 to 1); returns null and the reason when it cannot.</summary>
    internal CohortOptions? With(string assignment, out string? error)
    {
        error = null;
        var eq = assignment.IndexOf('=');
        var name = eq < 0 ? assignment : assignment.Substring(0, eq);
        if (eq < 0 || !double.TryParse(assignment.Substring(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0 && value <= 1))
        {
            error = $"--set '{assignment}' must be NAME=VALUE with a probability from 0 to 1 (for example tpmtPoor=0.0033).";
            return null;
        }

        foreach (var s in Settings)
        {
            if (string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return s.Set(this, value);
            }
        }

        error = $"--set: '{name}' is not a cohort setting; run 'imuran-rules cohort --show-options' for the list.";
        return null;
    }

    /// <summary>Replaces the ancestry mix from <c>name=share,…</c> (known group names; shares are normalised).</summary>
    internal CohortOptions? WithAncestry(string mix, out string? error)
    {
        error = null;
        var groups = new List<AncestryGroup>();
        foreach (var part in mix.Split(','))
        {
            var eq = part.IndexOf('=');
            var name = eq < 0 ? part.Trim() : part.Substring(0, eq).Trim();
            AncestryGroup? known = null;
            foreach (var g in Ancestry)
            {
                if (string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    known = g;
                }
            }

            if (known is null)
            {
                error = $"--ancestry: '{name}' is not an ancestry group; groups: {string.Join(", ", Names(Ancestry))}.";
                return null;
            }

            if (eq < 0 || !double.TryParse(part.Substring(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || !(share >= 0) || double.IsInfinity(share))
            {
                error = $"--ancestry: '{part.Trim()}' must be NAME=SHARE with a share of 0 or more.";
                return null;
            }

            groups.Add(known with { Share = share });
        }

        var total = 0.0;
        foreach (var g in groups)
        {
            total += g.Share;
        }

        if (total <= 0)
        {
            error = "--ancestry: the shares add up to zero.";
            return null;
        }

        return this with { Ancestry = groups };
    }

    private static IEnumerable<string> Names(IReadOnlyList<AncestryGroup> groups)
    {
        foreach (var g in groups)
        {
            yield return g.Name;
        }
    }

    private static CohortSetting S(string name, string source, Func<CohortOptions, double> get, Func<CohortOptions, double, CohortOptions> set) => new(name, source, get, set);
}

/// <summary>A settable prevalence: its name, its source, and how to read and set it.</summary>
internal sealed record CohortSetting(string Name, string Source, Func<CohortOptions, double> Get, Func<CohortOptions, double, CohortOptions> Set);
