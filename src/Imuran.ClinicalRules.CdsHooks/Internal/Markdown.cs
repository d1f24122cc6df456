using System;
using System.Buffers;
using System.Text;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>
/// Writes text into GitHub-flavoured Markdown as plain text: every character Markdown would read as markup (including
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no HTML can get through) is backslash-escaped, line breaks and tabs
/// become spaces, and other control characters are left out.
/// </summary>
internal static class Markdown
{
    /// <summary>The characters escaped with a backslash.</summary>
    private const string MarkupCharacters = "\\`*_[]<>&|~#!";

    private static readonly SearchValues<char> Markup = SearchValues.Create(MarkupCharacters);

    /// <summary><paramref name="text"/> escaped; the same string when nothing needed escaping.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (IsPlain(text))
        {
            return text;
        }

        return Append(new StringBuilder(text.Length + 8), text).ToString();
    }

    /// <summary>Appends <paramref name="text"/>, escaped, to <paramref name="builder"/> (no string of its own is made).</summary>
    public static StringBuilder Append(StringBuilder builder, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return builder;
        }

        if (IsPlain(text))
        {
            return builder.Append(text);
        }

        foreach (var c in text)
        {
            if (MarkupCharacters.Contains(c))
            {
                builder.Append('\\').Append(c);
            }
            else if (c is '\r' or '\n' or '\t')
            {
                builder.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder;
    }

    /// <summary>No markup character and no control character: the text is its own Markdown.</summary>
    private static bool IsPlain(string text)
    {
        var span = text.AsSpan();
        return span.IndexOfAny(Markup) < 0 && span.IndexOfAnyInRange('\0', '\u001F') < 0 && span.IndexOfAnyInRange('\u007F', '\u009F') < 0;
    }
}
