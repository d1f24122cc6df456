using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Imuran.ClinicalRules.CdsHooks.Tests.Support;

namespace Imuran.ClinicalRules.CdsHooks.Tests.Hooks;

public class OrderSignTests
{
    [Fact]
    public async Task OrderSign_TpmtPoorPatientWithAllopurinol_ReturnsTwoCriticalCardsWithBasisAndSources()
    {
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var request = FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())),
            FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, _) = await Spec.PostAsync(client, Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        var cards = Spec.AssertCardsResponse(body);
        var critical = cards.Where(c => c.GetProperty("indicator").GetString() == "critical").ToList();
        critical.Select(Spec.RuleId).Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
        foreach (var card in critical)
        {
            var detail = card.GetProperty("detail").GetString()!;
            detail.Should().Contain("**Basis**").And.Contain("- Logic: ").And.Contain("**Sources**");
            card.GetProperty("source").GetProperty("label").GetString().Should().Contain("imuran-azathioprine").And.Contain("1.0.0");
            card.GetProperty("source").GetProperty("topic").GetProperty("system").GetString().Should().Be("urn:imuran-clinicalrules:rule-id");
            card.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("url").GetString()).Should()
                .Contain(u => u!.Contains("dailymed")).And.Contain(u => u!.Contains("30447069"));
            card.GetProperty("overrideReasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should()
                .Contain(new[] { "cds-not-applicable", "recipient-disagrees-evidence" });
        }

        critical.Single(c => Spec.RuleId(c) == "AZA-PGX-001").GetProperty("detail").GetString().Should().Contain("CPIC");
        critical.Single(c => Spec.RuleId(c) == "AZA-INT-001").GetProperty("detail").GetString().Should().Contain("Imuran USPI");
        body.GetRawText().Should().NotContain("300 MG", "no strength from the EHR is ever echoed");
    }

    [Fact]
    public async Task OrderSign_AllopurinolDraftForPatientOnAzathioprine_RaisesTheInteraction()
    {
        using var factory = new CdsHooksFactory();
        var activeAza = FhirData.MedicationRequest("aza", "active", "1256", "azathioprine", authoredOn: "2025-01-10");
        var request = FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.MedicationRequest("allo-draft", "draft", "519", "Allopurinol 100 MG Oral Tablet", authoredOn: "2026-11-22"))),
            FhirData.Prefetch(medicationRequests: [activeAza]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-INT-001");
        body.GetRawText().Should().NotContain("100 MG");
    }

    [Theory]
    [InlineData("519")]
    [InlineData(null)]
    public async Task OrderSign_AllopurinolOrderWhoseTextMentionsAzathioprine_StillRaisesTheCriticalInteraction(string? code)
    {
        // QA, 2 Dec: an active allopurinol order written "Allopurinol 300 mg - reduce azathioprine to one quarter" was read
        // as azathioprine (coded 519 or not), so the allopurinol was lost and the critical AZA-INT-001 card was missing.
        using var factory = new CdsHooksFactory();
        var allopurinol = FhirData.MedicationRequest("allo", "active", code, "Allopurinol 300 mg - reduce azathioprine to one quarter");
        var request = FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())),
            FhirData.Prefetch(medicationRequests: [allopurinol], pgx: [FhirData.TpmtPoor()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        var cards = Spec.AssertCardsResponse(body);
        cards.Where(c => c.GetProperty("indicator").GetString() == "critical").Select(Spec.RuleId).Should().Contain("AZA-INT-001");
        cards.Select(c => c.GetProperty("detail").GetString()).Should().Contain(
            d => d!.Contains("names 2 medicines (allopurinol, azathioprine)"),
            "an ambiguous order is data the clinician should check, and the cards say so");
        body.GetRawText().Should().NotContain("quarter", "free text carrying an instruction is never echoed").And.NotContain("300 mg");
    }

    [Fact]
    public async Task OrderSign_NoAzathioprineInDraftOrActiveOrders_AnswersNoCards()
    {
        using var factory = new CdsHooksFactory();
        var request = FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.MedicationRequest("allo-draft", "draft", "519", "Allopurinol", authoredOn: "2026-11-22"))),
            FhirData.Prefetch(pgx: [FhirData.TpmtPoor()]));

        var (status, body, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
        Spec.AssertCardsResponse(body).Should().BeEmpty();
    }

    [Fact]
    public async Task OrderSign_SameCallTwice_GivesTheSameAnswer()
    {
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(pgx: [FhirData.TpmtPoor()]));

        var first = await Spec.PostAsync(client, Spec.Prefix + "order-sign", request);
        var second = await Spec.PostAsync(client, Spec.Prefix + "order-sign", request);

        second.Text.Should().Be(first.Text, "same input, same output, same order (card uuids are name-based on the hook instance)");
    }

    [Fact]
    public async Task OrderSign_PatientNameAndMedicineTextWithHtml_IsEscapedInTheDetail()
    {
        using var factory = new CdsHooksFactory();
        var allopurinol = FhirData.MedicationRequest("allo", "active", "519", "Allopurinol <script>alert(x)</script> *bold*");
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [allopurinol]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        var cards = Spec.AssertCardsResponse(body);
        var detail = cards.Single(c => Spec.RuleId(c) == "AZA-INT-001").GetProperty("detail").GetString()!;
        detail.Should().NotContain("<script>").And.Contain("\\<script\\>");
    }
}

