using System;
using System.Collections.Generic;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>
/// Finds whole-word terms (one to three words, any case) in free text by looking each word, each pair and each triple
/// of neighbouring words up in a dictionary, so matching costs a few lookups, not a scan per term. Longer terms are
/// found before shorter ones.
/// </summary>
/// <remarks>
/// A word is a run of letters, digits and apostrophes; it is compared without its apostrophes and in lower case.
/// ASCII text (nearly all input) is matched in place, hashing the words where they stand, without allocating; other
/// text takes the general path, which splits and lower-cases it with the invariant culture. Both find the same term.
/// </remarks>
internal sealed class WordIndex<T>
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <summary>The most words a term may have.</summary>
    public const int MaxWords = 3;

    private readonly Dictionary<string, T> _terms = new(StringComparer.Ordinal);
    private int _longest;
    private int[] _buckets = Array.Empty<int>();
    private Entry[] _entries = Array.Empty<Entry>();

    /// <summary>An index of <paramref name="terms"/>, each standing for <paramref name="value"/> (a list of cues or names of one meaning).</summary>
    /// <exception cref="ArgumentException">A term has no word, or more than <see cref="MaxWords"/>.</exception>
    public static WordIndex<T> Of(T value, params string[] terms)
    {
        var index = new WordIndex<T>();
        foreach (var term in terms)
        {
            index.Add(term, value);
        }

        return index;
    }

    /// <exception cref="ArgumentException">The term has no word, or more than <see cref="MaxWords"/>.</exception>
    public void Add(string term, T value)
    {
        var words = Words(term, 0, term.Length);
        if (words.Count is 0 or > MaxWords)
        {
            throw new ArgumentException($"A term has one to {MaxWords} words: '{term}'.", nameof(term));
        }

        _terms[string.Join(" ", words.ConvertAll(w => w.Word))] = value;
        _longest = Math.Max(_longest, words.Count);
        Rebuild();
    }

    /// <summary>Finds the first term in <paramref name="text"/>, longer terms before shorter ones.</summary>
    public bool TryFind(string? text, out T value, out string term) =>
        TryFind(text, 0, text?.Length ?? 0, out value, out term, out _, out _);

    /// <summary>
    /// Finds the first term whose words lie in <c>[from, to)</c> of <paramref name="text"/>, longer terms before
    /// shorter ones, and where it stands: <c>[start, end)</c>, from its first word's first character to its last
    /// word's end. <paramref name="from"/> and <paramref name="to"/> are taken to fall between words. ASCII text is
    /// matched without allocating.
    /// </summary>
    public bool TryFind(string? text, int from, int to, out T value, out string term, out int start, out int end)
    {
        value = default!;
        term = string.Empty;
        start = end = -1;
        if (string.IsNullOrEmpty(text) || from >= to)
        {
            return false;
        }

        for (var i = from; i < to; i++)
        {
            if (text![i] > '\u007f')
            {
                return TryFindSplitting(text, from, to, out value, out term, out start, out end);
            }
        }

        // The longest terms first: runs of three neighbouring words, then pairs, then words, each in order.
        for (var length = _longest; length >= 1; length--)
        {
            if (TryFindRuns(text!, from, to, length, out var entry, out start, out end))
            {
                value = entry.Value;
                term = entry.Key;
                return true;
            }
        }

        start = end = -1;
        return false;
    }

    /// <summary>The first run of <paramref name="length"/> neighbouring words of ASCII text that is a term, in place.</summary>
    private bool TryFindRuns(string text, int from, int to, int length, out Entry entry, out int start, out int end)
    {
        // The last words read: [0] the oldest of the window, [length - 1] the newest.
        int s1 = -1, e1 = -1, s2 = -1, e2 = -1, s3 = -1, e3 = -1;
        var read = 0;
        var position = from;
        while (NextWord(text, ref position, to, out var wordStart, out var wordEnd))
        {
            (s1, e1, s2, e2, s3, e3) = length switch
            {
                1 => (wordStart, wordEnd, -1, -1, -1, -1),
                2 => (s2, e2, wordStart, wordEnd, -1, -1),
                _ => (s2, e2, s3, e3, wordStart, wordEnd),
            };
            if (++read >= length && TryGet(text, s1, e1, s2, e2, s3, e3, out entry))
            {
                start = s1;
                end = wordEnd;
                return true;
            }
        }

        entry = default;
        start = end = -1;
        return false;
    }

    /// <summary>The general path: split into normalised words, then look runs of words up, the longest first.</summary>
    internal bool TryFindSplitting(string text, out T value, out string term) =>
        TryFindSplitting(text, 0, text.Length, out value, out term, out _, out _);

    private bool TryFindSplitting(string text, int from, int to, out T value, out string term, out int start, out int end)
    {
        term = string.Empty;
        var words = Words(text, from, to);
        for (var length = _longest; length >= 1; length--)
        {
            for (var i = 0; i + length <= words.Count; i++)
            {
                var run = Run(words, i, length);
                if (_terms.TryGetValue(run, out value!))
                {
                    term = run;
                    start = words[i].Start;
                    end = words[i + length - 1].End;
                    return true;
                }
            }
        }

        value = default!;
        start = end = -1;
        return false;
    }

    /// <summary>The normalised words <c>i</c> to <c>i + length - 1</c>, joined by single spaces.</summary>
    private static string Run(List<(string Word, int Start, int End)> words, int i, int length) =>
        length == 1 ? words[i].Word : length == 2 ? words[i].Word + " " + words[i + 1].Word : words[i].Word + " " + words[i + 1].Word + " " + words[i + 2].Word;

    /// <summary>The words of <c>[from, to)</c>, normalised, with where each stands in the text.</summary>
    private static List<(string Word, int Start, int End)> Words(string text, int from, int to)
    {
        var words = new List<(string Word, int Start, int End)>(8);
        var start = -1;
        for (var i = from; i <= to; i++)
        {
            var isWordChar = i < to && (char.IsLetterOrDigit(text[i]) || text[i] == '\'');
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add((text.Substring(start, i - start).Replace("'", string.Empty).ToLowerInvariant(), start, i));
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The next word of ASCII <paramref name="text"/> at or after <paramref name="position"/>, before <paramref name="to"/>.</summary>
    private static bool NextWord(string text, ref int position, int to, out int start, out int end)
    {
        var i = position;
        while (i < to && !IsAsciiWordChar(text[i]))
        {
            i++;
        }

        start = i;
        while (i < to && IsAsciiWordChar(text[i]))
        {
            i++;
        }

        end = i;
        position = i;
        return end > start;
    }

    private static bool IsAsciiWordChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';

    private static char LowerAscii(char c) => c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;

    /// <summary>
    /// Looks up the word <c>[start1, end1)</c>, with <c>[start2, end2)</c> and <c>[start3, end3)</c> after it when given
    /// (not -1), normalised in place.
    /// </summary>
    private bool TryGet(string text, int start1, int end1, int start2, int end2, int start3, int end3, out Entry entry)
    {
        entry = default;
        if (_buckets.Length == 0)
        {
            return false;
        }

        var hash = FnvOffset;
        hash = HashWord(text, start1, end1, hash);
        if (start2 >= 0)
        {
            hash = (hash ^ ' ') * FnvPrime;
            hash = HashWord(text, start2, end2, hash);
        }

        if (start3 >= 0)
        {
            hash = (hash ^ ' ') * FnvPrime;
            hash = HashWord(text, start3, end3, hash);
        }

        for (var i = _buckets[hash & (uint)(_buckets.Length - 1)]; i >= 0; i = _entries[i].Next)
        {
            if (_entries[i].Hash == hash && Equals(_entries[i].Key, text, start1, end1, start2, end2, start3, end3))
            {
                entry = _entries[i];
                return true;
            }
        }

        return false;
    }

    private static uint HashWord(string text, int start, int end, uint hash)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] != '\'')
            {
                hash = (hash ^ LowerAscii(text[i])) * FnvPrime;
            }
        }

        return hash;
    }

    /// <summary>Whether <paramref name="key"/> is the normalised word, or run of two or three words, of the text.</summary>
    private static bool Equals(string key, string text, int start1, int end1, int start2, int end2, int start3, int end3)
    {
        var k = 0;
        return MatchWord(key, ref k, text, start1, end1)
            && (start2 < 0 || MatchNextWord(key, ref k, text, start2, end2))
            && (start3 < 0 || MatchNextWord(key, ref k, text, start3, end3))
            && k == key.Length;
    }

    /// <summary>Matches a space and then the word <c>[start, end)</c> at <paramref name="k"/> of <paramref name="key"/>.</summary>
    private static bool MatchNextWord(string key, ref int k, string text, int start, int end)
    {
        if (k >= key.Length || key[k] != ' ')
        {
            return false;
        }

        k++;
        return MatchWord(key, ref k, text, start, end);
    }

    private static bool MatchWord(string key, ref int k, string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == '\'')
            {
                continue;
            }

            if (k >= key.Length || key[k] != LowerAscii(text[i]))
            {
                return false;
            }

            k++;
        }

        return true;
    }

    private void Rebuild()
    {
        var size = 4;
        while (size < _terms.Count * 2)
        {
            size *= 2;
        }

        var buckets = new int[size];
        for (var i = 0; i < size; i++)
        {
            buckets[i] = -1;
        }

        var entries = new Entry[_terms.Count];
        var n = 0;
        foreach (var pair in _terms)
        {
            var hash = FnvOffset;
            foreach (var c in pair.Key)
            {
                hash = (hash ^ c) * FnvPrime;
            }

            var bucket = (int)(hash & (uint)(size - 1));
            entries[n] = new Entry(pair.Key, pair.Value, hash, buckets[bucket]);
            buckets[bucket] = n;
            n++;
        }

        _entries = entries;
        _buckets = buckets;
    }

    private readonly struct Entry
    {
        public Entry(string key, T value, uint hash, int next)
        {
            Key = key;
            Value = value;
            Hash = hash;
            Next = next;
        }

        public string Key { get; }

        public T Value { get; }

        public uint Hash { get; }

        public int Next { get; }
    }
}
