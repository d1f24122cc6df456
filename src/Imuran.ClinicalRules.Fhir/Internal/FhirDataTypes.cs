using System;
using System.Collections.Generic;
using System.Globalization;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Fhir.Internal;

/// <summary>A FHIR Coding: system, code and display, each optional.</summary>
internal sealed class Coding
{
    public Coding(string? system, string? code, string? display)
    {
        System = system;
        Code = code;
        Display = display;
    }

    public string? System { get; }

    public string? Code { get; }

    public string? Display { get; }

    public bool Is(string system, string code) =>
        string.Equals(System, system, StringComparison.Ordinal) && string.Equals(Code, code, StringComparison.Ordinal);

    public override string ToString() => $"{Echo.Value(System)}|{Echo.Value(Code)}" + (Display is null ? string.Empty : $" '{Echo.Name(Display)}'");
}

/// <summary>A FHIR CodeableConcept: its codings and its text.</summary>
internal sealed class Concept
{
    private Concept(IReadOnlyList<Coding> codings, string? text)
    {
        Codings = codings;
        Text = text;
    }

    public IReadOnlyList<Coding> Codings { get; }

    public string? Text { get; }

    public static Concept Read(FhirNode node)
    {
        var codings = new List<Coding>();
        foreach (var coding in node.Array("coding"))
        {
            var system = coding.String("system");
            var code = coding.String("code");
            var display = coding.String("display");
            if (system is not null || code is not null || display is not null)
            {
                codings.Add(new Coding(system, code, display));
            }
        }

        return new Concept(codings, node.String("text"));
    }

    /// <summary>The first coding in <paramref name="system"/> that has a code.</summary>
    public Coding? Find(string system)
    {
        foreach (var coding in Codings)
        {
            if (coding.Code is not null && string.Equals(coding.System, system, StringComparison.Ordinal))
            {
                return coding;
            }
        }

        return null;
    }

    public bool Has(string system, string code)
    {
        foreach (var coding in Codings)
        {
            if (coding.Is(system, code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first coding in <paramref name="system"/> whose code is one of <paramref name="codes"/>.</summary>
    public Coding? FindAny(string system, ICollection<string> codes)
    {
        foreach (var coding in Codings)
        {
            if (coding.Code is not null && string.Equals(coding.System, system, StringComparison.Ordinal) && codes.Contains(coding.Code))
            {
                return coding;
            }
        }

        return null;
    }

    /// <summary>
    /// The first of <paramref name="known"/> this status concept gives: in any of its codings, whatever comes first (a
    /// local coding often precedes the standard one), else in its text written as a code ("Entered in error" is
    /// <c>entered-in-error</c>); <see langword="null"/> when it gives none of them. QA, 2 Dec: only the first coding was
    /// read, so a Condition or an allergy recorded in error behind a local coding was used as real.
    /// </summary>
    public string? StatusCode(ICollection<string> known)
    {
        foreach (var coding in Codings)
        {
            if (coding.Code is { } code && known.Contains(code.Trim()))
            {
                return code.Trim();
            }
        }

        if (Text is null)
        {
            return null;
        }

        var fromText = string.Join("-", Text.Trim().ToLowerInvariant().Split(new[] { ' ', '\t', '_', '-' }, StringSplitOptions.RemoveEmptyEntries));
        return known.Contains(fromText) ? fromText : null;
    }

    /// <summary>The first code of any coding, else the text in lower case: for status concepts (clinicalStatus and the like).</summary>
    public string? FirstCode()
    {
        foreach (var coding in Codings)
        {
            if (coding.Code is not null)
            {
                return coding.Code;
            }
        }

        return Text?.ToLowerInvariant();
    }

    /// <summary>A name for people: the display of <paramref name="preferred"/>, else the text, else any display.</summary>
    public string? Name(Coding? preferred = null)
    {
        if (preferred?.Display is { } display)
        {
            return display;
        }

        if (Text is not null)
        {
            return Text;
        }

        foreach (var coding in Codings)
        {
            if (coding.Display is not null)
            {
                return coding.Display;
            }
        }

        return null;
    }

    /// <summary>The text and every display, for matching by name.</summary>
    public IEnumerable<string> Texts()
    {
        if (Text is not null)
        {
            yield return Text;
        }

        foreach (var coding in Codings)
        {
            if (coding.Display is not null)
            {
                yield return coding.Display;
            }
        }
    }

    /// <summary>A short description for messages: the codings and the text.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var coding in Codings)
        {
            parts.Add(coding.ToString());
        }

        if (Text is not null)
        {
            parts.Add($"text '{Echo.Name(Text)}'");
        }

        return parts.Count == 0 ? "(empty)" : string.Join(", ", parts);
    }
}

/// <summary>A FHIR Reference: the literal reference and its display.</summary>
internal sealed class FhirReference
{
    public FhirReference(string? reference, string? display)
    {
        Reference = reference;
        Display = display;
    }

    public string? Reference { get; }

    public string? Display { get; }

    public override string ToString() => Reference ?? Display ?? "(empty reference)";
}

/// <summary>How complete a FHIR date is.</summary>
internal enum FhirDateKind
{
    Invalid = 0,
    Partial = 1,
    Full = 2,
}

/// <summary>FHIR date, dateTime and instant values, read as calendar dates.</summary>
internal static class FhirDate
{
    /// <summary>
    /// Reads <c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-MM-DD</c> or a dateTime/instant. For a dateTime the date is taken as
    /// written, in the sender's own time zone: a sample taken late in the evening keeps its local date.
    /// </summary>
    private static readonly string[] DateTimeFormats = { "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK" };

    public static FhirDateKind Parse(string text, out ClinicalDate date)
    {
        date = default;
        if (text.Length == 10)
        {
            return ClinicalDate.TryParse(text, out date) ? FhirDateKind.Full : FhirDateKind.Invalid;
        }

        if (text.Length > 10 && text[10] == 'T')
        {
            // A FHIR dateTime with a time must be a whole, valid one (time and zone); its calendar date is kept as written.
            return ClinicalDate.TryParse(text.Substring(0, 10), out date)
                && DateTimeOffset.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? FhirDateKind.Full
                : FhirDateKind.Invalid;
        }

        var format = text.Length switch
        {
            4 => "yyyy",
            7 => "yyyy-MM",
            _ => null,
        };
        return format is not null
            && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? FhirDateKind.Partial
            : FhirDateKind.Invalid;
    }
}
