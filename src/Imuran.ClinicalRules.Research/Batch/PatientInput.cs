using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Fhir;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Research.Batch;

/// <summary>
/// One patient read from input: patient-facts JSON or FHIR R4 (detected by <c>resourceType</c>), or the problems
/// that stopped it being read. For FHIR, the mapping report is kept for display.
/// </summary>
internal sealed record PatientInput(PatientFacts? Facts, IReadOnlyList<ValidationProblem> Problems, string Format, FhirMappingResult? Mapping = null)
{
    /// <summary>
    /// FHIR read without the reader's own size limit: the callers bound the input already (<c>check</c> its document
    /// size, <c>batch</c> its line length), and a FHIR document must not meet a lower limit than a facts document.
    /// </summary>
    private static readonly FhirReadOptions Fhir = new() { MaxBytes = long.MaxValue };

    [MemberNotNullWhen(true, nameof(Facts))]
    public bool Succeeded => Facts is not null && Problems.Count == 0;

    /// <summary>
    /// <paramref name="result"/> with the parts of a FHIR record the reader could not read
    /// (<see cref="MappingProblem.MeansIncompleteData"/>) as its <see cref="EvaluationResult.DataNotRead"/>, which makes
    /// it incomplete; <paramref name="result"/> itself for patient facts or a record read whole. <c>check</c> and
    /// <c>batch</c> both finish an evaluation with it.
    /// </summary>
    public EvaluationResult WithDataNotRead(EvaluationResult result)
    {
        if (Mapping is null)
        {
            return result;
        }

        List<ValidationProblem>? notRead = null;
        foreach (var p in Mapping.Problems)
        {
            if (p.MeansIncompleteData)
            {
                (notRead ??= new List<ValidationProblem>()).Add(new ValidationProblem(p.Path, p.ErrorCode, p.Message));
            }
        }

        return notRead is null ? result : result with { DataNotRead = notRead };
    }

    /// <summary>
    /// Reads one patient. <paramref name="evaluationDate"/>, when given, overrides a facts file's date; FHIR carries no
    /// evaluation date, so it uses <paramref name="evaluationDate"/> or else <paramref name="today"/>.
    /// </summary>
    public static PatientInput Read(string json, ClinicalDate? evaluationDate, ClinicalDate today)
    {
        if (IsFhir(json))
        {
            var mapping = FhirPatientReader.Read(json, evaluationDate ?? today, Fhir);
            if (!mapping.Succeeded || mapping.Facts is null)
            {
                var error = mapping.Error;
                var field = error?.Path ?? "$";
                var code = error?.ErrorCode ?? ErrorCodes.MalformedInput;
                return new PatientInput(null, new[] { new ValidationProblem(field, code, error?.Message ?? "The FHIR input could not be read.") }, "fhir", mapping);
            }

            return new PatientInput(mapping.Facts, Array.Empty<ValidationProblem>(), "fhir", mapping);
        }

        return FromFacts(PatientFactsJson.Read(json), evaluationDate);
    }

    private static PatientInput FromFacts(PatientFactsReadResult read, ClinicalDate? evaluationDate)
    {
        var facts = read.Facts;
        var problems = new List<ValidationProblem>(read.Problems);
        if (facts is not null && evaluationDate is { } d)
        {
            facts = facts with { EvaluationDate = d };
            problems.RemoveAll(p => p.Code == ErrorCodes.EvaluationDateMissing);
        }

        return new PatientInput(facts, problems, "facts");
    }

    /// <summary>
    /// Reads one patient from UTF-8 bytes: a well-formed patient-facts line (no FHIR <c>resourceType</c>, no escapes)
    /// is read in place by <see cref="PatientFactsJson.Read(ReadOnlySpan{byte})"/>; anything else goes through
    /// <see cref="Read(string, ClinicalDate?, ClinicalDate)"/>, so the result, problems included, is the same as reading the line's text.
    /// </summary>
    public static PatientInput Read(ReadOnlySpan<byte> utf8, ClinicalDate? evaluationDate, ClinicalDate today)
    {
        if (utf8.IndexOf("resourceType"u8) < 0 && utf8.IndexOf((byte)'\\') < 0)
        {
            return FromFacts(PatientFactsJson.Read(utf8), evaluationDate);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException ex)
        {
            return new PatientInput(null, new[] { new ValidationProblem("$", ErrorCodes.MalformedInput, $"The input is not valid UTF-8 (an invalid byte near byte {ex.Index + 1}); it was not read, because replaced characters could change its meaning.") }, "facts");
        }

        return Read(text, evaluationDate, today);
    }

    /// <summary>Whether the document's root object has a string <c>resourceType</c> (malformed JSON is not FHIR).</summary>
    private static bool IsFhir(string json)
    {
        // Without the text "resourceType" (and no escape that could spell it) there is no such member: skip the parse.
        if (json.IndexOf("resourceType", StringComparison.Ordinal) < 0 && json.IndexOf('\\') < 0)
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !FhirPatientReader.LooksLikeFhir(root))
            {
                return false;
            }

            // A patient-facts document with a stray resourceType stays patient facts (and the reader rejects the
            // member), so its facts are never silently lost to the FHIR reader, which ignores unknown members.
            foreach (var member in FactsOnlyMembers)
            {
                if (root.TryGetProperty(member, out _))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            // A string holding a lone surrogate has no UTF-8 form: the facts reader reports it.
            return false;
        }
    }

    /// <summary>Members only patient facts have (none is a member of any FHIR resource).</summary>
    private static readonly string[] FactsOnlyMembers =
    {
        "evaluationDate", "therapy", "setting", "indications", "pharmacogenomics", "pregnancyStatus", "medications", "allergies", "conditions", "labResults", "vaccinations",
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
