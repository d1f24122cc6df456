using System.IO;
using System.Text;
using Imuran.ClinicalRules.Findings;
using Imuran.ClinicalRules.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Imuran.ClinicalRules.DependencyInjection.Tests;

public class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddImuranClinicalRules_OneLine_SingletonEvaluatorWithIdVersionAndRules()
    {
        using var provider = new ServiceCollection().AddImuranClinicalRules().BuildServiceProvider();

        var evaluator = provider.GetRequiredService<IClinicalRuleEvaluator>();

        evaluator.Should().BeSameAs(provider.GetRequiredService<IClinicalRuleEvaluator>());
        evaluator.Id.Should().Be(ClinicalRuleSet.Default.Id);
        evaluator.Version.Should().Be(ClinicalRuleSet.Default.Version);
        evaluator.Rules.Select(r => r.Id).Should().Equal(ClinicalRuleSet.Default.Rules.Select(r => r.Id));
        evaluator.DisabledRules.Should().BeEmpty();
        evaluator.Policy.Should().BeNull();
        provider.GetRequiredService<ClinicalRuleSet>().Should().BeSameAs(provider.GetRequiredService<ClinicalRuleSet>());
    }

    [Fact]
    public void AddImuranClinicalRules_AppSettingsShape_BindsPolicyFileRulesTopicsAndThresholds()
    {
        var appsettings = $$"""
            { "ImuranClinicalRules": {
                "PolicyFile": {{System.Text.Json.JsonSerializer.Serialize(RepoPaths.SamplePolicy)}},
                "DisabledRules": [ "aza-pgx-003" ],
                "DisabledTopics": [ "HSTCL" ],
                "Thresholds": { "EgfrThreshold": "45" } } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(appsettings))).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddImuranClinicalRules().BuildServiceProvider();

        var evaluator = provider.GetRequiredService<IClinicalRuleEvaluator>();

        evaluator.DisabledRules.Should().Equal("AZA-HND-001", "AZA-INT-003", "AZA-MAL-003", "AZA-MAL-004", "AZA-PGX-003");
        evaluator.Policy!.Name.Should().Be("st-elsewhere-pharmacy");
        evaluator.Policy.Version.Should().Be("2026-12+host-configuration", "settings outside the reviewed file must never pass for it");
    }

    [Fact]
    public void AddImuranClinicalRules_SectionOfAnotherName_IsBound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Cds:Azathioprine:DisabledTopics:0"] = "handling" }).Build();
        using var provider = new ServiceCollection().AddImuranClinicalRules(configuration.GetSection("Cds:Azathioprine")).BuildServiceProvider();

        provider.GetRequiredService<IClinicalRuleEvaluator>().DisabledRules.Should().Equal("AZA-HND-001");
    }

    [Fact]
    public void AddImuranClinicalRules_CodeAfterConfiguration_CodeWins()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ImuranClinicalRules:PolicyFile"] = "missing.json" }).Build();
        using var provider = new ServiceCollection().AddSingleton<IConfiguration>(configuration)
            .AddImuranClinicalRules(o => o.PolicyFile = RepoPaths.SamplePolicy)
            .BuildServiceProvider();

        provider.GetRequiredService<IClinicalRuleEvaluator>().Policy!.Version.Should().Be("2026-12");
    }

    [Theory]
    [InlineData("rule", "AZA-PGX-999", "Valid rule ids: AZA-")]
    [InlineData("topic", "kidneys", "Valid topics: tpmt")]
    [InlineData("option", "liverWindow", "Valid thresholds: egfrThreshold")]
    [InlineData("policy", "no-such-policy.json", "cannot be read")]
    [InlineData("range", "LiverTestWindowDays", "cannot be negative")]
    [InlineData("rule", "AZA-DQ-001", "POLICY_DISABLES_DATA_QUALITY")] // stop 25: unknown is not normal, no configuration may silence it
    [InlineData("topic", "data-quality", "POLICY_DISABLES_DATA_QUALITY")]
    [InlineData("rule", "AZA-PGX-009", "POLICY_DISABLES_DATA_QUALITY")] // stop 28: rules reporting missing data outside that topic too
    [InlineData("topic", "lft-monitoring", "POLICY_DISABLES_DATA_QUALITY")]
    public async Task HostStart_WrongOptions_FailsWithTheValidValues(string kind, string value, string listed)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddImuranClinicalRules(o =>
        {
            switch (kind)
            {
                case "rule": o.DisabledRules.Add(value); break;
                case "topic": o.DisabledTopics.Add(value); break;
                case "option": o.Thresholds[value] = "1"; break;
                case "range": o.Thresholds[value] = "-5"; break;
                default: o.PolicyFile = value; break;
            }
        });
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain(value).And.Contain(listed);
    }

    [Fact]
    public void Logging_Evaluations_NeverCarryPatientDataOrFindingTexts()
    {
        var sink = new ListLoggerProvider();
        using var provider = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(sink))
            .AddImuranClinicalRules(o => o.PolicyFile = RepoPaths.SamplePolicy)
            .BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IClinicalRuleEvaluator>();
        var facts = PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "tpmt-poor-allopurinol.json"))).Facts!;
        var invalid = PatientFactsJson.Read(File.ReadAllText(RepoPaths.InRepo("samples", "patients", "invalid-lab-unit-diplotype.json")));

        var result = evaluator.Evaluate(facts);
        evaluator.Evaluate(invalid.Facts!);

        sink.Messages.Should().Contain(m => m.Level == LogLevel.Information && m.Text.Contains("st-elsewhere-pharmacy 2026-12 sha256:"));
        sink.Messages.Should().Contain(m => m.Level == LogLevel.Debug && m.Text.Contains(result.Findings.Count + " findings"));
        var quoted = new[] { facts.PatientId!, invalid.Facts!.PatientId! }
            .Concat(result.Findings.SelectMany(f => new[] { f.Summary, f.Detail, f.Review }))
            .Concat(facts.Medications.Select(m => m.Name!))
            .Concat(result.Findings.SelectMany(f => f.Basis.Facts.Select(b => b.Value)));
        foreach (var text in quoted)
        {
            sink.Messages.Should().NotContain(m => m.Text.Contains(text), "logs must never carry patient data or finding texts");
        }
    }

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<(LogLevel Level, string Text)> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new ListLogger(this);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Messages)
                {
                    owner.Messages.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
