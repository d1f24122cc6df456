using System.Collections.Generic;
using Imuran.ClinicalRules.Rules;

namespace Imuran.ClinicalRules.Policy;

/// <summary>
/// The check on a policy's name and version, which every result of its rule set echoes verbatim: words that read as
/// dosing text are refused, judged as a patient id is (<see cref="NoDosePolicy.IsDosingFreeText"/>). One truth for the
/// policy reader and for <see cref="ClinicalRuleSet.Create(RuleSetOptions)"/>, which checks a reference a host made itself.
/// </summary>
internal static class PolicyText
{
    /// <summary>What is wrong with the name or the version, by member (<c>name</c>, <c>version</c>); empty when both are fit to echo.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Problems(string? name, string? version)
    {
        var problems = new List<KeyValuePair<string, string>>(0);
        Check("name", name, problems);
        Check("version", version, problems);
        return problems;
    }

    private static void Check(string member, string? text, List<KeyValuePair<string, string>> problems)
    {
        if (text is not null && NoDosePolicy.IsDosingFreeText(text))
        {
            problems.Add(new KeyValuePair<string, string>(
                member,
                $"The policy's {member} reads as dosing text (words with a dose, an amount, a frequency or an instruction); every result echoes it verbatim and must never carry a dose, so give it a name or version without one."));
        }
    }
}
