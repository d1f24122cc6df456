using Imuran.ClinicalRules.Findings;
using System.Linq;
using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Pharmacogenomics;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Rules.Model;

/// <summary>The patient as one fact: context every rule may join to.</summary>
/// <remarks>Reusable (<see cref="WorkingFactPool"/>): <see cref="Init"/> makes it as new, <see cref="Clear"/> drops the patient.</remarks>
internal sealed class PatientContext : IReusableFact
{
    private const string RecordedPregnancyPath = "pregnancyStatus";
    private const string RecordedBreastfeedingPath = "breastfeeding";

    public PatientContext(PatientFacts facts, RuleThresholds options) => Init(facts, options);

    /// <summary>Makes this the context of <paramref name="facts"/>, exactly as a new one: every other member back to its default.</summary>
    public void Init(PatientFacts facts, RuleThresholds options)
    {
        Clear();
        Facts = facts;
        Options = options;
        Date = facts.EvaluationDate;
        Age = facts.BirthDate is { } b ? b.YearsUntil(facts.EvaluationDate) : null;
    }

    /// <inheritdoc />
    public void Clear()
    {
        Facts = null!;
        Options = null!;
        Date = default;
        Age = null;
        TherapyStatus = default;
        TherapyStart = null;
        TherapyBasis = string.Empty;
        HasRheumatoidArthritis = false;
        HasIbd = false;
        IsTransplantRecipient = false;
        PregnancyStatus = default;
        PregnancyStaleness = null;
        PregnancyStaleDays = null;
        PregnancyPath = RecordedPregnancyPath;
        Breastfeeding = null;
        BreastfeedingPath = RecordedBreastfeedingPath;
        BloodCounts.Clear();
        InteractingMedications.Clear();
        if (BloodCounts.Capacity > WorkingFactPool.LargestKept || InteractingMedications.Capacity > WorkingFactPool.LargestKept)
        {
            // A long record's lists are not kept for the next patient.
            BloodCounts.Capacity = 0;
            InteractingMedications.Capacity = 0;
        }
        CountsStable = false;
        CountsStableText = string.Empty;
        LatestLiverTest = null;
        TpmtCall = null;
        Nudt15Call = null;
        UnreadableTpmt = null;
        UnreadableNudt15 = null;
        TpmtResultGivesPhenotype = false;
        Nudt15ResultGivesPhenotype = false;
    }

    public PatientFacts Facts { get; private set; } = null!;

    public RuleThresholds Options { get; private set; } = null!;

    public ClinicalDate Date { get; private set; }

    /// <summary>Age in completed years, or null when the birth date is unknown.</summary>
    public int? Age { get; private set; }

    public Sex Sex => Facts.Sex;

    public TherapyStatus TherapyStatus { get; set; }

    public ClinicalDate? TherapyStart { get; set; }

    public string TherapyBasis { get; set; } = string.Empty;

    public bool HasRheumatoidArthritis { get; set; }

    public bool HasIbd { get; set; }

    public bool IsTransplantRecipient { get; set; }

    public string IndicationText => FactLoader.IndicationText(Facts.Indications);

    /// <summary>Pregnancy status the rules use: the recorded status, or pregnant when a current pregnancy is recorded elsewhere.</summary>
    public PregnancyStatus PregnancyStatus { get; set; }

    /// <summary>When the recorded pregnancy status is older than the host's window: how old, in plain words (it then counts as unknown).</summary>
    public string? PregnancyStaleness { get; set; }

    /// <summary>The age in days of a stale pregnancy status (see <see cref="PregnancyStaleness"/>).</summary>
    public int? PregnancyStaleDays { get; set; }

    /// <summary>
    /// The basis fact of an unknown pregnancy status: how old it is when it is out of date, else plainly unknown. Not
    /// "not recorded": a status the input sent as unknown, or that the FHIR reader set to unknown because its sources
    /// contradict each other, was recorded.
    /// </summary>
    public BasisFact UnknownPregnancyBasis =>
        new("pregnancy status", PregnancyStaleness ?? "unknown", PregnancyStaleness is null ? "pregnancyStatus" : "pregnancyStatusDate");

    /// <summary>Where the pregnancy status came from, as an input path.</summary>
    public string PregnancyPath { get; set; } = RecordedPregnancyPath;

