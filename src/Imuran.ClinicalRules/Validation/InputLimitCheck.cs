using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Validation;

/// <summary>
/// The host's size limits (<see cref="RuleThresholds.MaxListLength"/>, <see cref="RuleThresholds.MaxTextLength"/>), checked
/// before anything else in one pass over the facts, so an oversized input costs a scan, never unbounded work.
/// </summary>
internal static class InputLimitCheck
{
    /// <summary>The problems, or an empty list when the facts are within the limits.</summary>
    public static List<ValidationProblem>? Check(PatientFacts p, RuleThresholds options)
    {
        var c = new Checker(options);
        c.Text("patientId", p.PatientId);
        c.List("indications", p.Indications.Count);
        c.List("newNeurologicalSigns", p.NewNeurologicalSigns.Count);

        if (c.List("pharmacogenomics", p.Pharmacogenomics.Count))
        {
            for (var i = 0; i < p.Pharmacogenomics.Count; i++)
            {
                c.Text(IndexedPaths.Pharmacogenomic, i, "diplotype", p.Pharmacogenomics[i]?.Diplotype);
            }
        }

        if (c.List("medications", p.Medications.Count))
        {
            for (var i = 0; i < p.Medications.Count; i++)
            {
                var m = p.Medications[i];
                c.Text(IndexedPaths.Medication, i, "name", m?.Name);
                c.Text(IndexedPaths.Medication, i, "rxNormCode", m?.RxNormCode);
            }
        }

        if (c.List("allergies", p.Allergies.Count))
        {
            for (var i = 0; i < p.Allergies.Count; i++)
            {
                var a = p.Allergies[i];
                c.Text(IndexedPaths.Allergy, i, "substance", a?.Substance);
                c.Text(IndexedPaths.Allergy, i, "rxNormCode", a?.RxNormCode);
            }
        }

        if (c.List("conditions", p.Conditions.Count))
        {
            for (var i = 0; i < p.Conditions.Count; i++)
            {
                var x = p.Conditions[i];
                c.Text(IndexedPaths.Condition, i, "name", x?.Name);
                c.Text(IndexedPaths.Condition, i, "code", x?.Code);
                c.Text(IndexedPaths.Condition, i, "codeSystem", x?.CodeSystem);
            }
        }

        if (c.List("labResults", p.LabResults.Count))
        {
            for (var i = 0; i < p.LabResults.Count; i++)
            {
                var l = p.LabResults[i];
                c.Text(IndexedPaths.Lab, i, "name", l?.Name);
                c.Text(IndexedPaths.Lab, i, "loincCode", l?.LoincCode);
                c.Text(IndexedPaths.Lab, i, "unit", l?.Unit);
            }
        }

        if (c.List("vaccinations", p.Vaccinations.Count))
        {
            for (var i = 0; i < p.Vaccinations.Count; i++)
            {
                var v = p.Vaccinations[i];
                c.Text(IndexedPaths.Vaccination, i, "name", v?.Name);
                c.Text(IndexedPaths.Vaccination, i, "cvxCode", v?.CvxCode);
            }
        }

        return c.Problems;
    }

    private struct Checker
    {
        private readonly int _maxList;
        private readonly int _maxText;

        public Checker(RuleThresholds options)
        {
            _maxList = options.MaxListLength;
            _maxText = options.MaxTextLength;
        }

        public List<ValidationProblem>? Problems { get; private set; }

        /// <summary>Whether the list is within the limit (its items are then worth checking).</summary>
        public bool List(string field, int count)
        {
            if (count <= _maxList)
            {
                return true;
            }

            Add(field, string.Format(CultureInfo.InvariantCulture, "The list has {0:N0} entries; at most {1:N0} are accepted (the host's MaxListLength), so it was not evaluated.", count, _maxList));
            return false;
        }

        public void Text(System.Func<int, string> list, int index, string member, string? text)
        {
            if (text is not null && text.Length > _maxText)
            {
                Text(list(index) + "." + member, text);
            }
        }

        public void Text(string field, string? text)
        {
            if (text is not null && text.Length > _maxText)
            {
                Add(field, string.Format(CultureInfo.InvariantCulture, "The text has {0:N0} characters; at most {1:N0} are accepted (the host's MaxTextLength).", text.Length, _maxText));
            }
        }

        private void Add(string field, string message) => (Problems ??= new List<ValidationProblem>()).Add(new ValidationProblem(field, ErrorCodes.InputTooLarge, message));
    }
}
