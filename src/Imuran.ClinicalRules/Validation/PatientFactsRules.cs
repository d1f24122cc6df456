using System;
using System.Globalization;
using System.Linq.Expressions;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;
using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// Every validation rule of patient facts, stated once: FluentValidation runs them to write problems
/// (<see cref="PatientFactsValidator"/>), and <see cref="PatientFactsPreCheck"/> runs the same tests to prove the
/// common valid case without allocating (the failure tests are expressions, so it compiles a table into one method).
/// Rules run in the order listed, so problems come in this order.
/// </summary>
internal static class PatientFactsRules
{
    /// <summary>Rules on the facts themselves (the lists' items have their own tables).</summary>
    public static readonly FactRule<PatientFacts>[] Patient =
    {
        Rule<PatientFacts>(nameof(PatientFacts.EvaluationDate), ErrorCodes.EvaluationDateMissing, (p, _) => p.EvaluationDate == default, "The evaluation date is missing or 0001-01-01 (the value of an unset date, so the two cannot be told apart); the rules never read the clock, so give the date the facts are evaluated for."),
        Rule<PatientFacts>(nameof(PatientFacts.EvaluationDate), ErrorCodes.InvalidDate, (p, _) => p.EvaluationDate > PatientFacts.LatestEvaluationDate, // QA, 2 Dec: 9999-12-31 ended in a rule's internal error
            "The evaluation date is after 9000-12-31: the dates the rules compute from it (such as the next blood count) would not be calendar dates."),
        new(nameof(PatientFacts.BirthDate), ErrorCodes.BirthAfterEvaluation, (p, e) => AfterEvaluation(p.BirthDate, e), (p, _) => $"The birth date {p.BirthDate} is after the evaluation date {p.EvaluationDate}."),
        new DefinedRule<PatientFacts>(nameof(PatientFacts.Sex), typeof(Sex), p => (int)p.Sex, "The sex is not a known value."),
        new DefinedRule<PatientFacts>(nameof(PatientFacts.Setting), typeof(CareSetting), p => (int)p.Setting, "The care setting is not a known value."),
        new DefinedRule<PatientFacts>(nameof(PatientFacts.PregnancyStatus), typeof(PregnancyStatus), p => (int)p.PregnancyStatus, "The pregnancy status is not a known value."),
        new EachItemRule<PatientFacts, Indication>(nameof(PatientFacts.Indications), ErrorCodes.UnknownValue, p => p.Indications, i => !DefinedValues<Indication>.Contains(i), "The indication is not a known value."),
        new EachItemRule<PatientFacts, NeurologicalSign>(nameof(PatientFacts.NewNeurologicalSigns), ErrorCodes.UnknownValue, p => p.NewNeurologicalSigns, s => !DefinedValues<NeurologicalSign>.Contains(s), "The neurological sign is not a known value."),
        Rule<PatientFacts>(nameof(PatientFacts.PregnancyStatus), ErrorCodes.Contradictory, (p, _) => p.Sex == Sex.Male && p.PregnancyStatus == PregnancyStatus.Pregnant, "The patient is recorded as male and as pregnant; the two facts contradict each other."),
        Rule<PatientFacts>(
            nameof(PatientFacts.PregnancyStatus),
            ErrorCodes.Contradictory,
            (p, _) => (p.PruritusInPregnancy || p.RaisedBileAcids || p.SuspectedCholestasisOfPregnancy) && p.PregnancyStatus == PregnancyStatus.NotPregnant,
            "The patient is recorded as not pregnant but with findings of the current pregnancy (pruritus, bile acids or cholestasis); the facts contradict each other."),
        new(nameof(PatientFacts.LastRedCellTransfusion), ErrorCodes.DateInFuture, (p, e) => AfterEvaluation(p.LastRedCellTransfusion, e), (p, _) => $"The transfusion date {p.LastRedCellTransfusion} is after the evaluation date {p.EvaluationDate}."),
        NotAfter<PatientFacts>(nameof(PatientFacts.PregnancyStatusDate), p => p.PregnancyStatusDate, "pregnancy status date"),
        NotAfter<PatientFacts>(nameof(PatientFacts.BreastfeedingDate), p => p.BreastfeedingDate, "breastfeeding status date"),
        Rule<PatientFacts>(nameof(PatientFacts.Therapy), ErrorCodes.Required, (p, _) => p.Therapy == null, "The therapy record is missing."),
        Rule<PatientFacts>(
            nameof(PatientFacts.PatientId),
            ErrorCodes.PatientIdCarriesDosingText,
            (p, _) => p.PatientId != null && NoDosePolicy.IsDosingFreeText(p.PatientId),
            "The patient id reads as dosing text (words with a dose, an amount, a frequency or an instruction); every output echoes it verbatim and must never carry a dose, so give the record's identifier instead."),
        ValidText<PatientFacts>(nameof(PatientFacts.PatientId), p => p.PatientId),
    };