    /// <summary>Breastfeeding as the rules use it: the recorded value, or true when recorded as a condition.</summary>
    public bool? Breastfeeding { get; set; }

    /// <summary>Where the breastfeeding fact came from, as an input path.</summary>
    public string BreastfeedingPath { get; set; } = RecordedBreastfeedingPath;

    /// <summary>Every recognised blood count (white cells, neutrophils, lymphocytes, platelets, haemoglobin).</summary>
    public List<LabFact> BloodCounts { get; } = new();

    /// <summary>Every recognised co-medication other than azathioprine.</summary>
    public List<MedicationFact> InteractingMedications { get; } = new();

    /// <summary>
    /// The latest blood counts are on file and stable: a white count or platelets on file, and no latest white-cell,
    /// neutrophil, platelet or haemoglobin result low (by flag or threshold) or falling markedly (set when loaded).
    /// </summary>
    public bool CountsStable { get; set; }

    /// <summary>The blood counts' stability in plain words, for a basis (set when loaded).</summary>
    public string CountsStableText { get; set; } = string.Empty;

    /// <summary>
    /// The date of the most recent ALT, AST, bilirubin or alkaline phosphatase result, or null when there is none (set
    /// when loaded). A once-per-patient rule about liver tests reads it here rather than testing every lab in a
    /// <c>Not</c> pattern: NRules then creates and withdraws no activation for it.
    /// </summary>
    public ClinicalDate? LatestLiverTest { get; set; }

    /// <summary>The TPMT phenotype call, once derived (set by the derivation rule; read only by actions, for the basis).</summary>
    public PhenotypeCall? TpmtCall { get; set; }

    /// <summary>The NUDT15 phenotype call, once derived (set by the derivation rule; read only by actions, for the basis).</summary>
    public PhenotypeCall? Nudt15Call { get; set; }

    /// <summary>Input paths of TPMT results on file that cannot be read (set when loaded; null when there are none, as for most patients).</summary>
    public List<string>? UnreadableTpmt { get; private set; }

    /// <summary>Input paths of NUDT15 results on file that cannot be read (set when loaded; null when there are none).</summary>
    public List<string>? UnreadableNudt15 { get; private set; }

    /// <summary>Lists the input path of a result of <paramref name="gene"/> on file that cannot be read.</summary>
    public void AddUnreadable(Gene gene, string path)
    {
        if (gene == Gene.Tpmt)
        {
            (UnreadableTpmt ??= new List<string>()).Add(path);
        }
        else
        {
            (UnreadableNudt15 ??= new List<string>()).Add(path);
        }
    }

    /// <summary>A TPMT result on file gives a phenotype (set when loaded; see <see cref="AnyResultGivesPhenotype"/>).</summary>
    public bool TpmtResultGivesPhenotype { get; set; }

    /// <summary>A NUDT15 result on file gives a phenotype (set when loaded; see <see cref="AnyResultGivesPhenotype"/>).</summary>
    public bool Nudt15ResultGivesPhenotype { get; set; }

    /// <summary>
    /// Whether a result of <paramref name="gene"/> on file is usable and states a phenotype or a diplotype the CPIC
    /// tables translate: the results the phenotype derivation reads (set when loaded). When none does, the gene may
    /// lack a phenotype; the derivation of a missing result still tests that no phenotype was derived. NRules then
    /// tests the missing-result derivation's <c>Not</c> only for patients who may lack a phenotype.
    /// </summary>
    public bool AnyResultGivesPhenotype(Gene gene) => gene == Gene.Tpmt ? TpmtResultGivesPhenotype : Nudt15ResultGivesPhenotype;

    /// <summary>The call for <paramref name="gene"/>, or null.</summary>
    public PhenotypeCall? CallFor(Gene gene) => gene == Gene.Tpmt ? TpmtCall : Nudt15Call;

    /// <summary>A gene's status in plain words for a basis: its call, an unreadable result, or none on file.</summary>
    public string GeneStatus(Gene gene)
    {
        if (CallFor(gene) is { } call)
        {
            return Rules.Describe.Phenotype(call.Phenotype) + " (" + call.Basis + ")";
        }

        var unreadable = gene == Gene.Tpmt ? UnreadableTpmt : UnreadableNudt15;
        return unreadable is { Count: > 0 }
            ? "no usable result: a result is on file but cannot be read (" + string.Join(", ", unreadable) + ")"
            : "no result on file";
    }

