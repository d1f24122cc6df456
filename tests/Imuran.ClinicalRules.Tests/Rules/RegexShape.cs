using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Imuran.ClinicalRules.Tests.Rules;

/// <summary>
/// A reading of a regular expression's shape, for tests that keep a pattern linear in the length of its input on the
/// backtracking engine without timing it. It reports the three shapes that make a backtracking match more than
/// linear, each where it can be seen in the pattern:
/// <list type="number">
/// <item>A match that can begin with a repetition (<c>\s*x</c>, <c>\d+x</c>): the engine tries a match at every
/// character of a long run of what it repeats and reads the rest of the run from each (quadratic). Guarded when the
/// repetition can only begin a run: after a negative look-behind for any of its characters
/// (<c>(?&lt;![\w.])\d+</c>), after <c>\b</c> when it repeats word characters only, or after <c>^</c>. A pattern that
/// is only the repetition (<c>\s{2,}</c>) is exempt: it never fails once the run is read, so the run is read once.</item>
/// <item>A look-behind of unbounded length that is not preceded by <c>\b</c>: tested at every character of a run, it
/// reads the run back from each (quadratic). After <c>\b</c> it is tested only where a word starts or ends.</item>
/// <item>A repetition holding an unbounded repetition (<c>(a+)+</c>), which can split one text into iterations in
/// many ways (exponential), unless each iteration must read one separator character that nothing else in it reads and
/// no character can both end one iteration and begin the next.</item>
/// </list>
/// Understands the syntax the policy's patterns use (groups, look-arounds, classes, escapes, quantifiers);
/// anything else (a back-reference, a conditional) is refused, so a new construct is read before it is trusted.
/// </summary>
internal static class RegexShape
{
    /// <summary>What makes <paramref name="pattern"/> more than linear on the backtracking engine, in words; empty when nothing does.</summary>
    public static IReadOnlyList<string> Problems(string pattern, RegexOptions options)
    {
        var root = new Parser(pattern).Parse();
        var sets = new Sets(options);
        var problems = new List<string>();

        var starts = new List<(Repeat Run, List<Node> Guards)>();
        Starts(root, new List<Node>(), starts);
        foreach (var (run, guards) in starts)
        {
            if (!ReferenceEquals(run, Single(root)) && !IsGuarded(run, guards, sets))
            {
                problems.Add($"a match can begin with the repetition '{run.Text}', so it is tried at every character of a run");
            }
        }

        Walk(root, node =>
        {
            if (node is Seq seq)
            {
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    if (seq.Items[i] is Look { Behind: true } look && HasUnboundedRepeat(look.Body)
                        && !(i > 0 && seq.Items[i - 1] is Anchor { Text: @"\b" }))
                    {
                        problems.Add($"the look-behind '{look.Text}' has no bound and is not preceded by \\b, so it reads a run back from every character of it");
                    }
                }
            }
            else if (node is Repeat { Max: > 1 or Unbounded } outer && HasUnboundedRepeat(outer.Body) && !HasSeparator(outer.Body, sets))
            {
                problems.Add($"the repetition '{outer.Text}' holds an unbounded repetition without a separator, so one text splits into its iterations in many ways");
            }
        });