    /// <summary>Rules on <c>therapy</c>.</summary>
    public static readonly FactRule<AzathioprineTherapy>[] Therapy =
    {
        new DefinedRule<AzathioprineTherapy>(nameof(AzathioprineTherapy.Status), typeof(TherapyStatus), t => (int)t.Status, "The therapy status is not a known value."),
        new(nameof(AzathioprineTherapy.StartDate), ErrorCodes.DateInFuture, (t, e) => t.Status != TherapyStatus.Considering && AfterEvaluation(t.StartDate, e), (t, e) => NotAfterMessage("azathioprine start date", t.StartDate, e)),
        NotAfter<AzathioprineTherapy>(nameof(AzathioprineTherapy.LastRegimenChange), t => t.LastRegimenChange, "regimen change date"),
    };

    /// <summary>Rules on each item of <c>pharmacogenomics</c>.</summary>
    /// <remarks>
    /// A diplotype that cannot be read (HGVS, free text) is not invalid input: it is a result on file that the rules
    /// report as unreadable (a data-quality finding, listed in unrecognised), so every other check still runs.
    /// </remarks>
    public static readonly FactRule<PharmacogenomicResult>[] Pharmacogenomic =
    {
        new DefinedRule<PharmacogenomicResult>(nameof(PharmacogenomicResult.Gene), typeof(Gene), r => (int)r.Gene, "The gene must be TPMT or NUDT15."),
        new DefinedRule<PharmacogenomicResult>(nameof(PharmacogenomicResult.Phenotype), typeof(MetabolizerPhenotype), r => r.Phenotype != null ? (int)r.Phenotype.Value : DefinedRule<PharmacogenomicResult>.Absent, "The phenotype is not a known value."),
        new DefinedRule<PharmacogenomicResult>(nameof(PharmacogenomicResult.Method), typeof(TestMethod), r => (int)r.Method, "The test method is not a known value."),
        Rule<PharmacogenomicResult>(nameof(PharmacogenomicResult.Phenotype), ErrorCodes.PharmacogenomicResultEmpty, (r, _) => r.Phenotype == null && string.IsNullOrWhiteSpace(r.Diplotype), "The result has neither a phenotype nor a diplotype."),
        NotAfter<PharmacogenomicResult>(nameof(PharmacogenomicResult.Date), r => r.Date, "result date"),
        ValidText<PharmacogenomicResult>(nameof(PharmacogenomicResult.Diplotype), r => r.Diplotype),
    };

    /// <summary>Rules on each item of <c>medications</c>.</summary>
    public static readonly FactRule<Medication>[] Medication =
    {
        Rule<Medication>(nameof(Facts.Medication.Name), ErrorCodes.Unidentified, (m, _) => string.IsNullOrWhiteSpace(m.Name) && string.IsNullOrWhiteSpace(m.RxNormCode), "The medication has neither a name nor an RxNorm code."),
        NotAfter<Medication>(nameof(Facts.Medication.StartDate), m => m.StartDate, "medication start date"),
        new(nameof(Facts.Medication.EndDate), ErrorCodes.EndBeforeStart, (m, _) => After(m.StartDate, m.EndDate), (m, _) => $"The medication end date {m.EndDate} is before its start date {m.StartDate}."),
        new(nameof(Facts.Medication.Active), ErrorCodes.Contradictory, (m, e) => m.Active && After(e, m.EndDate), (m, _) => $"The medication is marked active but ended on {m.EndDate}, before the evaluation date."),
        ValidText<Medication>(nameof(Facts.Medication.Name), m => m.Name),
        ValidText<Medication>(nameof(Facts.Medication.RxNormCode), m => m.RxNormCode),
    };

