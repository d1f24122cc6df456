using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Feedback;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;
using Imuran.ClinicalRules.Engine;
using Imuran.ClinicalRules.Facts;
using Imuran.ClinicalRules.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

/// <summary>The service evaluates through the host's <see cref="IClinicalRuleEvaluator"/> (the DI abstraction) when one is registered.</summary>
public class EvaluatorTests
{
    private sealed class CountingEvaluator : IClinicalRuleEvaluator
    {
        private readonly ClinicalRuleSet _inner = ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = ["AZA-INT-001"] });
        private int _calls;

        public int Calls => _calls;

        public string Id => _inner.Id;

        public string Version => _inner.Version;

        public IReadOnlyList<RuleMetadata> Rules => _inner.Rules;

        public IReadOnlyList<string> DisabledRules => _inner.DisabledRules;

        public PolicyReference? Policy => _inner.Policy;

        public RuleThresholds Thresholds => _inner.Thresholds;

        public EvaluationResult Evaluate(PatientFacts facts, EvaluationOptions? options = null)
        {
            Interlocked.Increment(ref _calls);
            return _inner.Evaluate(facts, options);
        }
    }

    // Failed before: the service evaluated with a ClinicalRuleSet and never asked for the registered evaluator.
    [Fact]
    public async Task OrderSign_WithARegisteredEvaluator_EvaluatesThroughIt()
    {
        var evaluator = new CountingEvaluator();
        using var host = new CdsHooksFactory(services: s => s.AddSingleton<IClinicalRuleEvaluator>(evaluator));
        var sign = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, _) = await Spec.PostAsync(host.CreateClient(), Spec.Prefix + "order-sign", sign);

        status.Should().Be(200);
        evaluator.Calls.Should().Be(1);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-PGX-001").And.NotContain("AZA-INT-001", "the registered evaluator leaves it out");
        host.Services.GetRequiredService<CdsFeedbackExporter>().Export().RuleSetVersion.Should().Be(evaluator.Version);
    }
}
