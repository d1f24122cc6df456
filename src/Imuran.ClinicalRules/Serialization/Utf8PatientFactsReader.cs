using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Internal;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// A fast reader of well-formed patient-facts JSON straight from UTF-8 bytes (<see cref="Utf8JsonReader"/>, no string
/// of the document, no <see cref="JsonDocument"/>). It only ever says "read, no problems": on anything irregular (a
/// member it does not know, a duplicate, a null, a wrong type, an unknown enum text, a date it cannot read, a missing
/// required member, an escape, a comment, malformed JSON) it gives up, and the caller reads the document with
/// <see cref="PatientFactsJson.Read(string)"/>, which alone writes problems, so messages never differ.
/// </summary>
internal static class Utf8PatientFactsReader
{
    private static readonly byte[][] Root = Utf8(PatientFactsJson.RootMembers);
    private static readonly byte[][] Therapy = Utf8(PatientFactsJson.TherapyMembers);
    private static readonly byte[][] Pharmacogenomic = Utf8(PatientFactsJson.PharmacogenomicMembers);
    private static readonly byte[][] MedicationNames = Utf8(PatientFactsJson.MedicationMembers);
    private static readonly byte[][] AllergyNames = Utf8(PatientFactsJson.AllergyMembers);
    private static readonly byte[][] ConditionNames = Utf8(PatientFactsJson.ConditionMembers);
    private static readonly byte[][] LabNames = Utf8(PatientFactsJson.LabMembers);
    private static readonly byte[][] VaccinationNames = Utf8(PatientFactsJson.VaccinationMembers);