    /// <summary>Rules on each item of <c>allergies</c>.</summary>
    public static readonly FactRule<Allergy>[] Allergy =
    {
        Rule<Allergy>(nameof(Facts.Allergy.Substance), ErrorCodes.Unidentified, (a, _) => string.IsNullOrWhiteSpace(a.Substance) && string.IsNullOrWhiteSpace(a.RxNormCode), "The allergy has neither a substance nor an RxNorm code."),
        ValidText<Allergy>(nameof(Facts.Allergy.Substance), a => a.Substance),
        ValidText<Allergy>(nameof(Facts.Allergy.RxNormCode), a => a.RxNormCode),
    };

    /// <summary>Rules on each item of <c>conditions</c>.</summary>
    public static readonly FactRule<Condition>[] Condition =
    {
        Rule<Condition>(nameof(Facts.Condition.Name), ErrorCodes.Unidentified, (c, _) => string.IsNullOrWhiteSpace(c.Name) && string.IsNullOrWhiteSpace(c.Code) && c.Kind == null, "The condition has no name, code or kind."),
        new DefinedRule<Condition>(nameof(Facts.Condition.Kind), typeof(ConditionKind), c => c.Kind != null ? (int)c.Kind.Value : DefinedRule<Condition>.Absent, "The condition kind is not a known value."),
        new DefinedRule<Condition>(nameof(Facts.Condition.Status), typeof(ConditionStatus), c => (int)c.Status, "The condition status is not a known value."),
        NotAfter<Condition>(nameof(Facts.Condition.Onset), c => c.Onset, "condition onset date"),
        ValidText<Condition>(nameof(Facts.Condition.Name), c => c.Name),
        ValidText<Condition>(nameof(Facts.Condition.Code), c => c.Code),
        ValidText<Condition>(nameof(Facts.Condition.CodeSystem), c => c.CodeSystem),
    };

    /// <summary>Rules on each item of <c>labResults</c>.</summary>
    public static readonly FactRule<LabResult>[] LabResult =
    {
        Rule<LabResult>(nameof(Facts.LabResult.Name), ErrorCodes.Unidentified, (l, _) => string.IsNullOrWhiteSpace(l.Name) && string.IsNullOrWhiteSpace(l.LoincCode) && l.Kind == null, "The lab result has no name, LOINC code or kind."),
        Rule<LabResult>(nameof(Facts.LabResult.Value), ErrorCodes.LabValueNotANumber, (l, _) => double.IsNaN(l.Value) || double.IsInfinity(l.Value), "The lab value is not a finite number (not a number, or too large to hold, such as 1e400)."),
        new(nameof(Facts.LabResult.Value), ErrorCodes.LabValueNegative, (l, _) => !double.IsNaN(l.Value) && l.Value < 0, (l, _) => $"The lab value {l.Value.ToString(CultureInfo.InvariantCulture)} is negative; a count or concentration cannot be below zero."),
        Rule<LabResult>(nameof(Facts.LabResult.Unit), ErrorCodes.LabUnitMissing, (l, _) => string.IsNullOrWhiteSpace(l.Unit), "The lab result has no unit; its value cannot be read without one."),
        Rule<LabResult>(nameof(Facts.LabResult.Date), ErrorCodes.LabDateMissing, (l, _) => l.Date == null, "The lab result has no date; the rules cannot tell whether it is current."),
        NotAfter<LabResult>(nameof(Facts.LabResult.Date), l => l.Date, "lab result date"),
        new DefinedRule<LabResult>(nameof(Facts.LabResult.Flag), typeof(LabFlag), l => (int)l.Flag, "The lab flag is not a known value."),
        Rule<LabResult>(nameof(Facts.LabResult.UpperReferenceLimit), ErrorCodes.LabValueNotANumber, (l, _) => l.UpperReferenceLimit != null && (double.IsNaN(l.UpperReferenceLimit.Value) || double.IsInfinity(l.UpperReferenceLimit.Value) || l.UpperReferenceLimit.Value <= 0), "The upper reference limit must be a positive number."),
        new DefinedRule<LabResult>(nameof(Facts.LabResult.Kind), typeof(LabKind), l => l.Kind != null ? (int)l.Kind.Value : DefinedRule<LabResult>.Absent, "The lab kind is not a known value."),
        ValidText<LabResult>(nameof(Facts.LabResult.Name), l => l.Name),
        ValidText<LabResult>(nameof(Facts.LabResult.LoincCode), l => l.LoincCode),
        ValidText<LabResult>(nameof(Facts.LabResult.Unit), l => l.Unit),
    };

