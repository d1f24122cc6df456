using System.Diagnostics;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Rules;

namespace Imuran.ClinicalRules.Tests.Engine;

/// <summary>
/// Long lists are not a denial of service on NRules either: a patient with thousands of medicines and conditions
/// evaluates completely, gives the compiled executor's result, and the next evaluation on the thread is unaffected.
/// The time bound is generous: only a complexity regression (a cross join) breaks it.
/// </summary>
public sealed class ExecutorScaleTests
{
    [Fact]
    public void Evaluate_ThousandsOfMedicinesAndConditions_CompleteOnBothExecutorsAndAgree()
    {
        var names = new[] { "allopurinol", "mesalamine", "warfarin", "lisinopril", "tacrolimus" };
        var conditions = new[] { "rheumatoid arthritis", "gout" };
        var patient = Patients.Quiet()
            .WithTherapy(TherapyStatus.Continuing, Patients.TherapyStart)
            // Recognised medicines that are no longer taken and a recognised indication: 8,000 facts, few findings.
            .WithMedications(Enumerable.Range(0, 4000).Select(i => new Medication { Name = names[i % names.Length], Active = false }).ToArray())
            .WithConditions(Enumerable.Range(0, 4000).Select(i => new Condition { Name = conditions[i % conditions.Length], Status = ConditionStatus.Active }).ToArray());
        var compiled = ClinicalRuleSet.Create(new RuleSetOptions { Engine = RuleEngine.Compiled });

        var watch = Stopwatch.StartNew();
        var onNRules = ClinicalRuleSet.Default.Evaluate(patient);
        watch.Stop();

        onNRules.IsComplete.Should().BeTrue();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "8,000 list entries must cost about linear time");
        EvaluationResultJson.ToJson(onNRules, indented: false).Should().Be(EvaluationResultJson.ToJson(compiled.Evaluate(patient), indented: false));
        var quiet = Patients.Quiet();
        EvaluationResultJson.ToJson(ClinicalRuleSet.Default.Evaluate(quiet), indented: false)
            .Should().Be(EvaluationResultJson.ToJson(compiled.Evaluate(quiet), indented: false));
    }
}