        return problems;
    }

    private const int Unbounded = -1;

    private abstract record Node(string Text);

    /// <summary>One character: a literal, an escape such as <c>\d</c>, a class, or <c>.</c>.</summary>
    private sealed record Atom(string Text) : Node(Text);

    /// <summary>A zero-width anchor: <c>^ $ \b \B \A \z \Z \G</c>.</summary>
    private sealed record Anchor(string Text) : Node(Text);

    private sealed record Look(string Text, bool Behind, bool Negative, Node Body) : Node(Text);

    private sealed record Group(string Text, Node Body) : Node(Text);

    private sealed record Alt(string Text, List<Node> Options) : Node(Text);

    private sealed record Seq(string Text, List<Node> Items) : Node(Text);

    private sealed record Repeat(string Text, Node Body, int Min, int Max) : Node(Text);

    /// <summary>The only item of the pattern, when it has just one (through groups).</summary>
    private static Node Single(Node node) => node switch
    {
        Group g => Single(g.Body),
        Seq { Items.Count: 1 } s => Single(s.Items[0]),
        _ => node,
    };

    private static void Walk(Node node, Action<Node> visit)
    {
        visit(node);
        switch (node)
        {
            case Look l: Walk(l.Body, visit); break;
            case Group g: Walk(g.Body, visit); break;
            case Repeat r: Walk(r.Body, visit); break;
            case Alt a: a.Options.ForEach(o => Walk(o, visit)); break;
            case Seq s: s.Items.ForEach(i => Walk(i, visit)); break;
        }
    }

    private static bool HasUnboundedRepeat(Node node)
    {
        var found = false;
        Walk(node, n => found |= n is Repeat { Max: Unbounded });
        return found;
    }

    private static bool Nullable(Node node) => node switch
    {
        Atom => false,
        Anchor or Look => true,
        Group g => Nullable(g.Body),
        Alt a => a.Options.Exists(Nullable),
        Seq s => s.Items.TrueForAll(Nullable),
        Repeat r => r.Min == 0 || Nullable(r.Body),
        _ => throw new InvalidOperationException(node.ToString()),
    };

    /// <summary>The unbounded repetitions a match attempt can begin with, each with the zero-width tests before it.</summary>
    private static void Starts(Node node, List<Node> guards, List<(Repeat, List<Node>)> found)
    {
        switch (node)
        {
            case Seq s:
                var g = new List<Node>(guards);
                foreach (var item in s.Items)
                {
                    if (item is Anchor or Look)
                    {
                        g.Add(item);
                        if (item is Look { Behind: false } ahead)
                        {
                            Starts(ahead.Body, g, found);
                        }

                        continue;
                    }

                    Starts(item, g, found);
                    if (!Nullable(item))
                    {
                        return;
                    }
                }

                break;
            case Alt a:
                a.Options.ForEach(o => Starts(o, guards, found));
                break;
            case Group grp:
                Starts(grp.Body, guards, found);
                break;
            case Repeat r:
                if (r.Max == Unbounded)
                {
                    found.Add((r, guards));
                }

                Starts(r.Body, guards, found);
                break;
        }
    }

    private static bool IsGuarded(Repeat run, List<Node> guards, Sets sets)
    {
        var chars = sets.First(run.Body);
        foreach (var guard in guards)
        {
            switch (guard)
            {
                case Anchor { Text: "^" or @"\A" or @"\G" }:
                    return true;
                case Anchor { Text: @"\b" } when Sets.IsSubset(chars, sets.Of(@"\w")):
                    return true;
                case Look { Behind: true, Negative: true } look when Alternatives(look.Body).Exists(o => Single(o) is Atom atom && Sets.IsSubset(chars, sets.Of(atom.Text))):
                    return true;
            }
        }

        return false;
    }

    private static List<Node> Alternatives(Node node) => Single(node) is Alt a ? a.Options : new List<Node> { node };

    /// <summary>
    /// Whether the body of a repetition splits one way only: a character it must read once, which nothing else in it
    /// reads, and no character that can both end an iteration and begin the next.
    /// </summary>
    private static bool HasSeparator(Node body, Sets sets)
    {
        if (Sets.Intersects(sets.First(body), sets.Last(body)))
        {
            return false;
        }

        var atoms = new List<Atom>();
        Walk(body, n =>
        {
            if (n is Atom a)
            {
                atoms.Add(a);
            }
        });

        var items = Single(body) is Seq seq ? seq.Items : new List<Node> { body };
        foreach (var item in items)
        {
            if (Single(item) is Atom separator
                && atoms.TrueForAll(a => ReferenceEquals(a, separator) || !Sets.Intersects(sets.Of(a.Text), sets.Of(separator.Text))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Character sets of atoms, as the engine reads them (each atom matched alone on every UTF-16 code unit).</summary>
    private sealed class Sets
    {
        private static readonly ConcurrentDictionary<(string, RegexOptions), bool[]> Cache = new();
        private readonly RegexOptions _options;

        public Sets(RegexOptions options) => _options = options & (RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public bool[] Of(string atom) => Cache.GetOrAdd((atom, _options), key =>
        {
            var regex = new Regex(@"\A(?:" + key.Item1 + @")\z", key.Item2);
            var set = new bool[char.MaxValue + 1];
            Span<char> one = stackalloc char[1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                one[0] = (char)c;
                set[c] = regex.IsMatch(one);
            }

            return set;
        });

        /// <summary>The characters a match of <paramref name="node"/> can begin with.</summary>
        public bool[] First(Node node) => Ends(node, first: true);

        /// <summary>The characters a match of <paramref name="node"/> can end with.</summary>
        public bool[] Last(Node node) => Ends(node, first: false);

        private bool[] Ends(Node node, bool first)
        {
            var set = new bool[char.MaxValue + 1];
            Add(node, first, set);
            return set;
        }

        private void Add(Node node, bool first, bool[] set)
        {
            switch (node)
            {
                case Atom a:
                    Union(set, Of(a.Text));
                    break;
                case Group g:
                    Add(g.Body, first, set);
                    break;
                case Repeat r:
                    Add(r.Body, first, set);
                    break;
                case Alt alt:
                    alt.Options.ForEach(o => Add(o, first, set));
                    break;
                case Seq s:
                    for (var i = 0; i < s.Items.Count; i++)
                    {
                        var item = s.Items[first ? i : s.Items.Count - 1 - i];
                        Add(item, first, set);
                        if (!Nullable(item))
                        {
                            return;
                        }
                    }

                    break;
            }
        }

        private static void Union(bool[] into, bool[] from)
        {
            for (var c = 0; c < into.Length; c++)
            {
                into[c] |= from[c];
            }
        }

        public static bool IsSubset(bool[] a, bool[] b)
        {
            for (var c = 0; c < a.Length; c++)
            {
                if (a[c] && !b[c])
                {
                    return false;
                }
            }

            return true;
        }

        public static bool Intersects(bool[] a, bool[] b)
        {
            for (var c = 0; c < a.Length; c++)
            {
                if (a[c] && b[c])
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A recursive-descent reader of the pattern syntax the policy uses.</summary>
    private sealed class Parser
    {
        private readonly string _p;
        private int _i;

        public Parser(string pattern) => _p = pattern;

        public Node Parse()
        {
            var node = Alternation();
            if (_i != _p.Length)
            {
                throw new NotSupportedException($"unexpected '{_p[_i]}' at {_i} in {_p}");
            }

            return node;
        }

        private Node Alternation()
        {
            var start = _i;
            var options = new List<Node> { Sequence() };
            while (_i < _p.Length && _p[_i] == '|')
            {
                _i++;
                options.Add(Sequence());
            }

            return options.Count == 1 ? options[0] : new Alt(_p[start.._i], options);
        }

        private Node Sequence()
        {
            var start = _i;
            var items = new List<Node>();
            while (_i < _p.Length && _p[_i] != '|' && _p[_i] != ')')
            {
                var itemStart = _i;
                var item = Primary();
                items.Add(Quantified(item, itemStart));
            }

            return new Seq(_p[start.._i], items);
        }

        private Node Quantified(Node item, int start)
        {
            if (_i >= _p.Length)
            {
                return item;
            }

            int min, max;
            switch (_p[_i])
            {
                case '*': min = 0; max = Unbounded; _i++; break;
                case '+': min = 1; max = Unbounded; _i++; break;
                case '?': min = 0; max = 1; _i++; break;
                case '{':
                    var close = _p.IndexOf('}', _i);
                    var parts = _p[(_i + 1)..close].Split(',');
                    min = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
                    max = parts.Length == 1 ? min : parts[1].Length == 0 ? Unbounded : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                    _i = close + 1;
                    break;
                default: return item;
            }

            if (_i < _p.Length && _p[_i] == '?')
            {
                _i++; // lazy: the same shape
            }

            if (item is Anchor or Look)
            {
                throw new NotSupportedException($"a quantified zero-width test at {start} in {_p}");
            }

            return new Repeat(_p[start.._i], item, min, max);
        }

        private Node Primary()
        {
            var start = _i;
            var c = _p[_i];
            switch (c)
            {
                case '(':
                    return Parenthesised();
                case '[':
                    _i++;
                    if (_p[_i] == '^')
                    {
                        _i++;
                    }

                    while (_p[_i] != ']')
                    {
                        if (_p[_i] == '[')
                        {
                            throw new NotSupportedException($"a class subtraction at {_i} in {_p}");
                        }

                        _i += _p[_i] == '\\' ? 2 : 1;
                    }

                    _i++;
                    return new Atom(_p[start.._i]);
                case '\\':
                    var e = _p[_i + 1];
                    _i += 2;
                    if ("bBAzZG".IndexOf(e) >= 0)
                    {
                        return new Anchor(_p[start.._i]);
                    }

                    if (char.IsDigit(e) || e == 'k')
                    {
                        throw new NotSupportedException($"a back-reference at {start} in {_p}");
                    }

                    if (e == 'u')
                    {
                        _i += 4;
                    }
                    else if (e == 'x')
                    {
                        _i += 2;
                    }
                    else if (e is 'p' or 'P')
                    {
                        _i = _p.IndexOf('}', _i) + 1;
                    }

                    return new Atom(_p[start.._i]);
                case '^' or '$':
                    _i++;
                    return new Anchor(c.ToString());
                case '*' or '+' or '?' or '{':
                    throw new NotSupportedException($"a quantifier with nothing to repeat at {_i} in {_p}");
                default:
                    _i++;
                    return new Atom(_p[start.._i]);
            }
        }

        private Node Parenthesised()
        {
            var start = _i;
            _i++;
            var kind = "capture";
            if (_p[_i] == '?')
            {
                var rest = _p[_i..];
                kind = rest.StartsWith("?:", StringComparison.Ordinal) ? "group"
                    : rest.StartsWith("?<!", StringComparison.Ordinal) ? "not-behind"
                    : rest.StartsWith("?<=", StringComparison.Ordinal) ? "behind"
                    : rest.StartsWith("?!", StringComparison.Ordinal) ? "not-ahead"
                    : rest.StartsWith("?=", StringComparison.Ordinal) ? "ahead"
                    : rest.StartsWith("?>", StringComparison.Ordinal) ? "group"
                    : rest.StartsWith("?<", StringComparison.Ordinal) ? "named"
                    : throw new NotSupportedException($"the group at {start} in {_p}");
                _i = kind switch
                {
                    "named" => _p.IndexOf('>', _i) + 1,
                    "not-behind" or "behind" => _i + 3,
                    _ => _i + 2,
                };
            }

            var body = Alternation();
            if (_i >= _p.Length || _p[_i] != ')')
            {
                throw new NotSupportedException($"an unclosed group at {start} in {_p}");
            }

            _i++;
            var text = _p[start.._i];
            return kind switch
            {
                "not-behind" => new Look(text, Behind: true, Negative: true, body),
                "behind" => new Look(text, Behind: true, Negative: false, body),
                "not-ahead" => new Look(text, Behind: false, Negative: true, body),
                "ahead" => new Look(text, Behind: false, Negative: false, body),
                _ => new Group(text, body),
            };
        }
    }
}
