using System.Text;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>
/// Writes text into GitHub-flavoured Markdown as plain text: every character Markdown would read as markup (including
/// <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c>, so no HTML can get through) is backslash-escaped, and line breaks become spaces.
/// </summary>
internal static class Markdown
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&' or '|' or '~' or '#' or '!':
                    builder.Append('\\').Append(c);
                    break;
                case '\r' or '\n' or '\t':
                    builder.Append(' ');
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }
}