    /// <summary>Azathioprine has stopped.</summary>
    public bool Stopped => TherapyStatus == TherapyStatus.Stopped;

    /// <summary>Newly started or continuing.</summary>
    public bool OnTherapy => TherapyStatus is TherapyStatus.NewlyStarted or TherapyStatus.Continuing;

    /// <summary>Considering, newly started, or unknown (unknown is treated like a new start: the more cautious reading).</summary>
    public bool AtOrBeforeStart => TherapyStatus is TherapyStatus.Considering or TherapyStatus.NewlyStarted or TherapyStatus.Unknown;

    /// <summary>
    /// Of reproductive potential as the pregnancy checks read it: female, or sex not recorded or recorded as other (a
    /// pregnancy cannot then be ruled out: unknown is not normal, a local choice), aged within the host's range or of
    /// unknown age. Only a patient recorded as male is left out.
    /// </summary>
    public bool OfReproductivePotential =>
        Sex != Sex.Male && (Age is null || (Age >= Options.ReproductiveAgeFrom && Age <= Options.ReproductiveAgeTo));

    /// <summary>The recorded sex in words, for a basis: female, not recorded, or recorded as other (male never reaches the pregnancy checks).</summary>
    public string SexText => Sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        Sex.Other => "sex recorded as other",
        _ => "sex not recorded",
    };

    /// <summary>The patient as a pregnancy prompt names them: "female patient", or "patient of unrecorded sex" / "of sex 'other'".</summary>
    public string PatientWords => Sex switch
    {
        Sex.Female => "female patient",
        Sex.Other => "patient of sex 'other'",
        _ => "patient of unrecorded sex",
    };

    public string AgeText => Age is { } a ? a + " years" : "unknown (no birth date)";
}

/// <summary>A recognised medicine (one fact for every entry of it). Reusable: see <see cref="PatientContext"/>.</summary>
internal sealed class MedicationFact : IReusableFact
{
    private List<MedicationFact>? _entries;
    private bool _active;
    private ClinicalDate? _firstStart;

    public MedicationFact(Medication source, int index, MedicationMatch match, PatientContext patient) => Init(source, index, match, patient);

    /// <summary>Makes this the fact of <paramref name="source"/>, exactly as a new one.</summary>
    public void Init(Medication source, int index, MedicationMatch match, PatientContext patient)
    {
        Clear();
        Patient = patient;
        Source = source;
        Index = index;
        Class = match.Class;
        Ingredient = match.Ingredient;
        MatchedBy = match.MatchedBy;
        _active = source.Active;
        _firstStart = source.StartDate;
    }

    /// <inheritdoc />
    public void Clear()
    {
        _entries = null;
        _active = false;
        _firstStart = null;
        Patient = null!;
        Source = null!;
        Index = 0;
        Class = default;
        Ingredient = string.Empty;
        MatchedBy = default;
    }

    /// <summary>Every list entry of this medicine (same ingredient) in input order, or null when it appears once.</summary>
    public IReadOnlyList<MedicationFact>? Entries => _entries;

    public Medication Source { get; private set; } = null!;

    /// <summary>
    /// The patient the medicine belongs to. A condition that also reads the patient reads it here, on this fact's own
    /// pattern, rather than by a join to a <see cref="PatientContext"/> pattern: NRules then tests it once per fact
    /// (an alpha node) instead of joining every medicine to the patient.
    /// </summary>
    public PatientContext Patient { get; private set; } = null!;

    public int Index { get; private set; }

    public MedicationClass Class { get; private set; }

    public string Ingredient { get; private set; } = string.Empty;

    public MatchedBy MatchedBy { get; private set; }

    /// <summary>Whether this entry, or any later entry of the same medicine, is active.</summary>
    public bool Active => _active;

    public string Path => IndexedPaths.Medication(Index);

    /// <summary>Adds a later entry of the same medicine: one fact stands for all of them.</summary>
    public void Join(MedicationFact entry)
    {
        (_entries ??= new List<MedicationFact> { this }).Add(entry);
        _active |= entry.Source.Active;
        if (entry.Source.StartDate is { } start && (_firstStart is not { } first || start < first))
        {
            _firstStart = start;
        }
    }

