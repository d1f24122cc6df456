using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Imuran.ClinicalRules.Fhir;

namespace Imuran.ClinicalRules.Fhir.Tests.Mapping;

/// <summary>
/// The facts never depend on how busy the machine is. Failed before: the text patterns had a 200 ms match timeout, and
/// on a loaded server (the CDS Hooks concurrency test, the load benchmark) a timed-out match left a medication out of
/// the facts ("MedicationRequest/allo could not be mapped (RegexMatchTimeoutException ...)"), so an interaction card
/// was missing.
/// </summary>
public class RegexTimeoutTests
{
    [Fact]
    public void EveryPatternOfTheReader_HasNoMatchTimeout()
    {
        var patterns = typeof(FhirPatientReader).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(f => f.FieldType == typeof(Regex) && !f.DeclaringType!.IsGenericTypeDefinition)
            .Select(f => (Name: f.DeclaringType!.Name + "." + f.Name, Regex: (Regex)f.GetValue(null)!))
            .ToList();

        patterns.Should().NotBeEmpty();
        patterns.Where(p => p.Regex.MatchTimeout != Regex.InfiniteMatchTimeout).Select(p => p.Name).Should().BeEmpty();
    }
}
