using System.Collections.Generic;
using Imuran.ClinicalRules.Facts;

namespace Imuran.ClinicalRules.Terminology;

/// <summary>A lab value in the canonical unit of its kind.</summary>
/// <param name="Value">The value in <paramref name="Unit"/>.</param>
/// <param name="Unit">The canonical unit, e.g. <c>10*9/L</c>.</param>
internal readonly record struct NormalisedValue(double Value, string Unit);

/// <summary>
/// UCUM-style unit handling for the labs the rules compare: a small table of the units laboratories send, each with
/// its factor to the canonical unit of the lab's kind. 10*3/uL and 10*9/L are the same scale; g/dL is ten g/L;
/// bilirubin and creatinine come in mg/dL or umol/L. A unit not in the table is not guessed: the value cannot be
/// compared with another unit (the caller raises a data-quality finding). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// Factors: cell counts per microlitre to 10*9/L (1 per uL = 0.001 x 10*9/L); haemoglobin g/dL x 10 = g/L;
/// bilirubin 1 mg/dL = 17.1 umol/L; creatinine 1 mg/dL = 88.4 umol/L; enzymes 1 ukat/L = 60 U/L. Standard SI
/// conversions [R] (recalled, from molar masses 584.7 and 113.1 g/mol).
/// </remarks>
internal static class LabUnits
{
    private const string CellsPerLitre = "10*9/L";

    private static readonly Dictionary<string, double> CellCount = new(UnitKeyComparer.Instance)
    {
        ["10*9/l"] = 1, ["10e9/l"] = 1, ["10*3/ul"] = 1, ["10e3/ul"] = 1, ["k/ul"] = 1, ["thou/ul"] = 1, ["10*3/mm3"] = 1,
        ["/nl"] = 1, ["g/l"] = 1, ["giga/l"] = 1, ["1000/ul"] = 1,
        ["/ul"] = 0.001, ["cells/ul"] = 0.001, ["/mm3"] = 0.001, ["cells/mm3"] = 0.001,
    };

    private static readonly Dictionary<string, double> Haemoglobin = new(UnitKeyComparer.Instance) { ["g/l"] = 1, ["g/dl"] = 10 };

    private static readonly Dictionary<string, double> Bilirubin = new(UnitKeyComparer.Instance) { ["umol/l"] = 1, ["micromol/l"] = 1, ["mg/dl"] = 17.1 };

    private static readonly Dictionary<string, double> Creatinine = new(UnitKeyComparer.Instance) { ["umol/l"] = 1, ["micromol/l"] = 1, ["mg/dl"] = 88.4 };

    private static readonly Dictionary<string, double> Enzyme = new(UnitKeyComparer.Instance) { ["u/l"] = 1, ["iu/l"] = 1, ["[iu]/l"] = 1, ["ukat/l"] = 60 };

    private static readonly Dictionary<string, double> Egfr = new(UnitKeyComparer.Instance)
    {
        ["ml/min/{1.73_m2}"] = 1, ["ml/min/1.73m2"] = 1, ["ml/min/1.73_m2"] = 1, ["ml/min/{1.73m2}"] = 1, ["ml/min"] = 1,
    };

    /// <summary>The value in the canonical unit of <paramref name="kind"/>, or null when the unit is not in the table.</summary>
    public static NormalisedValue? Normalise(LabKind kind, double value, string? unit)
    {
        var (table, canonical) = Family(kind);
        if (table is null || canonical is null || unit is null)
        {
            return null;
        }

        return table.TryGetValue(unit, out var factor) ? new NormalisedValue(value * factor, canonical) : null;
    }

    /// <summary>
    /// Whether <paramref name="unit"/> can be a unit of <paramref name="kind"/>: it is in the kind's table, or the library
    /// keeps no table for the kind (then any unit fits). A lab recognised only by its name is that kind only when its
    /// unit fits: a mean platelet volume in fL or a neutrophil percentage is not a count.
    /// </summary>
    public static bool Fits(LabKind kind, string? unit)
    {
        var (table, _) = Family(kind);
        return table is null || (unit is not null && table.ContainsKey(unit));
    }