    /// <summary>The earliest start date of any entry: a refill recorded with a recent date does not make a medicine new.</summary>
    public ClinicalDate? FirstStart => _firstStart;

    public string Describe()
    {
        // One interpolation (no intermediate strings): Ingredient (name; RxNorm code; recognised by name) active, since date.
        var name = NoDosePolicy.RedactMedicineName(Source.Name ?? Ingredient);
        var code = Source.RxNormCode is null ? string.Empty : "; RxNorm ";
        var how = MatchedBy switch
        {
            MatchedBy.Name => "; recognised by name",
            MatchedBy.ProductCode => ", product code mapped to the ingredient " + Ingredient,
            _ => string.Empty,
        };
        var since = Source.StartDate is null ? string.Empty : ", since ";
        var date = Source.StartDate is { } s ? s.ToString() : string.Empty;
        return $"{Ingredient} ({name}{code}{Source.RxNormCode}{how}){(Source.Active ? " active" : " past")}{since}{date}";
    }
}

/// <summary>A recognised condition (one fact for every entry of it). Reusable: see <see cref="PatientContext"/>.</summary>
internal sealed class ConditionFact : IReusableFact
{
    public ConditionFact(Condition source, int index, ConditionKind kind, bool active) => Init(source, index, kind, active);

    /// <summary>Makes this the fact of <paramref name="source"/>, exactly as a new one.</summary>
    public void Init(Condition source, int index, ConditionKind kind, bool active)
    {
        Clear();
        Source = source;
        Index = index;
        Kind = kind;
        Active = active;
    }

    /// <inheritdoc />
    public void Clear()
    {
        Source = null!;
        Index = 0;
        Kind = default;
        Active = false;
        Entries = null;
    }

    public Condition Source { get; private set; } = null!;

    public int Index { get; private set; }

    public ConditionKind Kind { get; private set; }

    /// <summary>Current rather than past history.</summary>
    public bool Active { get; private set; }

    public string Path => IndexedPaths.Condition(Index);

    /// <summary>Every entry of this condition (same kind, current or history) in input order, or null when it appears once.</summary>
    public List<ConditionFact>? Entries { get; private set; }

    public void Join(ConditionFact entry) => (Entries ??= new List<ConditionFact> { this }).Add(entry);

    public string Describe()
    {
        var code = Source.Code is null ? string.Empty : $"; {Source.CodeSystem ?? "code"} {Source.Code}";
        var name = NoDosePolicy.ShownName(Source.Name, Kind.ToString());
        return $"{name}{code} ({(Active ? "current" : "history")})";
    }

    /// <summary>One basis fact per entry.</summary>
    public BasisFact[] Basis() => Entries is { } all
        ? all.Select(e => new BasisFact("condition", e.Describe(), e.Path)).ToArray()
        : new[] { new BasisFact("condition", Describe(), Path) };
}

/// <summary>A recognised lab result. Reusable: see <see cref="PatientContext"/>.</summary>
internal sealed class LabFact : IReusableFact
{
    // Stored without nullable wrappers (a canonical unit of null, a NaN for "none"), so a lab fact is 96 bytes rather
    // than 120: a patient has many. NaN is never a real value here: thresholds are validated positive and finite, and
    // a fall that is NaN does not reach the threshold, so it is stored as none.
    private double _normalisedValue;
    private string? _normalisedUnit;
    private double _lowThreshold = double.NaN;
    private double _markedFall = double.NaN;

    public LabFact(LabResult source, int index, LabKind kind, PatientContext patient) => Init(source, index, kind, patient);

    /// <summary>Makes this the fact of <paramref name="source"/>, exactly as a new one.</summary>
    public void Init(LabResult source, int index, LabKind kind, PatientContext patient)
    {
        Clear();
        Patient = patient;
        Source = source;
        Index = index;
        Kind = kind;
        if (LabUnits.Normalise(kind, source.Value, source.Unit) is { } normalised)
        {
            _normalisedValue = normalised.Value;
            _normalisedUnit = normalised.Unit;
        }
    }

    /// <inheritdoc />
    public void Clear()
    {
        _normalisedValue = 0;
        _normalisedUnit = null;
        _lowThreshold = double.NaN;
        _markedFall = double.NaN;
        Patient = null!;
        Source = null!;
        Index = 0;
        Kind = default;
        LiverHigh = false;
        LiverCritical = false;
        LiverReason = null;
        IsLatest = false;
        Previous = null;
    }