    /// <summary>Rules on each item of <c>vaccinations</c>.</summary>
    public static readonly FactRule<Vaccination>[] Vaccination =
    {
        Rule<Vaccination>(nameof(Facts.Vaccination.Name), ErrorCodes.Unidentified, (v, _) => string.IsNullOrWhiteSpace(v.Name) && string.IsNullOrWhiteSpace(v.CvxCode), "The vaccination has neither a name nor a CVX code."),
        new DefinedRule<Vaccination>(nameof(Facts.Vaccination.Status), typeof(VaccinationStatus), v => (int)v.Status, "The vaccination status is not a known value."),
        new(nameof(Facts.Vaccination.Date), ErrorCodes.DateInFuture, (v, e) => v.Status == VaccinationStatus.Given && AfterEvaluation(v.Date, e), (v, e) => $"The vaccine is recorded as given on {v.Date}, after the evaluation date {e}; record it as planned."),
        ValidText<Vaccination>(nameof(Facts.Vaccination.Name), v => v.Name),
        ValidText<Vaccination>(nameof(Facts.Vaccination.CvxCode), v => v.CvxCode),
    };

    /// <summary>
    /// Whether both dates are given and <paramref name="date"/> is after <paramref name="than"/>. The rules call it
    /// rather than compare nullable dates with <c>&gt;</c>: a lifted comparison in an expression tree compiles to far
    /// slower code (measured about 30 ns against 1 ns a test).
    /// </summary>
    internal static bool After(ClinicalDate? date, ClinicalDate? than) => date is { } d && than is { } t && d > t;

    /// <summary>
    /// Whether <paramref name="date"/> is given and after the evaluation date. False when the evaluation date is missing
    /// (0001-01-01, reported once as <c>EVALUATION_DATE_MISSING</c>): no fact is "after" a date that was not given
    /// (stop 28: every dated fact was reported as after 0001-01-01).
    /// </summary>
    internal static bool AfterEvaluation(ClinicalDate? date, ClinicalDate evaluation) => evaluation != default && date is { } d && d > evaluation;

    /// <summary>The message of a date after the evaluation date.</summary>
    internal static string NotAfterMessage(string what, ClinicalDate? date, ClinicalDate evaluation) =>
        $"The {what} {date} is after the evaluation date {evaluation}.";

    private static FactRule<T> Rule<T>(string member, string code, Expression<Func<T, ClinicalDate, bool>> fails, string message) =>
        new(member, code, fails, (_, _) => message);

    /// <summary>The date, when given, must not be after the evaluation date.</summary>
    private static FactRule<T> NotAfter<T>(string member, Expression<Func<T, ClinicalDate?>> date, string what) => new NotAfterRule<T>(member, date, what);

    /// <summary>The text, when given, must be valid Unicode: no lone UTF-16 surrogate (<c>INVALID_TEXT</c>; see <see cref="ValidTextRule{T}"/>).</summary>
    private static FactRule<T> ValidText<T>(string member, Expression<Func<T, string?>> text) => new ValidTextRule<T>(member, text);

    /// <summary>The message of a text that holds a lone surrogate, naming it and where it is.</summary>
    internal static string LoneSurrogateMessage(string? text)
    {
        var at = UnicodeText.FirstLoneSurrogate(text);
        return $"The text holds a lone surrogate (U+{((int)text![at]).ToString("X4", CultureInfo.InvariantCulture)} at character {at + 1}), half of a UTF-16 pair such as a broken emoji, which is not valid Unicode text: results would show U+FFFD in its place, not what was given; give it as valid text.";
    }
}
