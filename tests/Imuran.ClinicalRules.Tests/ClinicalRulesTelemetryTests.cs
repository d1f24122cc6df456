using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.IO;
using Imuran.ClinicalRules.Policy;
using Imuran.ClinicalRules.Serialization;
using Imuran.ClinicalRules.Tests.Support;

namespace Imuran.ClinicalRules.Tests;

public class ClinicalRulesTelemetryTests
{
    [Fact]
    public void Evaluate_WithListeners_TracesAndCountsWithoutPatientData()
    {
        var policyName = "telemetry-" + Guid.NewGuid().ToString("N");
        var rules = ClinicalRuleSet.Create(new SitePolicy { Name = policyName, Version = "1", ContentHash = "sha256:0" }.ToRuleSetOptions());
        var facts = PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json"))).Facts!;
        var invalid = PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "invalid-lab-unit-diplotype.json"))).Facts!;
        var activities = new List<Activity>();
        var measurements = new List<(string Instrument, long Value, KeyValuePair<string, object?>[] Tags)>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ClinicalRulesTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) { activities.Add(a); } },
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener { InstrumentPublished = (i, l) => { if (i.Meter.Name == ClinicalRulesTelemetry.Name) { l.EnableMeasurementEvents(i); } } };
        meterListener.SetMeasurementEventCallback<long>((i, value, tags, _) => { lock (measurements) { measurements.Add((i.Name, value, tags.ToArray())); } });
        meterListener.SetMeasurementEventCallback<double>((i, value, tags, _) => { lock (measurements) { measurements.Add((i.Name, (long)(value * 1e9), tags.ToArray())); } });
        meterListener.Start();

        var result = rules.Evaluate(facts);
        rules.Evaluate(invalid);

        List<Activity> mine;
        lock (activities)
        {
            mine = activities.Where(a => Equals(a.GetTagItem("imuran.policy.name"), policyName)).ToList();
        }

        mine.Should().HaveCount(2);
        mine[0].OperationName.Should().Be("Evaluate");
        mine[0].GetTagItem("imuran.findings").Should().Be(result.Findings.Count);
        mine[0].GetTagItem("imuran.highest_severity").Should().Be("critical");
        mine[1].GetTagItem("imuran.outcome").Should().Be("invalid");
        lock (measurements)
        {
            measurements.Should().Contain(m => m.Instrument == "imuran.clinical_rules.evaluations" && m.Tags.Contains(new KeyValuePair<string, object?>("outcome", "evaluated")));
            measurements.Should().Contain(m => m.Instrument == "imuran.clinical_rules.validation_failures");
            measurements.Should().Contain(m => m.Instrument == "imuran.clinical_rules.evaluation.duration");
            measurements.Should().Contain(m => m.Instrument == "imuran.clinical_rules.findings" && m.Tags.Contains(new KeyValuePair<string, object?>("severity", "critical")));
            var tagValues = measurements.SelectMany(m => m.Tags).Select(t => t.Value?.ToString()).Concat(mine.SelectMany(a => a.Tags).Select(t => t.Value));
            tagValues.Should().NotContain(v => v == facts.PatientId || v == invalid.PatientId || result.Findings.Any(f => f.Summary == v));
        }
    }
}