    /// <summary>The patient the result belongs to (a condition that reads the patient too reads it here; see <see cref="MedicationFact.Patient"/>).</summary>
    public PatientContext Patient { get; private set; } = null!;

    /// <summary>The value in the canonical unit of its kind, or null when the unit is not in the unit table.</summary>
    public NormalisedValue? Normalised => _normalisedUnit is null ? null : new NormalisedValue(_normalisedValue, _normalisedUnit);

    /// <summary>The host's low threshold for this kind (10*9/L), or null when none applies (set when loaded).</summary>
    public double? LowThreshold
    {
        get => double.IsNaN(_lowThreshold) ? null : _lowThreshold;
        set => _lowThreshold = value ?? double.NaN;
    }

    /// <summary>Flagged low or critically low by the laboratory.</summary>
    public bool LowByFlag => Source.Flag is LabFlag.Low or LabFlag.CriticallyLow;

    /// <summary>Below the host's threshold, compared in the canonical unit.</summary>
    public bool LowByThreshold => _normalisedUnit is not null && _normalisedValue < _lowThreshold; // false when either is none (NaN compares false)

    /// <summary>The host's low threshold applies to this result, but its unit is not one the rules can convert: whether it is below the threshold is unknown.</summary>
    public bool ThresholdUnknown => !double.IsNaN(_lowThreshold) && _normalisedUnit is null;

    /// <summary>Low by the laboratory's flag or by the host's threshold.</summary>
    public bool IsLow => LowByFlag || LowByThreshold;

    /// <summary>The fall from the previous result within the window, as a fraction of it, when it reaches the host's marked-fall threshold (set when loaded).</summary>
    public double? MarkedFall
    {
        get => double.IsNaN(_markedFall) ? null : _markedFall;
        set => _markedFall = value ?? double.NaN;
    }

    /// <summary>A marked fall that leaves the value within the normal range (a warning, not critical).</summary>
    public bool FellWithinNormalRange => MarkedFall is not null && !IsLow;

    /// <summary>Liver test: flagged high, or ALT/AST at or above the host's multiple of the upper reference limit (set when loaded).</summary>
    public bool LiverHigh { get; set; }

    /// <summary>Liver test: ALT, AST or bilirubin flagged critically high or far above the upper limit (set when loaded).</summary>
    public bool LiverCritical { get; set; }

    /// <summary>Why the liver test counts as high or critical, in plain words (set when loaded).</summary>
    public string? LiverReason { get; set; }

    /// <summary>The value as a multiple of the laboratory's upper reference limit, when it sent one.</summary>
    /// <remarks>Rounded to nine decimals, so an exact multiple compares as exact (as the marked fall; see <see cref="BloodCountRules.Assess"/>).</remarks>
    public double? UpperLimitMultiple => Source.UpperReferenceLimit is { } u && u > 0 ? System.Math.Round(Source.Value / u, 9) : null;

    public LabResult Source { get; private set; } = null!;

    public int Index { get; private set; }

    public LabKind Kind { get; private set; }

    /// <summary>The most recent result of its kind.</summary>
    public bool IsLatest { get; set; }

    /// <summary>Critically low by the lab's flag, or a marked fall to a value that is low by flag or threshold.</summary>
    public bool Severe => Source.Flag == LabFlag.CriticallyLow || (MarkedFall is not null && IsLow);

    /// <summary>The result of the same kind just before this one, if any.</summary>
    public LabFact? Previous { get; set; }

    public ClinicalDate Date => Source.Date!.Value;

    public bool IsBloodCount => Kind is LabKind.WhiteCells or LabKind.Neutrophils or LabKind.Platelets or LabKind.Haemoglobin or LabKind.Lymphocytes;

    public bool IsCytopeniaCount => Kind is LabKind.WhiteCells or LabKind.Neutrophils or LabKind.Platelets or LabKind.Haemoglobin;

    public bool IsLiverTest => Kind is LabKind.Alt or LabKind.Ast or LabKind.Bilirubin or LabKind.AlkalinePhosphatase;

