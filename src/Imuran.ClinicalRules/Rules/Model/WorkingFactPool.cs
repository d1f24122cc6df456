using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Terminology;

namespace Imuran.ClinicalRules.Rules.Model;

/// <summary>
/// The working facts <see cref="FactLoader"/> makes most (the patient context, labs, medicines, conditions,
/// pharmacogenomic results), kept for the next evaluation instead of made anew: the compiled executor's pooled
/// per-thread session owns one (issue 12, the 4 KB target). Never shared between threads, never static.
/// </summary>
/// <remarks>
/// A fact handed out is made exactly as a new one (its <c>Init</c> clears every member first). <see cref="Clear"/>,
/// called when the session is reset after an evaluation, clears every fact handed out, so nothing of the patient stays
/// reachable from the pool. The result never points at a working fact (findings and unrecognised items hold texts
/// only), so a result is not changed by the next evaluation. Not used when a host listener watches the evaluation (it
/// is given the facts and may keep them), nor by NRules (its session keeps them until it retracts them) or
/// <see cref="ClinicalRuleSet.LoadFacts"/> (the host keeps them).
/// </remarks>
internal sealed class WorkingFactPool
{
    /// <summary>More facts of one kind than this are not kept for the next evaluation.</summary>
    internal const int LargestKept = 256;

    private readonly Shelf<LabFact> _labs = new();
    private readonly Shelf<MedicationFact> _medications = new();
    private readonly Shelf<ConditionFact> _conditions = new();
    private readonly Shelf<PgxResultFact> _pharmacogenomics = new();
    private readonly Shelf<PatientContext> _patients = new();

    /// <summary>The patient context of <paramref name="facts"/>.</summary>
    public PatientContext Patient(PatientFacts facts, RuleThresholds options)
    {
        if (_patients.Next() is { } reused)
        {
            reused.Init(facts, options);
            return reused;
        }

        return _patients.Add(new PatientContext(facts, options));
    }

    /// <summary>The fact of a recognised lab result.</summary>
    public LabFact Lab(LabResult source, int index, LabKind kind, PatientContext patient)
    {
        if (_labs.Next() is { } reused)
        {
            reused.Init(source, index, kind, patient);
            return reused;
        }

        return _labs.Add(new LabFact(source, index, kind, patient));
    }

    /// <summary>The fact of a recognised medicine entry.</summary>
    public MedicationFact Medication(Medication source, int index, MedicationMatch match, PatientContext patient)
    {
        if (_medications.Next() is { } reused)
        {
            reused.Init(source, index, match, patient);
            return reused;
        }

        return _medications.Add(new MedicationFact(source, index, match, patient));
    }

    /// <summary>The fact of a recognised condition entry.</summary>
    public ConditionFact Condition(Condition source, int index, ConditionKind kind, bool active)
    {
        if (_conditions.Next() is { } reused)
        {
            reused.Init(source, index, kind, active);
            return reused;
        }

        return _conditions.Add(new ConditionFact(source, index, kind, active));
    }

    /// <summary>The fact of a pharmacogenomic result.</summary>
    public PgxResultFact Pharmacogenomic(PharmacogenomicResult source, int index)
    {
        if (_pharmacogenomics.Next() is { } reused)
        {
            reused.Init(source, index);
            return reused;
        }

        return _pharmacogenomics.Add(new PgxResultFact(source, index));
    }

    /// <summary>Clears every fact handed out since the last call; all of them are handed out again from the start.</summary>
    public void Clear()
    {
        _labs.Clear();
        _medications.Clear();
        _conditions.Clear();
        _pharmacogenomics.Clear();
        _patients.Clear();
    }

    /// <summary>The facts of one kind: the first <c>_used</c> handed out in this evaluation, the rest spare.</summary>
    private sealed class Shelf<T>
        where T : class, IReusableFact
    {
        private readonly List<T> _items = new();
        private int _used;

        /// <summary>The next spare fact (not yet initialised), or null when there is none.</summary>
        public T? Next() => _used < _items.Count ? _items[_used++] : null;

        /// <summary>Keeps a new fact, handed out.</summary>
        public T Add(T fact)
        {
            if (_items.Count < LargestKept)
            {
                _items.Add(fact);
                _used++;
            }

            return fact;
        }

        public void Clear()
        {
            for (var i = 0; i < _used; i++)
            {
                _items[i].Clear();
            }

            _used = 0;
        }
    }
}