public class MedicationHookTests
{
    [Fact]
    public async Task MedicationPrescribe_WithTheOrderAsAMedicationsArray_AnswersCards()
    {
        using var factory = new CdsHooksFactory();
        var context = FhirData.PatientContext();
        context["medications"] = new System.Text.Json.Nodes.JsonArray(FhirData.AzathioprineDraft());

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "medication-prescribe", FhirData.Request("medication-prescribe", context, FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()])));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Where(c => c.GetProperty("indicator").GetString() == "critical").Select(Spec.RuleId).Should().BeEquivalentTo("AZA-INT-001", "AZA-PGX-001");
    }

    [Fact]
    public async Task MedicationVerify_WithTheOrderAsMedication_AnswersCards()
    {
        using var factory = new CdsHooksFactory();
        var context = FhirData.PatientContext();
        context["medication"] = FhirData.MedicationRequest("aza", "active", "1256", "azathioprine", authoredOn: "2026-11-20");

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "medication-verify", FhirData.Request("medication-verify", context, FhirData.Prefetch(pgx: [FhirData.TpmtPoor()])));

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-PGX-001");
    }

    [Fact]
    public async Task HookNotTheServicesHook_Answers400()
    {
        using var factory = new CdsHooksFactory();

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch()));

        status.Should().Be(400);
        Spec.AssertOperationOutcome(body);
    }
}

public class RuleSetChoiceTests
{
    [Fact]
    public async Task RuleSetWithTheInteractionDisabled_RaisesNoCardForIt()
    {
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions { DisabledRules = ["AZA-INT-001"] });
        using var factory = new CdsHooksFactory(o => o.RuleSet = ruleSet);
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        Spec.AssertCardsResponse(body).Select(Spec.RuleId).Should().Contain("AZA-PGX-001").And.NotContain("AZA-INT-001");
    }
}

public class ServiceConfigurationOnCardsTests
{
    private static System.Text.Json.Nodes.JsonNode Request() => FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));

    [Fact]
    public async Task RuleSetWithAPolicy_EveryCardNamesThePolicyTheThresholdsAndTheRulesLeftOut()
    {
        // Stop 28: a service run under a site policy showed none of it: a card's logic named the default window
        // ("default 90 days") while the service used another, and rules left out disappeared unseen.
        var ruleSet = ClinicalRuleSet.Create(new RuleSetOptions
        {
            DisabledRules = ["AZA-INT-001"],
            Thresholds = new RuleThresholds { LiverTestWindowDays = 60 },
            Policy = new Imuran.ClinicalRules.Policy.PolicyReference("st-elsewhere-pharmacy", "2026-12", "sha256:" + new string('0', 64)),
        });
        using var factory = new CdsHooksFactory(o => o.RuleSet = ruleSet);

        var (status, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", Request());

        status.Should().Be(200);
        var details = Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).ToList();
        details.Should().NotBeEmpty().And.OnlyContain(d => d.Contains(
            "- Service configuration: site policy st-elsewhere-pharmacy 2026-12; thresholds changed from the defaults: liverTestWindowDays 60 (default 90); rules left out: AZA-INT-001"));
    }

    [Fact]
    public async Task DefaultRuleSet_CardsSayNothingAboutConfiguration()
    {
        using var factory = new CdsHooksFactory();

        var (_, body, _) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", Request());

        Spec.AssertCardsResponse(body).Select(c => c.GetProperty("detail").GetString()!).Should().NotBeEmpty().And.NotContain(d => d.Contains("Service configuration"));
    }
}

public class ConcurrencyTests
{
    [Fact]
    public async Task ManyCallsAtOnce_AllGetTheSameAnswer()
    {
        using var factory = new CdsHooksFactory();
        var client = factory.CreateClient();
        var request = FhirData.Request("order-sign", FhirData.OrderContext(FhirData.Drafts(FhirData.AzathioprineDraft())), FhirData.Prefetch(medicationRequests: [FhirData.Allopurinol()], pgx: [FhirData.TpmtPoor()]));
        var expected = (await Spec.PostAsync(client, Spec.Prefix + "order-sign", request)).Text;

        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Spec.PostAsync(client, Spec.Prefix + "order-sign", request)));

        answers.Should().OnlyContain(a => a.Status == 200 && a.Text == expected);
    }
}

public class StoppedTherapyTests
{
    [Fact]
    public async Task OrderSign_AzathioprineOnlyStopped_AnswersNoCards()
    {
        // Issue 11 added TherapyStatus.Stopped (a stopped or completed azathioprine order and no active one): a past
        // order is not "azathioprine in the orders" (this test failed before the fix: Stopped was taken as present).
        using var factory = new CdsHooksFactory();
        var stopped = FhirData.MedicationRequest("aza-old", "stopped", "1256", "azathioprine", authoredOn: "2020-01-10");
        var request = FhirData.Request(
            "order-sign",
            FhirData.OrderContext(FhirData.Drafts(FhirData.MedicationRequest("allo-draft", "draft", "519", "Allopurinol", authoredOn: "2026-11-22"))),
            FhirData.Prefetch(medicationRequests: [stopped], pgx: [FhirData.TpmtPoor()]));

        var (status, _, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "order-sign", request);

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
    }

    [Fact]
    public async Task PatientView_AzathioprineOnlyStopped_AnswersNoCards()
    {
        using var factory = new CdsHooksFactory();
        var stopped = FhirData.MedicationRequest("aza-old", "completed", "1256", "azathioprine", authoredOn: "2020-01-10");

        var (status, _, text) = await Spec.PostAsync(factory.CreateClient(), Spec.Prefix + "patient-view", FhirData.Request("patient-view", FhirData.PatientContext(), FhirData.Prefetch(medicationRequests: [stopped])));

        status.Should().Be(200);
        text.Should().Be("{\"cards\":[]}");
    }
}
