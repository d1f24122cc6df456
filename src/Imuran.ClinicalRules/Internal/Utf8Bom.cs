using System;

namespace Imuran.ClinicalRules.Internal;

/// <summary>The UTF-8 byte-order mark, which the JSON readers skip at the start of their input (a file saved by some editors begins with it).</summary>
internal static class Utf8Bom
{
    /// <summary><paramref name="bytes"/> without a leading UTF-8 byte-order mark (EF BB BF).</summary>
    public static ReadOnlySpan<byte> Skip(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes.Slice(3) : bytes;
}
