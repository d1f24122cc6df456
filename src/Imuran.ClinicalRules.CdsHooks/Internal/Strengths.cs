using System;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>
/// Removes strengths and amounts (e.g. <c>50 MG</c>, <c>120 MG/ML</c>, <c>0.5 %</c>) from medicine names and other text
/// that came from the EHR, so that no card ever echoes a dose or a strength. <c>Azathioprine 50 MG Oral Tablet</c>
/// becomes <c>Azathioprine Oral Tablet</c>.
/// </summary>
internal static partial class Strengths
{
    private const int TimeoutMs = 1000;

    public static string? Remove(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        try
        {
            var stripped = Amount().Replace(text, string.Empty);
            if (stripped.Length == text.Length)
            {
                return text;
            }

            stripped = Spaces().Replace(stripped, " ").Trim();
            return stripped.Length == 0 ? "(strength only, name not given)" : stripped;
        }
        catch (RegexMatchTimeoutException)
        {
            return "(name withheld)";
        }
    }

    [GeneratedRegex(
        @"(?<![\w.])\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|gm|ml|l|unt|units?|iu|meq|mmol|mol|%|actuat|hr)(?![A-Za-z])(?:\s*/\s*(?:\d+(?:[.,]\d+)?\s*)?(?:ml|l|g|kg|m2|actuat|hr|h|day|d)(?![A-Za-z]))*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeoutMs)]
    private static partial Regex Amount();

    [GeneratedRegex(@"\s{2,}", RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex Spaces();
}
