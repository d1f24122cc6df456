using System;
using System.Text.Json;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Serialization;

/// <summary>
/// Finds a member name that is not valid Unicode text: a lone surrogate escape (<c>"\ud800"</c>) or bytes that are not
/// UTF-8. Such a name makes <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> on its object throw, or
/// not, depending on where it stands, and reading the name throws (fuzzing, stop 30): the readers that look members up
/// directly check the whole document first, and refuse it wherever the name stands.
/// </summary>
internal static class MemberNames
{
    /// <summary>The message of the problem, the same wherever the name is.</summary>
    public const string Message = "A member name is not valid Unicode text (it holds a lone surrogate, such as a broken emoji escape, or bytes that are not UTF-8).";

    /// <summary>
    /// The <see cref="ErrorCodes.InvalidText"/> problem for the first object (in document order) holding a broken
    /// member name, at that object's path (<c>$</c> for the document, else e.g. <c>rules[2]</c>); <see langword="null"/>
    /// when every name is valid text.
    /// </summary>
    public static ValidationProblem? FirstBroken(JsonElement root) =>
        Find(root, string.Empty) is { } path ? new ValidationProblem(path.Length == 0 ? "$" : path, ErrorCodes.InvalidText, Message) : null;

    private static string? Find(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                string name;
                try
                {
                    name = p.Name;
                }
                catch (InvalidOperationException)
                {
                    return path;
                }

                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Find(p.Value, path.Length == 0 ? name : path + "." + name) is { } inner)
                {
                    return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Find(item, path + "[" + i + "]") is { } inner)
                {
                    return inner;
                }

                i++;
            }
        }

        return null;
    }
}
