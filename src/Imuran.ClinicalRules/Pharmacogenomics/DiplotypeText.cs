namespace Imuran.ClinicalRules.Pharmacogenomics;

/// <summary>
/// Reads a diplotype of the form <c>*1/*3A</c> without a regular expression, for ASCII text: optional white space,
/// a star allele (<c>*</c>, digits, an optional letter), optional white space, a slash, the same again, optional
/// white space. Each allele may be preceded by its gene symbol, <c>TPMT</c> or <c>NUDT15</c> in any case, and optional
/// white space (<c>TPMT*1/TPMT*3A</c>, <c>TPMT *1/*3A</c>), as laboratory reports often write it; the caller checks
/// that the symbol is the result's gene. For ASCII text it accepts exactly what the diplotype pattern in
/// <see cref="CpicTables"/> accepts; other text is left to that pattern, whose white-space and case rules are Unicode's.
/// </summary>
internal static class DiplotypeText
{
    public enum Outcome
    {
        NoMatch = 0,
        Match = 1,
        NotAscii = 2,
    }

    /// <summary>The gene symbol written before an allele, if any.</summary>
    public enum Symbol : byte
    {
        None = 0,
        Tpmt = 1,
        Nudt15 = 2,
    }

    /// <summary>Where the two alleles are in the text, and the gene symbol written before each.</summary>
    public readonly struct Alleles
    {
        public Alleles(int start1, int length1, int start2, int length2, Symbol symbol1 = Symbol.None, Symbol symbol2 = Symbol.None)
        {
            Start1 = start1;
            Length1 = length1;
            Start2 = start2;
            Length2 = length2;
            Symbol1 = symbol1;
            Symbol2 = symbol2;
        }

        public Symbol Symbol1 { get; }

        public Symbol Symbol2 { get; }

        public int Start1 { get; }

        public int Length1 { get; }

        public int Start2 { get; }

        public int Length2 { get; }
    }

    public static Outcome Parse(string text, out Alleles alleles)
    {
        alleles = default;
        foreach (var c in text)
        {
            if (c > '\u007f')
            {
                return Outcome.NotAscii;
            }
        }

        var i = SkipSpace(text, 0);
        var symbol1 = GeneSymbol(text, ref i);
        var start1 = i;
        if (!Allele(text, ref i))
        {
            return Outcome.NoMatch;
        }

        var length1 = i - start1;
        i = SkipSpace(text, i);
        if (i >= text.Length || text[i] != '/')
        {
            return Outcome.NoMatch;
        }

        i = SkipSpace(text, i + 1);
        var symbol2 = GeneSymbol(text, ref i);
        var start2 = i;
        if (!Allele(text, ref i))
        {
            return Outcome.NoMatch;
        }

        var length2 = i - start2;
        if (SkipSpace(text, i) != text.Length)
        {
            return Outcome.NoMatch;
        }

        alleles = new Alleles(start1, length1, start2, length2, symbol1, symbol2);
        return Outcome.Match;
    }

    /// <summary>The gene symbol at <paramref name="i"/> (any case) with the white space after it, if one is there; else nothing is read.</summary>
    private static Symbol GeneSymbol(string text, ref int i)
    {
        var symbol = StartsWith(text, i, "TPMT") ? Symbol.Tpmt : StartsWith(text, i, "NUDT15") ? Symbol.Nudt15 : Symbol.None;
        if (symbol != Symbol.None)
        {
            i = SkipSpace(text, i + (symbol == Symbol.Tpmt ? 4 : 6));
        }

        return symbol;
    }

    private static bool StartsWith(string text, int i, string word) =>
        i + word.Length <= text.Length && string.Compare(text, i, word, 0, word.Length, System.StringComparison.OrdinalIgnoreCase) == 0;

    private static bool Allele(string text, ref int i)
    {
        if (i >= text.Length || text[i] != '*')
        {
            return false;
        }

        var digits = ++i;
        while (i < text.Length && text[i] >= '0' && text[i] <= '9')
        {
            i++;
        }

        if (i == digits)
        {
            return false;
        }

        if (i < text.Length && ((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z')))
        {
            i++;
        }

        return true;
    }

    private static int SkipSpace(string text, int i)
    {
        // ASCII white space as the regular expression's \s sees it: space, tab, line feed, vertical tab, form feed, return.
        while (i < text.Length && (text[i] == ' ' || (text[i] >= '\t' && text[i] <= '\r')))
        {
            i++;
        }

        return i;
    }
}