    /// <summary>
    /// Reads <paramref name="utf8"/> when it is a well-formed patient-facts document that
    /// <see cref="PatientFactsJson.Read(string)"/> would read without a problem, giving the same facts.
    /// </summary>
    /// <returns><see langword="false"/> when the caller must read the document the ordinary way.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out PatientFacts? facts)
    {
        facts = null;
        try
        {
            var reader = new Utf8JsonReader(utf8, isFinalBlock: true, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            if (!TryReadRoot(ref reader, out var read) || reader.Read())
            {
                return false;
            }

            facts = read;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static bool TryReadRoot(ref Utf8JsonReader r, out PatientFacts? facts)
    {
        facts = null;
        var seen = 0;
        string? patientId = null;
        ClinicalDate? evaluationDate = null, birthDate = null, lastRedCellTransfusion = null, pregnancyStatusDate = null, breastfeedingDate = null;
        var sex = Sex.Unknown;
        AzathioprineTherapy? therapy = null;
        var setting = CareSetting.Unspecified;
        IReadOnlyList<Indication> indications = ReadOnly.Empty<Indication>();
        IReadOnlyList<PharmacogenomicResult> pharmacogenomics = ReadOnly.Empty<PharmacogenomicResult>();
        var pregnancyStatus = PregnancyStatus.Unknown;
        bool pruritus = false, bileAcids = false, cholestasis = false, plannedConception = false;
        bool? breastfeeding = null;
        IReadOnlyList<Medication> medications = ReadOnly.Empty<Medication>();
        IReadOnlyList<Allergy> allergies = ReadOnly.Empty<Allergy>();
        IReadOnlyList<Condition> conditions = ReadOnly.Empty<Condition>();
        IReadOnlyList<LabResult> labs = ReadOnly.Empty<LabResult>();
        IReadOnlyList<Vaccination> vaccinations = ReadOnly.Empty<Vaccination>();
        IReadOnlyList<NeurologicalSign> signs = ReadOnly.Empty<NeurologicalSign>();

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, Root, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => r.TrySkip(),
                1 => TryString(ref r, out patientId),
                2 => TryDate(ref r, out evaluationDate),
                3 => TryDate(ref r, out birthDate),
                4 => TryEnum(ref r, out sex),
                5 => TryTherapy(ref r, out therapy),
                6 => TryEnum(ref r, out setting),
                7 => TryEnumArray(ref r, out indications),
                8 => TryArray(ref r, TryPharmacogenomic, out pharmacogenomics),
                9 => TryDate(ref r, out lastRedCellTransfusion),
                10 => TryEnum(ref r, out pregnancyStatus),
                11 => TryBool(ref r, out pruritus),
                12 => TryBool(ref r, out bileAcids),
                13 => TryBool(ref r, out cholestasis),
                14 => TryNullableBool(ref r, out breastfeeding),
                15 => TryBool(ref r, out plannedConception),
                16 => TryArray(ref r, TryMedication, out medications),
                17 => TryArray(ref r, TryAllergy, out allergies),
                18 => TryArray(ref r, TryCondition, out conditions),
                19 => TryArray(ref r, TryLab, out labs),
                20 => TryArray(ref r, TryVaccination, out vaccinations),
                21 => TryEnumArray(ref r, out signs),
                22 => TryDate(ref r, out pregnancyStatusDate),
                _ => TryDate(ref r, out breastfeedingDate),
            };
            if (!ok)
            {
                return false;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject || evaluationDate is null || evaluationDate == default(ClinicalDate))
        {
            return false;
        }

        facts = new PatientFacts
        {
            PatientId = patientId,
            EvaluationDate = evaluationDate.Value,
            BirthDate = birthDate,
            Sex = sex,
            Therapy = therapy ?? new AzathioprineTherapy(),
            Setting = setting,
            Indications = indications,
            Pharmacogenomics = pharmacogenomics,
            LastRedCellTransfusion = lastRedCellTransfusion,
            PregnancyStatus = pregnancyStatus,
            PregnancyStatusDate = pregnancyStatusDate,
            PruritusInPregnancy = pruritus,
            RaisedBileAcids = bileAcids,
            SuspectedCholestasisOfPregnancy = cholestasis,
            Breastfeeding = breastfeeding,
            BreastfeedingDate = breastfeedingDate,
            PlannedConception = plannedConception,
            Medications = medications,
            Allergies = allergies,
            Conditions = conditions,
            LabResults = labs,
            Vaccinations = vaccinations,
            NewNeurologicalSigns = signs,
        };
        return true;
    }

    private delegate bool ItemReader<T>(ref Utf8JsonReader r, out T? item)
        where T : class;

    private static bool TryTherapy(ref Utf8JsonReader r, out AzathioprineTherapy? therapy)
    {
        therapy = null;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = 0;
        var status = TherapyStatus.Unknown;
        ClinicalDate? start = null, change = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, Therapy, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => TryEnum(ref r, out status),
                1 => TryDate(ref r, out start),
                _ => TryDate(ref r, out change),
            };
            if (!ok)
            {
                return false;
            }
        }

        therapy = new AzathioprineTherapy { Status = status, StartDate = start, LastRegimenChange = change };
        return true;
    }

