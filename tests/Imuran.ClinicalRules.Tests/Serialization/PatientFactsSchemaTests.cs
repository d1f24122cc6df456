using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Validation;

namespace Imuran.ClinicalRules.Tests.Serialization;

/// <summary>
/// Walks <see cref="PatientFactsSchema"/>, the one description of the patient-facts contract, and checks that the
/// writer, the fast UTF-8 reader and the reader that writes problems agree on every member: each round-trips
/// identically through both readers, and an unknown, repeated or wrongly typed member gives the same problem (code,
/// path, message) whether the document comes as bytes (fast path first) or as text.
/// </summary>
public sealed class PatientFactsSchemaTests
{
    /// <summary>
    /// Facts in which every member of every object of the schema holds a value the writer writes, made by walking the
    /// schema (so a new member needs no change here): texts, dates, numbers, the last defined enum value, the boolean
    /// that is not the record's default, and one item in every list.
    /// </summary>
    internal static PatientFacts EveryMember() => (PatientFacts)Make(PatientFactsSchema.Root);

    private static object Make(IFactObject schema)
    {
        var record = System.Activator.CreateInstance(schema.RecordType)!;
        foreach (var member in schema.Members)
        {
            if (member.Kind == FactJsonKind.Any)
            {
                continue;
            }

            var property = schema.RecordType.GetProperty(char.ToUpperInvariant(member.Name[0]) + member.Name.Substring(1))!;
            property.SetValue(record, Value(member, property.PropertyType, property.GetValue(record)));
        }

        return record;
    }

    private static object Value(IFactMember member, System.Type type, object? current)
    {
        var underlying = System.Nullable.GetUnderlyingType(type) ?? type;
        if (member.Kind == FactJsonKind.Object)
        {
            return Make(member.Items!);
        }

        if (member.Kind == FactJsonKind.ObjectList)
        {
            var item = Make(member.Items!);
            var array = System.Array.CreateInstance(member.Items!.RecordType, 1);
            array.SetValue(item, 0);
            return array;
        }

        if (member.Kind == FactJsonKind.EnumList)
        {
            var itemType = type.GetGenericArguments()[0];
            var array = System.Array.CreateInstance(itemType, 1);
            array.SetValue(LastValue(itemType), 0);
            return array;
        }

        return underlying switch
        {
            _ when underlying == typeof(string) => "text-" + member.Name,
            _ when underlying == typeof(ClinicalDate) => member.Required ? new ClinicalDate(2026, 3, 1) : new ClinicalDate(2025, 1, 2),
            _ when underlying == typeof(bool) => current is bool b ? !b : false,
            _ when underlying == typeof(double) => 41.5,
            _ when underlying.IsEnum => LastValue(underlying),
            _ => throw new System.NotSupportedException($"{member.Name}: teach EveryMember a value of {type}"),
        };
    }

    private static object LastValue(System.Type enumType)
    {
        var values = System.Enum.GetValues(enumType);
        return values.GetValue(values.Length - 1)!;
    }

    [Fact]
    public void EveryMember_IsWritten_AndReadBackIdenticallyByBothReaders()
    {
        var json = PatientFactsJsonWriter.ToJson(EveryMember());
        var root = JsonNode.Parse(json)!.AsObject();
        foreach (var (obj, locate, path) in Objects())
        {
            var node = locate(root);
            foreach (var member in obj.Members)
            {
                if (member.Kind != FactJsonKind.Any)
                {
                    node.ContainsKey(member.Name).Should().BeTrue($"the fixture must give {Join(path, member.Name)} a value the writer writes");
                }
            }
        }

        Utf8PatientFactsReader.TryRead(Encoding.UTF8.GetBytes(json), out var fast).Should().BeTrue();
        var message = PatientFactsJson.Read(json);
        message.Succeeded.Should().BeTrue();
        PatientFactsJsonWriter.ToJson(fast!).Should().Be(json);
        PatientFactsJsonWriter.ToJson(message.Facts!).Should().Be(json);
        fast!.Therapy.Should().Be(message.Facts!.Therapy);
        fast.Pharmacogenomics.Should().Equal(message.Facts.Pharmacogenomics);
        fast.LabResults.Should().Equal(message.Facts.LabResults);
    }

    [Fact]
    public void EveryObject_UnknownMember_SameProblemFromBothPaths()
    {
        foreach (var (_, locate, path) in Objects())
        {
            var root = Document();
            locate(root)["zzUnknown"] = 1;
            Agree(root.ToJsonString(), ErrorCodes.UnknownField, Join(path, "zzUnknown"));
        }
    }

