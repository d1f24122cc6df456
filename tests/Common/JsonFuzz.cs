using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Imuran.ClinicalRules.Tests.Common;

/// <summary>
/// The seeded, structure-aware JSON mutation the fuzz tests share (the CDS Hooks hook, feedback and JWT fuzzers and the
/// core readers' fuzzers): pick one member or item of a document and remove it, replace it with a copy of another
/// node, or replace it with a hostile value. <c>HOOK_FUZZ_N</c> and <c>HOOK_FUZZ_SEED</c> set how many inputs a fuzz
/// test runs and its seed (300 and each test's own seed by default, as CI runs them).
/// </summary>
internal static class JsonFuzz
{
    /// <summary>How many inputs a fuzz test runs: <c>HOOK_FUZZ_N</c>, or 300.</summary>
    public static int Iterations => int.Parse(Environment.GetEnvironmentVariable("HOOK_FUZZ_N") ?? "300", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The seed: <c>HOOK_FUZZ_SEED</c>, or <paramref name="fallback"/>.</summary>
    public static int Seed(int fallback) =>
        Environment.GetEnvironmentVariable("HOOK_FUZZ_SEED") is { Length: > 0 } seed ? int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    /// <summary>One mutation of <paramref name="root"/>, in place.</summary>
    public static void Mutate(JsonNode root, Random rng)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        void Walk(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var kv in o.ToList())
                {
                    slots.Add((o, kv.Key));
                    Walk(kv.Value);
                }
            }
            else if (node is JsonArray a)
            {
                for (var i = 0; i < a.Count; i++)
                {
                    slots.Add((a, i));
                    Walk(a[i]);
                }
            }
        }

        Walk(root);
        if (slots.Count == 0)
        {
            return;
        }

        var (parent, key) = slots[rng.Next(slots.Count)];
        var op = rng.Next(5);
        if (parent is JsonObject obj)
        {
            var name = (string)key;
            if (op == 0)
            {
                obj.Remove(name);
            }
            else if (op == 1)
            {
                var other = slots[rng.Next(slots.Count)];
                var copy = (other.Parent is JsonObject oo ? oo[(string)other.Key] : ((JsonArray)other.Parent)[(int)other.Key])?.DeepClone();
                obj[name] = copy;
            }
            else
            {
                obj[name] = RandomValue(rng);
            }
        }
        else if (parent is JsonArray arr)
        {
            var i = (int)key;
            if (op == 0)
            {
                arr.RemoveAt(i);
            }
            else if (op == 1)
            {
                arr.Add(arr[i]?.DeepClone());
            }
            else
            {
                arr[i] = RandomValue(rng);
            }
        }
    }

    /// <summary>A hostile value: null, a wrong type, an extreme number, empty or blank text, a lone surrogate, long text, an impossible date, an empty container.</summary>
    public static JsonNode? RandomValue(Random rng) => rng.Next(20) switch
    {
        0 => null,
        1 => JsonValue.Create(rng.Next(2) == 0),
        2 => JsonValue.Create(rng.Next(-5, 5)),
        3 => JsonValue.Create(1e308),
        4 => JsonValue.Create(string.Empty),
        5 => JsonValue.Create("   "),
        6 => JsonValue.Create("\uD800x"),
        7 => JsonValue.Create(new string('a', rng.Next(1, 3000))),
        8 => JsonValue.Create("2026-02-30"),
        9 => JsonValue.Create("2026"),
        10 => new JsonObject(),
        11 => new JsonArray(),
        12 => JsonValue.Create("0001-01-01"),
        13 => JsonValue.Create("Patient/"),
        14 => JsonValue.Create("MedicationRequest/aza-draft"),
        15 => JsonValue.Create(long.MaxValue),
        16 => JsonValue.Create("http://hl7.org/fhir"),
        17 => JsonValue.Create("9999-12-31T23:59:59+14:00"),
        18 => JsonValue.Create("active"),
        _ => JsonValue.Create("draft"),
    };

    /// <summary>
    /// Byte-level damage to a serialised document: flip a byte, insert a byte that is not UTF-8 or a lone-surrogate
    /// escape, cut it short, or nest it deeply.
    /// </summary>
    public static byte[] Corrupt(byte[] bytes, Random rng)
    {
        var list = bytes.ToList();
        switch (rng.Next(6))
        {
            case 0 when list.Count > 0:
                list[rng.Next(list.Count)] = (byte)rng.Next(256);
                break;
            case 1:
                list.InsertRange(rng.Next(list.Count + 1), new[] { (byte)rng.Next(0x80, 0x100) });
                break;
            case 2:
                // A lone surrogate escape where a string's text may be: after an opening quote.
                var quotes = Enumerable.Range(0, list.Count).Where(i => list[i] == (byte)'"').ToList();
                var at = quotes.Count > 0 ? quotes[rng.Next(quotes.Count)] + 1 : 0;
                list.InsertRange(at, System.Text.Encoding.ASCII.GetBytes(rng.Next(2) == 0 ? "\\ud800" : "\\udfff"));
                break;
            case 3:
                return list.Take(rng.Next(list.Count + 1)).ToArray();
            case 4:
                // Well-formed, nested deeper than any reader reads.
                var depth = rng.Next(10, 200);
                var array = rng.Next(2) == 0;
                var open = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(array ? "[" : "{\"a\":", depth)));
                var close = System.Text.Encoding.ASCII.GetBytes(new string(array ? ']' : '}', depth));
                return open.Concat(list).Concat(close).ToArray();
            default:
                list.InsertRange(rng.Next(list.Count + 1), new byte[] { 0xEF, 0xBB, 0xBF });
                break;
        }

        return list.ToArray();
    }

    /// <summary>The bytes as text (the first 2,000), anything not printable ASCII as <c>\xNN</c>, so a failure can be read and replayed.</summary>
    public static string Show(byte[] bytes)
    {
        var shown = new System.Text.StringBuilder();
        foreach (var b in bytes.Take(2000))
        {
            shown.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return shown.ToString();
    }
}