    private static bool TryPharmacogenomic(ref Utf8JsonReader r, out PharmacogenomicResult? result)
    {
        result = null;
        var seen = 0;
        Gene gene = default;
        MetabolizerPhenotype phenotype = default;
        string? diplotype = null;
        var method = TestMethod.Unspecified;
        ClinicalDate? date = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, Pharmacogenomic, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => TryEnum(ref r, out gene),
                1 => TryEnum(ref r, out phenotype),
                2 => TryString(ref r, out diplotype),
                3 => TryEnum(ref r, out method),
                _ => TryDate(ref r, out date),
            };
            if (!ok)
            {
                return false;
            }
        }

        if ((seen & 1) == 0)
        {
            return false;
        }

        result = new PharmacogenomicResult
        {
            Gene = gene,
            Phenotype = (seen & 2) != 0 ? phenotype : null,
            Diplotype = diplotype,
            Method = method,
            Date = date,
        };
        return true;
    }

    private static bool TryMedication(ref Utf8JsonReader r, out Medication? medication)
    {
        medication = null;
        var seen = 0;
        string? name = null, rxNorm = null;
        ClinicalDate? start = null, end = null;
        var active = true;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, MedicationNames, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => TryString(ref r, out name),
                1 => TryString(ref r, out rxNorm),
                2 => TryDate(ref r, out start),
                3 => TryDate(ref r, out end),
                _ => TryBool(ref r, out active),
            };
            if (!ok)
            {
                return false;
            }
        }

        medication = new Medication { Name = name, RxNormCode = rxNorm, StartDate = start, EndDate = end, Active = active };
        return true;
    }

    private static bool TryAllergy(ref Utf8JsonReader r, out Allergy? allergy)
    {
        allergy = null;
        var seen = 0;
        string? substance = null, rxNorm = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, AllergyNames, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            if (!(member == 0 ? TryString(ref r, out substance) : TryString(ref r, out rxNorm)))
            {
                return false;
            }
        }

        allergy = new Allergy { Substance = substance, RxNormCode = rxNorm };
        return true;
    }

    private static bool TryCondition(ref Utf8JsonReader r, out Condition? condition)
    {
        condition = null;
        var seen = 0;
        string? name = null, code = null, codeSystem = null;
        ConditionKind kind = default;
        var status = ConditionStatus.Active;
        ClinicalDate? onset = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, ConditionNames, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => TryString(ref r, out name),
                1 => TryString(ref r, out code),
                2 => TryString(ref r, out codeSystem),
                3 => TryEnum(ref r, out kind),
                4 => TryEnum(ref r, out status),
                _ => TryDate(ref r, out onset),
            };
            if (!ok)
            {
                return false;
            }
        }

        condition = new Condition
        {
            Name = name,
            Code = code,
            CodeSystem = codeSystem,
            Kind = (seen & 8) != 0 ? kind : null,
            Status = status,
            Onset = onset,
        };
        return true;
    }

    private static bool TryLab(ref Utf8JsonReader r, out LabResult? lab)
    {
        lab = null;
        var seen = 0;
        LabKind kind = default;
        string? loinc = null, name = null, unit = null;
        double value = 0;
        ClinicalDate? date = null;
        var flag = LabFlag.None;
        double uln = 0;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, LabNames, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => TryEnum(ref r, out kind),
                1 => TryString(ref r, out loinc),
                2 => TryString(ref r, out name),
                3 => TryNumber(ref r, out value),
                4 => TryString(ref r, out unit),
                5 => TryDate(ref r, out date),
                6 => TryEnum(ref r, out flag),
                _ => TryNumber(ref r, out uln),
            };
            if (!ok)
            {
                return false;
            }
        }

        if ((seen & 8) == 0)
        {
            return false;
        }

        lab = new LabResult
        {
            Kind = (seen & 1) != 0 ? kind : null,
            LoincCode = loinc,
            Name = name,
            Value = value,
            Unit = unit,
            Date = date,
            Flag = flag,
            UpperReferenceLimit = (seen & 128) != 0 ? uln : null,
        };
        return true;
    }

    private static bool TryVaccination(ref Utf8JsonReader r, out Vaccination? vaccination)
    {
        vaccination = null;
        var seen = 0;
        string? cvx = null, name = null;
        ClinicalDate? date = null;
        var status = VaccinationStatus.Given;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var member = Member(ref r, VaccinationNames, ref seen);
            if (member < 0 || !r.Read() || r.TokenType == JsonTokenType.Null)
            {
                return false;
            }

            var ok = member switch
            {
                0 => TryString(ref r, out cvx),
                1 => TryString(ref r, out name),
                2 => TryDate(ref r, out date),
                _ => TryEnum(ref r, out status),
            };
            if (!ok)
            {
                return false;
            }
        }

        vaccination = new Vaccination { CvxCode = cvx, Name = name, Date = date, Status = status };
        return true;
    }

    /// <summary>The index of the current member name in <paramref name="names"/>; -1 when unknown, escaped or repeated.</summary>
    private static int Member(ref Utf8JsonReader r, byte[][] names, ref int seen)
    {
        if (r.ValueIsEscaped)
        {
            return -1;
        }

        var name = r.ValueSpan;
        for (var i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                var bit = 1 << i;
                if ((seen & bit) != 0)
                {
                    return -1;
                }

                seen |= bit;
                return i;
            }
        }

        return -1;
    }

    private static bool TryArray<T>(ref Utf8JsonReader r, ItemReader<T> read, out IReadOnlyList<T> items)
        where T : class
    {
        items = ReadOnly.Empty<T>();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        List<T>? list = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject || !read(ref r, out var item) || r.TokenType != JsonTokenType.EndObject)
            {
                return false;
            }

            (list ??= new List<T>(4)).Add(item!);
        }

        if (list is not null)
        {
            items = ReadOnly.Freeze(list);
        }

        return true;
    }

    private static bool TryEnumArray<TEnum>(ref Utf8JsonReader r, out IReadOnlyList<TEnum> items)
        where TEnum : struct, Enum
    {
        items = ReadOnly.Empty<TEnum>();
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        List<TEnum>? list = null;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (!TryEnum(ref r, out TEnum value))
            {
                return false;
            }

            (list ??= new List<TEnum>(2)).Add(value);
        }

        if (list is not null)
        {
            items = ReadOnly.Freeze(list);
        }

        return true;
    }

    private static bool TryString(ref Utf8JsonReader r, out string? value)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            value = null;
            return false;
        }

        value = r.GetString();
        return true;
    }

    private static bool TryBool(ref Utf8JsonReader r, out bool value)
    {
        value = r.TokenType == JsonTokenType.True;
        return r.TokenType is JsonTokenType.True or JsonTokenType.False;
    }

    private static bool TryNullableBool(ref Utf8JsonReader r, out bool? value)
    {
        var ok = TryBool(ref r, out var b);
        value = ok ? b : null;
        return ok;
    }

    private static bool TryNumber(ref Utf8JsonReader r, out double value)
    {
        value = 0;
        return r.TokenType == JsonTokenType.Number && r.TryGetDouble(out value) && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    /// <summary>A <c>yyyy-MM-dd</c> text of ASCII digits, read in place; anything else is left to the ordinary reader.</summary>
    private static bool TryDate(ref Utf8JsonReader r, out ClinicalDate? value)
    {
        value = null;
        if (r.TokenType != JsonTokenType.String || r.ValueIsEscaped || r.HasValueSequence)
        {
            return false;
        }

        var s = r.ValueSpan;
        if (s.Length != 10 || s[4] != (byte)'-' || s[7] != (byte)'-')
        {
            return false;
        }

        var year = Digits(s, 0, 4);
        var month = Digits(s, 5, 2);
        var day = Digits(s, 8, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        value = new ClinicalDate(year, month, day);
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> s, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (c < (byte)'0' || c > (byte)'9')
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    /// <summary>An enum text: the contract names are matched in place, any other text through <see cref="JsonNames.TryParse"/>.</summary>
    private static bool TryEnum<TEnum>(ref Utf8JsonReader r, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (r.TokenType != JsonTokenType.String || r.HasValueSequence)
        {
            return false;
        }

        if (!r.ValueIsEscaped)
        {
            var s = r.ValueSpan;
            var names = EnumTable<TEnum>.Names;
            for (var i = 0; i < names.Length; i++)
            {
                if (s.SequenceEqual(names[i]))
                {
                    value = EnumTable<TEnum>.Values[i];
                    return true;
                }
            }
        }

        return JsonNames.TryParse(r.GetString(), out value);
    }

    private static byte[][] Utf8(string[] names)
    {
        var bytes = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            bytes[i] = Encoding.UTF8.GetBytes(names[i]);
        }

        return bytes;
    }

    /// <summary>Each defined value's contract name and what <see cref="JsonNames.TryParse"/> reads it as.</summary>
    private static class EnumTable<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly byte[][] Names;
        public static readonly TEnum[] Values;

        static EnumTable()
        {
            var names = new List<byte[]>();
            var values = new List<TEnum>();
            foreach (TEnum v in Enum.GetValues(typeof(TEnum)))
            {
                var name = JsonNames.Of(v);
                if (JsonNames.TryParse(name, out TEnum parsed))
                {
                    names.Add(Encoding.UTF8.GetBytes(name));
                    values.Add(parsed);
                }
            }

            Names = names.ToArray();
            Values = values.ToArray();
        }
    }
}