    public string Path => IndexedPaths.Lab(Index);

#if NET6_0_OR_GREATER
    public string Describe() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ShownName} {Source.Value} {Source.Unit} on {DateText}, flag {Flag(Source.Flag)}{Converted}");
#else
    public string Describe() =>
        $"{ShownName} {Source.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)} {Source.Unit} on {Source.Date}, flag {Flag(Source.Flag)}{Converted}";
#endif

    /// <summary>The test's name as sent, withheld when it carries dosing text (a lab's name is input text like any other), or the kind.</summary>
    private string ShownName => Source.Name is { } name ? NoDosePolicy.EchoAsWritten(name) : Kind.ToString();

    /// <summary>The canonical value when the unit was converted (", = 4.5 10*9/L"), else empty; the original value and unit stay first.</summary>
    private string Converted =>
        Normalised is { } n && !LabUnits.SameUnit(n.Unit, Source.Unit ?? string.Empty)
            ? " (= " + Number(n.Value) + " " + n.Unit + ")"
            : string.Empty;

    /// <summary>A value in invariant culture with at most three decimals.</summary>
    public static string Number(double value) => System.Math.Round(value, 3).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private string DateText => Source.Date is { } d ? d.ToString() : string.Empty;

    public static string Flag(LabFlag flag) => flag switch
    {
        LabFlag.Low => "low",
        LabFlag.CriticallyLow => "critically low",
        LabFlag.High => "high",
        LabFlag.CriticallyHigh => "critically high",
        LabFlag.Normal => "normal",
        _ => "none",
    };
}

internal sealed class VaccineFact
{
    public VaccineFact(Vaccination source, int index, bool live, PatientContext patient)
    {
        Patient = patient;
        Source = source;
        Index = index;
        Live = live;
    }

    public Vaccination Source { get; }

    /// <summary>The patient the vaccination belongs to (a condition that reads the patient too reads it here; see <see cref="MedicationFact.Patient"/>).</summary>
    public PatientContext Patient { get; }

    public int Index { get; }

    public bool Live { get; }

    public string Path => IndexedPaths.Vaccination(Index);

    /// <summary>Every identical entry of this vaccination (same vaccine, status and date) in input order, or null when it appears once.</summary>
    public List<VaccineFact>? Entries { get; private set; }

    public void Join(VaccineFact entry) => (Entries ??= new List<VaccineFact> { this }).Add(entry);

    /// <summary>One basis fact per entry.</summary>
    public BasisFact[] Basis() => Entries is { } all
        ? all.Select(e => new BasisFact("vaccine", e.Describe(), e.Path)).ToArray()
        : new[] { new BasisFact("vaccine", Describe(), Path) };

    public string Describe() =>
        $"{NoDosePolicy.ShownName(Source.Name, "vaccine")}{(Source.CvxCode is null ? string.Empty : " (CVX " + Source.CvxCode + ")")}, "
        + (Source.Status == VaccinationStatus.Planned ? "planned" : "given") + (Source.Date is { } d ? " " + d : string.Empty);
}

internal sealed class HypersensitivityFact
{
    public HypersensitivityFact(Allergy source, int index, string thiopurine)
    {
        Source = source;
        Index = index;
        Thiopurine = thiopurine;
    }

    public Allergy Source { get; }

    public int Index { get; }

    public string Thiopurine { get; }

    public string Path => IndexedPaths.Allergy(Index);

    /// <summary>Every allergy entry to this thiopurine in input order, or null when it appears once.</summary>
    public List<HypersensitivityFact>? Entries { get; private set; }

    public void Join(HypersensitivityFact entry) => (Entries ??= new List<HypersensitivityFact> { this }).Add(entry);

    /// <summary>One basis fact per entry.</summary>
    public BasisFact[] Basis() => Entries is { } all
        ? all.Select(e => new BasisFact("allergy", e.Shown, e.Path)).ToArray()
        : new[] { new BasisFact("allergy", Shown, Path) };

    /// <summary>
    /// The substance as recorded, its strengths removed, withheld as a medicine's name is (<see cref="NoDosePolicy.ShownName"/>),
    /// or the thiopurine.
    /// </summary>
    private string Shown => NoDosePolicy.ShownName(Source.Substance, Thiopurine, medicine: true);
}

