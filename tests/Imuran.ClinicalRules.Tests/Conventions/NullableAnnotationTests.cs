using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Imuran.ClinicalRules.Tests.Conventions;

/// <summary>Every public "Succeeded" property of a result with nullable members tells the compiler what it guarantees.</summary>
public class NullableAnnotationTests
{
    [Fact]
    public void SucceededProperties_OfResultsWithNullableMembers_CarryMemberNotNullWhen()
    {
        var nullability = new NullabilityInfoContext();
        var succeeded = typeof(ClinicalRuleSet).Assembly.GetExportedTypes()
            .Select(t => t.GetProperty("Succeeded", BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p is not null && p.PropertyType == typeof(bool))
            .ToList();

        succeeded.Should().NotBeEmpty();
        foreach (var property in succeeded)
        {
            var nullableMembers = property!.DeclaringType!.GetProperties()
                .Where(p => !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.Nullable)
                .Select(p => p.Name);
            var annotated = property.GetCustomAttributes<MemberNotNullWhenAttribute>().Where(a => a.ReturnValue).SelectMany(a => a.Members);
            annotated.Should().BeEquivalentTo(nullableMembers, $"{property.DeclaringType.Name}.Succeeded should promise its nullable members");
        }
    }
}
