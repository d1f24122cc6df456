using System.IO;
using System.Reflection;
using System.Text;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests.Conventions;

/// <summary>Writes the public surface of the core package to a text file in the repo and fails on an unreviewed change.</summary>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_CorePackage_MatchesApprovedFile()
    {
        var path = RepoPaths.InRepo("tests", "Imuran.ClinicalRules.Tests", "Conventions", "Imuran.ClinicalRules.approved.txt");
        var actual = Describe(typeof(ClinicalRuleSet).Assembly);
        if (Environment.GetEnvironmentVariable("IMURAN_UPDATE_API") == "1")
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue("the approved public API is committed; create it with IMURAN_UPDATE_API=1 and review it");
        File.ReadAllText(path).ReplaceLineEndings("\n").Should().Be(actual, "the public API changed: review the change, then rerun with IMURAN_UPDATE_API=1 to approve it");
    }

    [Fact]
    public void PublicApi_EnginePublicTypes_AreFew()
    {
        var engine = typeof(ClinicalRuleSet).Assembly.GetExportedTypes().Where(t => t.Namespace!.EndsWith(".Engine", StringComparison.Ordinal)).Select(t => t.Name);
        engine.Should().BeEquivalentTo("RuleMetadata", "IRuleEventListener", "RuleError", "RuleSetValidationException", "FindingFact", "RuleProperties");
    }

    internal static string Describe(Assembly assembly)
    {
        var sb = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            sb.Append(Kind(type)).Append(' ').Append(type.FullName).Append('\n');
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true } && m.Name != "<Clone>$" && m.Name != "value__" && m is not Type)
                .Select(Member)
                .OrderBy(s => s, StringComparer.Ordinal);
            foreach (var m in members)
            {
                sb.Append("  ").Append(m).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : t.IsAbstract && t.IsSealed ? "static class" : t.IsSealed ? "sealed class" : "class";

    private static string Member(MemberInfo m) => m switch
    {
        FieldInfo f when f.DeclaringType!.IsEnum && f.IsLiteral => $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}",
        FieldInfo f when f.IsLiteral => $"const {Name(f.FieldType)} {f.Name} = {f.GetRawConstantValue()}",
        FieldInfo f => $"field {Name(f.FieldType)} {f.Name}",
        PropertyInfo p => $"property {Name(p.PropertyType)} {p.Name}{(p.SetMethod is { IsPublic: true } ? " { get; set/init; }" : " { get; }")}",
        ConstructorInfo c => $"ctor({string.Join(", ", c.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
        MethodInfo mi => $"{(mi.IsStatic ? "static " : string.Empty)}{Name(mi.ReturnType)} {mi.Name}{(mi.IsGenericMethod ? "<" + string.Join(", ", mi.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty)}({string.Join(", ", mi.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        _ => m.Name,
    };

    private static string Name(Type t)
    {
        if (t.IsGenericParameter)
        {
            return t.Name;
        }

        if (Nullable.GetUnderlyingType(t) is { } u)
        {
            return Name(u) + "?";
        }

        if (!t.IsGenericType)
        {
            return t.FullName ?? t.Name;
        }

        var name = t.GetGenericTypeDefinition().FullName!;
        name = name.Substring(0, name.IndexOf('`'));
        return name + "<" + string.Join(", ", t.GetGenericArguments().Select(Name)) + ">";
    }
}
