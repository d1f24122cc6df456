using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>
/// Finds whole-word terms (one or two words, any case) in free text by looking each word and each pair of
/// neighbouring words up in a dictionary, so matching costs a few lookups, not a scan per term.
/// </summary>
internal sealed class WordIndex<T>
{
    private readonly Dictionary<string, T> _terms = new(StringComparer.Ordinal);

    public void Add(string term, T value) => _terms[Normalise(term)] = value;

    /// <summary>Finds the first term in <paramref name="text"/>, two-word terms before one-word ones.</summary>
    public bool TryFind(string? text, out T value, out string term)
    {
        value = default!;
        term = string.Empty;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var words = Words(text!);
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var pair = words[i] + " " + words[i + 1];
            if (_terms.TryGetValue(pair, out value!))
            {
                term = pair;
                return true;
            }
        }

        foreach (var w in words)
        {
            if (_terms.TryGetValue(w, out value!))
            {
                term = w;
                return true;
            }
        }

        return false;
    }

    private static string Normalise(string term) => string.Join(" ", Words(term));

    private static List<string> Words(string text)
    {
        var words = new List<string>(8);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(text.Substring(start, i - start).Replace("'", string.Empty).ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }
}