/// <summary>A pharmacogenomic result. Reusable: see <see cref="PatientContext"/>.</summary>
internal sealed class PgxResultFact : IReusableFact
{
    public PgxResultFact(PharmacogenomicResult source, int index) => Init(source, index);

    /// <summary>Makes this the fact of <paramref name="source"/>, exactly as a new one.</summary>
    public void Init(PharmacogenomicResult source, int index)
    {
        Source = source;
        Index = index;
    }

    /// <inheritdoc />
    public void Clear()
    {
        Source = null!;
        Index = 0;
    }

    public PharmacogenomicResult Source { get; private set; } = null!;

    public int Index { get; private set; }

    public Gene Gene => Source.Gene;

    public string Path => IndexedPaths.Pharmacogenomic(Index);
}

/// <summary>Derived: the phenotype the rules use for a gene (the most cautious of its results).</summary>
internal sealed class PhenotypeCall
{
    private readonly PhenotypeTranslation? _translation;

    /// <summary>
    /// A call from <paramref name="translation"/> of a diplotype, or (when null) from the reported phenotype; the
    /// basis text is made when read (only a finding that shows the call reads it).
    /// </summary>
    public PhenotypeCall(Gene gene, MetabolizerPhenotype phenotype, PhenotypeTranslation? translation, string path, IReadOnlyList<PgxResultFact> results)
    {
        Gene = gene;
        Phenotype = phenotype;
        _translation = translation;
        Path = path;
        Results = results;
    }

    public Gene Gene { get; }

    /// <summary>The patient (set by the derivation rule), so a finding's basis can show the other gene's call too.</summary>
    public PatientContext? Patient { get; set; }

    public MetabolizerPhenotype Phenotype { get; }

    /// <summary>How the call was made, e.g. <c>diplotype *3A/*3A (CPIC: poor metabolizer)</c>.</summary>
    public string Basis => _translation is null ? ReportedBasis(Phenotype) : DiplotypeBasis(_translation);

    public string Path { get; }

    public IReadOnlyList<PgxResultFact> Results { get; }

    public bool IsIntermediateLike => Phenotype is MetabolizerPhenotype.Intermediate or MetabolizerPhenotype.PossibleIntermediate;

    /// <summary>E.g. <c>diplotype *3A/*3A (CPIC: poor metabolizer)</c>.</summary>
    public static string DiplotypeBasis(PhenotypeTranslation t) => "diplotype " + t.Diplotype + " (CPIC: " + Rules.Describe.Phenotype(t.Phenotype) + ")";

    /// <summary>E.g. <c>reported phenotype poor metabolizer</c>.</summary>
    public static string ReportedBasis(MetabolizerPhenotype reported) => "reported phenotype " + Rules.Describe.Phenotype(reported);
}

/// <summary>Derived: no result on file for a gene.</summary>
internal sealed class MissingGeneResult
{
    public MissingGeneResult(Gene gene) => Gene = gene;

    public Gene Gene { get; }
}

/// <summary>Derived: a fact the rules need is missing, stale or contradictory.</summary>
internal sealed class DataQualityIssue
{
    public DataQualityIssue(string fact, string problem, string consequence, string? path, string? evidence = null)
    {
        Fact = fact;
        Problem = problem;
        Consequence = consequence;
        Path = path;
        Evidence = evidence ?? problem;
    }

    public string Fact { get; }

    /// <summary>The problem in a few words, for the finding's one-line summary (kept short).</summary>
    public string Problem { get; }

    /// <summary>The problem with every value that shows it, for the finding's basis (defaults to <see cref="Problem"/>).</summary>
    public string Evidence { get; }

    public string Consequence { get; }

    public string? Path { get; }
}

/// <summary>A red-cell TPMT activity result, from a pharmacogenomic result or a lab.</summary>
internal sealed class TpmtActivityResult
{
    public TpmtActivityResult(ClinicalDate? date, string description, string path, PatientContext patient)
    {
        Patient = patient;
        Date = date;
        Description = description;
        Path = path;
    }

    /// <summary>The patient the result belongs to (a condition that reads the patient too reads it here; see <see cref="MedicationFact.Patient"/>).</summary>
    public PatientContext Patient { get; }

    /// <summary>When the sample was taken; null when the result has no date (a pharmacogenomic result may have none).</summary>
    public ClinicalDate? Date { get; }

    public string Description { get; }

    public string Path { get; }
}
