using System.Collections.Generic;
using System.Linq;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Fhir.Mapping;

/// <summary>
/// Gathers facts while the resources are read, then settles what needs every resource first: azathioprine therapy
/// status, pregnancy status (the latest dated wins), breastfeeding, and a genotype joined with the phenotype derived
/// from it.
/// </summary>
internal sealed class FactsBuilder
{
    /// <summary>A therapy is continuing when it started more than this many days before the evaluation date.</summary>
    internal const int NewStartDays = 28;

    private readonly List<(TherapyStatus Status, ClinicalDate? Start)> _therapy = new();
    private readonly List<(PregnancyStatus Status, ClinicalDate? Date, ResourceScope Source, bool Current)> _pregnancy = new();
    private readonly List<(bool Value, ResourceScope Source, ClinicalDate? Date)> _breastfeeding = new();

    public string? PatientId { get; set; }

    public ClinicalDate? BirthDate { get; set; }

    public Sex Sex { get; set; }

    public bool SuspectedCholestasisOfPregnancy { get; set; }

    public List<Medication> Medications { get; } = new();

    public List<Condition> Conditions { get; } = new();

    public List<LabResult> LabResults { get; } = new();

    public List<Allergy> Allergies { get; } = new();

    public List<Vaccination> Vaccinations { get; } = new();

    public List<PharmacogenomicEntry> Pharmacogenomics { get; } = new();

    /// <summary>An azathioprine order or statement: active (with its start, when known) or considered.</summary>
    public void AddTherapy(TherapyStatus status, ClinicalDate? start) => _therapy.Add((status, start));

    /// <summary>
    /// A pregnancy status from a record dated <paramref name="date"/>. <paramref name="current"/>: the record says the
    /// status holds now, whatever its date (an active pregnancy condition, dated by when it was recorded or began).
    /// </summary>
    public void AddPregnancy(PregnancyStatus status, ClinicalDate? date, ResourceScope source, bool current = false) => _pregnancy.Add((status, date, source, current));

    public void AddBreastfeeding(bool value, ResourceScope source, ClinicalDate? date = null) => _breastfeeding.Add((value, source, date));

    /// <summary>The therapy status an active order started on <paramref name="start"/> gives on <paramref name="evaluationDate"/>.</summary>
    public static TherapyStatus ActiveStatus(ClinicalDate? start, ClinicalDate evaluationDate) =>
        start is { } date && date.DaysUntil(evaluationDate) <= NewStartDays ? TherapyStatus.NewlyStarted : TherapyStatus.Continuing;

    public PatientFacts Build(ClinicalDate evaluationDate) => new()
    {
        PatientId = PatientId,
        EvaluationDate = evaluationDate,
        BirthDate = BirthDate,
        Sex = Sex,
        Therapy = SettleTherapy(evaluationDate),
        PregnancyStatus = SettlePregnancy(),
        PregnancyStatusDate = PregnancyDate(),
        Breastfeeding = SettleBreastfeeding(),
        BreastfeedingDate = BreastfeedingDate(),
        SuspectedCholestasisOfPregnancy = SuspectedCholestasisOfPregnancy,
        Medications = Medications,
        Conditions = Conditions,
        LabResults = LabResults,
        Allergies = Allergies,
        Vaccinations = Vaccinations,
        Pharmacogenomics = JoinPharmacogenomics(),
    };

    /// <summary>
    /// Active orders win over considered ones; the earliest known start of an active order dates the therapy. An
    /// active order without any start date counts as continuing (the mapper reports it). Records that disagree always
    /// settle on one of them, never on unknown: unknown means no azathioprine record was read, which is what the core's
    /// AZA-DQ-001 says ("therapy status: not recorded"; pinned by TherapyStatusSettlementTests).
    /// </summary>
    private AzathioprineTherapy SettleTherapy(ClinicalDate evaluationDate)
    {
        var active = _therapy.Where(t => t.Status is TherapyStatus.Continuing or TherapyStatus.NewlyStarted).ToList();
        if (active.Count > 0)
        {
            var starts = active.Where(t => t.Start.HasValue).Select(t => t.Start!.Value).ToList();
            ClinicalDate? start = starts.Count == 0 ? null : starts.Min();
            return new AzathioprineTherapy { Status = ActiveStatus(start, evaluationDate), StartDate = start };
        }

        if (_therapy.Any(t => t.Status == TherapyStatus.Considering))
        {
            return new AzathioprineTherapy { Status = TherapyStatus.Considering };
        }

        // Only stopped, completed or cancelled azathioprine orders: therapy has stopped.
        return _therapy.Any(t => t.Status == TherapyStatus.Stopped)
            ? new AzathioprineTherapy { Status = TherapyStatus.Stopped }
            : new AzathioprineTherapy();
    }

    /// <summary>
    /// The latest dated status wins; undated ones count only when none is dated. Statuses of the same (latest) date
    /// that disagree give <see cref="PregnancyStatus.Unknown"/> and a problem. So does a "not pregnant" record, of any
    /// date, beside an active pregnancy condition: the condition says the patient is pregnant now, so a later negative
    /// record contradicts it (the condition would have been resolved) rather than replacing it.
    /// </summary>
    private PregnancyStatus SettlePregnancy()
    {
        if (_pregnancy.Count == 0)
        {
            return PregnancyStatus.Unknown;
        }

        var settled = SettleByDate();
        var current = _pregnancy.Where(p => p.Current && p.Status == PregnancyStatus.Pregnant).ToList();
        if (settled != PregnancyStatus.NotPregnant || current.Count == 0)
        {
            return settled;
        }

        var negative = _pregnancy.Where(p => p.Status == PregnancyStatus.NotPregnant).ToList();
        var sources = string.Join(", ", current.Concat(negative).Select(p => $"{p.Source.Label} says {p.Status}{(p.Date is { } d ? " (" + d + ")" : string.Empty)}"));
        negative[negative.Count - 1].Source.Problem(
            MappingProblemCode.ContradictoryPregnancyStatus,
            $"Contradictory pregnancy status: {sources}; an active pregnancy condition says pregnant now. Pregnancy status was set to unknown.");
        return PregnancyStatus.Unknown;
    }

