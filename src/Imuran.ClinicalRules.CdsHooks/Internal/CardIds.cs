using System;
using System.Security.Cryptography;
using System.Text;

namespace Imuran.ClinicalRules.CdsHooks.Internal;

/// <summary>
/// Card uuids, name-based (RFC 4122 version 5) on the hook instance, the service and the rule: the same call gives the
/// same uuids (the answer is deterministic), and feedback for a card names a card this service issued.
/// </summary>
internal static class CardIds
{
    private static readonly byte[] Namespace = new Guid("5f6b1a0e-2c7d-4b7e-9a61-8d3f0f3e2a11").ToByteArray(bigEndian: true);

    public static string For(string serviceId, string hookInstance, string cardKey)
    {
        var name = Encoding.UTF8.GetBytes(serviceId + "\n" + hookInstance + "\n" + cardKey);
        var input = new byte[Namespace.Length + name.Length];
        Namespace.CopyTo(input, 0);
        name.CopyTo(input, Namespace.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 name-based (version 5) uuids use; no security rests on it.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = new byte[16];
        Array.Copy(hash, bytes, 16);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
