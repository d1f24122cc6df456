using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using FluentAssertions;

namespace Imuran.ClinicalRules.Tests.Common;

/// <summary>
/// The public-API approval check every package's test project runs (one file, linked into each): the assembly's
/// public surface as text, compared with the reviewed copy beside the test. A change fails until the approved file is
/// updated (copy the .received.txt over it) and reviewed.
/// </summary>
internal static class PublicApiApproval
{
    /// <summary>Compares <paramref name="assembly"/>'s surface with <c>{name}.approved.txt</c> in <paramref name="folder"/>, writing <c>{name}.received.txt</c> when they differ.</summary>
    public static void ShouldMatchApproved(Assembly assembly, string folder, string name)
    {
        var actual = Describe(assembly);
        var approvedPath = Path.Combine(folder, name + ".approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).Replace("\r\n", "\n") : string.Empty;

        if (actual != approved)
        {
            File.WriteAllText(Path.Combine(folder, name + ".received.txt"), actual);
        }

        actual.Should().Be(approved, $"the public API changed: review PublicApi/{name}.received.txt and copy it over the approved file");
    }

    public static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(m => !m.Name.Contains('<') && m.Name != "value__")
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .OrderBy(m => m is FieldInfo { IsLiteral: true, DeclaringType.IsEnum: true } field ? Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture) : 0)
                .ThenBy(m => m.MemberType)
                .ThenBy(m => m.Name, StringComparer.Ordinal)
                .Select(Member)
                .Where(m => m is not null);
            foreach (var member in members)
            {
                text.Append("    ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Kind(Type type) =>
        type.IsEnum ? "enum"
        : type.IsValueType ? "struct"
        : type.IsInterface ? "interface"
        : type is { IsAbstract: true, IsSealed: true } ? "static class"
        : type.GetMethod("<Clone>$") is not null ? (type.IsSealed ? "sealed record" : "record")
        : type.IsSealed ? "sealed class" : "class";

    private static string? Member(MemberInfo member) => member switch
    {
        FieldInfo { DeclaringType.IsEnum: true } field when field.IsLiteral => $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo field => $"field {Name(field.FieldType, Nullability.Create(field))} {field.Name}",
        PropertyInfo property => $"{(property.GetMethod?.IsStatic == true ? "static " : string.Empty)}{Name(property.PropertyType, Nullability.Create(property))} {property.Name} {{ {Accessors(property)}}}",
        ConstructorInfo constructor => $"ctor({Parameters(constructor)})",
        MethodInfo method => $"{(method.IsStatic ? "static " : string.Empty)}{Name(method.ReturnType, Nullability.Create(method.ReturnParameter))} {method.Name}({Parameters(method)})",
        _ => null,
    };

    private static string Accessors(PropertyInfo property)
    {
        var text = property.GetMethod?.IsPublic == true ? "get; " : string.Empty;
        if (property.SetMethod?.IsPublic == true)
        {
            var init = property.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            text += init ? "init; " : "set; ";
        }

        return text;
    }

    private static string Parameters(MethodBase method) =>
        string.Join(", ", method.GetParameters().Select(p => $"{Name(p.ParameterType, Nullability.Create(p))} {p.Name}{(p.HasDefaultValue ? " = " + (p.DefaultValue ?? "null") : string.Empty)}"));

    private static readonly NullabilityInfoContext Nullability = new();

    private static string Name(Type type, NullabilityInfo? nullability = null)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        var suffix = !type.IsValueType && nullability?.ReadState == NullabilityState.Nullable ? "?" : string.Empty;
        if (!type.IsGenericType)
        {
            var name = type.IsEnum ? type.FullName! : Type.GetTypeCode(type) switch
            {
                TypeCode.Boolean => "bool",
                TypeCode.Int32 => "int",
                TypeCode.Int64 => "long",
                TypeCode.String => "string",
                TypeCode.Object when type == typeof(object) => "object",
                _ => type.Namespace is "System" or "System.IO" or "System.Text.Json" ? type.Name : type.FullName ?? type.Name,
            };
            return name + suffix;
        }

        var generic = type.GetGenericTypeDefinition().FullName!;
        var arguments = type.GetGenericArguments().Select((t, i) => Name(t, nullability?.GenericTypeArguments.ElementAtOrDefault(i)));
        return $"{generic.Substring(0, generic.IndexOf('`'))}<{string.Join(", ", arguments)}>{suffix}";
    }
}