    /// <summary>The canonical unit of <paramref name="kind"/>, or null when the library does not compare that kind.</summary>
    public static string? CanonicalUnit(LabKind kind) => Family(kind).Canonical;

    /// <summary>Whether two units are the same in their comparable form (see <see cref="UnitKeyComparer"/>).</summary>
    internal static bool SameUnit(string a, string b) => UnitKeyComparer.Instance.Equals(a, b);

    /// <summary>
    /// Units compared in a comparable form: no spaces, lower case, µ and μ as u, ^ as *, a leading "x" dropped, and UCUM
    /// annotations (text in braces, which UCUM gives no meaning: "{cells}/uL" is "/uL", "mL/min/{1.73_m2}" is "mL/min/")
    /// left out. The form is read character by character, never built, so a lookup allocates nothing.
    /// </summary>
    private sealed class UnitKeyComparer : IEqualityComparer<string>
    {
        public static readonly UnitKeyComparer Instance = new();

        public bool Equals(string? x, string? y)
        {
            if (x is null || y is null)
            {
                return x is null && y is null;
            }

            var i = Start(x);
            var j = Start(y);
            while (true)
            {
                var a = Next(x, ref i);
                if (a != Next(y, ref j))
                {
                    return false;
                }

                if (a < 0)
                {
                    return true;
                }
            }
        }

        public int GetHashCode(string unit)
        {
            var hash = 17;
            var i = Start(unit);
            int c;
            while ((c = Next(unit, ref i)) >= 0)
            {
                hash = unchecked((hash * 31) + c);
            }

            return hash;
        }

        /// <summary>Where the comparable form starts: past a leading "x" when more follows it.</summary>
        private static int Start(string unit)
        {
            var i = 0;
            if (Next(unit, ref i) == 'x')
            {
                var after = i;
                if (Next(unit, ref after) >= 0)
                {
                    return i;
                }
            }

            return 0;
        }

        /// <summary>The next character of the comparable form at or after <paramref name="i"/>, or -1 at the end.</summary>
        private static int Next(string unit, ref int i)
        {
            while (i < unit.Length)
            {
                if (char.IsWhiteSpace(unit[i]))
                {
                    i++;
                }
                else if (unit[i] != '{' || !SkipAnnotation(unit, ref i))
                {
                    break;
                }
            }

            if (i == unit.Length)
            {
                return -1;
            }

            return unit[i++] switch
            {
                'µ' or 'μ' => 'u',
                '^' => '*',
                var c => char.ToLowerInvariant(c),
            };
        }

        /// <summary>Moves <paramref name="i"/> (at a '{') past its annotation; false, not moving, when no '}' closes it (then the brace is read as a character).</summary>
        private static bool SkipAnnotation(string unit, ref int i)
        {
            var close = unit.IndexOf('}', i + 1);
            if (close < 0)
            {
                return false;
            }

            i = close + 1;
            return true;
        }
    }

    private static (Dictionary<string, double>? Table, string? Canonical) Family(LabKind kind) => kind switch
    {
        LabKind.WhiteCells or LabKind.Neutrophils or LabKind.Lymphocytes or LabKind.Platelets => (CellCount, CellsPerLitre),
        LabKind.Haemoglobin => (Haemoglobin, "g/L"),
        LabKind.Bilirubin => (Bilirubin, "umol/L"),
        LabKind.Creatinine => (Creatinine, "umol/L"),
        LabKind.Alt or LabKind.Ast or LabKind.AlkalinePhosphatase => (Enzyme, "U/L"),
        LabKind.Egfr => (Egfr, "mL/min/{1.73_m2}"),
        _ => (null, null),
    };
}
