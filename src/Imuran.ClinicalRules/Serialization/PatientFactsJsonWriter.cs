using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// Writes <see cref="PatientFacts"/> in exactly the patient-facts JSON contract that <see cref="PatientFactsJson.Read(string)"/>
/// reads: camelCase members, ISO 8601 dates, camelCase enum names. Members holding the reader's default (null, empty
/// lists, <c>false</c>, <see cref="Sex.Unknown"/>, an active medication, a given vaccine, and so on) are left out, so
/// lines stay short; reading the output back gives equal facts. Thread-safe.
/// </summary>
public static class PatientFactsJsonWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The facts as JSON text; compact (one line, for NDJSON) unless <paramref name="indented"/>.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/> is null.</exception>
    public static string ToJson(PatientFacts facts, bool indented = false)
    {
        using var stream = new MemoryStream();
        Write(facts, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the facts as UTF-8 JSON to <paramref name="utf8Stream"/>; compact unless <paramref name="indented"/>.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/> or <paramref name="utf8Stream"/> is null.</exception>
    public static void Write(PatientFacts facts, Stream utf8Stream, bool indented = false)
    {
        if (utf8Stream is null)
        {
            throw new System.ArgumentNullException(nameof(utf8Stream));
        }

        using var w = new Utf8JsonWriter(utf8Stream, indented ? Indented : Compact);
        Write(facts, w);
        w.Flush();
    }

    /// <summary>Writes the facts as one JSON object to <paramref name="w"/>.</summary>
    /// <exception cref="System.ArgumentNullException"><paramref name="facts"/> or <paramref name="w"/> is null.</exception>
    public static void Write(PatientFacts facts, Utf8JsonWriter w)
    {
        if (facts is null)
        {
            throw new System.ArgumentNullException(nameof(facts));
        }

        if (w is null)
        {
            throw new System.ArgumentNullException(nameof(w));
        }

        w.WriteStartObject();
        String(w, "patientId", facts.PatientId);
        if (facts.EvaluationDate != default)
        {
            w.WriteString("evaluationDate", facts.EvaluationDate.ToString());
        }

        Date(w, "birthDate", facts.BirthDate);
        if (facts.Sex != Sex.Unknown)
        {
            w.WriteString("sex", JsonNames.Of(facts.Sex));
        }

        var t = facts.Therapy;
        if (t is not null && (t.Status != TherapyStatus.Unknown || t.StartDate is not null || t.LastRegimenChange is not null))
        {
            w.WriteStartObject("therapy");
            if (t.Status != TherapyStatus.Unknown)
            {
                w.WriteString("status", JsonNames.Of(t.Status));
            }

            Date(w, "startDate", t.StartDate);
            Date(w, "lastRegimenChange", t.LastRegimenChange);
            w.WriteEndObject();
        }

        if (facts.Setting != CareSetting.Unspecified)
        {
            w.WriteString("setting", JsonNames.Of(facts.Setting));
        }

        EnumArray(w, "indications", facts.Indications);
        if (facts.Pharmacogenomics.Count > 0)
        {
            w.WriteStartArray("pharmacogenomics");
            foreach (var r in facts.Pharmacogenomics)
            {
                w.WriteStartObject();
                w.WriteString("gene", JsonNames.Of(r.Gene));
                if (r.Phenotype is { } phenotype)
                {
                    w.WriteString("phenotype", JsonNames.Of(phenotype));
                }

                String(w, "diplotype", r.Diplotype);
                if (r.Method != TestMethod.Unspecified)
                {
                    w.WriteString("method", JsonNames.Of(r.Method));
                }

                Date(w, "date", r.Date);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        Date(w, "lastRedCellTransfusion", facts.LastRedCellTransfusion);
        if (facts.PregnancyStatus != PregnancyStatus.Unknown)
        {
            w.WriteString("pregnancyStatus", JsonNames.Of(facts.PregnancyStatus));
        }

        Date(w, "pregnancyStatusDate", facts.PregnancyStatusDate);

        True(w, "pruritusInPregnancy", facts.PruritusInPregnancy);
        True(w, "raisedBileAcids", facts.RaisedBileAcids);
        True(w, "suspectedCholestasisOfPregnancy", facts.SuspectedCholestasisOfPregnancy);
        if (facts.Breastfeeding is { } breastfeeding)
        {
            w.WriteBoolean("breastfeeding", breastfeeding);
        }

        Date(w, "breastfeedingDate", facts.BreastfeedingDate);

        True(w, "plannedConception", facts.PlannedConception);

        if (facts.Medications.Count > 0)
        {
            w.WriteStartArray("medications");
            foreach (var m in facts.Medications)
            {
                w.WriteStartObject();
                String(w, "name", m.Name);
                String(w, "rxNormCode", m.RxNormCode);
                Date(w, "startDate", m.StartDate);
                Date(w, "endDate", m.EndDate);
                if (!m.Active)
                {
                    w.WriteBoolean("active", false);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (facts.Allergies.Count > 0)
        {
            w.WriteStartArray("allergies");
            foreach (var a in facts.Allergies)
            {
                w.WriteStartObject();
                String(w, "substance", a.Substance);
                String(w, "rxNormCode", a.RxNormCode);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (facts.Conditions.Count > 0)
        {
            w.WriteStartArray("conditions");
            foreach (var c in facts.Conditions)
            {
                w.WriteStartObject();
                String(w, "name", c.Name);
                String(w, "code", c.Code);
                String(w, "codeSystem", c.CodeSystem);
                if (c.Kind is { } kind)
                {
                    w.WriteString("kind", JsonNames.Of(kind));
                }

                if (c.Status != ConditionStatus.Active)
                {
                    w.WriteString("status", JsonNames.Of(c.Status));
                }

                Date(w, "onset", c.Onset);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (facts.LabResults.Count > 0)
        {
            w.WriteStartArray("labResults");
            foreach (var l in facts.LabResults)
            {
                w.WriteStartObject();
                if (l.Kind is { } kind)
                {
                    w.WriteString("kind", JsonNames.Of(kind));
                }

                String(w, "loincCode", l.LoincCode);
                String(w, "name", l.Name);
                if (double.IsNaN(l.Value) || double.IsInfinity(l.Value))
                {
                    // JSON has no NaN or infinity; the reader accepts these texts and validation then names the field.
                    w.WriteString("value", double.IsNaN(l.Value) ? "NaN" : l.Value > 0 ? "Infinity" : "-Infinity");
                }
                else
                {
                    w.WriteNumber("value", l.Value);
                }

                String(w, "unit", l.Unit);
                Date(w, "date", l.Date);
                if (l.Flag != LabFlag.None)
                {
                    w.WriteString("flag", JsonNames.Of(l.Flag));
                }

                if (l.UpperReferenceLimit is { } uln && !double.IsNaN(uln) && !double.IsInfinity(uln))
                {
                    w.WriteNumber("upperReferenceLimit", uln);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (facts.Vaccinations.Count > 0)
        {
            w.WriteStartArray("vaccinations");
            foreach (var v in facts.Vaccinations)
            {
                w.WriteStartObject();
                String(w, "cvxCode", v.CvxCode);
                String(w, "name", v.Name);
                Date(w, "date", v.Date);
                if (v.Status != VaccinationStatus.Given)
                {
                    w.WriteString("status", JsonNames.Of(v.Status));
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        EnumArray(w, "newNeurologicalSigns", facts.NewNeurologicalSigns);
        w.WriteEndObject();
    }

    private static void String(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, ClinicalDate? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, d.ToString());
        }
    }

    private static void True(Utf8JsonWriter w, string name, bool value)
    {
        if (value)
        {
            w.WriteBoolean(name, true);
        }
    }

    private static void EnumArray<TEnum>(Utf8JsonWriter w, string name, IReadOnlyList<TEnum> values)
        where TEnum : struct, System.Enum
    {
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(JsonNames.Of(v));
        }

        w.WriteEndArray();
    }
}
