namespace Imuran.ClinicalRules.Internal;

/// <summary>
/// Whether a text is valid Unicode, i.e. holds no lone UTF-16 surrogate: one truth for the validation of patient facts
/// built in code and for the check on a site policy's name and version. The JSON readers refuse a lone surrogate as
/// they read; a text a host built in memory is checked here, since every output echoes it and would show U+FFFD in its
/// place, not what was given.
/// </summary>
internal static class UnicodeText
{
    /// <summary>
    /// The index of the first high surrogate not followed by a low one, or low surrogate not after a high one; -1 when
    /// there is none (or the text is null). One pass over the characters, allocation-free. (A plain loop: the vectorised
    /// <c>IndexOfAnyInRange</c> was tried, and allocated on the validation of valid facts, which must allocate nothing.)
    /// </summary>
    public static int FirstLoneSurrogate(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        var i = NextSurrogate(text, 0);
        while (i >= 0)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i = NextSurrogate(text, i + 2);
            }
            else
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="text"/> holds a lone surrogate (false for null).</summary>
    public static bool HasLoneSurrogate(string? text) => FirstLoneSurrogate(text) >= 0;

    private static int NextSurrogate(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
