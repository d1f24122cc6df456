using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;

namespace NetFrameworkHost
{
    /// <summary>
    /// The supported way for a C# 7.3 host to build patient facts: write the documented patient-facts JSON from its own
    /// records (here with <see cref="Utf8JsonWriter"/>) and read it with <see cref="PatientFactsJson.Read(string)"/>, which
    /// names every problem. The rule set is built once and shared (it is thread-safe).
    /// </summary>
    public static class LegacyCheck
    {
        private static readonly IClinicalRuleEvaluator Rules = ClinicalRuleSet.Default;

        /// <summary>Checks a patient on an evaluation date; returns one line per finding, or the input problems.</summary>
        public static IList<string> Check(LegacyPatient patient, DateTime evaluationDate)
        {
            var read = PatientFactsJson.Read(ToFactsJson(patient, evaluationDate));
            var lines = new List<string>();
            if (!read.Succeeded)
            {
                foreach (var p in read.Problems)
                {
                    lines.Add("PROBLEM " + p.Field + " " + p.Code + ": " + p.Message);
                }

                return lines;
            }

            EvaluationResult result = Rules.Evaluate(read.Facts);
            if (!result.IsValid)
            {
                foreach (var p in result.Validation)
                {
                    lines.Add("PROBLEM " + p.Field + " " + p.Code + ": " + p.Message);
                }

                return lines;
            }

            if (!result.IsComplete)
            {
                lines.Add("INCOMPLETE: do not show this as a complete review.");
            }

            foreach (Finding f in result.Findings)
            {
                lines.Add(JsonNames.Of(f.Severity) + " " + f.RuleId + " " + f.Summary);
            }

            return lines;
        }

        /// <summary>The host's record as patient-facts JSON (camelCase members, ISO dates), as documented in the README.</summary>
        public static string ToFactsJson(LegacyPatient patient, DateTime evaluationDate)
        {
            using (var stream = new MemoryStream())
            {
                using (var w = new Utf8JsonWriter(stream))
                {
                    w.WriteStartObject();
                    w.WriteString("patientId", patient.Id);
                    w.WriteString("evaluationDate", Date(evaluationDate));
                    w.WriteString("birthDate", Date(patient.DateOfBirth));
                    w.WriteString("sex", patient.SexCode == "M" ? "male" : patient.SexCode == "F" ? "female" : "unknown");
                    w.WriteStartObject("therapy");
                    w.WriteString("status", patient.ConsideringAzathioprine ? "considering" : "continuing");
                    w.WriteEndObject();
                    w.WriteString("setting", "prescribing");
                    w.WriteStartArray("indications");
                    foreach (var indication in patient.Indications)
                    {
                        w.WriteStringValue(indication);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("pharmacogenomics");
                    foreach (var g in patient.Genotypes)
                    {
                        w.WriteStartObject();
                        w.WriteString("gene", g.Key);
                        w.WriteString("diplotype", g.Value);
                        w.WriteString("method", "genotype");
                        if (patient.GenotypeDate.HasValue)
                        {
                            w.WriteString("date", Date(patient.GenotypeDate.Value));
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("medications");
                    foreach (var m in patient.Medications)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", m.Name);
                        if (m.RxNorm != null)
                        {
                            w.WriteString("rxNormCode", m.RxNorm);
                        }

                        if (m.Started.HasValue)
                        {
                            w.WriteString("startDate", Date(m.Started.Value));
                        }

                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("labResults");
                    foreach (var l in patient.Labs)
                    {
                        w.WriteStartObject();
                        w.WriteString("loincCode", l.Loinc);
                        w.WriteString("name", l.Name);
                        w.WriteNumber("value", l.Value);
                        w.WriteString("unit", l.Unit);
                        w.WriteString("date", Date(l.Taken));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                return Encoding.UTF8.GetString(stream.ToArray());
            }
        }

        private static string Date(DateTime d) => ClinicalDate.FromDateTime(d).ToString();
    }
}
