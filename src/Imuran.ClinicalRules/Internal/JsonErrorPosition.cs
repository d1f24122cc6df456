using System.Text.Json;

namespace Imuran.ClinicalRules.Internal;

/// <summary>Where a JSON reader stopped, as the messages of every reader in this library say it (1-based).</summary>
internal static class JsonErrorPosition
{
    /// <summary>" at line L, position P" when the exception knows its line, else empty.</summary>
    public static string Describe(JsonException ex) =>
        ex.LineNumber is { } line ? $" at line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1}" : string.Empty;
}