    [Fact]
    public void EveryMember_GivenTwice_SameProblemFromBothPaths()
    {
        foreach (var (obj, locate, path) in Objects())
        {
            foreach (var member in obj.Members)
            {
                if (member.Kind == FactJsonKind.Any)
                {
                    continue;
                }

                var root = Document();
                var node = locate(root);
                node["zzDuplicate"] = node[member.Name]!.DeepClone();
                var json = root.ToJsonString().Replace("\"zzDuplicate\":", "\"" + member.Name + "\":");
                Agree(json, ErrorCodes.DuplicateField, Join(path, member.Name));
            }
        }
    }

    [Fact]
    public void EveryMember_OfTheWrongType_SameProblemFromBothPaths()
    {
        foreach (var (obj, locate, path) in Objects())
        {
            foreach (var member in obj.Members)
            {
                if (member.Kind == FactJsonKind.Any)
                {
                    continue;
                }

                var root = Document();
                var (value, code) = WrongValue(member.Kind);
                locate(root)[member.Name] = value;
                Agree(root.ToJsonString(), code, Join(path, member.Name));
            }
        }
    }

    [Fact]
    public void EveryRequiredMember_Missing_IsReportedAndTheFastPathGivesUp()
    {
        foreach (var (obj, locate, path) in Objects())
        {
            foreach (var member in obj.Members)
            {
                if (!member.Required)
                {
                    continue;
                }

                var root = Document();
                locate(root).Remove(member.Name);
                var json = root.ToJsonString();
                Utf8PatientFactsReader.TryRead(Encoding.UTF8.GetBytes(json), out _).Should().BeFalse(member.Name);
                var problems = PatientFactsJson.Read(Encoding.UTF8.GetBytes(json)).Problems;
                problems.Should().Equal(PatientFactsJson.Read(json).Problems);
                problems.Select(p => p.Field).Should().Contain(Join(path, member.Name));
            }
        }
    }

    [Fact]
    public void Schema_NamesEveryPublicPropertyOfEveryRecord()
    {
        foreach (var (obj, _, path) in Objects())
        {
            var properties = obj.RecordType.GetProperties().Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name.Substring(1));
            obj.Members.Select(m => m.Name).Should().Contain(properties, $"every property of {obj.RecordType.Name} ({path}) is part of the contract");
        }
    }

    private static JsonObject Document() => JsonNode.Parse(PatientFactsJsonWriter.ToJson(EveryMember()))!.AsObject();

    /// <summary>Reads <paramref name="json"/> both ways: the fast path gives up, and both give the same problems, including the expected one.</summary>
    private static void Agree(string json, string code, string field)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Utf8PatientFactsReader.TryRead(bytes, out _).Should().BeFalse($"{field} is irregular");
        var fromBytes = PatientFactsJson.Read(bytes).Problems;
        var fromText = PatientFactsJson.Read(json).Problems;
        fromBytes.Should().Equal(fromText);
        fromText.Should().Contain(p => p.Code == code && p.Field == field, $"{field} must give {code}; got {string.Join("; ", fromText)}");
    }

    private static (JsonNode Value, string Code) WrongValue(FactJsonKind kind) => kind switch
    {
        FactJsonKind.Text => (JsonValue.Create(5), ErrorCodes.WrongType),
        FactJsonKind.Date => (JsonValue.Create(5), ErrorCodes.WrongType),
        FactJsonKind.Boolean => (JsonValue.Create("yes"), ErrorCodes.WrongType),
        FactJsonKind.Number => (JsonValue.Create(true), ErrorCodes.WrongType),
        FactJsonKind.Enum => (JsonValue.Create(5), ErrorCodes.UnknownValue),
        FactJsonKind.EnumList => (JsonValue.Create("x"), ErrorCodes.WrongType),
        FactJsonKind.Object => (JsonValue.Create(5), ErrorCodes.WrongType),
        FactJsonKind.ObjectList => (JsonValue.Create(5), ErrorCodes.WrongType),
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Every object of the schema, with how to find its first instance in a document and its path.</summary>
    private static IEnumerable<(IFactObject Object, System.Func<JsonObject, JsonObject> Locate, string Path)> Objects()
    {
        var pending = new Queue<(IFactObject, System.Func<JsonObject, JsonObject>, string)>();
        pending.Enqueue((PatientFactsSchema.Root, r => r, string.Empty));
        while (pending.Count > 0)
        {
            var (obj, locate, path) = pending.Dequeue();
            yield return (obj, locate, path);
            foreach (var member in obj.Members)
            {
                var name = member.Name;
                if (member.Kind == FactJsonKind.Object)
                {
                    pending.Enqueue((member.Items!, r => locate(r)[name]!.AsObject(), Join(path, name)));
                }
                else if (member.Kind == FactJsonKind.ObjectList)
                {
                    pending.Enqueue((member.Items!, r => locate(r)[name]![0]!.AsObject(), Join(path, name) + "[0]"));
                }
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;
}