    private PregnancyStatus SettleByDate()
    {
        var dated = _pregnancy.Where(p => p.Date.HasValue).ToList();
        var latestDate = dated.Count > 0 ? dated.Max(d => d.Date!.Value) : default;
        var latest = dated.Count > 0
            ? dated.Where(p => p.Date == latestDate).ToList()
            : _pregnancy;
        var statuses = latest.Select(p => p.Status).Distinct().ToList();
        if (statuses.Count == 1)
        {
            return statuses[0];
        }

        var sources = string.Join(", ", latest.Select(p => $"{p.Source.Label} says {p.Status}"));
        var when = dated.Count > 0 ? $"on {latest[0].Date}" : "without dates";
        var last = latest[latest.Count - 1].Source;
        last.Problem(
            MappingProblemCode.ContradictoryPregnancyStatus,
            $"Contradictory pregnancy status {when}: {sources}. Pregnancy status was set to unknown.");
        return PregnancyStatus.Unknown;
    }

    /// <summary>The date of the latest dated pregnancy status, so the rules can tell a stale one (null when none is dated).</summary>
    private ClinicalDate? PregnancyDate()
    {
        ClinicalDate? latest = null;
        foreach (var p in _pregnancy)
        {
            if (p.Date is { } d && (latest is null || d > latest.Value))
            {
                latest = d;
            }
        }

        return latest;
    }

    /// <summary>
    /// The latest date among the records that decided breastfeeding (the "yes" records when any, otherwise the "no"
    /// ones), so the rules can tell a stale status; null when none of them is dated.
    /// </summary>
    private ClinicalDate? BreastfeedingDate()
    {
        var anyYes = _breastfeeding.Any(b => b.Value);
        ClinicalDate? latest = null;
        foreach (var b in _breastfeeding)
        {
            if (b.Value == anyYes && b.Date is { } d && (latest is null || d > latest.Value))
            {
                latest = d;
            }
        }

        return latest;
    }

    /// <summary>Any current breastfeeding record wins (the cautious reading); a contradiction is reported.</summary>
    private bool? SettleBreastfeeding()
    {
        if (_breastfeeding.Count == 0)
        {
            return null;
        }

        var yes = _breastfeeding.Where(b => b.Value).ToList();
        var no = _breastfeeding.Where(b => !b.Value).ToList();
        if (yes.Count > 0 && no.Count > 0)
        {
            yes[0].Source.Problem(
                MappingProblemCode.ContradictoryBreastfeeding,
                $"Contradictory breastfeeding records: {string.Join(", ", yes.Select(b => b.Source.Label))} say yes, "
                + $"{string.Join(", ", no.Select(b => b.Source.Label))} say no. Breastfeeding was taken as yes.");
        }

        return yes.Count > 0;
    }

    /// <summary>
    /// A phenotype observation derived from a genotype observation of the same gene (a Genomics Reporting
    /// therapeutic implication) is joined to it: one result with both diplotype and phenotype.
    /// </summary>
    private List<PharmacogenomicResult> JoinPharmacogenomics()
    {
        var results = new List<PharmacogenomicResult>();
        var joined = new HashSet<PharmacogenomicEntry>();
        var byKey = Pharmacogenomics.Where(p => p.SourceKey is not null).GroupBy(p => p.SourceKey!).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var entry in Pharmacogenomics)
        {
            if (entry.Result is not { Phenotype: not null, Diplotype: null })
            {
                continue;
            }

            foreach (var key in entry.DerivedFrom)
            {
                if (!byKey.TryGetValue(key, out var sources))
                {
                    continue;
                }

                var genotype = sources.FirstOrDefault(s => s.Result.Gene == entry.Result.Gene && s.Result is { Diplotype: not null, Phenotype: null } && !joined.Contains(s));
                if (genotype is not null)
                {
                    genotype.Result = genotype.Result with { Phenotype = entry.Result.Phenotype, Date = genotype.Result.Date ?? entry.Result.Date };
                    joined.Add(entry);
                    break;
                }
            }
        }

        foreach (var entry in Pharmacogenomics)
        {
            if (!joined.Contains(entry))
            {
                results.Add(entry.Result);
            }
        }

        return results;
    }
}

/// <summary>A pharmacogenomic result with the observation it came from and the observations it was derived from.</summary>
internal sealed class PharmacogenomicEntry
{
    public PharmacogenomicEntry(PharmacogenomicResult result, string? sourceKey, IReadOnlyList<string> derivedFrom)
    {
        Result = result;
        SourceKey = sourceKey;
        DerivedFrom = derivedFrom;
    }

    public PharmacogenomicResult Result { get; set; }

    /// <summary><c>Observation/id</c> of the source, when it has an id.</summary>
    public string? SourceKey { get; }

    /// <summary><c>Observation/id</c> keys of the observations named in <c>derivedFrom</c>.</summary>
    public IReadOnlyList<string> DerivedFrom { get; }
}
