#if NETSTANDARD2_0
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;

// In the library's root namespace (not Internal) on purpose: every folder's namespace sits under it, so these
// stand-ins are found by the same names the net8.0 build takes from the framework, and the code needs no #if.
namespace Imuran.ClinicalRules.Research;

/// <summary>Equality by reference, as <c>System.Collections.Generic.ReferenceEqualityComparer</c> on net8.0.</summary>
internal sealed class ReferenceEqualityComparer : IEqualityComparer<object?>
{
    public static ReferenceEqualityComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

    public int GetHashCode(object? obj) => RuntimeHelpers.GetHashCode(obj!);
}

/// <summary>The span and stream methods net8.0 has and .NET Standard 2.0 lacks (same behaviour).</summary>
internal static class NetStandardCompat
{
    public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());

    public static int ReadAtLeast(this Stream stream, byte[] buffer, int minimumBytes, bool throwOnEndOfStream)
    {
        var total = 0;
        while (total < minimumBytes)
        {
            var n = stream.Read(buffer, total, buffer.Length - total);
            if (n == 0)
            {
                if (throwOnEndOfStream)
                {
                    throw new EndOfStreamException();
                }

                break;
            }

            total += n;
        }

        return total;
    }
}
#endif
